/**
 * Data protection in the app: Settings shows the audit log (empty, then with what was done) and
 * exports it as CSV; removing a folder with "Also forget its text" leaves its evidence without the
 * text, and search finds nothing of it, with its progress in the status bar; Settings deletes Annex A
 * data.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test, expect, callApi } from './app-fixture.ts';
import { expectAccessible } from './axe.ts';

test('the audit log records forgetting a folder’s text, and exports as CSV', async ({ page, freshApp: app }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.goto(app.launchUrl);
  await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toBeVisible();
  await callApi(page, 'roots.add', { path: app.evidenceDir });
  await expect(page.getByTestId('index-status')).toContainText('Index up to date', { timeout: 45_000 });
  const { documentId } = await callApi<{ documentId: number }>(page, 'documents.byPath', { path: `${app.evidenceDir}/supervision-notes.txt` });
  await callApi(page, 'evidence.save', { documentId, fields: { title: 'Supervision notes, North team', status: 'approved' } });

  // Nothing done yet: the log says what it will hold.
  await page.locator('body').press('Alt+9');
  const audit = page.getByTestId('settings-audit');
  await expect(audit.getByTestId('audit-empty')).toContainText('Nothing has been recorded yet');
  await expect(audit.getByRole('button', { name: 'Export CSV' })).toBeDisabled();

  // Remove the folder and forget its text, from the Library.
  await page.locator('body').press('Alt+2');
  await page.getByTestId('root-card').first().getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog', { name: /^Remove/u });
  await dialog.getByRole('checkbox', { name: /Also forget its text/u }).check();
  await expectAccessible(page, 'the remove dialog with forgetting ticked');
  await dialog.getByRole('button', { name: 'Remove and forget its text' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('removal-status')).toContainText(/^“Evidence” removed: the text of \d+ documents forgotten and the index compacted\.$/u, { timeout: 60_000 });
  await expect(page.getByTestId('root-card')).toHaveCount(0);

  // Search finds nothing of it; the evidence item stays, without its text.
  expect((await callApi<{ total: number }>(page, 'search.query', { query: 'supervision' })).total).toBe(0);
  expect(await callApi(page, 'evidence.get', { documentId })).toMatchObject({ title: 'Supervision notes, North team', status: 'approved' });
  expect(await callApi(page, 'documents.get', { documentId })).toMatchObject({ warning: 'text-forgotten', pages: [] });

  // The log shows who did it, when (dd/mm/yyyy HH:mm) and what.
  await page.locator('body').press('Alt+9');
  const row = audit.getByTestId('audit-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').nth(0)).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/u);
  await expect(row.getByRole('cell').nth(2)).toHaveText('Folder removed');
  await expect(row.getByRole('cell').nth(3)).toContainText('its text forgotten');
  await expectAccessible(page, 'Settings with the audit log at 1024 wide');
  const sideways = await page.getByTestId('settings-view').evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  expect(sideways).toBe(false);

  const [download] = await Promise.all([page.waitForEvent('download'), audit.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Evidence Store audit log \d{2}-\d{2}-\d{4} \d{4}\.csv$/u);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv).toMatch(/^\uFEFFTime,Who,What,Outcome,Detail,/u);
  expect(csv).toContain('Folder removed,done,');
  await expect(audit.getByRole('status')).toContainText('was downloaded (1 entry)');

  // Filtered to another kind of action: nothing of that kind.
  await audit.getByLabel('Show').selectOption({ label: 'Annex A data deleted' });
  await expect(audit.getByTestId('audit-empty')).toContainText('Nothing of this kind');
});

test('forgetting a folder’s text shows its progress in the status bar, in words, until it is done', async ({ page, freshApp: app }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1024, height: 640 });
  // Enough documents for the text to leave in several batches.
  const folder = join(dirname(app.evidenceDir), 'Casework');
  mkdirSync(folder);
  for (let i = 0; i < 120; i++) writeFileSync(join(folder, `visit-${i}.txt`), `Visit record ${i}: the child was seen alone and their plan reviewed.`);
  await page.goto(app.launchUrl);
  await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toBeVisible();
  await callApi(page, 'roots.add', { path: folder });
  await expect(page.getByTestId('index-status')).toContainText('Index up to date · 120 documents', { timeout: 90_000 });

  // Every state the status bar shows for the removal, as it shows it.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { removalSeen: string[] }).removalSeen = seen;
    new MutationObserver(() => {
      const status = document.querySelector('[data-testid="removal-status"]');
      const shown = status ? `${status.getAttribute('data-phase')}: ${status.textContent}` : null;
      if (shown && seen.at(-1) !== shown) seen.push(shown);
    }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });

  await page.locator('body').press('Alt+2');
  await page.getByTestId('root-card').getByRole('button', { name: 'Remove' }).click();
  const dialog = page.getByRole('dialog', { name: /^Remove/u });
  await expect(dialog).toContainText('the status bar shows how far it is, and you can go on searching meanwhile');
  await dialog.getByRole('checkbox', { name: /Also forget its text/u }).check();
  await dialog.getByRole('button', { name: 'Remove and forget its text' }).click();
  // The dialog does not wait for it: the app stays usable, the status bar follows it.
  await expect(dialog).toBeHidden();

  const status = page.getByTestId('removal-status');
  await expect(status).toHaveAttribute('data-phase', 'done', { timeout: 120_000 });
  await expect(status).toHaveText('“Casework” removed: the text of 120 documents forgotten and the index compacted.');
  await expect(page.getByTestId('root-card')).toHaveCount(0);
  await expectAccessible(page, 'the status bar saying the removal is done');

  const seen = await page.evaluate(() => (window as unknown as { removalSeen: string[] }).removalSeen);
  // Phases in order, each in words: the compaction says it is working, with no percentage.
  const phases = seen.map((s) => s.slice(0, s.indexOf(':')));
  expect(phases.filter((p, i) => p !== phases[i - 1])).toEqual(expect.arrayContaining(['compacting', 'done']));
  expect(phases.at(-1)).toBe('done');
  expect(phases.indexOf('compacting')).toBeLessThan(phases.indexOf('done'));
  for (const s of seen.filter((x) => x.startsWith('forgetting'))) expect(s).toMatch(/forgetting the text of 120 documents… \d+%/u);
  expect(seen.find((s) => s.startsWith('compacting'))).toBe('compacting: Removing “Casework”: compacting the index (this can take a few minutes)… Search works meanwhile.');

  // Dismissed, it goes; search finds nothing of the folder.
  await status.getByRole('button', { name: 'Dismiss' }).click();
  await expect(status).toHaveCount(0);
  expect((await callApi<{ total: number }>(page, 'search.query', { query: 'visit record' })).total).toBe(0);
});
