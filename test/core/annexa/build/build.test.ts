import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAnnexAWorkbook } from '../../../../core/annexa/build/build.ts';
import { annexASpec } from '../../../../shared/annexa/index.ts';
import { AnnexASummaries } from '../../../../shared/annexa/summaries.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { generateRows } from './generate-rows.ts';
import { readBack } from './read-back.ts';

const spec = annexASpec('annex-a-2024')!;
const counts = Object.fromEntries(spec.lists.map((l) => [l.key, 25]));

describe('building the workbook and its shareable copy in one call', () => {
  it('shows the same summaries in both, worked out from the original rows', async () => {
    const data = generateRows(spec, '2024-06-03', counts, 3);
    const dir = tempDir();
    const input = { spec, inspectionDate: '2024-06-03', rows: data.rows, findings: [] };
    const full = await buildAnnexAWorkbook(join(dir, 'full.xlsx'), input);
    const shared = await buildAnnexAWorkbook(join(dir, 'shared.xlsx'), { ...input, pseudonymise: true });
    expect(AnnexASummaries.parse(full.summaries)).toEqual(shared.summaries);
    expect(full.summaries.lists.find((l) => l.list === 'list1')!.rows).toBe(25);
    expect(full.replacedIds).toBeUndefined();
    expect(shared.replacedIds!.childId).toBeGreaterThan(50);
    const [a, b] = await Promise.all([readBack(full.path), readBack(shared.path)]);
    expect(a.get('Summary')!.rows).toEqual(b.get('Summary')!.rows);
    expect(a.get('List_1')!.rows[2][0]).not.toBe(b.get('List_1')!.rows[2][0]);
  });
});
