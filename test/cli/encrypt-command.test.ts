/**
 * Encryption at rest from the command line: `index --encrypt` with the passphrase from
 * EVIDENCE_STORE_PASSPHRASE, searches with and without it, and encrypt/decrypt in place.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../helpers/temp.ts';

const BIN = fileURLToPath(new URL('../../cli/bin.js', import.meta.url));
const SECRET = 'Zebracornfield';

function cli(passphrase: string | undefined, ...args: string[]) {
  const env = { ...process.env };
  delete env.EVIDENCE_STORE_PASSPHRASE;
  if (passphrase !== undefined) env.EVIDENCE_STORE_PASSPHRASE = passphrase;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function library(dir: string): string {
  const root = join(dir, 'Evidence');
  mkdirSync(root);
  writeFileSync(join(root, 'visits.txt'), `Statutory visits to ${SECRET} were on time.`);
  return root;
}

const found = (r: { stdout: string }) => (JSON.parse(r.stdout) as { results: { path: string }[] }).results.map((x) => x.path);

describe('evidence-store with an encrypted index', () => {
  it('index --encrypt makes an encrypted index that only the passphrase opens', () => {
    const dir = tempDir();
    const root = library(dir);
    const db = join(dir, 'store', 'index.db');
    const refused = cli(undefined, 'index', root, '--db', db, '--encrypt');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('EVIDENCE_STORE_PASSPHRASE');

    expect(cli('s3cret passphrase', 'index', root, '--db', db, '--encrypt', '--json').code).toBe(0);
    for (const f of readdirSync(join(dir, 'store'))) {
      const bytes = readFileSync(join(dir, 'store', f));
      expect(bytes.includes('SQLite format 3'), f).toBe(false);
      expect(bytes.includes(SECRET), f).toBe(false);
    }
    expect(found(cli('s3cret passphrase', 'search', SECRET, '--db', db, '--json'))).toEqual([join(root, 'visits.txt')]);

    const without = cli(undefined, 'search', SECRET, '--db', db, '--json');
    expect(without.code).toBe(1);
    expect(without.stderr).toContain('is encrypted, and no key was given');
    expect(without.stderr).toContain('EVIDENCE_STORE_PASSPHRASE');
    const wrong = cli('S3cret passphrase', 'status', '--db', db);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('the key given does not open it');
  });

  it('refuses index --encrypt on an existing unencrypted index, pointing to encrypt', () => {
    const dir = tempDir();
    const root = library(dir);
    const db = join(dir, 'index.db');
    expect(cli(undefined, 'index', root, '--db', db).code).toBe(0);
    const r = cli('pw', 'index', root, '--db', db, '--encrypt');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('evidence-store encrypt');
    expect(readFileSync(db).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  });

  it('encrypts an existing index in place and decrypts it back, finding the same files', () => {
    const dir = tempDir();
    const root = library(dir);
    const db = join(dir, 'index.db');
    cli(undefined, 'index', root, '--db', db);
    const before = found(cli(undefined, 'search', SECRET, '--db', db, '--json'));
    expect(before).toHaveLength(1);

    expect(cli(undefined, 'encrypt', '--db', db).code).toBe(1);
    const encrypted = cli('pw', 'encrypt', '--db', db, '--json');
    expect(encrypted.code).toBe(0);
    expect(JSON.parse(encrypted.stdout)).toEqual({ files: [{ file: db, outcome: 'converted' }] });
    expect(readFileSync(db).includes(SECRET)).toBe(false);
    expect(found(cli('pw', 'search', SECRET, '--db', db, '--json'))).toEqual(before);
    expect(cli('pw', 'encrypt', '--db', db).stdout).toContain('already encrypted');

    expect(cli('pw', 'decrypt', '--db', db).code).toBe(0);
    expect(found(cli(undefined, 'search', SECRET, '--db', db, '--json'))).toEqual(before);
  });
});
