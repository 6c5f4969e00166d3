/**
 * From a pile of documents to an evidence store: open a document, make it evidence, tag it to an
 * ILACS 2026 criterion, see the criterion's gap close in the coverage heatmap, rename the file on
 * disk and see the evidence and its tag survive the rescan. Also: a malformed framework import
 * names the line and changes nothing.
 *
 * The PDF is renamed back at the end, so the journeys after this one find the folder as it was.
 */
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, ensureEvidenceAdded } from './app-fixture.ts';

const PDF = 'Placement-Stability-Review-2024.pdf';
const RENAMED = 'Kestrel-placements-evidence.pdf';
const TITLE = 'Placement stability review: fewer moves for children in care';

/** Scan every folder now, and wait until a search for `words` finds the file at `fileName`. */
async function rescanUntilFound(page: Page, words: string, fileName: string): Promise<void> {
  await page.keyboard.press('Alt+2');
  await page.getByTestId('root-card').getByRole('button', { name: 'Scan now' }).click();
  await expect(page.getByTestId('index-status')).toContainText('Index up to date', { timeout: 45_000 });
  await page.keyboard.press('Alt+1');
  const box = page.getByRole('searchbox', { name: 'Search evidence' });
  await expect(async () => {
    await box.fill('');
    await box.fill(words);
    await expect(page.getByTestId('search-result').filter({ hasText: fileName })).toHaveCount(1, { timeout: 2000 });
  }).toPass({ timeout: 30_000 });
}

test('make a document evidence, tag it, see the gap close, and keep the tag when the file is renamed', async ({ page, app, openApp }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await openApp();
  await ensureEvidenceAdded(page, app);
  mkdirSync('test-results', { recursive: true });

  // The active framework is the default, ILACS 2026, shown in the top bar.
  await expect(page.getByTestId('framework-picker')).toContainText('ILACS 2026');

  // Before: CIC05 (stable homes) is a gap, said in words, not colour alone.
  await page.keyboard.press('Alt+3');
  const heatmap = page.getByTestId('coverage-heatmap');
  const row = heatmap.locator('[data-testid="coverage-row"][data-criterion="CIC05"]');
  await expect(row).toHaveAttribute('data-level', 'gap');
  await expect(row).toContainText('Gap');
  await expect(row.locator('[data-column="approved"]')).toHaveText('0');

  // Open the review from the search results.
  await page.keyboard.press('Alt+1');
  await page.getByRole('searchbox', { name: 'Search evidence' }).fill('placement stability');
  const result = page.getByTestId('search-result').filter({ hasText: 'Placement Stability Review 2024' });
  await result.getByRole('button', { name: 'Placement Stability Review 2024', exact: true }).click();
  const panel = page.getByTestId('evidence-panel');
  await expect(panel).toBeVisible();

  // Suggested criteria come with the words that led to them.
  const suggestion = panel.getByTestId('suggestion').filter({ hasText: 'CIC05' });
  await expect(suggestion).toContainText('placement stability');

  // Make it evidence: a title, approved.
  await panel.getByRole('button', { name: 'Make this evidence' }).click();
  const form = panel.getByTestId('evidence-form');
  await form.getByRole('textbox', { name: 'Title' }).fill(TITLE);
  await form.getByRole('textbox', { name: 'What this shows' }).fill('Placement moves fell after the kestrel permanence protocol.');
  await form.getByRole('textbox', { name: 'Owning team' }).fill('Children in care');
  await form.getByRole('radio', { name: 'Approved' }).check();
  await form.getByRole('button', { name: 'Save as evidence' }).click();
  await expect(panel.getByTestId('evidence-status')).toHaveText('Approved');

  // Tag it to CIC05 through the criterion picker (type words of the title, choose the option).
  const picker = panel.getByRole('combobox', { name: 'Add a tag: criterion' });
  await picker.click();
  await picker.fill('stable homes');
  await page.getByRole('option', { name: /CIC05/u }).click();
  await panel.getByRole('radio', { name: 'Key' }).check();
  await panel.getByRole('button', { name: 'Add tag' }).click();
  const tag = panel.getByTestId('evidence-tag').filter({ hasText: 'CIC05' });
  await expect(tag).toContainText('Stable, well-matched homes');
  await expect(tag).toContainText('Key');
  // A tagged criterion is no longer suggested.
  await expect(panel.getByTestId('suggestion').filter({ hasText: 'CIC05' })).toHaveCount(0);
  // The result shows its tag as a chip.
  await expect(result.getByTestId('result-evidence')).toContainText('CIC05');
  await panel.getByRole('button', { name: 'History' }).click();
  await expect(panel.getByTestId('evidence-history')).toContainText('Tagged CIC05 (key)');
  await panel.evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/evidence-panel.png' });

  // After: the criterion has one approved item, and its gap is gone.
  await page.keyboard.press('Alt+3');
  await expect(row.locator('[data-column="approved"]')).toHaveText('1');
  await expect(row.locator('[data-column="key"]')).toHaveText('1');
  await expect(row).toHaveAttribute('data-level', 'covered');
  await expect(row).not.toContainText('Gap');
  await row.locator('[data-column="approved"]').click();
  await expect(page.getByTestId('cell-evidence')).toContainText(TITLE);
  await page.screenshot({ path: 'test-results/coverage-heatmap.png' });

  // The list view, only gaps: CIC05 is not among them any more.
  await page.getByRole('tab', { name: 'List' }).click();
  await page.getByRole('switch', { name: 'Only gaps' }).check();
  await expect(page.getByTestId('coverage-list-row').first()).toBeVisible();
  await expect(page.locator('[data-testid="coverage-list-row"][data-criterion="CIC05"]')).toHaveCount(0);
  await page.getByRole('switch', { name: 'Only gaps' }).uncheck();
  await page.getByRole('tab', { name: 'Heatmap' }).click();

  // Rename the file on disk, rescan, find it by its new name: same evidence, same tag.
  renameSync(join(app.evidenceDir, PDF), join(app.evidenceDir, RENAMED));
  try {
    await rescanUntilFound(page, 'Kestrel-placements-evidence', RENAMED);
    await page.getByTestId('search-result').filter({ hasText: RENAMED }).getByRole('button', { name: 'Placement Stability Review 2024', exact: true }).click();
    await expect(panel.getByTestId('evidence-form').getByRole('textbox', { name: 'Title' })).toHaveValue(TITLE);
    await expect(panel.getByTestId('evidence-tag').filter({ hasText: 'CIC05' })).toBeVisible();
    await expect(panel.getByTestId('evidence-status')).toHaveText('Approved');
    await expect(panel.getByText('File missing')).toHaveCount(0);
  } finally {
    renameSync(join(app.evidenceDir, RENAMED), join(app.evidenceDir, PDF));
  }
  await rescanUntilFound(page, 'placement stability', PDF);
  expect(pageErrors).toEqual([]);
});

test('tag several search results at once from "Tag selected…"', async ({ page, app, openApp }) => {
  await openApp();
  await ensureEvidenceAdded(page, app);
  await page.getByRole('searchbox', { name: 'Search evidence' }).fill('chronology OR interviews');
  const results = page.getByTestId('search-result');
  await expect(results).toHaveCount(2);
  await page.getByTestId('selection-bar').getByRole('checkbox').check();
  await expect(page.getByTestId('selection-bar')).toContainText('2 documents selected');
  await page.getByRole('button', { name: 'Tag selected…' }).click();
  const dialog = page.getByRole('dialog');
  const picker = dialog.getByRole('combobox', { name: 'Criterion' });
  await picker.click();
  await picker.fill('exploitation missing');
  await page.getByRole('option', { name: /HP10/u }).click();
  await dialog.getByRole('button', { name: 'Tag', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(results.nth(0).getByTestId('result-evidence')).toContainText('Draft');
  await expect(results.nth(1).getByTestId('result-evidence')).toContainText('Draft');

  // The new facets write the filter into the query, and a second click takes it out.
  const rail = page.getByRole('navigation', { name: 'Filters' });
  const box = page.getByRole('searchbox', { name: 'Search evidence' });
  await box.fill('');
  await rail.getByRole('checkbox', { name: /^Help and protection/u }).check();
  await expect(box).toHaveValue('judgement:hp');
  await expect(results).toHaveCount(2);
  await rail.getByRole('checkbox', { name: /^Help and protection/u }).uncheck();
  await expect(box).toHaveValue('');
  await rail.getByRole('checkbox', { name: /^Draft/u }).check();
  await expect(box).toHaveValue('status:draft');
  await expect(results).toHaveCount(2);
  await rail.getByRole('checkbox', { name: /^Tagged/u }).check();
  await expect(box).toHaveValue('status:draft tagged:yes');
  await expect(results).toHaveCount(2);
});

test('drag a document onto a criterion row to tag it there', async ({ page, app, openApp }) => {
  await openApp();
  await ensureEvidenceAdded(page, app);
  await page.keyboard.press('Alt+3');
  await page.getByRole('tab', { name: 'Coverage' }).click();
  const row = page.locator('[data-testid="coverage-row"][data-criterion="L06"]');
  await expect(row.locator('[data-column="supporting"]')).toHaveText('0');
  await page.getByRole('button', { name: 'Find documents to tag' }).click();
  const finder = page.getByTestId('document-finder');
  await finder.getByRole('searchbox', { name: 'Find documents to tag' }).fill('supervision');
  const doc = finder.getByTestId('finder-result').filter({ hasText: 'supervision-notes' });
  await doc.dragTo(row);
  await expect(page.getByTestId('drop-message')).toContainText('to L06');
  await expect(row.locator('[data-column="supporting"]')).toHaveText('1');
});

test('a malformed framework import names the line and changes nothing', async ({ page, app, openApp }) => {
  await openApp();
  await ensureEvidenceAdded(page, app);
  await page.keyboard.press('Alt+3');
  await page.getByRole('tab', { name: 'Manage frameworks' }).click();
  const rows = page.getByTestId('framework-row');
  await expect(rows.first()).toBeVisible();
  const before = await rows.allTextContents();

  await page.getByRole('button', { name: 'Import a framework…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a framework' });
  await dialog.getByTestId('framework-json').fill('{\n  "id": "our-plan",\n  "title": "Our improvement plan",\n  "judgements": [,]\n}\n');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-error')).toContainText(/Line \d+/u);
  await page.screenshot({ path: 'test-results/framework-import-error.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(await rows.allTextContents()).toEqual(before);
  await expect(page.getByTestId('frameworks-table')).not.toContainText('Our improvement plan');
});

test('copy a built-in framework to adapt it, edit it, and a bad edit changes nothing', async ({ page, app, openApp }) => {
  await openApp();
  await ensureEvidenceAdded(page, app);
  await page.keyboard.press('Alt+3');
  await page.getByRole('tab', { name: 'Manage frameworks' }).click();
  const table = page.getByTestId('frameworks-table');

  await page.getByRole('button', { name: 'Copy and adapt ILACS 2026' }).click();
  const editor = page.getByTestId('framework-editor');
  await editor.getByRole('tab', { name: 'Text (JSON)' }).click();
  const json = editor.getByTestId('framework-text');
  await expect(json).toHaveValue(/"id": "ilacs-2026-local"/u);
  const text = await json.inputValue();

  // Break the JSON: the line is named and nothing is saved; then a good edit saves the copy.
  await json.fill(text.replace('"judgements": [', '"judgements": [,'));
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(editor.getByTestId('text-problem')).toContainText(/Line \d+/u);
  await json.fill(text.replace('(our copy)', '(our copy, March)'));
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('editor-message')).toContainText('Saved.');
  await editor.getByRole('button', { name: 'Back to frameworks' }).click();
  const ours = page.locator('[data-testid="framework-row"][data-framework="ilacs-2026-local"]');
  await expect(ours).toContainText('Yours');
  await expect(ours).toContainText('(our copy, March)');

  // Leave the app as the other journeys expect it.
  await ours.getByRole('button', { name: /^Delete / }).click();
  await page.getByRole('button', { name: 'Delete framework and its tags' }).click();
  await expect(table).not.toContainText('(ours)');
});
