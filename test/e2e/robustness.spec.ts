/** The browser-mode server refuses strangers, and the UI survives any query text. */
import { request as httpRequest } from 'node:http';
import { test, expect, ensureEvidenceAdded } from './app-fixture.ts';

/** A raw request, so the Host header can be whatever a DNS-rebinding page would send. */
function post(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json', 'x-evidence-request': '1', ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end('{}');
  });
}

test('the API refuses requests without the bearer token, with the token only in a cookie, or for another host name', async ({ app, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL: app.origin });
  const refused = await anonymous.post('/api/roots.list', { data: {}, headers: { 'x-evidence-request': '1' } });
  expect(refused.status()).toBe(401);
  await anonymous.dispose();

  const bearer = { authorization: `Bearer ${app.token}` };
  // Sanity check: the same request with the bearer token and the right host is allowed…
  expect(await post(app.port, '/api/roots.list', bearer)).toBe(200);
  // …but never with the token in a cookie, which every port of 127.0.0.1 would receive…
  expect(await post(app.port, '/api/roots.list', { cookie: `evidence_token=${app.token}` })).toBe(401);
  // …nor under another host name, even with the token…
  expect([401, 403]).toContain(await post(app.port, '/api/roots.list', { ...bearer, host: `evil.example:${app.port}` }));
  // …nor without the custom header a cross-site form cannot send.
  const noHeader = await new Promise<number>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: app.port, path: '/api/roots.list', method: 'POST', headers: { 'content-type': 'application/json', ...bearer } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end('{}');
  });
  expect(noHeader).toBe(403);
});

test('the old ?token= address signs nobody in and says which address to use', async ({ page, app }) => {
  const response = await page.goto(`${app.origin}/?token=${app.token}`);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('heading', { name: 'Open Evidence Store with the address it printed when it started' })).toBeVisible();
  expect(await page.context().cookies(app.origin)).toEqual([]);
});

test('a malformed query shows results or a teaching empty state, never an error', async ({ page, app, openApp }) => {
  await openApp();
  await ensureEvidenceAdded(page, app);
  const box = page.getByRole('searchbox', { name: 'Search evidence' });
  for (const query of ['"unbalanced NEAR( -', 'type: -', 'modified:>not-a-date care', '*', 'AND OR NOT', '"; DROP TABLE documents; --']) {
    await box.fill(query);
    await expect(page.getByTestId('search-summary')).toContainText(/found|All documents/u);
    await expect(page.getByTestId('search-result').first().or(page.getByTestId('empty-state'))).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.locator('.fui-MessageBar[data-intent="error"], [data-testid="search-error"]')).toHaveCount(0);
  }
  await box.fill('zzqx-nothing-matches type:pdf');
  await expect(page.getByTestId('empty-state')).toContainText('No documents match');
  await expect(page.getByRole('button', { name: 'Remove filter type:pdf' })).toBeVisible();
});

test('keyboard: Ctrl+K and / focus the search box; Alt+2 opens the Library; Shift+? lists shortcuts', async ({ page, openApp }) => {
  await openApp();
  const box = page.getByRole('searchbox', { name: 'Search evidence' });
  await page.locator('main').click();
  await expect(box).not.toBeFocused();
  await page.keyboard.press('Control+K');
  await expect(box).toBeFocused();
  await page.locator('main').click();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('');
  await page.locator('main').click();
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { name: 'Library' })).toBeHidden();
  await page.locator('main').click();
  await page.keyboard.press('Shift+?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
});
