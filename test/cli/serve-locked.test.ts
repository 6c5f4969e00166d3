/**
 * Browser mode (`evidence-store serve`) on an encrypted index it has no passphrase for, or a wrong
 * one: it starts locked instead of failing, answers only store.status and store.unlock (behind
 * the same token check as every call), takes the passphrase from a POST body, never prints it,
 * and serves the whole app once the right one is given.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../helpers/temp.ts';
import { whenDone } from '../helpers/cleanup.ts';

const BIN = fileURLToPath(new URL('../../cli/bin.js', import.meta.url));
const PASSPHRASE = 'Kestrel meadow 42';

function envWith(passphrase: string | undefined): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.EVIDENCE_STORE_PASSPHRASE;
  if (passphrase !== undefined) env.EVIDENCE_STORE_PASSPHRASE = passphrase;
  return env;
}

/** An index encrypted with PASSPHRASE by the command line, holding one document. */
function encryptedIndex(): { dir: string; db: string; root: string } {
  const dir = tempDir();
  const root = join(dir, 'Evidence');
  mkdirSync(root);
  writeFileSync(join(root, 'visits.txt'), 'Statutory visits to Kestrelwatch were on time.');
  const db = join(dir, 'store', 'index.db');
  const made = spawnSync(process.execPath, [BIN, 'index', root, '--db', db, '--encrypt', '--json'], { encoding: 'utf8', timeout: 120_000, env: envWith(PASSPHRASE) });
  expect(made.status, made.stderr).toBe(0);
  return { dir, db, root };
}

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

interface Served {
  origin: string;
  token: string;
  output: () => string;
}

async function serve(db: string, passphrase: string | undefined): Promise<Served> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [BIN, 'serve', '--db', db, '--port', '0'], { env: envWith(passphrase) });
  let output = '';
  whenDone(async () => {
    // Wait for it to stop (closing the index) before the test's folder is removed.
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (c) => {
      output += c;
      const m = /running at (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/u.exec(output);
      if (m && output.includes('Press Ctrl+C')) resolve(m[1]);
    });
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${output}`)));
  });
  const url = new URL(line);
  return { origin: url.origin, token: new URLSearchParams(url.hash.slice(1)).get('token')!, output: () => output };
}

async function call(served: Served, method: string, body: object = {}, token = served.token): Promise<{ status: number; json: { ok: boolean; data?: unknown; error?: { code: string; message: string; field?: string } } | null }> {
  const res = await fetch(`${served.origin}/api/${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-evidence-request': '1' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as never };
}

describe('browser mode on an encrypted index', () => {
  it('starts locked without the passphrase, refuses everything but the unlock, and opens with the right passphrase', async () => {
    const { dir, db, root } = encryptedIndex();
    const before = hashes(join(dir, 'store'));
    const served = await serve(db, undefined);
    expect(served.output()).toContain('The index is encrypted and no passphrase was given: the page asks for it.');

    expect(await call(served, 'store.status')).toEqual({ status: 200, json: { ok: true, data: { locked: true, file: db, reason: expect.stringContaining('is encrypted') } } });
    const refused = await call(served, 'roots.list');
    expect(refused.status).toBe(423);
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'locked' } });
    // The token check comes first, locked or not.
    expect((await call(served, 'store.unlock', { passphrase: PASSPHRASE }, 'not-the-token')).status).toBe(401);

    const wrong = await call(served, 'store.unlock', { passphrase: 'kestrel meadow 42' });
    expect(wrong.status).toBe(400);
    expect(wrong.json?.error).toMatchObject({ code: 'invalid-argument', field: 'passphrase', message: expect.stringContaining('That passphrase does not open this index') });
    expect(hashes(join(dir, 'store'))).toEqual(before);

    expect(await call(served, 'store.unlock', { passphrase: PASSPHRASE })).toEqual({ status: 200, json: { ok: true, data: { locked: false, file: db, reason: null } } });
    const roots = await call(served, 'roots.list');
    expect(roots.json).toMatchObject({ ok: true, data: [{ path: root }] });
    const found = await call(served, 'search.query', { query: 'Kestrelwatch' });
    expect(found.json).toMatchObject({ ok: true, data: { total: 1 } });
    // Neither passphrase tried is ever printed.
    expect(served.output()).not.toContain(PASSPHRASE);
    expect(served.output()).not.toContain('kestrel meadow 42');
  });

  it('starts locked with a wrong passphrase in EVIDENCE_STORE_PASSPHRASE, and says so', async () => {
    const { db } = encryptedIndex();
    const served = await serve(db, 'not the passphrase');
    expect(served.output()).toContain('the passphrase in EVIDENCE_STORE_PASSPHRASE does not open it');
    expect((await call(served, 'store.status')).json).toMatchObject({ ok: true, data: { locked: true, reason: expect.stringContaining('does not open it') } });
    expect((await call(served, 'store.unlock', { passphrase: PASSPHRASE })).json).toMatchObject({ ok: true, data: { locked: false } });
  });

  it('opens at once with the right passphrase in EVIDENCE_STORE_PASSPHRASE', async () => {
    const { db } = encryptedIndex();
    const served = await serve(db, PASSPHRASE);
    expect(served.output()).not.toContain('the page asks for it');
    expect((await call(served, 'store.status')).json).toEqual({ ok: true, data: { locked: false, file: db, reason: null } });
    expect((await call(served, 'search.query', { query: 'Kestrelwatch' })).json).toMatchObject({ ok: true, data: { total: 1 } });
  });
});
