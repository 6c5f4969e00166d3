/**
 * The document view on a council laptop's screen (1366x768) and a smaller one (1024x640): the PDF
 * gets the room (never under 480 px wide), nothing scrolls sideways, the title wraps between words,
 * the results list and the evidence panel are a button away, zoom works, and an Excel sheet is a
 * table with its hit cells marked. Checked with axe in light and dark at both sizes.
 *
 * Each size has an app of its own (freshApp), with a workbook added beside the fixture documents.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, callApi, type RunningApp } from './app-fixture.ts';
import { expectAccessible } from './axe.ts';
import { buildXlsx, c, row } from '../fixtures/extract/build-ooxml.ts';

test.use({ bypassCSP: true });

const PDF_TITLE = 'Placement Stability Review 2024';
/** The one cell of the workbook that holds the word searched for, far down a big sheet. */
const HIT_ROW = 1500;
const SHEET_ROWS = 3000;

function writeWorkbook(dir: string): void {
  const rows = [row(1, c('A1', 'Team'), c('B1', 'Child'), c('C1', 'Moves'), c('D1', 'Note'))];
  for (let n = 2; n <= SHEET_ROWS + 1; n++) {
    const note = n === HIT_ROW ? 'ospreywatch review held' : 'settled';
    rows.push(row(n, c(`A${n}`, n % 2 ? 'North' : 'South'), c(`B${n}`, `Child ${n}`), c(`C${n}`, n % 5), c(`D${n}`, note)));
  }
  writeFileSync(join(dir, 'Placement moves by child.xlsx'), buildXlsx({ sheets: [{ name: 'Placements', data: rows.join('') }] }));
}

async function start(page: Page, app: RunningApp): Promise<void> {
  writeWorkbook(app.evidenceDir);
  await page.goto(app.launchUrl);
  await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toBeVisible();
  await callApi(page, 'roots.add', { path: app.evidenceDir });
  await expect(page.getByTestId('index-status')).toContainText('Index up to date', { timeout: 45_000 });
}

async function search(page: Page, words: string, title: RegExp | string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search evidence' });
  await expect(async () => {
    await box.fill('');
    await box.fill(words);
    // The answer to these words, not the list of all documents shown while the box was empty.
    await expect(page.getByTestId('search-summary')).toContainText('found', { timeout: 2000 });
    await expect(page.getByTestId('search-result').filter({ hasText: title })).toHaveCount(1, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}

/** Nothing scrolls sideways: the page itself, and each of the given areas. */
async function expectNoSidewaysScroll(page: Page, areas: Locator[]): Promise<void> {
  const pageOverflow = await page.evaluate(() => {
    const root = document.scrollingElement!;
    return root.scrollWidth - root.clientWidth;
  });
  expect(pageOverflow, 'the page scrolls sideways').toBeLessThanOrEqual(0);
  for (const area of areas) {
    const overflow = await area.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, `${await area.getAttribute('data-testid')} scrolls sideways`).toBeLessThanOrEqual(0);
  }
}

/** The words of the element's text that are split over two lines. */
async function wordsBrokenAcrossLines(element: Locator): Promise<string[]> {
  return element.evaluate((el) => {
    const broken: string[] = [];
    const node = el.firstChild;
    if (!(node instanceof Text)) return ['(no text)'];
    for (const m of node.data.matchAll(/\S+/gu)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1) broken.push(m[0]);
    }
    return broken;
  });
}

const pageWidth = async (view: Locator) => (await view.getByTestId('pdf-page').boundingBox())?.width ?? 0;

for (const size of [
  { width: 1024, height: 640 },
  { width: 1366, height: 768 },
]) {
  test(`the document view at ${size.width}x${size.height}: a readable PDF, no sideways scrolling, panels a button away, a sheet as a table`, async ({ page, freshApp }) => {
    test.setTimeout(120_000);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.setViewportSize(size);
    await start(page, freshApp);

    // A PDF from the search results.
    await search(page, '"kestrel permanence protocol"', PDF_TITLE);
    // The answer with its best page (the phrase is on page 2 only) before the title is clicked.
    await expect(page.getByTestId('search-result').filter({ hasText: PDF_TITLE }).getByRole('button', { name: /^Page 2: open/u })).toBeVisible();
    await page.getByTestId('search-result').getByRole('button', { name: PDF_TITLE, exact: true }).click();
    const view = page.getByTestId('document-view');
    await expect(view.getByTestId('doc-page-label')).toHaveText('Page 2 of 3');
    await expect(view.getByTestId('pdf-page').locator('canvas')).toBeVisible();
    await expect(view.locator('mark.es-pdf-hit')).toHaveCount(3);

    // The page is drawn at least 480 px wide: the document has taken the results' place.
    const fitted = await pageWidth(view);
    expect(fitted).toBeGreaterThanOrEqual(480);
    expect((await view.getByTestId('pdf-page').locator('canvas').boundingBox())!.width).toBeGreaterThanOrEqual(480);
    await expectNoSidewaysScroll(page, [view, view.getByTestId('document-body')]);
    await expect(view).toHaveAttribute('data-layout', 'maximised');

    // The title wraps between words (or is cut, with the whole of it in the tooltip).
    const title = view.getByTestId('doc-title');
    expect(await wordsBrokenAcrossLines(title)).toEqual([]);
    await expect(title).toHaveAttribute('title', PDF_TITLE);
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // The dates say what they are.
    await expect(view.getByTestId('doc-modified')).toHaveText(/^Modified \d/u);

    await page.screenshot({ path: `test-results/document-view-${size.width}.png` });
    await expectAccessible(page, `the PDF at ${size.width} (light)`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, `the PDF at ${size.width} (dark)`);
    await page.emulateMedia({ colorScheme: 'light' });

    // The evidence panel is one button away: beside the page where there is room, over it where not.
    const evidenceButton = view.getByRole('button', { name: 'Evidence', exact: true });
    const panel = page.getByTestId('evidence-panel');
    const wasOpen = await panel.isVisible();
    expect(wasOpen, 'the evidence panel is beside the page at 1366, and closed (not squeezing it) at 1024').toBe(size.width >= 1366);
    await evidenceButton.click();
    await expect(panel).toBeVisible({ visible: !wasOpen });
    if (!wasOpen) {
      await expect(panel.getByRole('button', { name: 'Make this evidence' })).toBeVisible();
      await page.screenshot({ path: `test-results/document-evidence-over-${size.width}.png` });
      await expectAccessible(page, `the evidence panel over the PDF at ${size.width}`);
      // Esc puts the panel over the page away first (not the document), the focus back on its button.
      await panel.getByRole('button', { name: 'Make this evidence' }).focus();
      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();
      await expect(view).toBeVisible();
      await expect(evidenceButton).toBeFocused();
      await evidenceButton.click();
      await expect(panel).toBeVisible();
    }
    expect(await pageWidth(view)).toBeGreaterThanOrEqual(480);
    await expectNoSidewaysScroll(page, [view.getByTestId('document-body')]);
    await evidenceButton.click();
    await expect(panel).toBeVisible({ visible: wasOpen });

    // The results list too: it opens over the document, and opening a result puts it away.
    const results = page.getByRole('region', { name: 'Search results' });
    await expect(results).toBeHidden();
    await view.getByTestId('results-toggle').click();
    await expect(results).toBeVisible();
    await expect(results.getByTestId('search-result')).toHaveCount(1);
    await page.screenshot({ path: `test-results/document-results-over-${size.width}.png` });
    await results.getByRole('button', { name: `Page 2: open ${PDF_TITLE} there` }).click();
    await expect(results).toBeHidden();
    expect(await pageWidth(view)).toBeGreaterThanOrEqual(480);

    // Zoom in makes the page wider, zoom out narrower (never under 480 px), fit width brings it back.
    await view.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => pageWidth(view)).toBeGreaterThan(fitted + 20);
    await view.getByRole('button', { name: 'Fit width' }).click();
    await expect.poll(() => pageWidth(view)).toBeCloseTo(fitted, 0);
    await view.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(() => pageWidth(view)).toBeLessThan(fitted - 5);
    expect(await pageWidth(view)).toBeGreaterThanOrEqual(480);
    await view.getByRole('button', { name: 'Fit width' }).click();
    await expect.poll(() => pageWidth(view)).toBeCloseTo(fitted, 0);
    await expectNoSidewaysScroll(page, [view.getByTestId('document-body')]);

    // A workbook: its sheet as a table with column headings, the hit cell marked and in view, and
    // only the rows near the view drawn (3,000 rows).
    await search(page, 'ospreywatch', 'Placement moves by child');
    await page.getByTestId('search-result').getByRole('button', { name: /Placement moves by child/u }).first().click();
    const table = view.getByRole('table', { name: 'Sheet Placements' });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader')).toHaveText(['Team', 'Child', 'Moves', 'Note']);
    await expect(table).toHaveAttribute('aria-rowcount', String(SHEET_ROWS + 1));
    const hitCell = table.locator('[data-hit="true"]');
    await expect(hitCell).toHaveCount(1);
    await expect(hitCell).toHaveText('ospreywatch review held');
    await expect(hitCell.locator('mark')).toHaveText('ospreywatch');
    await expect(hitCell).toBeInViewport();
    // The hit's row holds its own cells, aligned under their headings.
    const hitRow = table.getByRole('row').filter({ has: page.locator('[data-hit="true"]') });
    await expect(hitRow).toHaveAttribute('aria-rowindex', String(HIT_ROW));
    await expect(hitRow.getByRole('cell')).toHaveText([HIT_ROW % 2 ? 'North' : 'South', `Child ${HIT_ROW}`, String(HIT_ROW % 5), 'ospreywatch review held']);
    expect(await table.getByRole('row').count()).toBeLessThan(200);
    await expectNoSidewaysScroll(page, [view, view.getByTestId('document-body')]);

    await page.screenshot({ path: `test-results/document-sheet-${size.width}.png` });
    await expectAccessible(page, `the sheet at ${size.width} (light)`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, `the sheet at ${size.width} (dark)`);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(pageErrors).toEqual([]);
  });
}
