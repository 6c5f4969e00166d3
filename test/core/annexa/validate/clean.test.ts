import { describe, expect, it } from 'vitest';
import { annexASpec } from '../../../../shared/annexa/index.ts';
import { validateLists } from '../../../../core/annexa/validate/validate.ts';
import { CLEAN_INSPECTION_DATE, cleanAnnexA } from '../../../helpers/annexa-clean.ts';

describe('validateLists on correct data', () => {
  for (const id of ['annex-a-2019', 'annex-a-2024']) {
    it(`finds nothing at all in a clean dataset of all eleven lists (${id}, three seeds)`, () => {
      const spec = annexASpec(id)!;
      for (const seed of [1, 2, 3]) {
        const rows = cleanAnnexA(spec, { children: 600, seed });
        // The dataset really exercises every list, including unborn children and closed episodes.
        for (const list of spec.lists) expect(rows.get(list.key)!.length, list.key).toBeGreaterThan(0);
        expect(validateLists(spec, rows, { inspectionDate: CLEAN_INSPECTION_DATE })).toEqual([]);
      }
    });
  }

  it('includes what a careful council has and a careless check would flag', () => {
    const spec = annexASpec('annex-a-2024')!;
    const rows = cleanAnnexA(spec, { children: 600, seed: 1 });
    const values = (list: string) => rows.get(list)!.map((r) => r.values);
    // Unborn children: an expected date of birth after the inspection, age -1, work before the birth.
    expect(values('list1').some((v) => v.age === -1 && (v.dateOfBirth as string) > CLEAN_INSPECTION_DATE)).toBe(true);
    // Children on several rows of the event lists, with their count repeated.
    const referrals = new Map<unknown, number>();
    for (const v of values('list3')) referrals.set(v.childId, (referrals.get(v.childId) ?? 0) + 1);
    expect([...referrals.values()].some((n) => n > 1)).toBe(true);
    // Open episodes started long before the window, and episodes closed within it.
    expect(values('list7').some((v) => v.cpPlanEndDate === null && (v.cpPlanStartDate as string) < '2023-09-15')).toBe(true);
    expect(values('list8').some((v) => v.dateCeasedLookedAfter !== null)).toBe(true);
    // Adopters still in the process though their enquiry was years ago.
    expect(values('list11').some((v) => (v.enquiryDate as string) < '2023-03-01' && v.leftProcessDate === null)).toBe(true);
  });
});
