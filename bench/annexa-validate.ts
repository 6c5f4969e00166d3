/**
 * `node bench/annexa-validate.ts [--children 50000] [--data generated|clean] [--spec annex-a-2024] [--repeat 3]`
 *
 * Speed of Annex A normalisation and validation on a large council's lists, in memory (reading
 * files is the import bench's business): every source row through the normaliser, then
 * validateLists over all eleven lists. Prints rows, the time of each step (best of --repeat) and
 * rows a second, and the findings by rule, so a change in what is found shows up as well as a
 * change in speed.
 *
 * --data generated (the default): the rows of bench/annexa-generate.ts (synthetic children; each
 *   list written the way its CSV file is, with system headers, bare codes, day-first and ISO dates,
 *   ids as 123456.0 and NULLs), mapped by header through the spec. An independent dataset: what it
 *   finds is either a fault of the synthetic data or of the checks, and worth reading.
 * --data clean: the tests' clean dataset (test/helpers/annexa-clean.ts) written messily by
 *   test/helpers/annexa-messy.ts; it should find nothing at all.
 */
import { parseArgs } from 'node:util';
import { annexASpec, DEFAULT_ANNEX_A_SPEC_ID, matchColumn } from '../shared/annexa/index.ts';
import type { AnnexASpec } from '../shared/annexa/spec-schema.ts';
import type { ColumnMapping, Finding, ListRow, RawCell, SourceRow } from '../core/annexa/model.ts';
import { createNormaliser } from '../core/annexa/normalise/normaliser.ts';
import { validateLists } from '../core/annexa/validate/validate.ts';
import { CSV_STYLES, generateLists } from './annexa-generate.ts';
import { cleanAnnexA } from '../test/helpers/annexa-clean.ts';
import { messyTable } from '../test/helpers/annexa-messy.ts';

interface Table {
  listKey: string;
  source: string;
  rows: SourceRow[];
  mapping: ColumnMapping;
}

const { values } = parseArgs({
  options: {
    children: { type: 'string', default: '50000' },
    data: { type: 'string', default: 'generated' },
    spec: { type: 'string', default: DEFAULT_ANNEX_A_SPEC_ID },
    repeat: { type: 'string', default: '3' },
  },
});
const spec = annexASpec(values.spec);
if (!spec || !['generated', 'clean'].includes(values.data)) {
  console.error('Usage: node bench/annexa-validate.ts [--children 50000] [--data generated|clean] [--spec annex-a-2024|annex-a-2019] [--repeat 3]');
  process.exit(2);
}
const children = Number(values.children);
const repeat = Math.max(1, Number(values.repeat));

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The generator's lists as each CSV file writes them (text, in the file's date and code style), mapped by header. */
function generatedTables(spec: AnnexASpec, inspectionDate: string): Table[] {
  const lists = generateLists({ children, seed: 1, inspectionDate: new Date(`${inspectionDate}T00:00:00Z`) });
  return lists.map((data, i) => {
    const style = CSV_STYLES[i];
    const list = spec.lists[data.number - 1];
    const headers = data.headers.map((h) => style.headers?.[h] ?? h);
    const columns: Record<string, number | null> = Object.fromEntries(list.columns.map((c) => [c.key, null]));
    const unmapped: string[] = [];
    headers.forEach((h, at) => {
      const column = matchColumn(list, h);
      if (column) columns[column.key] = at;
      else unmapped.push(h);
    });
    const text = (cell: unknown): RawCell => {
      if (cell === null) return style.blank;
      if (cell instanceof Date) {
        const [d, m, y] = [cell.getUTCDate(), cell.getUTCMonth() + 1, cell.getUTCFullYear()];
        if (style.dates === 'd/m/yy') return `${d}/${m}/${pad2(y % 100)}`;
        if (style.dates === 'dd/mm/yyyy') return `${pad2(d)}/${pad2(m)}/${y}`;
        if (style.dates === 'dd-mm-yyyy') return `${pad2(d)}-${pad2(m)}-${y}`;
        return `${y}-${pad2(m)}-${pad2(d)}${style.dates === 'iso-time' ? ' 00:00:00' : ''}`;
      }
      if (typeof cell === 'number') return style.ids === 'float' && cell >= 100_000 ? `${cell}.0` : String(cell);
      if (typeof cell === 'string') return cell;
      const code = cell as { full: string; bare: string; word?: string };
      return style.codes === 'bare' ? code.bare : style.codes === 'word' ? (code.word ?? code.bare) : code.full;
    };
    return {
      listKey: list.key,
      source: style.file,
      rows: data.rows.map((cells, r) => ({ row: r + 2, cells: cells.map(text) })),
      mapping: { list: list.key, columns, unmapped },
    };
  });
}

function cleanTables(spec: AnnexASpec, inspectionDate: string): Table[] {
  // The clean dataset makes about 2.1 rows a child; scale it to the generator's 113,000 rows for 50,000 children.
  const rows = cleanAnnexA(spec, { children: Math.round(children * 1.08), inspectionDate });
  return spec.lists.map((l) => ({ listKey: l.key, ...messyTable(spec, l.key, rows.get(l.key)!) }));
}

const inspectionDate = values.data === 'generated' ? '2025-03-03' : '2024-03-15';
let started = performance.now();
const tables = values.data === 'generated' ? generatedTables(spec, inspectionDate) : cleanTables(spec, inspectionDate);
const total = tables.reduce((n, t) => n + t.rows.length, 0);
console.log(`${total} rows of ${values.data} data (${tables.map((t) => `${t.listKey}: ${t.rows.length}`).join(', ')}), made in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`spec ${spec.id}, inspection date ${inspectionDate}, Node ${process.version}`);

const normaliseTimes: number[] = [];
const validateTimes: number[] = [];
let findings: Finding[] = [];
let changes = 0;
let normaliserFindings: Finding[] = [];
for (let run = 0; run < repeat; run++) {
  started = performance.now();
  const rowsByList = new Map<string, ListRow[]>();
  changes = 0;
  normaliserFindings = [];
  for (const table of tables) {
    const normalise = createNormaliser(spec, table.listKey, table.mapping, { inspectionDate });
    const out: ListRow[] = [];
    for (const source of table.rows) {
      const result = normalise(table.source, source);
      out.push(result.row);
      changes += result.changes.length;
      if (result.findings.length) normaliserFindings.push(...result.findings);
    }
    rowsByList.set(table.listKey, out);
  }
  normaliseTimes.push(performance.now() - started);
  started = performance.now();
  findings = validateLists(spec, rowsByList, { inspectionDate });
  validateTimes.push(performance.now() - started);
}

const best = (xs: number[]) => Math.min(...xs);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (ms: number) => `${Math.round(total / (ms / 1000)).toLocaleString('en-GB')} rows/s`;
console.log(`normalise: ${seconds(best(normaliseTimes))} (${rate(best(normaliseTimes))}), ${changes} changes listed`);
console.log(`validate:  ${seconds(best(validateTimes))} (${rate(best(validateTimes))})`);
console.log(`together:  ${seconds(best(normaliseTimes) + best(validateTimes))}, best of ${repeat}; heap used ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);

const all = [...normaliserFindings, ...findings];
const byRule = new Map<string, { error: number; warning: number; example: Finding }>();
for (const f of all) {
  const entry = byRule.get(f.rule) ?? { error: 0, warning: 0, example: f };
  entry[f.severity]++;
  byRule.set(f.rule, entry);
}
console.log(`\n${all.length} findings: ${all.filter((f) => f.severity === 'error').length} errors, ${all.filter((f) => f.severity === 'warning').length} warnings`);
for (const [rule, { error, warning, example }] of [...byRule].sort((a, b) => b[1].error + b[1].warning - (a[1].error + a[1].warning))) {
  console.log(`  ${rule.padEnd(20)} ${String(error + warning).padStart(6)}  e.g. ${example.list} row ${example.row}: ${example.message}`);
}
