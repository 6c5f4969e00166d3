import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { tempDir } from '../helpers/temp.ts';

const BIN = fileURLToPath(new URL('../../cli/bin.js', import.meta.url));

/** The CLI on a laptop in England (typed times are local: BST in June). */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, TZ: 'Europe/London' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function indexed(): { dir: string; root: string; db: string } {
  const dir = tempDir();
  const root = join(dir, 'Evidence');
  mkdirSync(root);
  writeFileSync(join(root, 'front-door-qa.txt'), 'Quality assurance report for the front door: contacts and referrals.');
  writeFileSync(join(root, 'audit-1312.txt'), 'Audit of case A1312: management oversight.');
  const db = join(dir, 'x.db');
  expect(cli('index', root, '--db', db).code).toBe(0);
  return { dir, root, db };
}

describe('evidence-store requests', () => {
  it('adds, lists, answers with a document and exports the log', { timeout: 120_000 }, async () => {
    const { dir, root, db } = indexed();
    const add = cli('requests', 'add', 'Latest QA report for the front door', '--inspector', 'Sam Patel', '--due', '2026-06-02T14:30', '--priority', 'high', '--owner', 'Ali', '--db', db, '--json');
    expect(add.code).toBe(0);
    const request = JSON.parse(add.stdout);
    expect(request).toMatchObject({ id: 1, text: 'Latest QA report for the front door', inspector: 'Sam Patel', status: 'new', due: '2026-06-02T13:30:00.000Z', priority: 'high', owner: 'Ali', answered: null, links: [] });
    expect(request.received).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/u);
    expect(cli('requests', 'add', 'Audit of case 1312', '--inspector', 'Jo', '--db', db, '--json').code).toBe(0);

    const answer = cli('requests', 'answer', '1', '--note', 'The Q3 report is attached.', '--document', join(root, 'front-door-qa.txt'), '--db', db, '--json');
    expect(answer.code).toBe(0);
    expect(JSON.parse(answer.stdout)).toMatchObject({ id: 1, status: 'answered', response: 'The Q3 report is attached.', links: [{ kind: 'document', path: join(root, 'front-door-qa.txt') }] });

    const list = JSON.parse(cli('requests', 'list', '--db', db, '--json').stdout);
    expect(list.requests.map((r: { id: number }) => r.id)).toEqual([2, 1]);
    expect(list.requests[1]).toMatchObject({ status: 'answered', answered: expect.stringMatching(/Z$/u), response: 'The Q3 report is attached.', links: [{ path: join(root, 'front-door-qa.txt') }] });
    expect(JSON.parse(cli('requests', 'list', '--status', 'new', '--db', db, '--json').stdout).requests).toMatchObject([{ id: 2, due: null, answered: null }]);

    const human = cli('requests', 'list', '--db', db);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('#1 [answered] (high) Latest QA report for the front door — Sam Patel');
    expect(human.stdout).toContain('due 02/06/2026 14:30');

    const out = join(dir, 'log.xlsx');
    const exported = cli('requests', 'export', '--out', out, '--db', db, '--json');
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ file: out, requests: 2 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('Requests')!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(3).getCell(2).value).toBeInstanceOf(Date);
  });

  it('exits 2 for what it does not understand and 1 for what is not there', { timeout: 120_000 }, () => {
    const { dir, db } = indexed();
    expect(cli('requests', 'add', 'No inspector', '--db', db).code).toBe(2);
    expect(cli('requests', 'add', 'Bad due', '--inspector', 'Jo', '--due', '2/12/2026', '--db', db).code).toBe(2);
    expect(cli('requests', 'add', 'Bad date', '--inspector', 'Jo', '--due', '2026-04-31T10:00', '--db', db).code).toBe(2);
    expect(cli('requests', 'list', '--status', 'done', '--db', db).code).toBe(2);
    expect(cli('requests', 'frobnicate', '--db', db).code).toBe(2);
    expect(cli('requests', 'answer', '7', '--note', 'x', '--db', db).code).toBe(1);
    cli('requests', 'add', 'Audit', '--inspector', 'Jo', '--db', db);
    const notIndexed = cli('requests', 'answer', '1', '--note', 'x', '--document', join(dir, 'nowhere.pdf'), '--db', db);
    expect(notIndexed.code).toBe(1);
    expect(notIndexed.stderr).toContain(join(dir, 'nowhere.pdf'));
    expect(cli('requests', 'list', '--db', join(dir, 'none.db')).code).toBe(1);
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
  });
});
