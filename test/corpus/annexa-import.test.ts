/**
 * The two public sample Annex A workbooks (../shared/reference/annexa-samples, or
 * $EVIDENCE_ANNEXA_SAMPLES) import with all eleven lists recognised, under both built-in template
 * versions: read by core/annexa/read, recognised by their headers only. Their front, FAQ,
 * guidance and code sheets are left out quietly.
 */
import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANNEX_A_SPECS } from '../../shared/annexa/index.ts';
import { readSources } from '../../core/annexa/read/index.ts';
import { recogniseSources } from '../../core/annexa/recognise.ts';

function samplesDir(): string {
  const fromEnv = process.env.EVIDENCE_ANNEXA_SAMPLES;
  const repoRoot = resolve(import.meta.dirname, '../..');
  const dir = fromEnv ? (isAbsolute(fromEnv) ? fromEnv : resolve(repoRoot, fromEnv)) : resolve(repoRoot, '../shared/reference/annexa-samples');
  if (!existsSync(dir)) {
    throw new Error(`Annex A sample workbooks not found in ${dir}. Set EVIDENCE_ANNEXA_SAMPLES to their folder, or place them at <repo>/../shared/reference/annexa-samples.`);
  }
  return dir;
}

describe('importing the sample Annex A workbooks', () => {
  const dir = samplesDir();
  const workbooks = readdirSync(dir).filter((f) => f.endsWith('.xlsx')).sort();

  it('finds both sample workbooks', () => {
    expect(workbooks).toEqual(['2016-01-sample.xlsx', 'example-B-2004.xlsx']);
  });

  for (const spec of ANNEX_A_SPECS) {
    for (const workbook of workbooks) {
      it(`${workbook}: all eleven lists recognised with ${spec.id}, the other sheets left out quietly`, async () => {
        const files = await readSources([join(dir, workbook)]);
        expect(files[0].error).toBeNull();
        expect(files[0].notTables).toEqual(['Front_Sheet']);
        const result = recogniseSources(files, spec);
        expect(result.recognised.map((r) => r.recognition.list)).toEqual(Array.from({ length: 11 }, (_, i) => `list${i + 1}`));
        expect(result.recognised.every((r) => r.table.headerRow === 2)).toBe(true);
        expect(result.notRecognised.map((r) => [r.table.sheet, r.recognition.quiet])).toEqual([
          ['FAQ_and_changes', true],
          ['Guidance', true],
          ['Codes_used', true],
        ]);
        // Every row of every list can be read.
        for (const { table } of result.recognised) for await (const row of table.rows) expect(row.row).toBeGreaterThan(2);
      });
    }
  }
});
