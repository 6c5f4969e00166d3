/**
 * The pack for the shared drive, end to end in a real browser against the real app (browser
 * mode): two documents tagged and approved, the Export area's preview and export, then the pack's
 * index.html opened from file:// with every request watched (nothing but the pack's own files) and
 * every console message caught, searched, a result followed to its file; then Verify in the app,
 * first on the untouched pack, then after a byte of it changed. The Export area is checked with axe.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, callApi, ensureEvidenceAdded } from './app-fixture.ts';
import { expectAccessible } from './axe.ts';

// axe's script needs to get past the app's content security policy.
test.use({ bypassCSP: true });

async function approve(page: Page, path: string, criterionId: string, fields: Record<string, unknown>): Promise<void> {
  const { documentId } = await callApi<{ documentId: number }>(page, 'documents.byPath', { path });
  await callApi(page, 'tags.add', { documentIds: [documentId], frameworkId: 'ilacs-2026', criterionId, strength: 'key', note: 'the clearest example' });
  await callApi(page, 'evidence.save', { documentId, fields: { status: 'approved', ...fields } });
}

test('exports a pack, opens its index.html offline from file://, searches it, follows a result, and verifies it', async ({ page, app, openApp }) => {
  test.setTimeout(120_000);
  await openApp();
  await ensureEvidenceAdded(page, app);
  await approve(page, join(app.evidenceDir, 'supervision-notes.txt'), 'L01', { title: 'Supervision notes, March', summary: 'Reflective supervision is regular and recorded.', team: 'Practice Quality' });
  await approve(page, join(app.evidenceDir, 'Placement-Stability-Review-2024.pdf'), 'CIC01', { title: 'Placement stability review 2024', team: 'Children in Care' });

  await page.getByRole('navigation', { name: 'Areas' }).getByText('Export').click();
  const preview = page.getByTestId('export-preview-totals');
  await expect(preview).toContainText('Evidence items');
  await expect(preview).toContainText('2');
  await expectAccessible(page, 'the Export area');

  const out = join(dirname(app.evidenceDir), 'Inspection pack');
  await page.getByTestId('export-destination').fill(out);
  await page.getByTestId('export-start').click();
  const done = page.getByTestId('export-done');
  await expect(done).toBeVisible({ timeout: 60_000 });
  await expect(done).toContainText(/match/u);
  await expectAccessible(page, 'the Export area after an export');

  // The pack, as someone without the app opens it.
  const site = await page.context().newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  site.on('request', (r) => requests.push(r.url()));
  site.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  site.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await site.goto(pathToFileURL(join(out, 'index.html')).href);
  await expect(site.getByRole('heading', { level: 2, name: /impact of leaders/u })).toBeVisible();
  await site.getByRole('searchbox').fill('reflective');
  const results = site.locator('#results');
  await expect(results).toBeVisible();
  const hit = results.getByRole('link', { name: 'Supervision notes, March' });
  await expect(hit).toBeVisible();
  await expect(results.getByRole('link', { name: 'Placement stability review 2024' })).toHaveCount(0);
  const href = await hit.getAttribute('href');
  await hit.click();
  await expect(site).toHaveURL(/supervision-notes\.txt$/u);
  expect(await site.locator('body').textContent()).toContain(readFileSync(join(app.evidenceDir, 'supervision-notes.txt'), 'utf8').trim().slice(0, 40));
  expect(href).toMatch(/^evidence\//u);
  expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  expect(problems).toEqual([]);
  await site.close();

  // Verify in the app: intact, then with one byte changed.
  await page.getByRole('tab', { name: 'Verify a pack' }).click();
  await page.getByTestId('verify-path').fill(out);
  await page.getByTestId('verify-start').click();
  await expect(page.getByTestId('verify-ok')).toBeVisible();
  const copy = join(out, decodeURIComponent(href!));
  const bytes = readFileSync(copy);
  bytes[0] ^= 1;
  writeFileSync(copy, bytes);
  await page.getByTestId('verify-start').click();
  await expect(page.getByTestId('verify-changed')).toContainText(decodeURIComponent(href!));
  await expectAccessible(page, 'Verify with a changed file');

  await page.getByRole('tab', { name: 'Export log' }).click();
  await expect(page.getByTestId('export-log-table')).toContainText(out);
});
