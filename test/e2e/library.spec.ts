/** The Library: adding folders (and the errors a user can make), the folder card, and the files that need attention. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, ensureEvidenceAdded } from './app-fixture.ts';

// Its own server, so the library is empty whatever order the journeys run in.
test('with no folders, Search teaches where to start', async ({ page, freshApp }) => {
  await page.goto(freshApp.launchUrl);
  await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toBeVisible();
  await expect(page.getByTestId('empty-state')).toContainText('Add the folders where your evidence lives');
  await page.getByRole('button', { name: 'Go to Library' }).click();
  await expect(page.getByTestId('library-empty')).toContainText('drag a folder');
});

test('the path dialog explains browser mode and shows roots.add errors inline', async ({ page, app, openApp }) => {
  await openApp();
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: 'Add folder' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a folder' });
  await expect(dialog).toContainText('cannot show the folder picker');
  await dialog.getByLabel('Folder path').fill(join(app.evidenceDir, 'no-such-folder'));
  await dialog.getByRole('button', { name: 'Add folder' }).click();
  await expect(dialog).toContainText('could not be found');
  await dialog.getByLabel('Folder path').fill(join(app.evidenceDir, 'supervision-notes.txt'));
  await dialog.getByRole('button', { name: 'Add folder' }).click();
  await expect(dialog).toContainText('is a file');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('folder card, failures list, and a remove that promises not to touch the files', async ({ page, app, openApp }) => {
  await openApp();
  await ensureEvidenceAdded(page, app);
  const card = page.getByTestId('root-card');
  await expect(card).toContainText('Evidence');
  await expect(card).toContainText('Online');
  await expect(card).toContainText(app.evidenceDir);

  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/library.png' });

  // The status bar's failure count leads to the list, which explains each file in plain words.
  await page.getByRole('button', { name: '1 file could not be read' }).click();
  const failures = page.getByTestId('failures-list');
  await expect(failures).toContainText('blank.txt');
  await expect(failures).toContainText('1 file is empty (0 bytes)');
  await expect(failures).toContainText('old-archive.7z');
  await expect(failures).toContainText('not indexed yet');
  await failures.getByRole('checkbox', { name: /Not supported/u }).click();
  await expect(failures).not.toContainText('old-archive.7z');
  await expect(failures).toContainText('blank.txt');
  await page.screenshot({ path: 'test-results/failures.png' });

  await page.getByRole('tab', { name: /Folders/u }).click();
  await card.getByRole('button', { name: 'Remove' }).click();
  const confirm = page.getByRole('dialog', { name: /Remove “Evidence”/u });
  await expect(confirm).toContainText('The files on disk are not touched');
  await confirm.getByRole('button', { name: 'Keep it' }).click();
  await expect(card).toBeVisible();
});
