import { describe, expect, it } from 'vitest';
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../helpers/temp.ts';
import { testDatabase } from '../helpers/core.ts';
import { saveSearch } from '../../core/search/saved-searches.ts';

const BIN = fileURLToPath(new URL('../../cli/bin.js', import.meta.url));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI with these environment variables (EVIDENCE_STORE_DATA moves the default index). */
function cliIn(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function folder(dir: string): string {
  const root = join(dir, 'Evidence');
  mkdirSync(root);
  writeFileSync(join(root, 'visits.txt'), 'Statutory visits to children in care were on time.');
  writeFileSync(join(root, 'page.html'), '<h1>Care leavers offer</h1><p>Local offer for care leavers.</p>');
  writeFileSync(join(root, 'empty.pdf'), '');
  // a picture: listed as not indexed (text in images would need OCR)
  writeFileSync(join(root, 'scan.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
  return root;
}

describe('evidence-store CLI', () => {
  it('indexes folders and reports every file as JSON', () => {
    const dir = tempDir();
    const root = folder(dir);
    const db = join(dir, 'x.db');
    const r = cli('index', root, '--db', db, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ files: 4, indexed: 2, unchanged: 0, unsupported: 1 });
    expect(out.failed).toEqual([{ path: join(root, 'empty.pdf'), reason: 'empty', detail: expect.any(String) }]);
    expect(typeof out.seconds).toBe('number');
    const again = JSON.parse(cli('index', root, '--db', db, '--json').stdout);
    expect(again).toMatchObject({ files: 4, indexed: 0, unchanged: 2, unsupported: 1 });
  });

  it('searches with JSON output giving the absolute path, page and snippet', () => {
    const dir = tempDir();
    const root = folder(dir);
    const db = join(dir, 'x.db');
    cli('index', root, '--db', db);
    const r = cli('search', '"care leavers"', '--db', db, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ query: '"care leavers"', total: 1 });
    expect(out.results[0]).toMatchObject({ path: join(root, 'page.html'), format: 'html', hits: [{ page: 1, snippet: expect.stringContaining('care leavers') }] });
    expect(typeof out.results[0].score).toBe('number');
    // malformed input is answered, not an error
    expect(cli('search', '"NEAR( -', '--db', db, '--json').code).toBe(0);
  });

  it('prints status', () => {
    const dir = tempDir();
    const root = folder(dir);
    const db = join(dir, 'x.db');
    cli('index', root, '--db', db);
    const out = JSON.parse(cli('status', '--db', db, '--json').stdout);
    expect(out).toMatchObject({ documents: 2, failed: 1, unsupported: 1, roots: [{ path: root, state: 'online', documents: 2 }] });
  });

  it('lists frameworks, tags a file from a script, and prints real coverage counts', () => {
    const dir = tempDir();
    const root = folder(dir);
    const db = join(dir, 'x.db');
    cli('index', root, '--db', db);
    const frameworks = JSON.parse(cli('frameworks', '--db', db, '--json').stdout).frameworks as { id: string; isDefault: boolean }[];
    expect(frameworks.find((f) => f.isDefault)?.id).toBe('ilacs-2026');
    const tag = cli('tag', join(root, 'page.html'), 'CL07', 'CL04', '--status', 'approved', '--strength', 'key', '--db', db, '--json');
    expect(tag.code).toBe(0);
    expect(JSON.parse(tag.stdout)).toMatchObject({ status: 'approved', tags: [{ criterionId: 'CL04', strength: 'key' }, { criterionId: 'CL07' }] });
    cli('tag', join(root, 'visits.txt'), 'CIC07', '--db', db);
    const coverage = JSON.parse(cli('coverage', '--framework', 'ilacs-2026', '--db', db, '--json').stdout);
    expect(coverage.framework).toBe('ilacs-2026');
    const criteria = coverage.judgements.flatMap((j: { criteria: unknown[] }) => j.criteria) as { id: string; approved: number; draft: number; stale: number }[];
    expect(criteria.find((c) => c.id === 'CL07')).toMatchObject({ approved: 1, draft: 0, stale: 0 });
    expect(criteria.find((c) => c.id === 'CIC07')).toMatchObject({ approved: 0, draft: 1 });
    expect(criteria.find((c) => c.id === 'L01')).toMatchObject({ approved: 0, draft: 0, stale: 0 });
    expect(cli('tag', join(root, 'page.html'), 'NOPE', '--db', db).stderr).toMatch(/not a criterion/);
    expect(cli('tag', join(dir, 'elsewhere.txt'), 'CL07', '--db', db).stderr).toMatch(/not in the index/);
  });

  it('matches criterion ids as the app does, whatever their case', () => {
    const dir = tempDir();
    const root = folder(dir);
    const db = join(dir, 'x.db');
    cli('index', root, '--db', db);
    const tag = cli('tag', join(root, 'visits.txt'), 'cic07', '--db', db, '--json');
    expect(tag.code).toBe(0);
    // Stored under the framework's own id, so coverage counts it.
    expect(JSON.parse(tag.stdout).tags).toEqual([expect.objectContaining({ criterionId: 'CIC07' })]);
  });

  it('searches for a query that starts with a dash', () => {
    const dir = tempDir();
    const root = folder(dir);
    const db = join(dir, 'x.db');
    cli('index', root, '--db', db);
    const r = cli('search', '-visits care', '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ query: '-visits care', total: 1, results: [{ path: join(root, 'page.html') }] });
    // after --, anything is words of the query
    expect(JSON.parse(cli('search', '--db', db, '--json', '--', '--visits').stdout).query).toBe('--visits');
  });

  it('lists the searches saved in the app and runs one by its name', () => {
    const dir = tempDir();
    const root = folder(dir);
    const db = join(dir, 'x.db');
    cli('index', root, '--db', db);
    expect(cli('saved-searches', '--db', db).stdout).toContain('No saved searches');
    const index = testDatabase(db);
    saveSearch(index, 'Leavers offer', 'leavers type:html');
    index.close();

    expect(JSON.parse(cli('saved-searches', '--db', db, '--json').stdout).savedSearches).toEqual([expect.objectContaining({ name: 'Leavers offer', query: 'leavers type:html' })]);
    const r = cli('search', '--saved', 'leavers OFFER', '--db', db, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ query: 'leavers type:html', total: 1, results: [{ path: join(root, 'page.html') }] });
    const missing = cli('search', '--saved', 'Visits', '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no saved search called “Visits”. Saved searches: “Leavers offer”.');
    expect(cli('search', 'care', '--saved', 'Leavers offer', '--db', db).code).toBe(2);
  });

  it('says there is no index, rather than making an empty one, for every reading command', () => {
    const dir = tempDir();
    const db = join(dir, 'nowhere', 'x.db');
    for (const args of [['search', 'care'], ['status'], ['coverage'], ['frameworks'], ['tag', join(dir, 'a.txt'), 'CL07']]) {
      const r = cli(...args, '--db', db);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr, args[0]).toContain(`There is no index at ${db}`);
    }
    expect(existsSync(db)).toBe(false);
  });

  it('explains usage mistakes with exit code 2', () => {
    const dir = tempDir();
    const missing = cli('index', join(dir, 'missing'), '--db', join(dir, 'x.db'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/could not be found/);
    expect(cli('search', 'x', '--bogus', '--db', join(dir, 'x.db')).code).toBe(2);
    expect(cli('frobnicate').code).toBe(2);
    expect(cli('search', 'x', '--limit', 'lots', '--db', join(dir, 'x.db')).code).toBe(2);
    expect(cli('--help').stdout).toMatch(/evidence-store index/);
  });

  it('validates Annex A extracts and builds the workbook, keeping no child’s data anywhere else', () => {
    const dir = tempDir();
    const contacts = join(dir, 'contacts.csv');
    writeFileSync(contacts, 'Person ID,Sex,Ethnicity,DOB,Age,Contact Date,Contact Source\n1001,M,WBRI,01/02/2015,9,01/02/2024,2A\n1002,F,XXXX,03/04/2016,7,05/02/2024,6\n');
    // No index where the default would be: nothing is made, and nothing recorded.
    const noIndex = { EVIDENCE_STORE_DATA: join(dir, 'no-data-here') };
    const r = cliIn(noIndex, 'annexa', 'validate', contacts, '--inspection-date', '2024-03-15', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ rows: 2, lists: [{ list: 'List 1', rows: 2, source: 'contacts.csv' }], auditLog: null });
    expect(out.findings).toEqual([
      expect.objectContaining({ list: 'List 1', row: 3, column: 'Ethnicity', rule: 'code-unknown', severity: 'error', message: expect.stringContaining('XXXX') }),
    ]);
    const workbook = join(dir, 'Annex A.xlsx');
    const built = cliIn(noIndex, 'annexa', 'build', contacts, '--inspection-date', '2024-03-15', '--out', workbook);
    expect(built.code).toBe(0);
    expect(built.stdout).toContain(`Not recorded in an audit log: there is no index at ${join(dir, 'no-data-here', 'evidence-store.db')}. Give --db with your index`);
    expect(readFileSync(workbook).subarray(0, 2).toString()).toBe('PK');
    // Only the workbook asked for: no index, no child-level data file beside it.
    expect(readdirSync(dir).sort()).toEqual(['Annex A.xlsx', 'contacts.csv']);
    // What could not be read, or was not asked properly, says so and does not pass.
    const missing = cliIn(noIndex, 'annexa', 'validate', join(dir, 'missing.csv'), '--inspection-date', '2024-03-15');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing\.csv could not be read/u);
    expect(cli('annexa', 'validate', contacts).code).toBe(2);
    expect(cli('annexa', 'build', contacts, '--inspection-date', '2024-03-15').stderr).toMatch(/--out/);
  });

  it('serves browser mode on loopback and prints the URL with its token', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [BIN, 'serve', '--db', join(dir, 'x.db'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (c) => {
          out += c;
          const m = /running at (http:\/\/127\.0\.0\.1:\d+\/[?#]token=[\w-]+)/u.exec(out);
          if (m) resolve(m[1]);
        });
        child.stderr.on('data', (c) => (err += c));
        child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}${err}`)));
      });
      const url = new URL(line);
      const token = /token=([\w-]+)/u.exec(line)![1];
      const unauth = await fetch(`${url.origin}/api/roots.list`, { method: 'POST' });
      expect(unauth.status).toBe(401);
      const ok = await fetch(`${url.origin}/api/roots.list`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-evidence-request': '1' },
        body: '{}',
      });
      expect(await ok.json()).toEqual({ ok: true, data: [] });
    } finally {
      // Wait for it to stop (closing the index) before the test's folder is removed.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
