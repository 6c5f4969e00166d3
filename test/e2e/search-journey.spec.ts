/**
 * The analyst's journey: add the evidence folder, wait for it to be indexed, find a phrase, open
 * the document at the page the phrase is on, and see it highlighted there.
 */
import { mkdirSync } from 'node:fs';
import { test, expect, ensureEvidenceAdded } from './app-fixture.ts';

const PHRASE = 'kestrel permanence protocol';

test('add a folder, search a phrase, open the PDF at its page with the words highlighted', async ({ page, app, openApp }) => {
  // Any script error in the page (e.g. a pdf.js rejection nobody handled) fails the journey.
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openApp();
  await ensureEvidenceAdded(page, app);

  await page.getByRole('searchbox', { name: 'Search evidence' }).fill(`"${PHRASE}"`);
  const result = page.getByTestId('search-result').filter({ hasText: 'Placement Stability Review 2024' });
  await expect(result).toHaveCount(1);
  await expect(page.getByTestId('search-summary')).toContainText('1 document found');
  // The phrase is only on page 2 of 3, and the hit says so.
  const pageLink = result.getByRole('button', { name: /^Page 2: open /u });
  await expect(pageLink).toHaveText('Page 2');
  await expect(result.locator('mark').first()).toHaveText(/kestrel/iu);

  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/search-results.png' });

  await pageLink.click();
  const view = page.getByTestId('document-view');
  await expect(view.getByTestId('doc-page-label')).toHaveText('Page 2 of 3');
  // One hit: the phrase where its words stand together.
  await expect(view.getByTestId('doc-page-hits')).toHaveText('1 hit on this page');
  // pdf.js drew the page, and its text layer marks the phrase's three words, and only those:
  // "permanence" alone in the heading ("Practice in the permanence team") is not a hit.
  await expect(view.getByTestId('pdf-page').locator('canvas')).toBeVisible();
  const marks = view.locator('mark.es-pdf-hit');
  await expect(marks).toHaveCount(3);
  await expect(marks).toHaveText([/^kestrel$/iu, /^permanence$/iu, /^protocol$/iu]);
  const kestrel = marks.filter({ hasText: /^kestrel$/iu });
  await expect(kestrel).toHaveCount(1);
  const box = await kestrel.boundingBox();
  expect(box && box.width > 5 && box.height > 5).toBeTruthy();
  await page.screenshot({ path: 'test-results/document-view.png' });
  // The theme follows the OS live: switch to dark without reloading.
  const background = () => page.locator('main').evaluate((el) => getComputedStyle(el.closest('.fui-FluentProvider')!).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).not.toBe(light);
  await page.screenshot({ path: 'test-results/document-view-dark.png' });
  await page.emulateMedia({ colorScheme: 'light' });

  // Page navigation, then Esc closes the document.
  await view.getByRole('button', { name: 'Next page' }).click();
  await expect(view.getByTestId('doc-page-label')).toHaveText('Page 3 of 3');
  await expect(view.getByTestId('doc-page-hits')).toHaveText('No hits on this page');
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
  expect(pageErrors).toEqual([]);
});

test('keyboard: Up/Down and Enter open a result; a text file shows its text with the hits marked', async ({ page, app, openApp }) => {
  await openApp();
  await ensureEvidenceAdded(page, app);
  const box = page.getByRole('searchbox', { name: 'Search evidence' });
  await box.fill('chronology OR interviews');
  await expect(page.getByTestId('search-result')).toHaveCount(2);
  await box.press('ArrowDown');
  await expect(page.getByTestId('search-result').nth(1)).toHaveAttribute('aria-current', 'true');
  await box.press('ArrowUp');
  await expect(page.getByTestId('search-result').nth(0)).toHaveAttribute('aria-current', 'true');
  await box.press('Enter');
  const view = page.getByTestId('document-view');
  await expect(view.getByTestId('doc-page-label')).toHaveText('Page 1 of 1');
  await expect(view.getByTestId('doc-page-text').locator('mark')).toHaveCount(1);
  // The HTML file's markup is text, never markup in our page.
  await box.fill('"not bold"');
  await page.getByTestId('search-result').first().getByRole('button').first().click();
  await expect(view.getByTestId('doc-page-text')).toBeVisible();
  await expect(page.locator('[data-testid="doc-page-text"] b')).toHaveCount(0);
});

test('facets write the filter into the query, and clicking again removes it', async ({ page, app, openApp }) => {
  await openApp();
  await ensureEvidenceAdded(page, app);
  const box = page.getByRole('searchbox', { name: 'Search evidence' });
  await box.fill('');
  await page.getByRole('navigation', { name: 'Areas' }).getByText('Search').click();
  await expect(page.getByTestId('search-result')).toHaveCount(3);
  const filters = page.getByRole('navigation', { name: 'Filters' });
  await filters.getByRole('checkbox', { name: /PDF/u }).click();
  await expect(box).toHaveValue('type:pdf');
  await expect(page.getByTestId('search-result')).toHaveCount(1);
  await filters.getByRole('checkbox', { name: /PDF/u }).click();
  await expect(box).toHaveValue('');
  await expect(page.getByTestId('search-result')).toHaveCount(3);
});
