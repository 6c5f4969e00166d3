/**
 * The onsite week's request log, end to end in a real browser against the real app: a request
 * logged with the keyboard from anywhere (Ctrl+Shift+L), already overdue; a search hit linked to it
 * in one action; the response written and the request answered, so it leaves the overdue list;
 * then the log exported to Excel and read back. Checked with axe on the way. And the area on a small
 * laptop's screen (1024×640, 1366×768): nothing scrolls sideways, and the panel can be worked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect, callApi, ensureEvidenceAdded } from './app-fixture.ts';
import { expectAccessible } from './axe.ts';

// axe's script needs to get past the app's content security policy.
test.use({ bypassCSP: true });

/** `dd/mm/yyyy HH:mm` in local time, typed day first as the date-and-time fields ask whatever the browser's locale. */
function typed(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
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
  await form.getByTestId('request-received').fill(typed(new Date(Date.now() - 2 * 3600_000)));
  await form.getByTestId('request-due').fill(typed(new Date(Date.now() - 3600_000)));
  await form.getByTestId('request-text').press('Enter');
  await expect(form).toBeHidden();

  await page.getByRole('navigation', { name: 'Areas' }).getByText('Requests').click();
  await expect(page.getByTestId('today-overdue')).toContainText(text);
  await expectAccessible(page, 'the Today view with an overdue request');

  // From a search hit, in one action.
  await page.getByRole('navigation', { name: 'Areas' }).getByText('Search').click();
  await page.getByRole('searchbox', { name: 'Search evidence' }).fill('supervision');
  // The search's own answer, not the newest-first listing still shown while it runs (its items go
  // when the answer comes, and a menu opened on one with them).
  await expect(page.getByTestId('search-summary')).toContainText('1 document found');
  const hit = page.getByTestId('search-result').filter({ hasText: 'supervision notes' });
  await expect(hit).toHaveCount(1);
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

/** Neither the page nor the elements with these test ids (the areas that scroll) are wider than their boxes: how much wider each is. */
async function expectNoSidewaysScrolling(page: Page, testIds: string[], where: string): Promise<void> {
  const wider = await page.evaluate((ids) => {
    const over = (e: Element) => e.scrollWidth - e.clientWidth;
    return Object.fromEntries([['page', over(document.scrollingElement!)], ...ids.map((id) => [id, over(document.querySelector(`[data-testid="${id}"]`)!)])]);
  }, testIds);
  expect(wider, `sideways scrolling at ${where}`).toEqual(Object.fromEntries(['page', ...testIds].map((k) => [k, 0])));
}

test('the Requests area fits a small laptop’s screen: nothing scrolls sideways and the panel can be worked', async ({ page, openApp }) => {
  test.setTimeout(120_000);
  await openApp();
  // Long words everywhere they can be long, and a filtered Annex A list among the links.
  const text = 'All return home interviews for children missing from care in the last six months, with their follow-up actions, the strategy meeting minutes and the workers who held them';
  const { id } = await callApi<{ id: number }>(page, 'requests.add', {
    text,
    inspector: 'HMI Rosalind Featherstonehaugh-Cholmondeley',
    owner: 'Performance and Information Team (Annex A and ChAT)',
    received: new Date(Date.now() - 3 * 3600_000).toISOString(),
    due: new Date(Date.now() - 30 * 60_000).toISOString(),
  });
  await callApi(page, 'requests.link', { id, link: { kind: 'annexa', list: 'list6', filter: { severity: 'error', rule: 'date-order' }, note: '12 findings when linked' } });
  await callApi(page, 'requests.link', { id, link: { kind: 'search', query: `"return home interview" AND missing AND ${'x'.repeat(120)}` } });

  for (const size of [{ width: 1024, height: 640 }, { width: 1366, height: 768 }]) {
    const at = `${size.width}×${size.height}`;
    await page.setViewportSize(size);
    await page.getByRole('navigation', { name: 'Areas' }).getByText('Requests').click();
    await page.getByRole('tab', { name: 'Today' }).click();
    await expect(page.getByTestId('today-overdue')).toContainText(text);
    await expectNoSidewaysScrolling(page, ['requests-view'], `Today at ${at}`);
    await expectAccessible(page, `Today at ${at}`);

    await page.getByRole('tab', { name: 'Board' }).click();
    await expect(page.getByTestId('request-board')).toContainText(text);
    await expectNoSidewaysScrolling(page, ['requests-view', 'request-board'], `the board at ${at}`);

    // The panel: inside the window, its links readable (the filtered list with its findings now), the response and Mark answered reachable.
    await page.getByTestId('request-board').getByText(text).click();
    const panel = page.getByTestId('request-panel');
    await expect(panel).toBeVisible();
    // Polled: the drawer slides in from the right.
    await expect.poll(async () => ((b) => b && { left: b.x >= 0, right: b.x + b.width <= size.width })(await panel.boundingBox()), { message: `the panel inside the window at ${at}` }).toEqual({ left: true, right: true });
    await expect(panel.getByTestId('request-link-annexa')).toContainText(/List 6: Children in Need — findings: errors only, rule date-order: (none|[\d,]+ findings?) now — 12 findings when linked/u);
    await expectNoSidewaysScrolling(page, ['request-panel', 'request-panel-body'], `the panel at ${at}`);
    const answer = panel.getByTestId('request-answer');
    await answer.scrollIntoViewIfNeeded();
    await expect(answer).toBeInViewport();
    await expect(panel.getByTestId('request-response')).toBeEditable();
    await expectAccessible(page, `the request panel at ${at}`);
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect(panel).toBeHidden();
  }
});
