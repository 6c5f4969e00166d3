/**
 * Browser mode's token stays with the app's own tab. Cookies are shared by every port of 127.0.0.1,
 * so a token kept in one would reach any other local web server the browser visits; the token
 * lives in the launch address's fragment and the tab's sessionStorage instead.
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test, expect } from './app-fixture.ts';

/** Another local web server, as any other program on this computer could run: it records what browsers send it. */
async function otherLocalServer(): Promise<{ origin: string; seen: IncomingHttpHeaders[]; close: () => Promise<void> }> {
  const seen: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    seen.push(req.headers);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Another local server</title><p>Not Evidence Store</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A raw API call from outside any browser, with whatever headers were captured. */
function apiStatus(port: number, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/roots.list', method: 'POST', headers: { 'content-type': 'application/json', 'x-evidence-request': '1', ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end('{}');
  });
}

test('another web server on 127.0.0.1 never receives the token, and a page from it cannot use the API', async ({ page, context, app, openApp }) => {
  const other = await otherLocalServer();
  try {
    const rootsLoaded = page.waitForResponse((r) => r.url() === `${app.origin}/api/roots.list` && r.status() === 200);
    await openApp();
    await rootsLoaded;
    // The app's tab holds the token in its own storage, and the address bar no longer shows it.
    expect(await page.evaluate(() => sessionStorage.getItem('evidence-store.token'))).toBe(app.token);
    expect(page.url()).not.toContain(app.token);

    // The user then visits something else served on this computer, in the same browser.
    const visitor = await context.newPage();
    await visitor.goto(`${other.origin}/`);
    await expect(visitor.getByText('Not Evidence Store')).toBeVisible();
    expect(other.seen.length).toBeGreaterThan(0);
    for (const headers of other.seen) expect(JSON.stringify(headers)).not.toContain(app.token);
    expect(JSON.stringify(await context.cookies())).not.toContain(app.token);

    // That page calls the app's API with the browser's credentials: refused.
    const outcome = await visitor.evaluate(async (url) => {
      try {
        const response = await fetch(url, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json', 'x-evidence-request': '1' }, body: '{}' });
        return String(response.status);
      } catch {
        return 'refused';
      }
    }, `${app.origin}/api/roots.list`);
    expect(['refused', '401', '403']).toContain(outcome);
    // …and whatever the other server was sent (its cookies included) opens nothing either.
    const cookie = other.seen.map((h) => h.cookie ?? '').join('; ');
    expect(await apiStatus(app.port, { cookie })).toBe(401);
    await visitor.close();

    // The app's own tab keeps working after a reload: its token is in its sessionStorage.
    const reloaded = page.waitForResponse((r) => r.url() === `${app.origin}/api/roots.list` && r.status() === 200);
    await page.reload();
    await reloaded;
    await expect(page).toHaveURL(`${app.origin}/`);
    await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toBeVisible();
    await page.getByRole('navigation', { name: 'Areas' }).getByText('Library').click();
    await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible();
    await expect(page.getByTestId('open-with-address')).toHaveCount(0);
  } finally {
    await other.close();
  }
});

test('a tab opened without the launch address says, in plain words, which address to use', async ({ context, app }) => {
  const tab = await context.newPage();
  const apiCalls: string[] = [];
  tab.on('request', (r) => {
    if (r.url().includes('/api/')) apiCalls.push(r.url());
  });
  await tab.goto(`${app.origin}/`);
  await expect(tab.getByRole('heading', { level: 1, name: 'Open Evidence Store with the address it printed when it started' })).toBeVisible();
  await expect(tab.getByTestId('open-with-address')).toContainText('npm start');
  await expect(tab.getByRole('searchbox', { name: 'Search evidence' })).toHaveCount(0);
  expect(apiCalls).toEqual([]);
});
