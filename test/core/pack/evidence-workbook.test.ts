import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { evidenceIndexBytes, writeEvidenceIndex } from '../../../core/pack/evidence-workbook.ts';
import type { PackContent, PackItem } from '../../../core/pack/model.ts';
import { PACK_FILES } from '../../../shared/pack.ts';
import { tempDir } from '../../helpers/temp.ts';

const HEADERS = [
  'Judgement',
  'Criterion',
  'Criterion title',
  'Strength',
  'Note',
  'Evidence',
  'What it shows',
  'Team',
  'Evidence date',
  'Review by',
  'Status',
  'Past review date',
  'Changed since tagged',
  'File name',
  'Format',
  'Size (KB)',
  'File in this pack',
  'Evidence ID',
];

function item(over: Partial<PackItem> & Pick<PackItem, 'evidenceId' | 'title' | 'path'>): PackItem {
  return {
    summary: '',
    team: '',
    evidenceDate: null,
    reviewBy: null,
    status: 'approved',
    stale: false,
    changedSinceTagged: false,
    fileName: over.path.split('/').pop()!,
    format: 'PDF',
    bytes: 2048,
    excerpt: 'text of the document, not in the workbook',
    ...over,
  };
}

/** A pack of two judgements: a plan tagged to three criteria, hostile text, a gap, and an item no criterion links to. */
function content(): PackContent {
  const items: PackItem[] = [
    item({
      evidenceId: 11,
      title: 'Improvement plan',
      summary: 'What the plan commits to.\nSecond line.',
      team: 'Quality assurance',
      evidenceDate: '2026-02-28',
      reviewBy: '2026-09-30',
      path: 'evidence/1 Leadership/Plan (2).pdf',
      fileName: 'Plan.pdf',
      bytes: 1_500_000,
    }),
    item({
      evidenceId: 12,
      title: '=HYPERLINK("http://evil.example","click")',
      summary: '+cmd|\' /C calc\'!A0',
      team: `<&>"' team`,
      evidenceDate: 'not a date',
      status: 'draft',
      stale: true,
      changedSinceTagged: true,
      path: "evidence/2 Help/Tom & Jerry's #1 [v2] 100%.docx",
      fileName: "Tom & Jerry's #1 [v2] 100%.docx",
      format: 'Word',
      bytes: 1,
    }),
    item({ evidenceId: 13, title: 'Not tagged anywhere', path: 'evidence/2 Help/Loose.txt', format: 'Text', bytes: 0, status: 'retired' }),
  ];
  return {
    createdAt: '2026-07-01T23:30:00.000Z', // 00:30 on 2 July in UK summer time
    framework: { id: 'ilacs-2023', title: 'ILACS 2023', version: 'January 2023' },
    statuses: ['approved', 'draft'],
    items,
    extras: { annexa: null, selfEvaluation: null },
    appVersion: '0.1.0',
    judgements: [
      {
        id: 'leadership',
        title: 'The impact of leaders',
        folder: 'evidence/1 Leadership',
        criteria: [
          { id: 'L1', title: 'Leaders know their services', depth: 0, links: [{ item: 0, strength: 'key', note: 'Sets the priorities.' }] },
          { id: 'L1.1', title: 'Self-evaluation', depth: 1, links: [{ item: 0, strength: 'supporting', note: '' }, { item: 1, strength: 'key', note: '@SUM(1+1)' }] },
          { id: 'L2', title: 'A gap', depth: 0, links: [] },
        ],
      },
      {
        id: 'help',
        title: 'Help and protection',
        folder: 'evidence/2 Help',
        criteria: [{ id: 'H1', title: 'Early help', depth: 0, links: [{ item: 0, strength: 'supporting', note: '-2+3' }] }],
      },
    ],
  };
}

async function read(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function rowValues(ws: ExcelJS.Worksheet, n: number): ExcelJS.CellValue[] {
  return HEADERS.map((_, i) => ws.getRow(n).getCell(i + 1).value);
}

describe('writeEvidenceIndex', () => {
  it('writes one row per item and criterion with every field, the path a working relative link', async () => {
    const dir = tempDir();
    const result = await writeEvidenceIndex(dir, content());
    expect(result).toMatchObject({ path: join(dir, PACK_FILES.workbook), rows: 5, links: 5, linksLeftOut: 0 });
    expect(readdirSync(dir)).toEqual([PACK_FILES.workbook]);

    const workbook = await read(result.path);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Evidence', 'About']);
    const ws = workbook.getWorksheet('Evidence')!;
    expect(ws.rowCount).toBe(6);
    expect(rowValues(ws, 1)).toEqual(HEADERS);

    const plan = { text: 'evidence/1 Leadership/Plan (2).pdf', hyperlink: 'evidence/1%20Leadership/Plan%20(2).pdf' };
    const planFields = [
      'Improvement plan',
      'What the plan commits to.\nSecond line.',
      'Quality assurance',
      new Date(Date.UTC(2026, 1, 28)),
      new Date(Date.UTC(2026, 8, 30)),
      'Approved',
      'No',
      'No',
      'Plan.pdf',
      'PDF',
      1465,
      plan,
      11,
    ];
    expect(rowValues(ws, 2)).toEqual(['The impact of leaders', 'L1', 'Leaders know their services', 'Key', 'Sets the priorities.', ...planFields]);
    expect(rowValues(ws, 3)).toEqual(['The impact of leaders', 'L1.1', 'Self-evaluation', 'Supporting', null, ...planFields]);
    expect(rowValues(ws, 4)).toEqual([
      'The impact of leaders',
      'L1.1',
      'Self-evaluation',
      'Key',
      '@SUM(1+1)',
      '=HYPERLINK("http://evil.example","click")',
      "+cmd|' /C calc'!A0",
      `<&>"' team`,
      'not a date',
      null,
      'Draft',
      'Yes',
      'Yes',
      "Tom & Jerry's #1 [v2] 100%.docx",
      'Word',
      1,
      { text: "evidence/2 Help/Tom & Jerry's #1 [v2] 100%.docx", hyperlink: "evidence/2%20Help/Tom%20&%20Jerry's%20%231%20%5Bv2%5D%20100%25.docx" },
      12,
    ]);
    expect(rowValues(ws, 5)).toEqual(['Help and protection', 'H1', 'Early help', 'Supporting', '-2+3', ...planFields]);
    // The item no criterion links to still has its row; the gap (L2) has none.
    expect(rowValues(ws, 6)).toEqual([
      null,
      null,
      null,
      null,
      null,
      'Not tagged anywhere',
      null,
      null,
      null,
      null,
      'Retired',
      'No',
      'No',
      'Loose.txt',
      'Text',
      0,
      { text: 'evidence/2 Help/Loose.txt', hyperlink: 'evidence/2%20Help/Loose.txt' },
      13,
    ]);

    // Real dates shown dd/mm/yyyy; text that looks like a formula is text in a text-formatted cell.
    expect(ws.getCell('I2').numFmt).toBe('dd/mm/yyyy');
    expect(ws.getCell('J2').numFmt).toBe('dd/mm/yyyy');
    for (const ref of ['E4', 'F4', 'G4', 'E5']) {
      expect(ws.getCell(ref).type, ref).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(ref).numFmt, ref).toBe('@');
    }
    const sheetXml = Buffer.from(unzipSync(new Uint8Array(readFileSync(result.path)))['xl/worksheets/sheet1.xml']).toString('utf8');
    expect(sheetXml).not.toMatch(/<f[ >]/u);

    // Header bold, frozen, filtering every column; the link styled as one; sensible widths.
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:R6');
    expect(ws.getCell('Q2').font).toMatchObject({ underline: true });
    const widths = (ws.columns ?? []).map((c) => c.width ?? 0);
    expect(widths).toHaveLength(HEADERS.length);
    for (const w of widths) expect(w).toBeGreaterThanOrEqual(10);
    expect(ws.getColumn('G').width).toBeGreaterThan(ws.getColumn('B').width!);
  });

  it('says on the About sheet when the pack was made (UK dates), the framework, the scope and the counts', async () => {
    const dir = tempDir();
    const workbook = await read((await writeEvidenceIndex(dir, content())).path);
    const ws = workbook.getWorksheet('About')!;
    const rows = new Map<string, ExcelJS.CellValue[]>();
    ws.eachRow((row) => {
      const values = [1, 2, 3, 4].map((c) => row.getCell(c).value);
      rows.set(String(values[0]), values.slice(1));
    });
    expect(ws.getCell('A1').value).toBe('Evidence index');
    expect(rows.get('Pack made on')![0]).toEqual(new Date(Date.UTC(2026, 6, 2)));
    expect(ws.getCell('B3').numFmt).toBe('dd/mm/yyyy');
    expect(rows.get('At (UK time)')![0]).toBe('00:30');
    expect(rows.get('Framework')![0]).toBe('ILACS 2023');
    expect(rows.get('Version')![0]).toBe('January 2023');
    expect(rows.get('Judgements in scope')![0]).toBe(2);
    expect(rows.get('Evidence of these statuses')![0]).toBe('Approved, Draft');
    expect(rows.get('Evidence items')![0]).toBe(3);
    expect(rows.get('Rows in the Evidence sheet (one per item and criterion)')![0]).toBe(5);
    expect(rows.get('Criteria in scope')![0]).toBe(4);
    expect(rows.get('Criteria with evidence in this pack')![0]).toBe(3);
    expect(rows.get('Criteria with no evidence in this pack')![0]).toBe(1);
    expect(rows.get('Items past their review date')![0]).toBe(1);
    expect(rows.get('Items whose file changed since it was tagged')![0]).toBe(1);
    expect(rows.get('Made with')![0]).toBe('Evidence Store 0.1.0');
    expect(rows.get('Judgement')).toEqual(['Criteria', 'With evidence', 'Evidence items']);
    expect(rows.get('The impact of leaders')).toEqual([3, 2, 2]);
    expect(rows.get('Help and protection')).toEqual([1, 1, 1]);
  });

  it('writes the same bytes to memory as to the file', async () => {
    const dir = tempDir();
    await writeEvidenceIndex(dir, content());
    const { bytes, rows } = await evidenceIndexBytes(content());
    expect(rows).toBe(5);
    expect(Buffer.from(bytes).equals(readFileSync(join(dir, PACK_FILES.workbook)))).toBe(true);
  });

  it('leaves no file behind, and the previous one in place, when it fails', async () => {
    const dir = tempDir();
    const first = await writeEvidenceIndex(dir, content());
    const before = readFileSync(first.path);
    const broken = content();
    broken.judgements[1].criteria[0].links.push({ item: 7, strength: 'key', note: '' });
    await expect(writeEvidenceIndex(dir, broken)).rejects.toThrow(/item 7/u);
    expect(readdirSync(dir)).toEqual([PACK_FILES.workbook]);
    expect(readFileSync(first.path).equals(before)).toBe(true);
  });

  it('links every row of a large pack', async () => {
    const big = content();
    big.items = Array.from({ length: 3000 }, (_, i) => item({ evidenceId: i + 1, title: `Item ${i + 1}`, path: `evidence/1 Leadership/Item ${i + 1}.pdf` }));
    big.judgements[0].criteria = [
      { id: 'A', title: 'A', depth: 0, links: big.items.map((_, i) => ({ item: i, strength: 'key' as const, note: '' })) },
      { id: 'B', title: 'B', depth: 0, links: big.items.map((_, i) => ({ item: i, strength: 'supporting' as const, note: '' })) },
    ];
    big.judgements[1].criteria = [];
    const dir = tempDir();
    const result = await writeEvidenceIndex(dir, big);
    expect(result).toMatchObject({ rows: 6000, links: 6000, linksLeftOut: 0 });
    const ws = (await read(result.path)).getWorksheet('Evidence')!;
    expect(ws.getCell('Q6001').value).toEqual({ text: 'evidence/1 Leadership/Item 3000.pdf', hyperlink: 'evidence/1%20Leadership/Item%203000.pdf' });
    expect(ws.autoFilter).toBe('A1:R6001');
  });
});
