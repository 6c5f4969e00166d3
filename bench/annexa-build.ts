/**
 * `node bench/annexa-build.ts [--rows N] [--keep DIR]`: writing the Annex A workbook for a large
 * council (113,000 rows by default, about 50,000 children), time and peak memory.
 *
 * Each measurement runs in a fresh process so its peak RSS is its own:
 * - `generate`: making the rows and reading them through, writing nothing (the floor the others stand on);
 * - `summaries`: the ChAT-style summaries over every row;
 * - `workbook`: the workbook as the app writes it (core/annexa/build/workbook.ts);
 * - `pseudonymised`: the copy for wider sharing;
 * - `exceljs`: the same layout with exceljs's streaming WorkbookWriter, the library this writer
 *   was measured against.
 * Rows come from test/core/annexa/build/generate-rows.ts, made as they are read, so no run holds
 * the whole dataset.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pseudonymiser } from '../core/annexa/build/pseudonymise.ts';
import { writeAnnexAWorkbook } from '../core/annexa/build/workbook.ts';
import { excelSerial } from '../core/xlsx/xlsx-writer.ts';
import { sheetColumns } from '../core/annexa/build/columns.ts';
import { createSummariser } from '../core/annexa/summaries.ts';
import type { AnnexASummaries } from '../shared/annexa/summaries.ts';
import { annexASpec, DEFAULT_ANNEX_A_SPEC_ID } from '../shared/annexa/index.ts';
import { generateRows, LARGE_COUNCIL } from '../test/core/annexa/build/generate-rows.ts';

const MODES = ['generate', 'summaries', 'workbook', 'pseudonymised', 'exceljs'] as const;
type Mode = (typeof MODES)[number];
const INSPECTION = '2024-06-03';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function scaledCounts(total: number): Record<string, number> {
  const base = Object.values(LARGE_COUNCIL).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(LARGE_COUNCIL).map(([k, v]) => [k, Math.max(1, Math.round((v * total) / base))]));
}

async function writeWithExcelJS(path: string, data: ReturnType<typeof generateRows>): Promise<void> {
  // Loaded only here, so the other runs' memory does not include it.
  const { default: ExcelJS } = await import('exceljs');
  const spec = annexASpec(DEFAULT_ANNEX_A_SPEC_ID)!;
  const sets = new Map(spec.codeSets.map((s) => [s.key, s]));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  for (const list of spec.lists) {
    const sheet = workbook.addWorksheet(list.sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
    const layout = sheetColumns(list, sets);
    sheet.columns = layout.map((c) => ({ width: c.width }));
    sheet.addRow([list.title]).commit();
    sheet.addRow(list.columns.map((c) => c.header)).commit();
    for (const row of data.rows(list)) {
      const cells = list.columns.map((c) => {
        const v = row.values[c.key];
        if (v === null || v === undefined) return null;
        if (c.type === 'date' && typeof v === 'string' && excelSerial(v) !== null) return new Date(`${v}T00:00:00Z`);
        return c.type === 'integer' ? Number(v) : String(v);
      });
      const r = sheet.addRow(cells);
      list.columns.forEach((c, i) => {
        if (c.type === 'date') r.getCell(i + 1).numFmt = 'dd/mm/yyyy';
        else if (c.type === 'id') r.getCell(i + 1).numFmt = '@';
      });
      r.commit();
    }
    sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: list.columns.length } };
    await sheet.commit();
  }
  await workbook.commit();
}

async function child(mode: Mode, total: number, dir: string): Promise<void> {
  const spec = annexASpec(DEFAULT_ANNEX_A_SPEC_ID)!;
  const counts = scaledCounts(total);
  const data = generateRows(spec, INSPECTION, counts);
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  const started = performance.now();
  let bytes = 0;
  const emptySummaries: AnnexASummaries = { inspectionDate: INSPECTION, spec: spec.id, lists: [] };
  switch (mode) {
    case 'generate': {
      let n = 0;
      for (const list of spec.lists) for (const _ of data.rows(list)) n += 1;
      if (n !== rows) throw new Error('row count');
      break;
    }
    case 'summaries': {
      const s = createSummariser(spec, INSPECTION);
      for (const list of spec.lists) for (const row of data.rows(list)) s.add(row);
      s.result();
      break;
    }
    case 'workbook':
    case 'pseudonymised': {
      const p = new Pseudonymiser(spec);
      const path = join(dir, `${mode}.xlsx`);
      const result = await writeAnnexAWorkbook(path, {
        spec,
        rows: mode === 'workbook' ? data.rows : (l) => p.rows(data.rows(l)),
        findings: [],
        summaries: emptySummaries,
        pseudonymised: mode === 'pseudonymised',
      });
      bytes = result.bytes;
      break;
    }
    case 'exceljs': {
      const path = join(dir, 'exceljs.xlsx');
      await writeWithExcelJS(path, data);
      bytes = statSync(path).size;
      break;
    }
  }
  const ms = performance.now() - started;
  const usage = process.resourceUsage();
  // CPU time (all threads, zlib's included) is steadier than the clock on a shared machine.
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  process.stdout.write(JSON.stringify({ mode, rows, ms, cpuMs, bytes, peakRssMb: usage.maxRSS / 1024 }));
}

async function main(): Promise<void> {
  const total = Number(option('--rows') ?? 113_000);
  const mode = option('--child') as Mode | undefined;
  const keep = option('--keep');
  if (mode) {
    await child(mode, total, option('--dir')!);
    return;
  }
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'annexa-build-bench-'));
  try {
    console.log(`Annex A build: ${total.toLocaleString('en-GB')} rows (${DEFAULT_ANNEX_A_SPEC_ID}), Node ${process.version}\n`);
    console.log('mode           time (s)   rows/s   CPU (s)   peak RSS (MB)   file (MB)');
    for (const m of MODES) {
      const out = execFileSync(process.execPath, [process.argv[1], '--child', m, '--rows', String(total), '--dir', dir], { encoding: 'utf8', maxBuffer: 1 << 20 });
      const r = JSON.parse(out) as { mode: string; rows: number; ms: number; cpuMs: number; bytes: number; peakRssMb: number };
      const line = [
        r.mode.padEnd(14),
        (r.ms / 1000).toFixed(2).padStart(8),
        Math.round(r.rows / (r.ms / 1000)).toLocaleString('en-GB').padStart(9),
        (r.cpuMs / 1000).toFixed(2).padStart(9),
        r.peakRssMb.toFixed(0).padStart(15),
        (r.bytes ? (r.bytes / 1e6).toFixed(1) : '-').padStart(11),
      ];
      console.log(line.join(' '));
    }
    if (keep) console.log(`\nWorkbooks kept in ${dir}`);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
