/**
 * Annex A from messy extracts to Ofsted's workbook, in a real browser against the real app
 * (browser mode: the files are uploaded through the file input and handed over with
 * annexa.stage). The extracts are written here: system headers, bare codes, odd dates, one wrong
 * value planted (ethnicity ZZZZ on contacts.csv row 4), one column recognition cannot name
 * ("Contact Origin" for Contact Source), and a file that is no list at all. The journey fixes the
 * mapping, sees the planted finding and its row, reads a summary, downloads the workbook and
 * checks it with our own reader, then deletes the child-level data.
 *
 * Each step is also checked with axe (WCAG 2.1 AA), in light and dark mode.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { annexASpec, DEFAULT_ANNEX_A_SPEC_ID } from '../../shared/annexa/index.ts';
import { readSourceBytes } from '../../core/annexa/read/index.ts';
import { recogniseSources } from '../../core/annexa/recognise.ts';
import { test, expect, callApi } from './app-fixture.ts';
import { expectAccessible } from './axe.ts';

// axe's script needs to get past the page's content security policy.
test.use({ bypassCSP: true });

const CONTACTS = [
  'Person ID,Sex,Ethnic Code,DOB,Contact Date,Contact Origin,Notes',
  '1001,M,WBRI,03/04/2015,12/01/2024,2A,first contact',
  '1002,F,WIRI,2016-05-06,1/2/24,6,school',
  '1003,F,ZZZZ,07-08-2012,15-02-2024,1A,planted: no such ethnicity',
  '1004,M,WBRI,01/01/2010,01/03/2024 00:00:00,3D,police',
].join('\r\n');

const REFERRALS = [
  'Child Ref,Gender,Ethnicity,Date of Birth,Referral Date,Referral Source,NFA,Previous Referrals,Team,Worker',
  '1001,M,WBRI,03/04/2015,15/01/2024,2A,N,0,Team A,Ann Smith',
  '1002,F,WIRI,06/05/2016,05/02/2024,6,Y,1.0,Team B,Bob Jones',
].join('\r\n');

const NOTES = 'Meeting,Notes\r\nMonday,Planning\r\n';

async function step(page: Page, n: number, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Annex A steps' }).getByRole('button', { name: `Step ${n}: ${name}` }).click();
}

test('messy extracts in, mapping fixed, the planted finding seen, a summary read, the workbook out, the data deleted', async ({ page, openApp }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const dir = mkdtempSync(join(tmpdir(), 'annexa-e2e-'));
  try {
    writeFileSync(join(dir, 'contacts.csv'), CONTACTS);
    writeFileSync(join(dir, 'referrals.csv'), REFERRALS);
    writeFileSync(join(dir, 'notes.csv'), NOTES);

    // The smallest width the app supports.
    await page.setViewportSize({ width: 1024, height: 768 });
    await openApp();
    await page.keyboard.press('Alt+4');
    const view = page.getByTestId('annexa-view');
    await expect(view.getByRole('heading', { name: 'Annex A', level: 2 })).toBeVisible();
    await expect(view.getByRole('heading', { name: '1. Add the extracts' })).toBeVisible();
    // Later steps need an import first.
    await expect(view.getByRole('button', { name: 'Step 3: Findings' })).toBeDisabled();

    // 1. Add the extracts: uploaded through the file input (browser mode), date typed day first.
    await view.getByTestId('annexa-file-input').setInputFiles(['contacts.csv', 'referrals.csv', 'notes.csv'].map((f) => join(dir, f)));
    await expect(view.getByTestId('annexa-extracts').getByRole('listitem')).toHaveCount(3);
    const date = view.getByRole('textbox', { name: 'Inspection date' });
    await date.fill('15/03/2024');
    await expect(view.getByText('Friday 15 March 2024', { exact: false })).toBeVisible();
    await expect(view.getByTestId('annexa-spec')).toHaveValue('annex-a-2024');
    await expect(view.getByText('UNVERIFIED against Ofsted.', { exact: true })).toBeVisible();
    await page.screenshot({ path: 'test-results/annexa-1-add.png' });
    await expectAccessible(page, 'step 1, add the extracts');
    await view.getByTestId('annexa-import').click();

    // 2. The mapping: both lists recognised; Contact Source has no column (highlighted, said in words); notes.csv is no list, with the reason.
    await expect(view.getByRole('heading', { name: '2. Check the column mapping' })).toBeVisible({ timeout: 30_000 });
    await expect(view.getByTestId('annexa-import-problems')).toContainText('notes.csv');
    await expect(view.getByTestId('annexa-import-problems')).toContainText('match no Annex A list');
    const contacts = view.locator('[data-testid="annexa-list-mapping"][data-list="list1"]');
    await expect(contacts).toContainText('From contacts.csv · 4 rows');
    await expect(view.locator('[data-testid="annexa-list-mapping"][data-list="list3"]')).toContainText('From referrals.csv · 2 rows');
    const source = contacts.locator('tr[data-column="contactSource"]');
    await expect(source).toHaveAttribute('data-missing', 'true');
    await expect(source).toContainText('Missing');
    await expect(contacts.getByTestId('annexa-dropped')).toContainText('Contact Origin');
    await expect(contacts.locator('tr[data-column="gender"]')).toContainText('M, F');
    await page.screenshot({ path: 'test-results/annexa-2-mapping-before.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await source.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/annexa-2-mapping-missing-dark.png' });
    await expectAccessible(page, 'step 2, the mapping, dark mode');
    await page.emulateMedia({ colorScheme: 'light' });

    // Fix it: Contact Source comes from "Contact Origin"; import again with these columns.
    await contacts.getByRole('combobox', { name: 'Source column for Contact Source (List 1: Contacts)' }).selectOption('Contact Origin');
    await expect(source).toContainText('Changed');
    await view.getByTestId('annexa-reimport').click();
    await expect(view.getByText('Imported again with your columns', { exact: false })).toBeVisible({ timeout: 30_000 });
    await expect(source).not.toHaveAttribute('data-missing', 'true');
    await expect(source).toContainText('2A, 6, 1A');
    await expect(contacts.getByTestId('annexa-dropped')).not.toContainText('Contact Origin');
    await contacts.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/annexa-2-mapping-fixed.png' });

    // Saved for the source system: offered in step 1 next time.
    await view.getByRole('button', { name: 'Save this mapping as…' }).click();
    const save = page.getByRole('dialog', { name: 'Save this mapping' });
    await save.getByRole('textbox', { name: 'Source system' }).fill('Frontdoor');
    await save.getByRole('button', { name: 'Save mapping' }).click();
    await expect(view.getByText('Saved as “Frontdoor”', { exact: false })).toBeVisible();

    // 3. Findings: by keyboard to the step; the planted one is there, grouped under its list and rule.
    await view.getByRole('button', { name: 'Step 3: Findings' }).focus();
    await page.keyboard.press('Enter');
    await expect(view.getByRole('heading', { name: '3. Findings' })).toBeFocused();
    const group = view.locator('[data-testid="annexa-rule-group"][data-list="list1"][data-rule="code-unknown"]');
    await expect(group).toContainText('1 error');
    // No blank Contact Source any more: the fixed mapping filled it.
    await expect(view.locator('[data-testid="annexa-rule-group"][data-rule="mandatory-blank"]')).toHaveCount(0);
    await group.getByRole('button').click();
    await expect(view.getByTestId('annexa-findings-page')).toHaveText('Findings 1–1 of 1');
    await page.screenshot({ path: 'test-results/annexa-3-findings.png' });
    const finding = view.getByTestId('annexa-finding').filter({ hasText: 'ZZZZ' });
    await expect(finding).toContainText('Error');
    await finding.getByRole('button', { name: 'Show contacts.csv, row 4' }).click();
    const panel = page.getByRole('dialog', { name: 'contacts.csv, row 4' });
    await expect(panel).toBeVisible();
    const hit = panel.locator('tr[data-hit="true"]');
    await expect(hit).toHaveCount(1);
    await expect(hit).toHaveAttribute('data-column', 'ethnicity');
    await expect(hit).toContainText('ZZZZ');
    await expect(hit).toContainText('finding');
    await expect(panel.locator('tr[data-column="dateOfContact"]')).toContainText('15/02/2024');
    await expect(panel.locator('tr[data-column="gender"]')).toContainText('b) Female');
    await page.screenshot({ path: 'test-results/annexa-3-finding-row.png' });
    await expectAccessible(page, 'step 3, a finding’s row');
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();

    // The changes normalisation made, listed.
    await view.getByTestId('annexa-changes-button').click();
    const changes = page.getByRole('dialog', { name: /^Changes made: \d+/u });
    await expect(changes.getByTestId('annexa-changes')).toContainText('a) Male');
    await page.keyboard.press('Escape');

    // 4. Summaries, in dark mode: figures and a chart whose numbers are also a table.
    await page.emulateMedia({ colorScheme: 'dark' });
    await step(page, 4, 'Summaries');
    const summary = view.locator('[data-testid="annexa-list-summary"][data-list="list1"]');
    await expect(summary.getByRole('heading', { name: 'List 1: Contacts' })).toBeVisible();
    await expect(summary.locator('[data-figure="rows"]')).toContainText('4');
    const chart = summary.getByTestId('annexa-chart').first();
    await expect(chart.locator('svg')).toBeVisible();
    await expect(chart.getByRole('table')).toBeAttached();
    await page.screenshot({ path: 'test-results/annexa-4-summaries-dark.png' });
    await expectAccessible(page, 'step 4, summaries, dark mode');
    await page.emulateMedia({ colorScheme: 'light' });

    // 5. Build: a real download, read back by our own importer: both lists there, the fixed column filled.
    await step(page, 5, 'Build workbook');
    const downloading = page.waitForEvent('download');
    await view.getByTestId('annexa-download').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Annex A 15-03-2024.xlsx');
    const bytes = new Uint8Array(readFileSync((await download.path())!));
    const workbook = readSourceBytes('Annex A.xlsx', 'Annex A.xlsx', bytes);
    expect(workbook.error).toBeNull();
    const found = recogniseSources([workbook], annexASpec(DEFAULT_ANNEX_A_SPEC_ID)!);
    const lists = found.recognised.map((r) => r.recognition.list);
    expect(lists).toEqual(expect.arrayContaining(['list1', 'list3']));
    const list1 = found.recognised.find((r) => r.recognition.list === 'list1')!;
    const sourceIndex = list1.recognition.mapping!.columns.contactSource!;
    const sources: unknown[] = [];
    for await (const row of list1.table.rows) sources.push(row.cells[sourceIndex]);
    expect(sources).toHaveLength(4);
    expect(sources.every((s) => typeof s === 'string' && s.length > 0)).toBe(true);
    await page.screenshot({ path: 'test-results/annexa-5-build.png' });
    await expectAccessible(page, 'step 5, build');

    // The pseudonymised copy: the same lists, and none of the children's ids.
    const copying = page.waitForEvent('download');
    await view.getByTestId('annexa-download-pseudonymised').click();
    const copy = await copying;
    expect(copy.suggestedFilename()).toBe('Annex A 15-03-2024 pseudonymised.xlsx');
    const copied = readSourceBytes('copy.xlsx', 'copy.xlsx', new Uint8Array(readFileSync((await copy.path())!)));
    expect(recogniseSources([copied], annexASpec(DEFAULT_ANNEX_A_SPEC_ID)!).recognised.map((r) => r.recognition.list)).toEqual(expect.arrayContaining(['list1', 'list3']));
    let cells = 0;
    for (const table of copied.tables) {
      for await (const row of table.rows) {
        for (const cell of row.cells) {
          cells++;
          expect(['1001', '1002', '1003', '1004']).not.toContain(String(cell));
        }
      }
    }
    // The check read the rows (not only the headers): 6 rows of children at least.
    expect(cells).toBeGreaterThan(6 * 5);

    // A new import from step 1 would replace this one: it asks first (cancelled here). The saved mapping is offered.
    await step(page, 1, 'Add extracts');
    await expect(view.getByTestId('annexa-system').locator('option', { hasText: 'Saved for Frontdoor' })).toHaveCount(1);
    await view.getByTestId('annexa-import').click();
    const replace = page.getByRole('alertdialog', { name: /^Replace the lists imported on \d\d\/\d\d\/\d{4} \d\d:\d\d\?$/u });
    await expect(replace).toBeVisible();
    await replace.getByRole('button', { name: 'Cancel' }).click();

    // Delete all child-level data: the confirmation says what goes; afterwards nothing is imported.
    await step(page, 5, 'Build workbook');
    await view.getByTestId('annexa-delete').click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete all child-level data?' });
    await expect(confirm).toContainText('6 rows in 2 lists');
    await confirm.getByRole('button', { name: 'Delete it all' }).click();
    await expect(view.getByText('All child-level data was deleted from this computer')).toBeVisible();
    await expect(view.getByRole('heading', { name: '1. Add the extracts' })).toBeVisible();
    await expect(view.getByTestId('annexa-extracts')).toHaveCount(0);
    expect(await callApi(page, 'annexa.status')).toBeNull();
    expect(pageErrors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
