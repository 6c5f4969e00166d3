/**
 * Anyone who can write to the shared drive can plant a file with a report's title. Open must never
 * run it: the document view says why it will not open it, and the rest of the app is unaffected.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test, expect, callApi } from './app-fixture.ts';

test('a planted file that could run as a program is found, but Open refuses it and says why', async ({ page, app, openApp }) => {
  const dir = join(dirname(app.evidenceDir), 'Planted');
  mkdirSync(dir, { recursive: true });
  // Text under a name no document type uses: searchable, so the group can find and remove it.
  writeFileSync(join(dir, 'Ofsted action plan.xyz'), 'Ofsted action plan: cormorant handover notes for the inspection week.');
  // A script named as a report is not read at all.
  writeFileSync(join(dir, 'Ofsted action plan.ps1'), 'Write-Host "cormorant"');

  await openApp();
  const root = await callApi<{ id: number }>(page, 'roots.add', { path: dir });
  await expect.poll(async () => (await callApi<{ state: string }>(page, 'scan.status')).state, { timeout: 30_000 }).toBe('idle');
  try {
    await page.getByRole('searchbox', { name: 'Search evidence' }).fill('cormorant');
    const box = page.getByRole('searchbox', { name: 'Search evidence' });
    const results = page.getByTestId('search-result');
    await expect(results).toHaveCount(1);
    await box.press('Enter');

    const view = page.getByTestId('document-view');
    await expect(view.getByTestId('open-refusal')).toContainText('Not opened: a “.xyz” file is not a document type Evidence Store opens');
    const open = view.getByRole('button', { name: 'Open' });
    await expect(open).toHaveAttribute('aria-disabled', 'true');
    await expect(view.getByRole('button', { name: 'Show in folder' })).toBeEnabled();
    // The server refuses it too, whatever a page asks.
    const found = await callApi<{ results: { documentId: number }[] }>(page, 'search.query', { query: 'cormorant' });
    await expect(callApi(page, 'documents.open', { documentId: found.results[0].documentId })).rejects.toThrow(/Not opened/u);
  } finally {
    await callApi(page, 'roots.remove', { rootId: root.id });
  }
});
