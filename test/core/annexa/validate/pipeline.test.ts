import { describe, expect, it } from 'vitest';
import { annexASpec } from '../../../../shared/annexa/index.ts';
import type { Change, Finding, ListRow } from '../../../../core/annexa/model.ts';
import { createNormaliser } from '../../../../core/annexa/normalise/normaliser.ts';
import { validateLists } from '../../../../core/annexa/validate/validate.ts';
import { CLEAN_INSPECTION_DATE, cleanAnnexA } from '../../../helpers/annexa-clean.ts';
import { messyTable } from '../../../helpers/annexa-messy.ts';

describe('normalise then validate, on the real specs', () => {
  for (const id of ['annex-a-2019', 'annex-a-2024']) {
    it(`reads messy extracts of all eleven lists back to the clean data, listing the changes, and finds nothing (${id})`, () => {
      const spec = annexASpec(id)!;
      const clean = cleanAnnexA(spec, { children: 500, seed: 7 });
      const normalised = new Map<string, ListRow[]>();
      const changes: Change[] = [];
      const findings: Finding[] = [];
      for (const list of spec.lists) {
        const table = messyTable(spec, list.key, clean.get(list.key)!);
        const normalise = createNormaliser(spec, list.key, table.mapping, { inspectionDate: CLEAN_INSPECTION_DATE });
        const rows = table.rows.map((r) => {
          const out = normalise(table.source, r);
          changes.push(...out.changes);
          findings.push(...out.findings);
          return out.row;
        });
        expect(rows.map((r) => r.values), list.key).toEqual(clean.get(list.key)!.map((r) => r.values));
        normalised.set(list.key, rows);
      }
      expect(findings).toEqual([]);
      expect(validateLists(spec, normalised, { inspectionDate: CLEAN_INSPECTION_DATE })).toEqual([]);
      // Every kind of change is listed, in words.
      const why = new Set(changes.map((c) => c.why));
      for (const kind of ['means no value', 'two-digit year', 'Excel date number', '".0" was removed', 'whole number', 'worked out from the date of birth', 'another way systems write', 'bare', 'capitals with one space']) {
        expect([...why].some((w) => w.includes(kind)), kind).toBe(true);
      }
    });
  }
});
