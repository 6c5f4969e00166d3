/**
 * Everything the two public sample workbooks (Ofsted's August 2019 layout, fake data) contain must
 * be something the spec recognises: each list's title and headers, every coded cell, and every
 * code, description and grouping on the Codes_used tab. Read from test/fixtures/annexa/samples.json
 * (made by scripts/annexa-samples.ts; `npm run test:corpus` checks it against the workbooks).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNEX_A_SPECS, annexASpec, codeSet, matchCode, matchColumn, normaliseHeader, headerKeys } from '../../../shared/annexa/index.ts';
import type { AnnexASpec, CodeSet, ListSpec } from '../../../shared/annexa/index.ts';
import type { SampleSheet, SamplesFixture } from '../../../scripts/annexa-samples.ts';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../../fixtures/annexa/samples.json'), 'utf8')) as SamplesFixture;
const s2019 = annexASpec('annex-a-2019')!;

/** What one Codes_used tab holds: preferred codes, detailed descriptions, and distinct groupings per block. */
const COUNTS = { codes: 234, details: 133, groups: 68 };

const listSheets = fixture.workbooks.flatMap((w) => w.sheets.filter((s) => s.name.startsWith('List')).map((s) => ({ file: w.file, sheet: s })));
const codesUsed = fixture.workbooks.map((w) => ({ file: w.file, sheet: w.sheets.find((s) => s.name === 'Codes_used')! }));

function listFor(spec: AnnexASpec, sheet: SampleSheet): ListSpec {
  const title = sheet.rows.find((r) => r.row === 1)?.cells[0];
  const list = spec.lists.find((l) => l.title === title);
  if (!list) throw new Error(`no list titled ${JSON.stringify(title)}`);
  return list;
}

/** Codes_used: one block of columns per code set (a header in row 1), each column's role in row 2. */
interface CodesBlock {
  header: string;
  /** Row → the preferred code, and its detail and groupings where the block has them. */
  rows: { preferred: string; detail?: string; groups: string[] }[];
}

function codesBlocks(sheet: SampleSheet): CodesBlock[] {
  const row = (n: number) => sheet.rows.find((r) => r.row === n)?.cells ?? [];
  const headers = row(1);
  const roles = row(2);
  const starts = headers.map((h, i) => (h ? i : -1)).filter((i) => i >= 0);
  return starts.map((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1] : Math.max(headers.length, roles.length);
    const cols = [...Array(end - start).keys()].map((i) => start + i).filter((i) => roles[i]);
    const preferred = cols.find((i) => /preferred code|please use codes/iu.test(roles[i]))!;
    const detail = cols.find((i) => roles[i] === 'Detail');
    const groups = cols.filter((i) => /^group/iu.test(roles[i]));
    const rows = sheet.rows
      .filter((r) => r.row > 2 && r.cells[preferred])
      .map((r) => ({ preferred: r.cells[preferred], detail: detail === undefined ? undefined : r.cells[detail] || undefined, groups: groups.map((g) => r.cells[g]).filter(Boolean) }));
    return { header: headers[start], rows };
  });
}

/** The code set a Codes_used header stands for: the one every column it names (header or synonym) uses. */
const NOT_A_HEADER: Record<string, string> = {
  // One block serves two columns of List 7; no single header should match both.
  'Initial/Latest Category of Abuse': 'categoryOfAbuse',
};
function setFor(spec: AnnexASpec, header: string): CodeSet {
  const key =
    NOT_A_HEADER[header] ??
    (() => {
      const keys = new Set(
        spec.lists.flatMap((l) => l.columns.filter((c) => headerKeys(c).includes(normaliseHeader(header))).map((c) => c.codeSet)),
      );
      expect([...keys], `the Codes_used header ${JSON.stringify(header)} should name columns of one code set`).toHaveLength(1);
      return [...keys][0]!;
    })();
  return codeSet(spec, key)!;
}

describe('the sample workbooks', () => {
  it('hold all eleven lists twice, and the Codes_used tab', () => {
    expect(listSheets).toHaveLength(22);
    expect(codesUsed.every((c) => c.sheet)).toBe(true);
  });

  describe.each(listSheets.map((l) => [`${l.file} ${l.sheet.name}`, l.sheet] as const))('%s', (_name, sheet) => {
    const headers = sheet.rows.find((r) => r.row === 2)!.cells;

    it('has exactly the 2019 spec’s headers, in its order, quirks included', () => {
      const list = listFor(s2019, sheet);
      expect(headers).toEqual(list.columns.map((c) => c.header));
    });

    it.each(ANNEX_A_SPECS.map((s) => [s.id, s] as const))('every header maps to the column in its place (%s)', (_id, spec) => {
      const list = listFor(spec, sheet);
      const mapped = headers.map((h) => matchColumn(list, h)?.key);
      expect(mapped.every(Boolean)).toBe(true);
      const keys2019 = listFor(s2019, sheet).columns.map((c) => c.key);
      expect(mapped).toEqual(keys2019);
    });

    it.each(ANNEX_A_SPECS.map((s) => [s.id, s] as const))('every coded cell is a value the spec recognises (%s)', (_id, spec) => {
      const list = listFor(spec, sheet);
      for (const r of sheet.rows.filter((x) => x.row > 2)) {
        r.cells.forEach((cell, i) => {
          const column = matchColumn(list, headers[i]);
          if (!cell || column?.type !== 'code') return;
          const set = codeSet(spec, column.codeSet!)!;
          expect(matchCode(set, cell)?.value, `${column.key} "${cell}" (row ${r.row})`).toBeDefined();
        });
      }
    });
  });

  it('have the coded cells the fixture was made for (a contact from the police written POLICE)', () => {
    const l1 = listSheets.find((l) => l.file === 'example-B-2004.xlsx' && l.sheet.name === 'List_1')!.sheet;
    const row = l1.rows.find((r) => r.row === 3)!.cells;
    expect(row[6]).toBe('POLICE');
    expect(matchCode(codeSet(s2019, 'source')!, row[6])?.value).toBe('q) 6: Police');
  });

  describe.each(codesUsed.map((c) => [c.file, c.sheet] as const))('%s Codes_used', (_file, sheet) => {
    const blocks = codesBlocks(sheet);

    it('has the 34 code-set blocks of the 2019 template, with their details and groupings', () => {
      expect(blocks).toHaveLength(34);
      expect(blocks.reduce((n, b) => n + b.rows.length, 0)).toBe(COUNTS.codes);
      expect(blocks.reduce((n, b) => n + b.rows.filter((r) => r.detail).length, 0)).toBe(COUNTS.details);
      expect(new Set(blocks.flatMap((b) => b.rows.flatMap((r) => r.groups.map((g) => `${b.header}|${g}`)))).size).toBe(COUNTS.groups);
    });

    it.each(blocks.map((b) => [b.header, b] as const))('%s: the preferred codes are the 2019 code set exactly, in order', (_h, block) => {
      const set = setFor(s2019, block.header);
      const preferred = block.rows.map((r) => r.preferred);
      // Spec values the template does not list are there only to be recognised, with a warning.
      const extra = set.values.filter((v) => !preferred.includes(v.value));
      expect(extra.filter((v) => !v.discouraged).map((v) => v.value)).toEqual([]);
      expect(set.values.filter((v) => preferred.includes(v.value)).map((v) => v.value)).toEqual(preferred);
    });

    it.each(blocks.map((b) => [b.header, b] as const))('%s: each detail and each unambiguous grouping reads as its code (both versions)', (_h, block) => {
      for (const spec of ANNEX_A_SPECS) {
        const set = setFor(spec, block.header);
        const members = new Map<string, Set<string>>();
        for (const r of block.rows) {
          expect(matchCode(set, r.preferred)?.value, `${spec.id} ${r.preferred}`).toBe(r.preferred);
          if (r.detail) expect(matchCode(set, r.detail)?.value, `${spec.id} detail "${r.detail}"`).toBe(r.preferred);
          for (const g of r.groups) members.set(g, (members.get(g) ?? new Set()).add(r.preferred));
        }
        for (const [group, codes] of members) {
          // Ofsted's groupings ("please do not use the groupings"): read as the code only where the
          // group holds one code; ChAT's zz… error buckets are never a code.
          const expected = codes.size === 1 && !group.startsWith('zz') ? [...codes][0] : undefined;
          expect(matchCode(set, group)?.value, `${spec.id} group "${group}"`).toBe(expected);
        }
      }
    });
  });
});
