import { describe, expect, it } from 'vitest';
import { addMonths, ageAt, excelSerialToIso, isIsoDate, isoToExcelSerial, readDate } from '../../../../core/annexa/dates.ts';
import type { RawCell } from '../../../../core/annexa/model.ts';

const read = (raw: RawCell) => readDate(raw, { latestYear: 2025 });
const iso = (raw: RawCell) => {
  const r = read(raw);
  return r.ok ? r.iso : `refused: ${r.reason}`;
};

describe('readDate', () => {
  it('reads the common written forms day first', () => {
    for (const text of ['2024-03-01', '2024/03/01', '01/03/2024', '1/3/2024', '01-03-2024', '01.03.2024', '1 Mar 2024', '1st March 2024', '01-Mar-2024', 'Mar 1, 2024', 'Fri 1 March 2024']) {
      expect(iso(text), text).toBe('2024-03-01');
    }
  });

  it('reads a time part, saying so only when it drops a real time', () => {
    expect(read('01/03/2024 00:00:00')).toEqual({ ok: true, iso: '2024-03-01', assumed: null });
    expect(read('2024-03-01T00:00:00.000Z')).toEqual({ ok: true, iso: '2024-03-01', assumed: null });
    expect(read('1/3/2024 12:00 AM')).toEqual({ ok: true, iso: '2024-03-01', assumed: null });
    expect(read('01/03/2024 14:30')).toEqual({ ok: true, iso: '2024-03-01', assumed: 'the time of day was dropped' });
    expect(iso('Fri Mar 01 2024 00:00:00 GMT+0000 (Greenwich Mean Time)')).toBe('2024-03-01');
  });

  it('puts a two-digit year in the latest century not past the year after the inspection, and says so', () => {
    expect(read('1/3/24')).toEqual({ ok: true, iso: '2024-03-01', assumed: 'the two-digit year 24 was read as 2024' });
    expect(iso('1/3/25')).toBe('2025-03-01');
    expect(iso('1/3/26')).toBe('1926-03-01');
    expect(iso('15/06/99')).toBe('1999-06-15');
    expect(iso('01-Mar-07')).toBe('2007-03-01');
  });

  it('reads Excel dates by their calendar day, and Excel day numbers', () => {
    expect(read(new Date(Date.UTC(2024, 2, 1)))).toEqual({ ok: true, iso: '2024-03-01', assumed: null });
    expect(read(new Date(Date.UTC(2024, 2, 1, 9, 15)))).toMatchObject({ iso: '2024-03-01', assumed: 'the time of day was dropped' });
    expect(read(45352)).toEqual({ ok: true, iso: '2024-03-01', assumed: '45352 was read as an Excel date number' });
    expect(iso(45352.75)).toBe('2024-03-01');
    expect(iso('45352')).toBe('2024-03-01');
    expect(iso(20240301)).toBe('2024-03-01');
    expect(iso('01032024')).toBe('2024-03-01');
  });

  it('refuses impossible dates with the reason, never guessing', () => {
    expect(read('31/02/2024')).toEqual({ ok: false, reason: 'February 2024 has 29 days' });
    expect(read('29/02/2023')).toEqual({ ok: false, reason: 'February 2023 has 28 days' });
    expect(read('13/13/2024')).toEqual({ ok: false, reason: 'there is no month 13 (dates are read day first, dd/mm/yyyy)' });
    expect(read('3/13/2024')).toEqual({
      ok: false,
      reason: 'there is no month 13 (dates are read day first, dd/mm/yyyy; if it means 13 March 2024, the extract writes dates month first)',
    });
    expect(read('00/01/2024')).toEqual({ ok: false, reason: 'there is no day 0' });
    expect(read('01/01/0202')).toEqual({ ok: false, reason: 'the year 202 cannot be right' });
    expect(read('1 Marchly 2024')).toEqual({ ok: false, reason: '"Marchly" is not the name of a month' });
  });

  it('refuses what is not a date at all', () => {
    expect(read('March')).toMatchObject({ ok: false });
    expect(read('2024')).toMatchObject({ ok: false });
    expect(read(2024)).toEqual({ ok: false, reason: '2024 is a number, not a date' });
    expect(read(3)).toMatchObject({ ok: false });
    expect(read(true)).toMatchObject({ ok: false });
    expect(read(new Date(Number.NaN))).toMatchObject({ ok: false });
    expect(read('12345678')).toMatchObject({ ok: false });
  });
});

describe('date arithmetic', () => {
  it('knows a real ISO date', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('01/03/2024')).toBe(false);
    // The right shape is not enough: a year no one in these lists has is a typing slip.
    expect(isIsoDate('0215-05-06')).toBe(false);
    expect(isIsoDate('2101-01-01')).toBe(false);
    expect(isIsoDate('1900-01-01')).toBe(true);
    expect(isIsoDate(45352)).toBe(false);
  });

  it('counts whole years at the last birthday, and -1 before birth', () => {
    expect(ageAt('2010-03-01', '2024-03-01')).toBe(14);
    expect(ageAt('2010-03-02', '2024-03-01')).toBe(13);
    expect(ageAt('2024-03-01', '2024-03-01')).toBe(0);
    expect(ageAt('2024-03-02', '2024-03-01')).toBe(-1);
    expect(ageAt('2008-02-29', '2023-02-28')).toBe(15);
    expect(ageAt('2008-02-29', '2023-02-27')).toBe(14);
  });

  it('moves by months within the month', () => {
    expect(addMonths('2024-08-31', -6)).toBe('2024-02-29');
    expect(addMonths('2024-03-15', -6)).toBe('2023-09-15');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-11-30', 10)).toBe('2025-09-30');
  });

  it('converts Excel day numbers both ways, around the 1900 leap-year bug', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45352)).toBe('2024-03-01');
    for (const d of ['1900-01-01', '1900-02-28', '1900-03-01', '2024-03-01']) expect(excelSerialToIso(isoToExcelSerial(d))).toBe(d);
  });
});

describe('readDate’s quick path for the common forms', () => {
  it('checks what the slower path checks', () => {
    expect(readDate('0202-01-01', { latestYear: 2025 })).toMatchObject({ ok: false });
    expect(readDate('01/01/0202', { latestYear: 2025 })).toMatchObject({ ok: false });
    expect(readDate('31/02/2024', { latestYear: 2025 })).toEqual({ ok: false, reason: 'February 2024 has 29 days' });
    expect(readDate('2024-02-30', { latestYear: 2025 })).toEqual({ ok: false, reason: 'February 2024 has 29 days' });
    expect(readDate('29/02/2024', { latestYear: 2025 })).toEqual({ ok: true, iso: '2024-02-29', assumed: null });
  });
});
