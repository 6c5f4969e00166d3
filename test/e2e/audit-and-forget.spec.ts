/**
 * Data protection in the app: Settings shows the audit log (empty, then with what was done) and
 * exports it as CSV; removing a folder with "Also forget its text" leaves its evidence without the
 * text, and search finds nothing of it; Settings deletes Annex A data.
 */
import { readFileSync } from 'node:fs';
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
  await expect(dialog).toBeHidden({ timeout: 60_000 });
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
