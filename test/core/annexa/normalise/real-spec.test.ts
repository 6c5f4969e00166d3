import { describe, expect, it } from 'vitest';
import { annexASpec } from '../../../../shared/annexa/index.ts';
import { codeMatcher } from '../../../../core/annexa/normalise/codes.ts';
import { listRoles } from '../../../../core/annexa/normalise/roles.ts';

const spec = annexASpec('annex-a-2024')!;
const matcher = (key: string) => codeMatcher(spec.codeSets.find((s) => s.key === key)!);
const value = (key: string, text: string) => {
  const m = matcher(key).match(text);
  return 'value' in m ? m.value : m.kind;
};

describe('normalising against the real 2024 spec', () => {
  it('reads the forms systems export for the template’s codes', () => {
    expect(value('gender', 'M')).toBe('a) Male');
    expect(value('gender', 'Not recorded')).toBe('c) Not stated/recorded');
    expect(value('ethnicity', 'WBRI')).toBe('a) WBRI');
    expect(value('ethnicity', 't) NOBT')).toBe('s) NOBT');
    expect(value('reasonForClosure', 'RC8')).toBe('RC8 - Case closed after assessment, no further action');
    expect(value('legalStatus', 'C1')).toBe('C1: ICO');
    expect(value('yesNo', 'TRUE')).toBe('a) Yes');
    expect(value('yesNoPlain', 'Y')).toBe('Yes');
    expect(value('caseStatus', 'CIN')).toBe('c) Child in need plan');
    expect(value('source', '1A')).toBe('a) 1A: Individual');
    expect(value('accommodationType', 'D - Semi-independent, transitional accommodation and self-contained accommodation')).toBe(
      'D: Semi-independent, transitional accommodation and self-contained accommodation',
    );
  });

  it('does not read a word starting with a one-letter code as that code', () => {
    expect(value('accommodationType', 'B and B')).toBe('none');
    expect(value('accommodationType', 'B - With parents')).toBe('B: Parents/relatives');
    expect(value('accommodationType', 'W')).toBe('W: Bed and breakfast');
  });

  it('corrects a wrong letter on a real code, and reports it', () => {
    expect(matcher('ethnicity').match('b) WBRI')).toMatchObject({ kind: 'wrong-prefix', value: 'a) WBRI' });
    expect(matcher('placementType').match('a) U4: Foster placement - long term')).toMatchObject({ kind: 'wrong-prefix', value: 'd) U4: Foster placement - long term' });
  });

  it('finds each list’s date of birth and age, and which lists may hold unborn children', () => {
    const unborn = spec.lists.map((l) => [l.key, listRoles(l).dob, listRoles(l).age, listRoles(l).unbornAllowed]);
    expect(unborn).toEqual([
      ['list1', 'dateOfBirth', 'age', true],
      ['list2', 'dateOfBirth', 'age', true],
      ['list3', 'dateOfBirth', 'age', true],
      ['list4', 'dateOfBirth', 'age', true],
      ['list5', 'dateOfBirth', 'age', true],
      ['list6', 'dateOfBirth', 'age', true],
      ['list7', 'dateOfBirth', 'age', true],
      ['list8', 'dateOfBirth', 'age', false],
      ['list9', 'dateOfBirth', 'age', false],
      ['list10', 'dateOfBirth', 'age', true],
      ['list11', null, null, true],
    ]);
  });
});
