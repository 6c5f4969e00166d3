/**
 * Dates are typed and shown the British way whatever the browser's locale: on an en-US Chromium
 * (where a native date input takes mm/dd/yyyy) 05/03/2026 typed as an evidence date is the
 * 5th of March, saved as 2026-03-05 and shown back as 05/03/2026; 31/04/2026 is refused in words.
 *
 * An app of its own (freshApp): it makes evidence the other journeys do not expect.
 */
import { join } from 'node:path';
import { test, expect, callApi, ensureEvidenceAdded } from './app-fixture.ts';

test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

test('an evidence date typed 05/03/2026 on an en-US browser is saved as the 5th of March', async ({ page, freshApp }) => {
  await page.goto(freshApp.launchUrl);
  await expect(page).toHaveURL(`${freshApp.origin}/`);
  expect(await page.evaluate(() => navigator.language)).toBe('en-US');
  await ensureEvidenceAdded(page, freshApp);

  await page.keyboard.press('Alt+1');
  await page.getByRole('searchbox', { name: 'Search evidence' }).fill('placement stability');
  const result = page.getByTestId('search-result').filter({ hasText: 'Placement Stability Review 2024' });
  await result.getByRole('button', { name: 'Placement Stability Review 2024', exact: true }).click();
  const panel = page.getByTestId('evidence-panel');
  await panel.getByRole('button', { name: 'Make this evidence' }).click();
  const form = panel.getByTestId('evidence-form');

  const evidenceDate = form.getByRole('textbox', { name: 'Evidence date' });
  const reviewBy = form.getByRole('textbox', { name: 'Review by' });
  // A day that does not exist is refused in words once the user moves on, and nothing is saved.
  await reviewBy.fill('31/04/2026');
  await reviewBy.press('Tab');
  await expect(form.getByText('31/04/2026 is not a date that exists. Enter a date as dd/mm/yyyy, for example 05/03/2026.')).toBeVisible();
  await reviewBy.fill('5/3/2027');
  await evidenceDate.fill('05/03/2026');
  await evidenceDate.press('Tab');
  // Said back in full once left, so a slip shows.
  await expect(reviewBy).toHaveValue('05/03/2027');
  await form.getByRole('button', { name: 'Save as evidence' }).click();
  await expect(panel.getByTestId('evidence-status')).toBeVisible();

  const { documentId } = await callApi<{ documentId: number }>(page, 'documents.byPath', { path: join(freshApp.evidenceDir, 'Placement-Stability-Review-2024.pdf') });
  const item = await callApi<{ evidenceDate: string | null; reviewBy: string | null }>(page, 'evidence.get', { documentId });
  expect(item).toMatchObject({ evidenceDate: '2026-03-05', reviewBy: '2027-03-05' });
  // Shown back day first.
  await expect(evidenceDate).toHaveValue('05/03/2026');
  await expect(reviewBy).toHaveValue('05/03/2027');
});
