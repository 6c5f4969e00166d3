/**
 * Layouts that fit a council laptop (1366x768) and a smaller screen (1024x640), measured as boxes:
 * - "Tag selected…": the criterion list opens under its field, inside the window, searchable and
 *   keyboard operable (Esc closes the list, not the dialog);
 * - Coverage with its side panel open: criterion names at most two lines, nothing sideways, a row
 *   scrolled to stops below the sticky headings, switching Heatmap/List starts at the top, and a
 *   long evidence title wraps beside its remove button;
 * - the document view: Esc puts away the results shown over the document before it closes the
 *   document, and a result's path wraps between folders, never inside a name.
 *
 * Each test has an app of its own (freshApp): they tag documents.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, callApi, type RunningApp } from './app-fixture.ts';
import { expectAccessible } from './axe.ts';

test.use({ bypassCSP: true });

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1366, height: 768 },
] as const;

async function start(page: Page, app: RunningApp, size: (typeof SIZES)[number]): Promise<void> {
  await page.setViewportSize(size);
  await page.goto(app.launchUrl);
  await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toBeVisible();
  await callApi(page, 'roots.add', { path: app.evidenceDir });
  await expect(page.getByTestId('index-status')).toContainText('Index up to date', { timeout: 45_000 });
}

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

/** The box is wholly inside the window. */
function expectInWindow(b: Box, size: (typeof SIZES)[number], what: string): void {
  expect(b.x, `${what}: left edge`).toBeGreaterThanOrEqual(0);
  expect(b.y, `${what}: top edge`).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width, `${what}: right edge`).toBeLessThanOrEqual(size.width);
  expect(b.y + b.height, `${what}: bottom edge`).toBeLessThanOrEqual(size.height);
}

/** How many lines the element's text takes. */
async function lineCount(element: Locator): Promise<number> {
  return element.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  });
}

for (const size of SIZES) {
  test(`the criterion picker in "Tag selected…" opens under its field at ${size.width}x${size.height}, searchable and keyboard operable`, async ({ page, freshApp }) => {
    await start(page, freshApp, size);
    await page.getByTestId('result-check').first().check();
    await page.getByRole('button', { name: 'Tag selected…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tag against a criterion' });
    const field = dialog.getByRole('combobox', { name: 'Criterion' });
    await field.click();
    const list = page.getByRole('listbox');
    await expect(list).toBeVisible();

    // Under its field, as wide as it, and inside the window (at 1366 it used to fill the window's
    // right edge from top to bottom). The whole framework is offered, grouped by judgement.
    const fieldBox = await box(field);
    const listBox = await box(list);
    expect(listBox.y, 'the list starts under the field').toBeGreaterThanOrEqual(fieldBox.y + fieldBox.height);
    expect(listBox.y - (fieldBox.y + fieldBox.height), 'the list starts right under the field').toBeLessThanOrEqual(8);
    expect(Math.abs(listBox.x - fieldBox.x), 'the list lines up with the field').toBeLessThanOrEqual(16);
    expect(listBox.x + listBox.width).toBeGreaterThanOrEqual(fieldBox.x + fieldBox.width);
    expectInWindow(listBox, size, 'the criterion list');
    await expect(list.getByRole('group')).toHaveCount(4);
    await expect(list.getByRole('group', { name: 'Help and protection' })).toBeVisible();

    // Typing filters by code or by words, each match under its judgement.
    await field.fill('hp04');
    await expect(list.getByRole('option')).toHaveText([/^HP04\s*Strategy discussions and section 47 enquiries$/u]);
    await field.fill('stab hom');
    await expect(list.getByRole('group', { name: 'Children in care' }).getByRole('option', { name: /CIC05/u })).toBeVisible();
    expectInWindow(await box(list), size, 'the filtered list');
    await page.screenshot({ path: `test-results/criterion-picker-${size.width}.png` });
    await expectAccessible(page, `the criterion list at ${size.width} (light)`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, `the criterion list at ${size.width} (dark)`);
    await page.emulateMedia({ colorScheme: 'light' });

    // The keyboard: arrows move through the matches, Enter chooses, Esc closes the list only.
    await field.fill('stab');
    await expect(list.getByRole('option').first()).toBeVisible();
    await field.press('ArrowDown');
    const first = await field.getAttribute('aria-activedescendant');
    await field.press('ArrowDown');
    const active = await field.getAttribute('aria-activedescendant');
    expect(active, 'the arrow moved to the next criterion').not.toBe(first);
    const chosen = (await page.locator(`[id="${active}"]`).textContent())!;
    await field.press('Enter');
    await expect(list).toBeHidden();
    const flat = (text: string) => text.replace(' · ', '').replace(/\s/gu, '');
    expect(flat(await field.inputValue())).toBe(flat(chosen));
    await field.press('ArrowDown');
    await expect(list).toBeVisible();
    expectInWindow(await box(list), size, 'the list opened from the keyboard');
    await field.press('Escape');
    await expect(list).toBeHidden();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Tag', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('search-result').first().getByTestId('result-evidence')).toContainText('Draft');
  });

  test(`Coverage with its side panel open at ${size.width}x${size.height}: names in two lines at most, rows clear of the headings`, async ({ page, freshApp }) => {
    const longTitle = 'Supervision_notes_North_team_quarterly_review_of_management_oversight_2024-25_final_version';
    await start(page, freshApp, size);
    const { documentId } = await callApi<{ documentId: number }>(page, 'documents.byPath', { path: join(freshApp.evidenceDir, 'supervision-notes.txt') });
    await callApi(page, 'evidence.save', { documentId, fields: { title: longTitle, status: 'approved' } });
    await callApi(page, 'tags.add', { documentIds: [documentId], frameworkId: 'ilacs-2026', criterionId: 'HP04', strength: 'key', note: '' });

    await page.locator('body').press('Alt+3');
    await page.getByRole('main').getByRole('tab', { name: /^Coverage/u }).click();
    const heatmap = page.getByTestId('coverage-heatmap');
    await expect(heatmap).toBeVisible();
    // The heatmap is the one list of criteria: no tree beside it repeating its rows.
    await expect(page.getByTestId('framework-tree')).toHaveCount(0);

    // The evidence behind HP04, in the side panel.
    const hp04 = heatmap.locator('[data-testid="coverage-row"][data-criterion="HP04"]');
    await hp04.getByRole('button', { name: /^HP04 Strategy discussions and section 47 enquiries\s*: show all its evidence$/u }).click();
    const panel = page.getByRole('complementary', { name: 'Evidence behind the cell' });
    await expect(panel.getByTestId('cell-evidence-item')).toHaveCount(1);

    // Every criterion name in one or two lines, the whole of it on hover.
    const titles = heatmap.getByTestId('criterion-title');
    expect(await titles.count()).toBe(55);
    const lines = await titles.evaluateAll((els) =>
      els.map((el) => ({ id: el.closest('tr')!.dataset.criterion, height: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight) })),
    );
    const tall = lines.filter((l) => l.height > 2 * l.line + 1).map((l) => `${l.id}: ${Math.round(l.height / l.line)} lines`);
    expect(tall, 'criterion names over two lines').toEqual([]);
    await expect(hp04.getByTitle('HP04 Strategy discussions and section 47 enquiries')).toBeVisible();

    // Nothing scrolls sideways.
    const scroller = page.getByTestId('coverage-scroll');
    expect(await scroller.evaluate((el) => el.scrollWidth - el.clientWidth), 'the coverage scrolls sideways').toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth - document.scrollingElement!.clientWidth)).toBeLessThanOrEqual(0);

    // The long title wraps in its own column, beside its remove button, not under it.
    const item = panel.getByTestId('cell-evidence-item');
    const title = await box(item.getByTestId('cell-evidence-title'));
    const remove = await box(item.getByTestId('cell-evidence-remove'));
    expect(title.x + title.width, 'the title runs under its remove button').toBeLessThanOrEqual(remove.x);
    expect(await lineCount(item.getByTestId('cell-evidence-title')), 'the long title wraps').toBeGreaterThan(1);
    const itemBox = await box(item);
    expect(title.x + title.width).toBeLessThanOrEqual(itemBox.x + itemBox.width);

    await page.screenshot({ path: `test-results/coverage-side-panel-${size.width}.png` });
    await expectAccessible(page, `Coverage with the side panel at ${size.width} (light)`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, `Coverage with the side panel at ${size.width} (dark)`);
    await page.emulateMedia({ colorScheme: 'light' });

    // A row the focus moves to from below stops under the sticky column headings, not behind them.
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const hp01 = heatmap.locator('[data-testid="coverage-row"][data-criterion="HP01"]');
    await hp01.getByRole('button').first().focus();
    const headings = await box(heatmap.locator('thead'));
    const row = await box(hp01);
    expect(row.y, 'the row scrolled to is under the sticky headings').toBeGreaterThanOrEqual(headings.y + headings.height - 1);
    expect(row.y + row.height).toBeLessThanOrEqual((await box(scroller)).y + (await box(scroller)).height);

    // Switching to the list starts at its top: Sort and Only gaps in sight.
    await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.getByRole('tab', { name: 'List' }).click();
    await expect(page.getByTestId('coverage-list')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Sort' })).toBeInViewport();
    await expect(page.getByRole('switch', { name: 'Only gaps' })).toBeInViewport();
    expect(await page.getByTestId('coverage-scroll').evaluate((el) => el.scrollTop)).toBe(0);
    const listTitles = page.getByTestId('coverage-list').getByTestId('criterion-title');
    const listTall = await listTitles.evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(el).lineHeight) + 1).length);
    expect(listTall, 'criterion names over two lines in the list').toBe(0);
  });

  test(`the document view at ${size.width}x${size.height}: Esc puts away the results over the document first; paths wrap between folders`, async ({ page, freshApp }) => {
    // A document deep in folders with long names, so its path must wrap in the narrow list.
    const folder = join(freshApp.evidenceDir, 'Placement_stability_quarterly_reviews', 'North_and_South_localities');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'panel-minutes-kestrelwatch.txt'), 'Placement panel minutes. The kestrelwatch review of moves was agreed.\n');
    await start(page, freshApp, size);
    const search = page.getByRole('searchbox', { name: 'Search evidence' });
    await search.fill('kestrelwatch');
    const result = page.getByTestId('search-result').filter({ hasText: 'panel-minutes-kestrelwatch' });
    await expect(result).toHaveCount(1);
    await result.getByRole('button', { name: /panel.minutes.kestrelwatch/u }).first().click();
    const view = page.getByTestId('document-view');
    await expect(view.getByTestId('doc-page-text')).toContainText('kestrelwatch');
    const results = page.getByRole('region', { name: 'Search results' });
    const toggle = view.getByTestId('results-toggle');

    // The list over the document: its path is whole names on each line, the full path on hover.
    await toggle.click();
    await expect(results).toBeVisible();
    const path = results.getByTestId('path-text');
    await expect(path).toHaveAttribute('title', join(folder, 'panel-minutes-kestrelwatch.txt'));
    const pieces = await path.getByTestId('path-piece').evaluateAll((els) =>
      els.map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        return { text: el.textContent, lines: tops.size, cut: el.scrollWidth > el.clientWidth, top: Math.round(el.getBoundingClientRect().top) };
      }),
    );
    expect(pieces.filter((p) => p.lines !== 1 || p.cut).map((p) => p.text), 'path names broken or cut').toEqual([]);
    expect(new Set(pieces.map((p) => p.top)).size, 'the path wraps (between folders) in the narrow list').toBeGreaterThan(1);
    await page.screenshot({ path: `test-results/document-results-path-${size.width}.png` });

    // Esc with the focus in the list: the list goes, the document stays, the focus is on Results.
    await results.getByRole('button', { name: /panel.minutes.kestrelwatch/u }).first().focus();
    await page.keyboard.press('Escape');
    await expect(results).toBeHidden();
    await expect(view).toBeVisible();
    await expect(toggle).toBeFocused();

    // Esc in the search box: the same (the box does not close the document behind the list).
    await toggle.click();
    await expect(results).toBeVisible();
    await search.focus();
    await search.press('Escape');
    await expect(results).toBeHidden();
    await expect(view).toBeVisible();

    // With nothing over it, Esc closes the document.
    await page.locator('body').press('Escape');
    await expect(view).toBeHidden();
    await expect(results).toBeVisible();
  });
}
