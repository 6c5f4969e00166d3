/**
 * The Evidence area in real Chromium, at a council laptop's screen and a smaller one: documents
 * tagged from Search appear as rows; the table sorts from its headers, filters by words and facets
 * (in a drawer at 1024 px), marks an overdue review-by in words; ticking a run with Shift and
 * "Set status…" changes them, recorded in their history, and Undo puts them back; a row's title opens
 * its document. axe-clean and nothing sideways at both widths.
 */
import type { Page } from '@playwright/test';
import { test, expect, callApi, type RunningApp } from './app-fixture.ts';
import { expectAccessible } from './axe.ts';

test.use({ bypassCSP: true });

interface Table {
  rows: { id: number; title: string; status: string }[];
}

/** The fixture folder indexed, one approved item past its review-by date, two documents tagged from Search, three items in all. */
async function start(page: Page, app: RunningApp): Promise<void> {
  await page.goto(app.launchUrl);
  await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toBeVisible();
  await callApi(page, 'roots.add', { path: app.evidenceDir });
  await expect(page.getByTestId('index-status')).toContainText('Index up to date', { timeout: 45_000 });
  const { documentId } = await callApi<{ documentId: number }>(page, 'documents.byPath', { path: `${app.evidenceDir}/supervision-notes.txt` });
  await callApi(page, 'evidence.save', { documentId, fields: { title: 'Supervision notes, North team', team: 'North', status: 'approved', reviewBy: '2020-01-31' } });

  // Tag two documents from the search results, as a user does.
  await page.getByRole('searchbox', { name: 'Search evidence' }).fill('chronology OR interviews');
  await expect(page.getByTestId('search-result')).toHaveCount(2);
  await page.getByTestId('selection-bar').getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Tag selected…' }).click();
  const dialog = page.getByRole('dialog');
  const picker = dialog.getByRole('combobox', { name: 'Criterion' });
  await picker.click();
  await picker.fill('exploitation missing');
  await page.getByRole('option', { name: /HP10/u }).click();
  await dialog.getByRole('button', { name: 'Tag', exact: true }).click();
  await expect(dialog).toBeHidden();
  // Whichever document the search did not find is evidence too (a team set from its panel, say): three items.
  for (const name of ['team-briefing.html', 'Placement-Stability-Review-2024.pdf']) {
    const doc = await callApi<{ documentId: number }>(page, 'documents.byPath', { path: `${app.evidenceDir}/${name}` });
    await callApi(page, 'evidence.save', { documentId: doc.documentId, fields: { team: 'Placements' } });
  }
}

const rowTitles = (page: Page) => page.getByTestId('evidence-title').allTextContents();
const row = (page: Page, title: string) => page.getByTestId('evidence-table').getByRole('row').filter({ has: page.getByRole('button', { name: title, exact: true }) });

async function expectNothingSideways(page: Page, where: string): Promise<void> {
  const sideways = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > root.clientWidth) found.push('the page');
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const overflowX = getComputedStyle(el).overflowX;
      if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1) found.push(el.tagName.toLowerCase());
    }
    return found;
  });
  expect(sideways, `${where}: scrolls sideways`).toEqual([]);
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1024, height: 640 },
] as const) {
  const at = `${size.width}x${size.height}`;

  test(`the Evidence area at ${at}: sort, filter, set status for a run of rows and undo, open a row`, async ({ page, freshApp: app }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(size);
    await start(page, app);

    await page.locator('body').press('Alt+7');
    await expect(page.getByRole('main', { name: 'Evidence' })).toBeVisible();
    const summary = page.getByTestId('evidence-summary');
    await expect(summary).toHaveText('3 evidence items');
    const all = await callApi<Table>(page, 'evidence.table', {});
    expect(await rowTitles(page)).toEqual(all.rows.map((r) => r.title));

    // The approved item's review-by has passed: said in words, in the British date format.
    const north = row(page, 'Supervision notes, North team');
    await expect(north.getByTestId('evidence-review')).toContainText('Overdue');
    await expect(north.getByTestId('evidence-review')).toContainText('31/01/2020');
    // A date is read whole: it is never broken over two lines ("31/01/202" then "0").
    const dateLines = await north.getByTestId('evidence-review').locator('div').first().evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(dateLines, `${at}: the review-by date wraps`).toBe(1);
    await expect(north.getByTestId('evidence-status')).toHaveText('Approved');
    await expectAccessible(page, `Evidence at ${at}`);
    await expectNothingSideways(page, `Evidence at ${at}`);

    // Sort: the title header twice reverses the order; aria-sort says which way.
    const titleHeader = page.getByRole('columnheader', { name: /^Title/u });
    await expect(titleHeader).toHaveAttribute('aria-sort', 'ascending');
    await titleHeader.getByRole('button').click();
    await expect(titleHeader).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(() => rowTitles(page)).toEqual(all.rows.map((r) => r.title).reverse());
    await page.getByRole('columnheader', { name: /^Review-by/u }).getByRole('button').click();
    await expect.poll(async () => (await rowTitles(page))[0]).toBe('Supervision notes, North team');

    // Filter by a facet: in the rail at 1366, in a drawer at 1024.
    const drawer = size.width <= 1024;
    if (drawer) await page.getByTestId('evidence-filters-button').click();
    const filters = page.getByRole('navigation', { name: 'Evidence filters' });
    await filters.getByRole('checkbox', { name: /^Draft/u }).check();
    await expect(summary).toHaveText('2 of 3 evidence items');
    if (drawer) {
      await expectAccessible(page, `Evidence filters drawer at ${at}`);
      await page.keyboard.press('Escape');
      await expect(filters).toBeHidden();
    }
    await expect(page.getByTestId('evidence-title')).toHaveCount(2);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(summary).toHaveText('3 evidence items');
    // Filter by words.
    await page.getByRole('searchbox', { name: /Filter evidence/u }).fill('north');
    await expect(page.getByTestId('evidence-title')).toHaveText(['Supervision notes, North team']);
    await page.getByRole('searchbox', { name: /Filter evidence/u }).fill('');
    await expect(page.getByTestId('evidence-title')).toHaveCount(3);

    // Tick the first row, Shift-click the third: all three ticked; untick one; approve the other two.
    const titles = await rowTitles(page);
    await page.getByRole('checkbox', { name: `Tick ${titles[0]}` }).click();
    await page.getByRole('checkbox', { name: `Tick ${titles[2]}` }).click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('evidence-ticked')).toHaveText('3 ticked');
    await page.getByRole('checkbox', { name: `Tick ${titles[0]}` }).click();
    await expect(page.getByTestId('evidence-ticked')).toHaveText('2 ticked');
    await page.getByTestId('set-status').click();
    await page.getByRole('menuitem', { name: 'Retired' }).click();
    await expect(page.getByTestId('bulk-status-message')).toContainText('2 evidence items set to Retired');
    await expect(row(page, titles[1]).getByTestId('evidence-status')).toHaveText('Retired');
    await expect(row(page, titles[2]).getByTestId('evidence-status')).toHaveText('Retired');
    const retired = await callApi<Table>(page, 'evidence.table', { filters: { status: ['retired'] } });
    expect(retired.rows.map((r) => r.title).sort()).toEqual([titles[1], titles[2]].sort());
    const history = await callApi<{ action: string; detail: { status?: { to: string } } }[]>(page, 'evidence.history', { evidenceId: retired.rows[0].id });
    expect(history[0]).toMatchObject({ action: 'updated', detail: { status: { to: 'retired' } } });
    await expectAccessible(page, `Evidence after a status change at ${at}`);

    // Undo: each back to the status it had.
    await page.getByTestId('bulk-status-message').getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByTestId('bulk-status-message')).toContainText('Undone: 2 evidence items set back');
    const after = await callApi<Table>(page, 'evidence.table', {});
    expect(after.rows.map((r) => [r.title, r.status])).toEqual(all.rows.map((r) => [r.title, r.status]));
    await expect(row(page, 'Supervision notes, North team').getByTestId('evidence-status')).toHaveText('Approved');

    // Open a row: its document, where search results open it.
    await page.getByRole('button', { name: 'Supervision notes, North team', exact: true }).click();
    await expect(page.getByRole('main', { name: 'Search' })).toBeVisible();
    await expect(page.getByTestId('document-view')).toContainText('Supervision notes');
  });
}

test('the Evidence area with no evidence explains how documents become evidence', async ({ page, freshApp: app }) => {
  await page.goto(app.launchUrl);
  await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toBeVisible();
  await page.locator('body').press('Alt+7');
  const empty = page.getByTestId('evidence-empty');
  await expect(empty).toContainText('A document becomes evidence when you tag it');
  await expectAccessible(page, 'Evidence, empty');
  await empty.getByRole('button', { name: 'Go to Search' }).click();
  await expect(page.getByRole('main', { name: 'Search' })).toBeVisible();
});
