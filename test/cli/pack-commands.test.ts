import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLocalApi } from '../../core/api/local-client.ts';
import { testCore, testHost } from '../helpers/core.ts';
import { tempDir } from '../helpers/temp.ts';

const BIN = fileURLToPath(new URL('../../cli/bin.js', import.meta.url));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** An index of `count` text files of about `kb` KB each, all approved evidence for Leaders (L01). */
async function library(dir: string, count: number, kb: number): Promise<string> {
  const root = join(dir, 'Evidence');
  mkdirSync(root);
  const filler = 'Leaders know their services well and act on audit findings. '.repeat(Math.ceil((kb * 1024) / 62));
  for (let i = 0; i < count; i++) writeFileSync(join(root, `report ${String(i).padStart(4, '0')}.txt`), `Report ${i}. ${filler}`.slice(0, kb * 1024));
  const core = testCore(dir);
  const api = createLocalApi(core.api(testHost).dispatch, core.subscribe);
  await api.call('roots.add', { path: root, scan: false });
  await api.call('scan.run', {});
  for (let i = 0; i < count; i++) {
    const { documentId } = await api.call('documents.byPath', { path: join(root, `report ${String(i).padStart(4, '0')}.txt`) });
    await api.call('tags.add', { documentIds: [documentId], frameworkId: 'ilacs-2026', criterionId: 'L01' });
    await api.call('evidence.save', { documentId, fields: { status: 'approved' } });
  }
  return join(dir, 'index.db');
}

/** Every file of a folder with a hash of its content. */
const snapshot = (folder: string) =>
  (readdirSync(folder, { recursive: true }) as string[])
    .filter((f) => statSync(join(folder, f)).isFile())
    .sort()
    .map((f) => [f, createHash('sha256').update(readFileSync(join(folder, f))).digest('hex')]);

describe('evidence-store export and verify', () => {
  it('export prints what it wrote; verify says ok, then catches a changed byte, a missing file and an extra one', async () => {
    const dir = tempDir();
    const db = await library(dir, 2, 2);
    const out = join(dir, 'Pack');
    const r = cli('export', '--out', out, '--db', db, '--json');
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toEqual({ pack: out, files: expect.any(Number), evidence: 2, bytes: expect.any(Number), seconds: expect.any(Number) });

    expect(JSON.parse(cli('verify', out, '--json').stdout)).toEqual({ ok: true, files: result.files - 1, missing: [], changed: [], extra: [] });
    const copy = 'evidence/1 Leaders/report 0000.txt';
    const bytes = readFileSync(join(out, copy));
    bytes[10] ^= 1;
    writeFileSync(join(out, copy), bytes);
    writeFileSync(join(out, 'evidence/1 Leaders/added.txt'), 'slipped in');
    rmSync(join(out, 'Evidence index.xlsx'));
    const bad = cli('verify', out, '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toEqual({ ok: false, files: result.files - 1, changed: [copy], missing: ['Evidence index.xlsx'], extra: ['evidence/1 Leaders/added.txt'] });
    expect(cli('verify', join(dir, 'Evidence')).code).toBe(1);
  });

  it('a killed export leaves the previous pack as it was, and the next export tidies up after it', async () => {
    const dir = tempDir();
    const db = await library(dir, 40, 2048);
    const out = join(dir, 'Pack');
    expect(cli('export', '--out', out, '--db', db).code).toBe(0);
    const before = snapshot(out);
    appendFileSync(join(dir, 'Evidence', 'report 0001.txt'), ' changed');
    expect(cli('index', join(dir, 'Evidence'), '--db', db).code).toBe(0);

    const child = spawn(process.execPath, [BIN, 'export', '--out', out, '--db', db], { stdio: 'ignore' });
    // Killed while it is copying into its working folder beside the destination.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        const working = readdirSync(dir).find((n) => n.startsWith('.Pack.export-'));
        if (working && existsSync(join(dir, working, 'evidence'))) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 2);
      child.on('exit', () => {
        clearInterval(timer);
        reject(new Error('the export ended before it could be killed'));
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));

    expect(snapshot(out)).toEqual(before);
    expect(cli('verify', out).code).toBe(0);
    expect(cli('export', '--out', out, '--db', db).code).toBe(0);
    expect(readdirSync(dir).filter((n) => n.startsWith('.Pack'))).toEqual([]);
    expect(readFileSync(join(out, 'evidence/1 Leaders/report 0001.txt'), 'utf8')).toMatch(/changed$/u);
  });
});
