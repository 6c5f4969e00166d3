/**
 * Nothing lost, nothing contradictory (issue 12):
 * - the self-evaluation keeps what was typed when the user switches judgement or area, and after a reload;
 * - the Library, the status bar, search, Checks and Coverage give the same number for the same thing,
 *   with a library holding files that could not be read, a document copied into two folders and
 *   tagged evidence (approved, and draft only); an empty library is not "up to date";
 * - results ticked on one search are not ticked on the next.
 *
 * Each test has an app of its own (freshApp): they add folders and evidence the other journeys do not expect.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, callApi, type RunningApp } from './app-fixture.ts';

const KNOW = 'What we know about the quality and impact of practice';
const HOW = 'How we know it';

async function start(page: Page, app: RunningApp): Promise<void> {
  await page.goto(app.launchUrl);
  await expect(page).toHaveURL(`${app.origin}/`);
  await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toBeVisible();
}

/** The first whole number in a text ("1,204" read as 1204). */
function numberIn(text: string | null, pattern: RegExp): number {
  const m = pattern.exec(text ?? '');
  if (!m) throw new Error(`No number matching ${pattern} in “${text}”`);
  return Number(m[1].replace(/,/gu, ''));
}

/** Adds the fixture folder and a second one holding a copy of one of its documents and another unreadable file; waits for both scans. */
async function libraryWithCopies(page: Page, app: RunningApp): Promise<void> {
  const second = join(dirname(app.evidenceDir), 'Second team');
  mkdirSync(second, { recursive: true });
  copyFileSync(join(app.evidenceDir, 'supervision-notes.txt'), join(second, 'supervision-notes (copy).txt'));
  writeFileSync(join(second, 'nothing-here.txt'), '');
  await callApi(page, 'roots.add', { path: app.evidenceDir });
  await callApi(page, 'roots.add', { path: second });
  await expect(async () => {
    const roots = await callApi<{ lastScan: { outcome: string } | null }[]>(page, 'roots.list');
    expect(roots.map((r) => r.lastScan?.outcome)).toEqual(['complete', 'complete']);
    expect((await callApi<{ state: string }>(page, 'scan.status')).state).toBe('idle');
  }).toPass({ timeout: 45_000 });
}

test('the self-evaluation keeps what was typed across judgements, areas and a reload', async ({ page, freshApp }) => {
  await start(page, freshApp);
  await page.keyboard.press('Alt+3');
  await page.getByRole('tab', { name: 'Self-evaluation' }).click();
  const judgements = page.getByRole('navigation', { name: 'Judgements' }).getByRole('tab');
  const form = page.getByTestId('self-evaluation-form');
  await expect(form.getByRole('textbox', { name: KNOW })).toBeVisible();

  // Type, and switch judgement at once (before any pause could have saved it).
  await judgements.nth(0).click();
  await form.getByRole('textbox', { name: KNOW }).fill('Visits are timely; children see the same social worker.');
  await judgements.nth(1).click();
  await expect(form.getByRole('textbox', { name: KNOW })).toHaveValue('');
  // Type under the second judgement, and leave the area at once.
  await form.getByRole('textbox', { name: HOW }).fill('Monthly audits of case files.');
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('self-evaluation-form')).toHaveCount(0);

  // Back in the area: the judgement last shown, with its text; the first judgement has its own.
  await page.keyboard.press('Alt+3');
  await expect(form.getByRole('textbox', { name: HOW })).toHaveValue('Monthly audits of case files.');
  await expect(judgements.nth(1)).toHaveAttribute('aria-selected', 'true');
  await judgements.nth(0).click();
  await expect(form.getByRole('textbox', { name: KNOW })).toHaveValue('Visits are timely; children see the same social worker.');

  // Saved as it was typed: it is in the index, and a reload finds it.
  await expect(form.getByTestId('self-evaluation-state')).toContainText('Saved');
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toBeVisible();
  await page.keyboard.press('Alt+3');
  await page.getByRole('tab', { name: 'Self-evaluation' }).click();
  await judgements.nth(0).click();
  await expect(form.getByRole('textbox', { name: KNOW })).toHaveValue('Visits are timely; children see the same social worker.');
  await judgements.nth(1).click();
  await expect(form.getByRole('textbox', { name: HOW })).toHaveValue('Monthly audits of case files.');
});

test('the Library, the status bar, search, Checks and Coverage agree on their counts', async ({ page, freshApp }) => {
  await start(page, freshApp);
  const status = page.getByTestId('index-status');
  // An empty library has nothing to be up to date.
  await expect(status).toContainText('No folders in the library yet');
  await expect(status).not.toContainText('up to date');

  await libraryWithCopies(page, freshApp);
  // Evidence: the PDF approved against CIC05; the notes as a draft against CL07 (a gap still: not approved).
  const pdf = await callApi<{ documentId: number }>(page, 'documents.byPath', { path: join(freshApp.evidenceDir, 'Placement-Stability-Review-2024.pdf') });
  const notes = await callApi<{ documentId: number }>(page, 'documents.byPath', { path: join(freshApp.evidenceDir, 'supervision-notes.txt') });
  await callApi(page, 'tags.add', { documentIds: [pdf.documentId], frameworkId: 'ilacs-2026', criterionId: 'CIC05', strength: 'key' });
  await callApi(page, 'evidence.save', { documentId: pdf.documentId, fields: { status: 'approved' } });
  await callApi(page, 'tags.add', { documentIds: [notes.documentId], frameworkId: 'ilacs-2026', criterionId: 'CL07' });
  await page.reload();
  await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toBeVisible();

  // Status bar: the documents a search can find (the copy is the same document), the files not read.
  await expect(status).toContainText('Index up to date', { timeout: 45_000 });
  const statusDocuments = numberIn(await status.textContent(), /([\d,]+) documents?/u);
  const statusFailed = numberIn(await page.getByTestId('status-failed').textContent(), /^([\d,]+) files? could not be read$/u);
  expect(statusFailed).toBe(2);

  // Search: every document, the copy merged with its original.
  await page.getByRole('searchbox', { name: 'Search evidence' }).fill('');
  const summary = page.getByTestId('search-summary');
  await expect(summary).toContainText('All documents');
  await expect(summary).toContainText(`All documents (${statusDocuments}),`);
  expect(statusDocuments).toBe(3);

  // Library: the tab counts what its list shows; "could not be read" is the status bar's number.
  await page.getByTestId('status-failed').click();
  const tab = page.getByTestId('tab-needs-attention');
  await expect(tab).toContainText('Files that need attention (');
  const needsAttention = numberIn(await tab.textContent(), /\(([\d,]+)\)/u);
  const list = page.getByTestId('failures-list');
  const show = list.getByRole('group', { name: 'Show' });
  await expect(show).toContainText('Could not be read (');
  const shown = async (label: string) => numberIn(await show.textContent(), new RegExp(`${label} \\(([\\d,]+)\\)`, 'u'));
  expect(await shown('Could not be read')).toBe(statusFailed);
  expect(needsAttention).toBe((await shown('Could not be read')) + (await shown('Not supported')) + (await shown('No text \\(scans\\)')));
  expect(await list.getByRole('listitem').count()).toBe(needsAttention);
  await page.getByRole('tab', { name: /Folders/u }).click();
  const cardFailed = await page.getByTestId('root-failed').allTextContents();
  expect(cardFailed.map((t) => numberIn(t, /^([\d,]+)/u)).reduce((a, b) => a + b, 0)).toBe(statusFailed);

  // Checks and Coverage: the same criteria without approved evidence (CL07's draft does not close it).
  await page.keyboard.press('Alt+3');
  await page.getByRole('tab', { name: 'Checks' }).click();
  const gapsHeading = page.getByTestId('check-gaps').getByRole('heading');
  await expect(gapsHeading).toContainText('Criteria without approved evidence');
  const checksGaps = numberIn(await gapsHeading.textContent(), /([\d,]+)$/u);
  await page.getByTestId('check-gaps').getByRole('button', { name: `Show all ${checksGaps}` }).click();
  await expect(page.getByTestId('check-gaps').getByRole('listitem')).toHaveCount(checksGaps);
  await expect(page.getByTestId('check-gaps')).toContainText('CL07');
  await expect(page.getByTestId('check-gaps')).not.toContainText('CIC05');
  await page.getByRole('tab', { name: 'Coverage' }).click();
  const coverageSummary = page.getByTestId('coverage-summary');
  await expect(coverageSummary).toContainText('criteria without approved evidence');
  expect(numberIn(await coverageSummary.textContent(), /^([\d,]+) criteria without approved evidence/u)).toBe(checksGaps);
  const total = numberIn(await coverageSummary.textContent(), /, of ([\d,]+);/u);
  // Only CIC05 has approved evidence.
  expect(checksGaps).toBe(total - 1);
});

test('results ticked on one search are not ticked on a new one', async ({ page, freshApp }) => {
  await start(page, freshApp);
  await libraryWithCopies(page, freshApp);
  const box = page.getByRole('searchbox', { name: 'Search evidence' });
  const bar = page.getByTestId('selection-bar');
  await box.fill('supervision');
  await expect(page.getByTestId('search-summary')).toContainText('1 document found');
  await page.getByTestId('search-result').getByRole('checkbox').check();
  await expect(bar).toContainText('1 document selected');

  // A new search that finds the ticked document again (its team's name), and another.
  await box.fill('team');
  await expect(page.getByTestId('search-summary')).toContainText('documents found');
  await expect(page.getByTestId('search-result').filter({ hasText: 'Supervision notes' })).toHaveCount(1);
  await expect(bar).toContainText('Select all shown');
  await expect(bar.getByRole('button', { name: 'Tag selected…' })).toBeDisabled();
  for (const checkbox of await page.getByTestId('search-result').getByRole('checkbox').all()) await expect(checkbox).not.toBeChecked();
});
