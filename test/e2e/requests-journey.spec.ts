/**
 * The onsite week's request log, end to end in a real browser against the real app: a request
 * logged with the keyboard from anywhere (Ctrl+Shift+L), already overdue; a search hit linked to it
 * in one action; the response written and the request answered, so it leaves the overdue list;
 * then the log exported to Excel and read back. Checked with axe on the way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect, callApi, ensureEvidenceAdded } from './app-fixture.ts';
import { expectAccessible } from './axe.ts';

// axe's script needs to get past the app's content security policy.
test.use({ bypassCSP: true });

/** `YYYY-MM-DDTHH:MM` in the browser's local time, as a datetime-local field takes it. */
function local(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

test('logs a request from the keyboard, links a search hit, answers it, sees it leave the overdue list, and exports the log', async ({ page, app, openApp }) => {
  test.setTimeout(120_000);
  await openApp();
  await ensureEvidenceAdded(page, app);
  const text = 'The latest supervision audit for the front door';

  // Logged from anywhere, keyboard only: received two hours ago, due an hour ago.
  await page.keyboard.press('Control+Shift+L');
  const form = page.getByTestId('log-request-form');
  await expect(form).toBeVisible();
  await page.keyboard.type(text);
  await form.getByTestId('request-inspector').fill('HMI Patel');
  await form.getByTestId('request-received').fill(local(new Date(Date.now() - 2 * 3600_000)));
  await form.getByTestId('request-due').fill(local(new Date(Date.now() - 3600_000)));
  await form.getByTestId('request-text').press('Enter');
  await expect(form).toBeHidden();

  await page.getByRole('navigation', { name: 'Areas' }).getByText('Requests').click();
  await expect(page.getByTestId('today-overdue')).toContainText(text);
  await expectAccessible(page, 'the Today view with an overdue request');

  // From a search hit, in one action.
  await page.getByRole('navigation', { name: 'Areas' }).getByText('Search').click();
  await page.getByRole('searchbox', { name: 'Search evidence' }).fill('supervision');
  const hit = page.getByTestId('search-result').first();
  await expect(hit).toBeVisible();
  await hit.getByTestId('link-to-request').click();
  await page.getByRole('menuitem', { name: new RegExp(text, 'u') }).click();
  await expect(hit.getByRole('status')).toContainText('Linked to request');

  // And an evidence item, from its panel in the document view.
  const { documentId } = await callApi<{ documentId: number }>(page, 'documents.byPath', { path: join(app.evidenceDir, 'supervision-notes.txt') });
  await callApi(page, 'evidence.save', { documentId, fields: { title: 'Placement stability review', status: 'approved' } });
  await hit.getByRole('button').first().click();
  const evidencePanel = page.getByTestId('evidence-panel');
  await evidencePanel.getByRole('button', { name: 'Link this evidence to a request' }).click();
  await page.getByRole('menuitem', { name: new RegExp(text, 'u') }).click();
  await expect(evidencePanel.getByRole('status').filter({ hasText: 'Linked to request' })).toBeVisible();

  // Answered: it leaves the overdue list.
  await page.getByRole('navigation', { name: 'Areas' }).getByText('Requests').click();
  await page.getByTestId('today-overdue').getByTestId('request-open').first().click();
  const panel = page.getByTestId('request-panel');
  await expect(panel.getByTestId('request-links')).toContainText('supervision');
  await expect(panel.getByTestId('request-links')).toContainText('Placement stability review');
  await expectAccessible(page, 'the request panel');
  await panel.getByTestId('request-response').fill('The audit is attached; it shows supervision is regular and recorded.');
  await panel.getByTestId('request-answer').click();
  // The answer as a folder for the shared drive, verified like a pack.
  const answerFolder = join(dirname(app.evidenceDir), 'Answer 1');
  await panel.getByLabel('Folder to write the answer into').fill(answerFolder);
  await panel.getByTestId('request-export-answer').click();
  await expect.poll(() => existsSync(join(answerFolder, 'manifest-sha256.txt'))).toBe(true);
  expect(existsSync(join(answerFolder, 'response.txt'))).toBe(true);
  const verified = await callApi<{ ok: boolean }>(page, 'pack.verify', { path: answerFolder });
  expect(verified.ok).toBe(true);
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('today-overdue')).not.toContainText(text);
  await expect(page.getByTestId('today-answered')).toContainText(text);

  await page.getByRole('tab', { name: 'Board' }).click();
  await expect(page.getByTestId('request-board')).toContainText(text);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessible(page, 'the board in dark mode');
  await page.emulateMedia({ colorScheme: 'light' });

  // The log in Excel.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('requests-export').click()]);
  const file = await download.path();
  const sheets = Object.entries(unzipSync(readFileSync(file)))
    .filter(([name]) => name.startsWith('xl/'))
    .map(([, bytes]) => strFromU8(bytes))
    .join('');
  expect(sheets).toContain(text);
  expect(sheets).toContain('supervision-notes.txt');
});
