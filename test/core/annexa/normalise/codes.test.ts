import { describe, expect, it } from 'vitest';
import { codeMatcher } from '../../../../core/annexa/normalise/codes.ts';
import { testSpec } from '../../../helpers/annexa-test-spec.ts';

const set = (key: string) => testSpec().codeSets.find((s) => s.key === key)!;
const ethnicity = codeMatcher(set('ethnicity'));
const sex = codeMatcher(set('sex'));
const source = codeMatcher(set('source'));
const closure = codeMatcher(set('closure'));
const legal = codeMatcher(set('legalStatus'));
const value = (m: ReturnType<typeof ethnicity.match>) => ('value' in m ? m.value : m.kind);

describe('codeMatcher', () => {
  it('takes the template’s exact value as it is', () => {
    expect(ethnicity.match('a) WBRI')).toEqual({ kind: 'exact', value: 'a) WBRI' });
  });

  it('reads case, spacing and punctuation differences as the value, and says so', () => {
    expect(ethnicity.match('A)WBRI')).toMatchObject({ kind: 'matched', value: 'a) WBRI', why: expect.stringContaining('different case, spacing or punctuation') });
    expect(value(source.match('a) 1a : individual'))).toBe('a) 1A: Individual');
  });

  it('gives a bare code its full value (ethnicity, closure reasons, legal status, sources)', () => {
    expect(ethnicity.match('WBRI')).toMatchObject({ kind: 'matched', value: 'a) WBRI', why: 'the bare Ethnicity code WBRI was given its full value' });
    expect(value(closure.match('RC8'))).toBe('RC8 - Case closed after assessment, no further action');
    expect(value(legal.match('c1'))).toBe('C1: ICO');
    expect(value(source.match('6'))).toBe('q) 6: Police');
  });

  it('reads the aliases the spec lists, ignoring case and punctuation', () => {
    expect(value(sex.match('M'))).toBe('a) Male');
    expect(value(sex.match('f'))).toBe('b) Female');
    expect(value(sex.match('1'))).toBe('a) Male');
    expect(value(ethnicity.match('White British'))).toBe('a) WBRI');
    expect(value(ethnicity.match('t) NOBT'))).toBe('s) NOBT');
    expect(sex.match('Male')).toMatchObject({ value: 'a) Male', why: 'Gender value given the letter prefix the template uses' });
  });

  it('reads a value by the code it starts with', () => {
    expect(ethnicity.match('WBRI - White British (English)')).toMatchObject({ kind: 'matched', value: 'a) WBRI', why: expect.stringContaining('starts with the Ethnicity code WBRI') });
    expect(value(closure.match('RC1 Adopted'))).toBe('RC1 - Adopted');
  });

  it('corrects a wrong letter prefix, reporting it', () => {
    expect(ethnicity.match('b) WBRI')).toEqual({
      kind: 'wrong-prefix',
      value: 'a) WBRI',
      written: 'b) WBRI',
      why: 'the letter b) was changed to a), the letter the template gives this value',
    });
    expect(legal.match('a) C1: ICO')).toMatchObject({ kind: 'wrong-prefix', value: 'C1: ICO', why: expect.stringContaining('without one') });
    // Both REFU and NOBT really are s) in the template: no correction for either.
    expect(ethnicity.match('s) NOBT')).toEqual({ kind: 'exact', value: 's) NOBT' });
  });

  it('does not guess between values that share a label', () => {
    expect(source.match('Individual')).toEqual({ kind: 'ambiguous', values: ['a) 1A: Individual', 'b) 1B: Individual'] });
  });

  it('matches nothing else', () => {
    for (const text of ['Martian', 'WBRIX', 'z) WBRI2', 'Not known']) expect(ethnicity.match(text), text).toEqual({ kind: 'none' });
    expect(sex.match('Boy')).toEqual({ kind: 'none' });
  });
});
