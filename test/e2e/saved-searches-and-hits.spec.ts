/**
 * Saved searches and stepping through hits, end to end in a real browser against the real app: a
 * search saved under a name is in the navigation after a reload, runs from there, is linked from a
 * request, and is renamed and deleted (and the deletion undone); a PDF found by it is stepped
 * through hit by hit across its pages with the buttons and F3 / Shift+F3, and its page thumbnails
 * mark the pages with hits and go to a page. Checked with axe on the way.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, callApi } from './app-fixture.ts';
import { expectAccessible } from './axe.ts';
import { buildPdf } from '../fixtures/extract/build-pdf.ts';

test.use({ bypassCSP: true, viewport: { width: 1366, height: 768 } });

const TITLE = 'Osprey return interviews';
const QUERY = 'osprey type:pdf';
const NAME = 'Osprey PDFs';

/** Four pages: two hits on page 1, none on 2, one on 3, one on 4 (four in all). */
function writePdf(dir: string): void {
  writeFileSync(
    join(dir, 'osprey-return-interviews.pdf'),
    buildPdf({
      info: { title: TITLE },
      pages: [
        'Return home interviews\nThe osprey team offered every child an interview.\nOsprey workers met within 72 hours.',
        'Timeliness by month\nMost interviews were held on time.',
        'Findings\nChildren valued the osprey worker they knew.',
        'Next steps\nExtend the osprey model to the east locality.',
      ],
    }),
  );
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Areas' });
const box = (page: Page) => page.getByRole('searchbox', { name: 'Search evidence' });

test('a saved search is kept, listed, run, linked from a request, and its PDF stepped through hit by hit', async ({ page, freshApp: app }) => {
  test.setTimeout(180_000);
  writePdf(app.evidenceDir);
  await page.goto(app.launchUrl);
  await expect(box(page)).toBeVisible();
  await callApi(page, 'roots.add', { path: app.evidenceDir });
  await expect(page.getByTestId('index-status')).toContainText('Index up to date', { timeout: 60_000 });

  // Save the search in the box under a name.
  await box(page).fill(QUERY);
  await expect(page.getByTestId('search-result').filter({ hasText: TITLE })).toHaveCount(1);
  await page.getByTestId('save-search').click();
  const dialog = page.getByRole('dialog', { name: 'Save this search' });
  await dialog.getByTestId('saved-search-name').fill(NAME);
  await expectAccessible(page, 'the save-search dialog');
  await dialog.getByRole('button', { name: 'Save search' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('saved-as')).toContainText(NAME);

  // After a reload it is in the navigation, and runs from there.
  await page.reload();
  await expect(box(page)).toBeVisible();
  const saved = page.getByTestId('saved-searches-nav');
  await expect(saved.getByRole('button', { name: NAME, exact: true })).toBeVisible();
  await box(page).fill('something else');
  await saved.getByRole('button', { name: NAME, exact: true }).click();
  await expect(box(page)).toHaveValue(QUERY);
  await expect(page.getByTestId('search-result').filter({ hasText: TITLE })).toHaveCount(1);
  await expectAccessible(page, 'Search with a saved search in the navigation');

  // Linked from a request's panel.
  const request = await callApi<{ id: number }>(page, 'requests.add', { text: 'How are return home interviews offered?', inspector: 'HMI Jones' });
  await nav(page).getByText('Requests').click();
  await page.getByTestId('request-open').filter({ hasText: 'return home interviews' }).first().click();
  const panel = page.getByTestId('request-panel');
  await panel.getByTestId('link-saved-search').click();
  await page.getByRole('menuitem', { name: `${NAME}: ${QUERY}` }).click();
  await expect(panel.getByTestId('request-links')).toContainText(`${NAME}: ${QUERY}`);
  const linked = await callApi<{ links: { kind: string; query: string }[] }>(page, 'requests.get', { id: request.id });
  expect(linked.links).toEqual([expect.objectContaining({ kind: 'search', query: QUERY })]);
  // The link runs the search.
  await panel.getByRole('button', { name: `${NAME}: ${QUERY}`, exact: true }).click();
  await expect(box(page)).toHaveValue(QUERY);

  // The PDF it finds, hit by hit across its pages.
  await page.getByTestId('search-result').filter({ hasText: TITLE }).getByRole('button').first().click();
  const view = page.getByTestId('document-view');
  const counter = view.getByTestId('hit-counter');
  const pageLabel = view.getByTestId('doc-page-label');
  await expect(counter).toHaveText('4 hits in the document');
  await expect(view.getByTestId('pdf-page')).toBeVisible();
  await view.getByTestId('hit-next').click();
  await expect(counter).toHaveText('Hit 1 of 4');
  await expect(pageLabel).toContainText('Page 1 of 4');
  await expect(view.locator('mark.es-pdf-hit-current')).toHaveText(['osprey']);
  await view.getByTestId('hit-next').click();
  await expect(counter).toHaveText('Hit 2 of 4');
  await expect(view.locator('mark.es-pdf-hit-current')).toHaveText(['Osprey']);
  // F3 goes on to the next page holding a hit (page 2 has none), and marks it there.
  await page.keyboard.press('F3');
  await expect(counter).toHaveText('Hit 3 of 4');
  await expect(pageLabel).toContainText('Page 3 of 4');
  await expect(view.locator('mark.es-pdf-hit-current')).toHaveCount(1);
  await expect(view.locator('mark.es-pdf-hit-current')).toBeInViewport();
  await page.keyboard.press('Shift+F3');
  await expect(counter).toHaveText('Hit 2 of 4');
  await expect(pageLabel).toContainText('Page 1 of 4');
  await view.getByTestId('hit-previous').click();
  await view.getByTestId('hit-previous').click();
  await expect(counter).toHaveText('Hit 4 of 4 (from the other end)');
  await expect(pageLabel).toContainText('Page 4 of 4');

  // The page thumbnails (shown at 1366 with the evidence panel docked: the page keeps its room).
  // The pages with hits say so; one goes to its page.
  await expect(view.getByTestId('thumbnails-toggle')).toHaveAttribute('aria-pressed', 'true');
  const thumbnails = view.getByTestId('pdf-thumbnails');
  await expect(thumbnails.getByTestId('pdf-thumbnail')).toHaveCount(4);
  await expect(thumbnails.getByRole('button', { name: 'Page 1 2 hits', exact: true })).toBeVisible();
  await expect(thumbnails.getByRole('button', { name: 'Page 2', exact: true })).toBeVisible();
  await expect(thumbnails.getByRole('button', { name: 'Page 4 1 hit', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(thumbnails.getByTestId('pdf-thumbnail-canvas').first()).toBeVisible();
  await expectAccessible(page, 'a PDF with its thumbnails and the current hit');
  await thumbnails.getByRole('button', { name: 'Page 3 1 hit', exact: true }).click();
  await expect(pageLabel).toContainText('Page 3 of 4');
  await expect(counter).toHaveText('4 hits in the document');
  // From the keyboard: arrow keys move between the thumbnails, Enter goes to the page.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(pageLabel).toContainText('Page 2 of 4');

  // Renamed, deleted, and the deletion undone.
  await page.keyboard.press('Escape');
  await saved.getByRole('button', { name: `More for ${NAME}` }).click();
  await page.getByRole('menuitem', { name: 'Rename…' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename the saved search' });
  await rename.getByTestId('saved-search-name').fill('Return home interviews');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(saved.getByRole('button', { name: 'Return home interviews', exact: true })).toBeVisible();
  await saved.getByRole('button', { name: 'More for Return home interviews' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(page.getByTestId('saved-searches-nav')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(saved.getByRole('button', { name: 'Return home interviews', exact: true })).toBeVisible();
  expect((await callApi<{ name: string; query: string }[]>(page, 'savedSearches.list', {})).map((s) => [s.name, s.query])).toEqual([['Return home interviews', QUERY]]);
});

test('at 1024 wide (dark) the thumbnails start hidden, so the PDF keeps its room', async ({ page, freshApp: app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.emulateMedia({ colorScheme: 'dark' });
  writePdf(app.evidenceDir);
  await page.goto(app.launchUrl);
  await callApi(page, 'roots.add', { path: app.evidenceDir });
  await expect(page.getByTestId('index-status')).toContainText('Index up to date', { timeout: 60_000 });
  await box(page).fill(QUERY);
  await page.getByTestId('save-search').click();
  await page.getByRole('dialog', { name: 'Save this search' }).getByRole('button', { name: 'Save search' }).click();
  await expect(page.getByTestId('saved-searches-nav')).toBeVisible();
  await page.getByTestId('search-result').filter({ hasText: TITLE }).getByRole('button').first().click();
  const view = page.getByTestId('document-view');
  await expect(view.getByTestId('pdf-page')).toBeVisible();
  await expect(view.getByTestId('pdf-thumbnails')).toBeHidden();
  await expect(view.getByTestId('thumbnails-toggle')).toHaveAttribute('aria-pressed', 'false');
  const pageWidth = await view.getByTestId('pdf-page').evaluate((el) => el.getBoundingClientRect().width);
  expect(pageWidth).toBeGreaterThanOrEqual(480);
  // Asked for, they open without taking the page under its minimum width.
  await view.getByTestId('thumbnails-toggle').click();
  await expect(view.getByTestId('pdf-thumbnails')).toBeVisible();
  await view.getByTestId('hit-next').click();
  await expect(view.getByTestId('hit-counter')).toHaveText('Hit 1 of 4');
  await expect.poll(() => view.getByTestId('pdf-page').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThanOrEqual(480);
  await expectAccessible(page, 'a PDF with its thumbnails at 1024 wide');
});
