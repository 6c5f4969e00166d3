/**
 * Editing a framework through the form (a copy of a built-in one: add a criterion, see it in
 * Coverage), the text editor naming and marking a problem's line, and a damaged file in the
 * failures list retried on its own once a good copy replaces it.
 *
 * Each test has an app of its own (freshApp): they add a framework and change the library.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, ensureEvidenceAdded, type RunningApp } from './app-fixture.ts';
import { expectAccessible } from './axe.ts';

test.use({ bypassCSP: true });

const GOOD_PDF = fileURLToPath(new URL('../fixtures/e2e/evidence/Placement-Stability-Review-2024.pdf', import.meta.url));

async function open(page: Page, app: RunningApp): Promise<void> {
  await page.goto(app.launchUrl);
  await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toBeVisible();
}

test('a criterion added through the form shows in Coverage', async ({ page, freshApp: app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await open(page, app);
  await ensureEvidenceAdded(page, app);
  await page.keyboard.press('Alt+3');
  await page.getByRole('tab', { name: 'Manage frameworks' }).click();
  await page.getByRole('button', { name: 'Copy and adapt ILACS 2026' }).click();

  const editor = page.getByTestId('framework-editor');
  await expect(editor).toContainText('comes with the app and is not changed');
  await expectAccessible(page, 'the framework form');
  await editor.getByRole('button', { name: 'Add a criterion to Leaders' }).click();
  const form = editor.getByRole('form', { name: 'New criterion for Leaders' });
  await expect(form.getByRole('textbox', { name: /^Id/u })).toHaveValue('L13');
  await form.getByRole('textbox', { name: /^Title/u }).fill('Workforce stability');
  await form.getByRole('textbox', { name: /^Description/u }).fill('Leaders keep a stable, skilled workforce with manageable caseloads.');
  await form.getByRole('textbox', { name: /^Keywords/u }).fill('agency staff, caseloads, turnover');
  await form.getByRole('button', { name: 'Add criterion' }).click();
  await expect(page.getByTestId('editor-message')).toContainText('Added L13 “Workforce stability” to “Leaders”. Saved as your own copy');

  // Moved up once with the keyboard: the focus stays on it.
  const up = editor.getByRole('button', { name: 'Move L13 up' });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('editor-message')).toContainText('Moved L13 up');
  await expect(up).toBeFocused();
  await expect(editor.getByTestId('form-criterion').nth(11)).toHaveAttribute('data-criterion', 'L13');
  await expect(editor.getByTestId('form-criterion').nth(12)).toHaveAttribute('data-criterion', 'L12');
  await page.screenshot({ path: 'test-results/framework-form.png' });

  await editor.getByRole('button', { name: 'Show its coverage' }).click();
  await expect(page.getByRole('tab', { name: 'Coverage' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveText('ILACS 2026 (ours)');
  await expect(page.getByRole('main')).toContainText('Workforce stability');
});

test('the text editor numbers its lines and marks and jumps to a problem’s line', async ({ page, freshApp: app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 640 });
  await open(page, app);
  await page.keyboard.press('Alt+3');
  await page.getByRole('tab', { name: 'Manage frameworks' }).click();
  await page.getByRole('button', { name: 'Copy and adapt ILACS 2026' }).click();
  const editor = page.getByTestId('framework-editor');
  await editor.getByRole('tab', { name: 'Text (JSON)' }).click();
  const text = editor.getByTestId('framework-text');
  await expect(text).toHaveValue(/"id": "ilacs-2026-local"/u);
  const original = await text.inputValue();

  // An empty title far down the file: the problem names its line, which is marked and selected.
  const lines = original.split('\n');
  const at = lines.findIndex((l, i) => i > 600 && /^\s*"title": "/u.test(l));
  lines[at] = lines[at].replace(/"title": "[^"]*"/u, '"title": ""');
  await text.fill(lines.join('\n'));
  await editor.getByRole('button', { name: 'Save', exact: true }).click();
  const problem = editor.getByTestId('text-problem');
  await expect(problem).toContainText(`Line ${at + 1}:`);
  await expect(problem).toContainText('"title" is empty');
  await expect(editor.locator(`[data-problem-line="${at + 1}"]`)).toHaveCount(1);
  await expect(text).toBeFocused();
  const selected = await text.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
  expect(selected).toBe(lines[at]);
  // The marked line is in view, beside its number.
  const mark = await editor.locator(`[data-problem-line="${at + 1}"]`).boundingBox();
  const box = await text.boundingBox();
  expect(mark!.y).toBeGreaterThanOrEqual(box!.y);
  expect(mark!.y).toBeLessThan(box!.y + box!.height);
  await expectAccessible(page, 'the framework text editor with a problem');
  await page.screenshot({ path: 'test-results/framework-text-problem.png' });

  // Nothing was saved: the copy does not exist yet.
  await editor.getByRole('button', { name: 'Discard changes' }).click();
  await editor.getByRole('button', { name: 'Back to frameworks' }).click();
  await expect(page.locator('[data-testid="framework-row"][data-framework="ilacs-2026-local"]')).toHaveCount(0);
});

test('a damaged file, replaced by a good copy, is retried on its own from the failures list', async ({ page, freshApp: app }) => {
  test.setTimeout(120_000);
  const damaged = join(app.evidenceDir, 'Quarterly-Audit-Summary.pdf');
  writeFileSync(damaged, '%PDF-1.7\nthis file was cut short when it was copied');
  await open(page, app);
  await ensureEvidenceAdded(page, app);
  await page.getByRole('button', { name: '2 files could not be read' }).click();
  const failures = page.getByTestId('failures-list');
  const group = failures.getByTestId('failure-group').filter({ hasText: 'Damaged' });
  await expect(group.getByTestId('failure-sentence')).toHaveText(/^1 file is damaged, or not what its name says: open it in its own application/u);
  const file = group.getByTestId('failure-file').filter({ hasText: 'Quarterly-Audit-Summary.pdf' });
  await expect(file.getByRole('button', { name: 'Show in folder: Quarterly-Audit-Summary.pdf' })).toBeVisible();
  // A kind of file that is not supported has nothing to retry.
  await expect(failures.getByTestId('failure-group').filter({ hasText: 'not supported' }).getByRole('button', { name: /^Retry/u })).toHaveCount(0);
  await expectAccessible(page, 'the failures list with per-file actions');

  copyFileSync(GOOD_PDF, damaged);
  const retried = page.waitForRequest((r) => r.url().endsWith('/api/failures.retry'));
  await file.getByRole('button', { name: 'Retry Quarterly-Audit-Summary.pdf' }).click();
  expect(JSON.parse((await retried).postData() ?? '{}')).toEqual({ paths: [damaged] });
  await expect(failures).not.toContainText('Quarterly-Audit-Summary.pdf', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: '1 file could not be read' })).toBeVisible();
});
