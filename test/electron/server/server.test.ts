import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../electron/server/server.ts';
import type { Dispatch } from '../../../core/api/dispatch.ts';
import type { EventName } from '../../../shared/contract.ts';
import { tempDir } from '../../helpers/temp.ts';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can send the headers a browser never would (e.g. a foreign Host). */
function send(server: RunningServer, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${server.port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

let server: RunningServer;
let emit: (event: EventName, payload: unknown) => void = () => {};
const calls: [string, unknown][] = [];

beforeEach(async () => {
  const ui = join(tempDir(), 'ui');
  mkdirSync(join(ui, 'assets'), { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Evidence Store</title>');
  writeFileSync(join(ui, 'assets', 'app.js'), 'console.log(1)');
  const dispatch: Dispatch = async (method, input) => {
    calls.push([method, input]);
    if (method === 'documents.file') return { ok: true, data: new Uint8Array([37, 80, 68, 70]) };
    if (method === 'roots.list') return { ok: true, data: [] };
    return { ok: false, error: { code: 'not-found', message: 'nothing here' } };
  };
  server = await startServer({
    dispatch,
    subscribe: (listener) => {
      emit = listener;
      return () => {};
    },
    staticDir: ui,
  });
  calls.length = 0;
});

afterEach(() => server.close());

const api = (method: string, headers: Record<string, string> = {}, body = '{}') =>
  send(server, `/api/${method}`, {
    method: 'POST',
    body,
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', 'x-evidence-request': '1', ...headers },
  });

describe('browser-mode server', () => {
  it('listens on loopback only and prints a launch URL with the token in the fragment, which browsers never send', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses every API call without the bearer token', async () => {
    expect((await send(server, '/api/roots.list', { method: 'POST', headers: { 'x-evidence-request': '1', 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await api('roots.list', { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await api('roots.list', { authorization: `Bearer ${server.token}x` })).status).toBe(401);
    expect((await api('roots.list', { authorization: server.token })).status).toBe(401);
    expect((await send(server, '/api/events', { headers: { 'x-evidence-request': '1' } })).status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('accepts the bearer token', async () => {
    expect((await api('roots.list')).status).toBe(200);
    expect(calls).toEqual([['roots.list', {}]]);
  });

  it('never takes the token from a cookie, which every other port of 127.0.0.1 would receive too', async () => {
    const cookie = `evidence_token=${server.token}`;
    const reply = await api('roots.list', { authorization: '', cookie });
    expect(reply.status).toBe(401);
    expect((await send(server, '/api/events', { headers: { cookie, 'x-evidence-request': '1' } })).status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('never signs in from the old ?token= address, and explains which address to use', async () => {
    const launch = await send(server, `/?token=${server.token}`);
    expect(launch.status).toBe(400);
    expect(launch.headers['set-cookie']).toBeUndefined();
    expect(launch.headers.location).toBeUndefined();
    expect(launch.headers['content-type']).toMatch(/text\/html/);
    expect(launch.body).toContain('Open Evidence Store with the address it printed when it started');
    expect(launch.body).not.toContain(server.token);
    // …nor an API call carrying it in the query string
    const call = await send(server, `/api/roots.list?token=${server.token}`, { method: 'POST', headers: { 'x-evidence-request': '1', 'content-type': 'application/json' }, body: '{}' });
    expect(call.status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('serves the UI without the token (it holds no data), with a CSP and never a cookie', async () => {
    const page = await send(server, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Evidence Store</title>');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
    expect((await send(server, '/assets/app.js')).body).toBe('console.log(1)');
    // an app route that is not a file falls back to the single-page app
    expect((await send(server, '/search')).body).toContain('Evidence Store');
    expect((await send(server, '/', { method: 'POST' })).status).toBe(405);
  });

  it('answers nothing to a page from another origin, such as another port of 127.0.0.1', async () => {
    const other = `http://127.0.0.1:${server.port === 65535 ? 1 : server.port + 1}`;
    // with the token (as if it had leaked) and without
    const withToken = await api('roots.list', { origin: other });
    expect(withToken.status).toBe(403);
    expect(withToken.body).not.toContain('"ok"');
    expect((await api('roots.list', { origin: other, authorization: '' })).status).toBe(403);
    // a CORS preflight is refused and grants nothing, so the browser never sends the call itself
    const preflight = await send(server, '/api/roots.list', {
      method: 'OPTIONS',
      headers: { origin: other, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-evidence-request' },
    });
    expect(preflight.status).toBe(403);
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect((await send(server, '/', { headers: { origin: other } })).status).toBe(403);
    expect((await send(server, '/api/events', { headers: { origin: other, authorization: `Bearer ${server.token}`, 'x-evidence-request': '1' } })).status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('refuses a foreign Host header (DNS rebinding) and foreign origins', async () => {
    expect((await api('roots.list', { host: 'evil.example:80' })).status).toBe(403);
    expect((await api('roots.list', { host: `attacker.test:${server.port}` })).status).toBe(403);
    expect((await api('roots.list', { origin: 'http://evil.example' })).status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('requires the API header and JSON, so a cross-site form cannot call the API', async () => {
    expect((await api('roots.list', { 'x-evidence-request': '' })).status).toBe(403);
    expect((await api('roots.list', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await send(server, '/api/roots.list', { headers: { authorization: `Bearer ${server.token}`, 'x-evidence-request': '1' } })).status).toBe(405);
    expect((await send(server, '/api/events', { headers: { authorization: `Bearer ${server.token}` } })).status).toBe(403);
    expect((await api('roots.list', {}, '{not json')).status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('passes calls to the dispatcher and maps errors to HTTP statuses', async () => {
    const ok = await api('roots.list', {}, '{}');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, data: [] });
    const missing = await api('documents.get', {}, '{"documentId":3}');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toEqual({ ok: false, error: { code: 'not-found', message: 'nothing here' } });
    expect(calls).toEqual([['roots.list', {}], ['documents.get', { documentId: 3 }]]);
  });

  it('sends binary results as bytes', async () => {
    const file = await api('documents.file', {}, '{"documentId":1}');
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(file.body).toBe('%PDF');
  });

  it('never serves files outside the UI folder', async () => {
    // a path climbing out lands on the app itself (the single-page fallback), never on the file
    expect((await send(server, '/../../etc/passwd')).body).toContain('<title>Evidence Store</title>');
    expect((await send(server, '/%2e%2e/%2e%2e/etc/passwd')).body).not.toContain('root:');
    expect((await send(server, '/assets/missing.js')).status).toBe(404);
  });

  it('streams app events to the page', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/api/events', headers: { host: `127.0.0.1:${server.port}`, authorization: `Bearer ${server.token}`, 'x-evidence-request': '1' } }, (res) => {
        let text = '';
        res.on('data', (c) => {
          text += c;
          if (text.includes(': connected')) emit('scan.progress', { state: 'idle', done: 1 });
          if (text.includes('event: scan.progress')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('data: {"state":"idle","done":1}');
  });
});
