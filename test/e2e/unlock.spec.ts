/**
 * Browser mode on an encrypted index started without its passphrase: the page says the index is
 * encrypted and asks for the passphrase before anything else (at 1024x640 and 1366x768, light and
 * dark, axe clean, keyboard only); a wrong passphrase is answered in words with the field kept and
 * focused; the right one opens the app, where a search finds what the encrypted index holds.
 */
import type { Page } from '@playwright/test';
import { test, expect, LOCKED_APP_PASSPHRASE } from './app-fixture.ts';
import { expectAccessible } from './axe.ts';

test.use({ bypassCSP: true });

async function expectFits(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `nothing sideways at ${where}`).toBeLessThanOrEqual(0);
  const button = await page.getByRole('button', { name: 'Unlock' }).boundingBox();
  const viewport = page.viewportSize()!;
  expect(button, where).not.toBeNull();
  expect(button!.x + button!.width, `Unlock inside the window at ${where}`).toBeLessThanOrEqual(viewport.width);
  expect(button!.y + button!.height, `Unlock inside the window at ${where}`).toBeLessThanOrEqual(viewport.height);
}

test('asks for the passphrase of an encrypted index, refuses a wrong one in words, and opens with the right one', async ({ page, lockedApp }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 640 });
  await page.goto(lockedApp.launchUrl);

  const screen = page.getByTestId('unlock-screen');
  await expect(screen.getByRole('heading', { name: 'This index is encrypted: enter its passphrase' })).toBeVisible();
  await expect(page.getByTestId('unlock-reason')).toContainText('e2e.db is encrypted, and Evidence Store was started without its passphrase');
  await expect(screen).toContainText('Your documents themselves are untouched');
  // Nothing of the app is there yet.
  await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toHaveCount(0);

  for (const size of [
    { width: 1024, height: 640 },
    { width: 1366, height: 768 },
  ]) {
    await page.setViewportSize(size);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await expectFits(page, `${size.width}x${size.height} ${colorScheme}`);
      await expectAccessible(page, `the Unlock screen at ${size.width}x${size.height}, ${colorScheme}`);
      await page.screenshot({ path: `test-results/unlock-${size.width}x${size.height}-${colorScheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // Keyboard only: the field has the focus, Enter unlocks.
  const field = page.getByLabel('Passphrase');
  await expect(field).toBeFocused();
  await page.keyboard.type('kestrel meadow 42');
  await page.keyboard.press('Enter');
  await expect(screen.getByText(/^That passphrase does not open this index/u)).toBeVisible();
  await expect(field).toHaveValue('kestrel meadow 42');
  await expect(field).toBeFocused();
  await expectAccessible(page, 'the Unlock screen with a wrong passphrase');
  await page.screenshot({ path: 'test-results/unlock-wrong-passphrase.png' });

  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(LOCKED_APP_PASSPHRASE);
  await page.keyboard.press('Enter');
  const search = page.getByRole('searchbox', { name: 'Search evidence' });
  await expect(search).toBeVisible();
  await expect(screen).toHaveCount(0);

  await search.fill('chronology');
  await expect(page.getByTestId('search-summary')).toContainText('1 document found');
  await expect(page.getByTestId('search-result').filter({ hasText: /supervision notes/iu })).toHaveCount(1);
});
