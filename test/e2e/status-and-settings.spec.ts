/**
 * The status bar's scan controls (pause, resume, cancel) on a folder big enough to take a few
 * seconds, the Settings area, and retrying the files that could not be read.
 *
 * Named to run after the other journeys: it adds folders of its own, and removes them again.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, callApi, ensureEvidenceAdded, type RunningApp } from './app-fixture.ts';

/** Enough small text files that a scan takes a few seconds here (it reads several hundred a second). */
const BULK_FILES = 2000;

/** Writes a folder of distinct small .txt files beside the evidence folder (not inside it: that one is watched). */
function writeBulkFolder(app: RunningApp, name: string): string {
  const dir = join(dirname(app.evidenceDir), name);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < BULK_FILES; i++) {
    writeFileSync(join(dir, `note-${String(i).padStart(5, '0')}.txt`), `${name} supervision note ${i}: visit ${i * 7} recorded, plan ${i * 13} reviewed.\n`);
  }
  return dir;
}

/** A contract call from the page (with this tab's token), for checking what the server holds. */
const call = callApi;

async function addFolder(page: Page, path: string): Promise<void> {
  await page.keyboard.press('Alt+2');
  await page.getByRole('button', { name: 'Add folder' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Add a folder' });
  await dialog.getByLabel('Folder path').fill(path);
  await dialog.getByRole('button', { name: 'Add folder' }).click();
  await expect(dialog).toBeHidden();
}

async function removeFolder(page: Page, path: string): Promise<void> {
  const roots = await call<{ id: number; path: string }[]>(page, 'roots.list');
  const root = roots.find((r) => r.path === path);
  if (root) await call(page, 'roots.remove', { rootId: root.id });
}

/** The status bar's "n of m" while scanning ("Paused at 1,204 of 2,000 files"). */
async function doneCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('index-status').textContent()) ?? '';
  const m = /([\d,]+) of [\d,]+/u.exec(text);
  if (!m) throw new Error(`No progress count in the status bar: “${text}”`);
  return Number(m[1].replace(/,/gu, ''));
}

test('the status bar pauses and resumes a scan', async ({ page, app, openApp }) => {
  const dir = writeBulkFolder(app, 'Bulk-pause');
  await openApp();
  const status = page.getByTestId('index-status');
  const bar = page.getByRole('contentinfo', { name: 'Status' });
  await addFolder(page, dir);

  await bar.getByRole('button', { name: 'Pause' }).click();
  await expect(status).toContainText(/paused/iu);
  await expect(bar.getByRole('button', { name: 'Resume' })).toBeVisible();
  // Files already being read when the pause came may still finish; after that, nothing moves.
  const before = await settled(page);
  expect(before).toBeLessThan(BULK_FILES);
  await expect.poll(() => doneCount(page)).toBe(before);
  await page.waitForTimeout(1000);
  expect(await doneCount(page)).toBe(before);
  expect((await call<{ done: number; paused: boolean }>(page, 'scan.status')).done).toBe(before);
  await expect(status).toContainText(/paused/iu);

  await bar.getByRole('button', { name: 'Resume' }).click();
  await expect(status).not.toContainText(/paused/iu);
  await expect(status).toContainText('Index up to date', { timeout: 45_000 });
  await expect(bar.getByRole('button', { name: /Pause|Resume|Cancel/u })).toHaveCount(0);
  const card = page.getByRole('group', { name: 'Folder Bulk-pause' });
  await expect(card.getByTestId('root-documents')).toHaveText('2,000');

  await removeFolder(page, dir);
});

test('the status bar cancels a scan and goes back to idle', async ({ page, app, openApp }) => {
  const dir = writeBulkFolder(app, 'Bulk-cancel');
  await openApp();
  const status = page.getByTestId('index-status');
  const bar = page.getByRole('contentinfo', { name: 'Status' });
  await addFolder(page, dir);

  await bar.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toContainText('Index up to date');
  await expect(bar.getByRole('button', { name: /Pause|Resume|Cancel/u })).toHaveCount(0);
  // Stopped early: what was stored stays, the rest was never read.
  const root = (await call<{ path: string; documents: number }[]>(page, 'roots.list')).find((r) => r.path === dir);
  expect(root?.documents).toBeLessThan(BULK_FILES);

  await removeFolder(page, dir);
});

test('settings persist, and a value the server refuses is shown beside its field with nothing saved', async ({ page, openApp }) => {
  await openApp();
  await page.keyboard.press('Alt+9');
  const view = page.getByTestId('settings-view');
  await expect(view.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(view.getByTestId('settings-index')).toContainText('e2e.db');
  await expect(view.getByTestId('settings-index')).toContainText('Everything stays on this computer');
  await expect(view).toContainText('Files larger than this are listed as too large and not read');

  const rescan = view.getByRole('spinbutton', { name: 'Rescan every' });
  await rescan.fill('45');
  await view.getByRole('button', { name: 'Save' }).click();
  await expect(view.getByTestId('settings-saved')).toHaveText('Saved');

  // Tall enough to show the whole screen, down to "Your index".
  await page.setViewportSize({ width: 1400, height: 1250 });
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/settings.png', animations: 'disabled' });
  await darkScreenshot(page, 'test-results/settings-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1400, height: 900 });

  await page.reload();
  await page.getByRole('navigation', { name: 'Areas' }).getByText('Settings').click();
  await expect(view.getByRole('spinbutton', { name: 'Rescan every' })).toHaveValue('45');

  // 0 workers is out of range: the server says so, the form shows it at the field, nothing is stored
  // (not even the rescan change made at the same time).
  await view.getByRole('spinbutton', { name: 'Rescan every' }).fill('50');
  await view.getByRole('spinbutton', { name: 'Files read at the same time' }).fill('0');
  await view.getByRole('button', { name: 'Save' }).click();
  await expect(view.getByText('Not saved: choose a whole number from 1 to 16.')).toBeVisible();
  await expect(view.getByTestId('settings-saved')).toHaveCount(0);
  const stored = await call<{ workers: number; rescanMinutes: number }>(page, 'settings.get');
  expect(stored.rescanMinutes).toBe(45);
  expect(stored.workers).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: 'test-results/settings-error.png' });

  // Correcting the field clears its error.
  await view.getByRole('spinbutton', { name: 'Files read at the same time' }).fill(String(stored.workers));
  await expect(view.getByText('Not saved: choose a whole number from 1 to 16.')).toHaveCount(0);
});

test('"Retry failed files" reads them again and the list refreshes, grouped by reason', async ({ page, app, openApp }) => {
  await openApp();
  await ensureEvidenceAdded(page, app);
  await page.getByRole('button', { name: '1 file could not be read' }).click();
  const failures = page.getByTestId('failures-list');
  const groups = failures.getByTestId('failure-group');
  await expect(groups.filter({ hasText: 'Empty (1)' })).toContainText('blank.txt');
  await expect(groups.filter({ hasText: 'Kind of file not supported yet (1)' })).toContainText('old-archive.7z');

  const before = await call<{ finishedAt: string | null }>(page, 'scan.status');
  // The list reloads when the retry's scan has ended.
  const reloaded = page.waitForResponse((r) => r.url().endsWith('/api/failures.list'));
  await failures.getByRole('button', { name: 'Retry failed files' }).click();
  // (While it runs, a note says so; it may be over before the note could be seen, so it is not awaited.)
  await reloaded;
  expect((await call<{ finishedAt: string | null }>(page, 'scan.status')).finishedAt).not.toBe(before.finishedAt);
  // An empty file is still empty: it is listed again, with the note gone.
  await expect(groups.filter({ hasText: 'Empty (1)' })).toContainText('blank.txt');
  await expect(failures.getByRole('status')).toHaveText('');

  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/failures-grouped.png' });
  await darkScreenshot(page, 'test-results/failures-grouped-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });

  // The folder card retries just its own failed files.
  await page.getByRole('tab', { name: /Folders/u }).click();
  const card = page.getByRole('group', { name: 'Folder Evidence' });
  const rescanned = page.waitForResponse((r) => r.url().endsWith('/api/failures.retry') && r.request().postData() !== '{}');
  await card.getByRole('button', { name: /Retry the file in Evidence that could not be read/u }).click();
  expect((await rescanned).ok()).toBeTruthy();
  await expect(page.getByTestId('index-status')).toContainText('Index up to date');
  await expect(card.getByTestId('root-failed')).toContainText('1');
  await page.screenshot({ path: 'test-results/library-cards.png' });
});

/** The done count once it has stopped changing (polled twice, a moment apart). */
async function settled(page: Page): Promise<number> {
  let last = -1;
  for (;;) {
    const { done } = await call<{ done: number }>(page, 'scan.status');
    if (done === last) return done;
    last = done;
    await page.waitForTimeout(300);
  }
}

/** A screenshot in the dark theme, once it has applied and its transitions have ended. */
async function darkScreenshot(page: Page, path: string): Promise<void> {
  const background = () => page.locator('main').evaluate((el) => getComputedStyle(el.closest('.fui-FluentProvider')!).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).not.toBe(light);
  await page.screenshot({ path, animations: 'disabled' });
}
