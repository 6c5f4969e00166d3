import { describe, expect, it } from 'vitest';
import { formatIsoDate, formatIsoDateLong, parseBritishDate } from '../../../renderer/src/annexa/dates.ts';

describe('the inspection date, day first', () => {
  it('reads dd/mm/yyyy and its usual variants, and YYYY-MM-DD pasted from a system', () => {
    expect(parseBritishDate('15/03/2024')).toEqual({ ok: true, iso: '2024-03-15' });
    expect(parseBritishDate(' 5/3/2024 ')).toEqual({ ok: true, iso: '2024-03-05' });
    expect(parseBritishDate('05-03-2024')).toEqual({ ok: true, iso: '2024-03-05' });
    expect(parseBritishDate('05.03.2024')).toEqual({ ok: true, iso: '2024-03-05' });
    expect(parseBritishDate('2024-03-05')).toEqual({ ok: true, iso: '2024-03-05' });
  });

  it('reads 03/04 as the 3rd of April, never the 4th of March', () => {
    expect(parseBritishDate('03/04/2024')).toEqual({ ok: true, iso: '2024-04-03' });
  });

  it('refuses dates that do not exist, two-digit years and anything else, saying what to write', () => {
    expect(parseBritishDate('31/02/2024')).toMatchObject({ ok: false, message: expect.stringMatching(/^31\/02\/2024 is not a date that exists\./u) });
    expect(parseBritishDate('29/02/2023')).toMatchObject({ ok: false });
    expect(parseBritishDate('29/02/2024')).toEqual({ ok: true, iso: '2024-02-29' });
    expect(parseBritishDate('15/03/24')).toMatchObject({ ok: false, message: expect.stringContaining('year in full') });
    expect(parseBritishDate('next Tuesday')).toMatchObject({ ok: false, message: expect.stringContaining('dd/mm/yyyy') });
    expect(parseBritishDate('')).toMatchObject({ ok: false, message: expect.stringContaining('15/03/2024') });
    expect(parseBritishDate('15/13/2024')).toMatchObject({ ok: false });
  });

  it('shows dates as dd/mm/yyyy, and in words beside the field', () => {
    expect(formatIsoDate('2024-03-15')).toBe('15/03/2024');
    expect(formatIsoDate(null)).toBe('—');
    expect(formatIsoDateLong('2024-03-15')).toBe('Friday 15 March 2024');
  });
});
