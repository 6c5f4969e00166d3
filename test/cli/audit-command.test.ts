import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../helpers/temp.ts';

const BIN = fileURLToPath(new URL('../../cli/bin.js', import.meta.url));

/** The CLI with these environment variables; never a passphrase from the developer's shell. */
function cliWith(env: Record<string, string>, ...args: string[]) {
  const base = { ...process.env };
  delete base.EVIDENCE_STORE_PASSPHRASE;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...base, TZ: 'Europe/London', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const cli = (...args: string[]) => cliWith({}, ...args);

describe('evidence-store audit', () => {
  it('lists what the CLI exported, as lines, as JSON and as a CSV file', { timeout: 120_000 }, () => {
    const dir = tempDir();
    const root = join(dir, 'Evidence');
    mkdirSync(root);
    writeFileSync(join(root, 'qa.txt'), 'Quality assurance report for the front door.');
    const db = join(dir, 'x.db');
    expect(cli('index', root, '--db', db).code).toBe(0);
    expect(cli('audit', '--db', db).stdout).toContain('The audit log is empty');

    expect(cli('requests', 'export', '--out', join(dir, 'log.xlsx'), '--db', db).code).toBe(0);

    const lines = cli('audit', '--db', db);
    expect(lines.code).toBe(0);
    expect(lines.stdout).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} {2}\S+ {2}Request log exported: The request log as an Excel workbook, 0 requests/mu);
    const json = JSON.parse(cli('audit', '--json', '--db', db).stdout);
    expect(json.entries).toMatchObject([{ action: 'requests.export', outcome: 'done', at: expect.stringMatching(/Z$/u) }]);
    expect(JSON.parse(cli('audit', '--action', 'pack.export', '--json', '--db', db).stdout)).toEqual({ entries: [] });

    const out = join(dir, 'audit.csv');
    expect(JSON.parse(cli('audit', '--csv', out, '--json', '--db', db).stdout)).toEqual({ file: out, entries: 1 });
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFTime,Who,What,Outcome,Detail,.*\r\n\d{2}\/\d{2}\/\d{4} \d{2}:\d{2},[^,]+,Request log exported,done,/su);

    const wrong = cli('audit', '--action', 'everything', '--db', db);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--action is one of pack.export');
  });
});

describe('evidence-store annexa, audited', () => {
  it('records building the workbook in the index’s audit log, as a download from the app is, keeping the child-level data in memory', { timeout: 120_000 }, () => {
    const dir = tempDir();
    const data = join(dir, 'data');
    const root = join(dir, 'Evidence');
    mkdirSync(root);
    writeFileSync(join(root, 'qa.txt'), 'Quality assurance report for the front door.');
    const contacts = join(dir, 'contacts.csv');
    writeFileSync(contacts, 'Person ID,Sex,Ethnicity,DOB,Age,Contact Date,Contact Source\n1001,M,WBRI,01/02/2015,9,01/02/2024,2A\n');
    // The default index (EVIDENCE_STORE_DATA moves where the default is).
    const env = { EVIDENCE_STORE_DATA: data };
    const run = (...args: string[]) => cliWith(env, ...args);
    expect(run('index', root).code).toBe(0);

    const built = run('annexa', 'build', contacts, '--inspection-date', '2024-03-15', '--out', join(dir, 'Annex A.xlsx'), '--pseudonymise');
    expect(built.code).toBe(0);
    expect(built.stdout).toContain(`Recorded in the audit log of ${join(data, 'evidence-store.db')} (evidence-store audit lists it).`);

    const json = JSON.parse(run('audit', '--json').stdout);
    expect(json.entries).toMatchObject([
      { action: 'annexa.workbook', outcome: 'done', detail: expect.stringMatching(/^The pseudonymised \(no child-level identifiers\) workbook, [\d,]+ bytes, handed over to be saved\.$/u) },
      { action: 'annexa.import', outcome: 'done' },
    ]);
    // --db names the index the same way, and --json says which log it went to.
    const db = join(data, 'evidence-store.db');
    const viaDb = JSON.parse(cli('annexa', 'validate', contacts, '--inspection-date', '2024-03-15', '--json', '--db', db).stdout);
    expect(viaDb.auditLog).toBe(db);
    expect(JSON.parse(run('audit', '--json', '--action', 'annexa.import').stdout).entries).toHaveLength(2);
    // No child-level data file was made beside the index.
    expect(readdirSync(data).filter((f) => f.startsWith('annex-a'))).toEqual([]);
  });

  it('still checks the extracts when the index is encrypted and no passphrase is given, and says the run was not recorded', { timeout: 120_000 }, () => {
    const dir = tempDir();
    const root = join(dir, 'Evidence');
    mkdirSync(root);
    writeFileSync(join(root, 'qa.txt'), 'Quality assurance report.');
    const contacts = join(dir, 'contacts.csv');
    writeFileSync(contacts, 'Person ID,Sex,Ethnicity,DOB,Age,Contact Date,Contact Source\n1001,M,WBRI,01/02/2015,9,01/02/2024,2A\n');
    const db = join(dir, 'locked.db');
    expect(cliWith({ EVIDENCE_STORE_PASSPHRASE: 'correct horse battery staple' }, 'index', root, '--encrypt', '--db', db).code).toBe(0);
    const before = readFileSync(db);

    const checked = cliWith({}, 'annexa', 'validate', contacts, '--inspection-date', '2024-03-15', '--db', db);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain(`Not recorded in an audit log: the index at ${db} is encrypted and EVIDENCE_STORE_PASSPHRASE is not set.`);
    expect(JSON.parse(cliWith({}, 'annexa', 'validate', contacts, '--inspection-date', '2024-03-15', '--db', db, '--json').stdout).auditLog).toBeNull();
    // The index was not opened, let alone changed.
    expect(readFileSync(db).equals(before)).toBe(true);

    // With the passphrase, the run is recorded in it.
    const recorded = cliWith({ EVIDENCE_STORE_PASSPHRASE: 'correct horse battery staple' }, 'annexa', 'validate', contacts, '--inspection-date', '2024-03-15', '--db', db);
    expect(recorded.stdout).toContain(`Recorded in the audit log of ${db}`);
  });
});
