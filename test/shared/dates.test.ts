import { describe, expect, it } from 'vitest';
import { DATE_HINT, DATE_TIME_HINT, formatDate, formatDateTime, fileNameStamp, formatLocalDateTime, parseDate, parseDateTime } from '../../shared/dates.ts';

describe('parseDate', () => {
  it('reads day-first dates, with or without leading zeros, and pasted ISO dates', () => {
    expect(parseDate('05/03/2026')).toEqual({ ok: true, iso: '2026-03-05' });
    expect(parseDate(' 5/3/2026 ')).toEqual({ ok: true, iso: '2026-03-05' });
    expect(parseDate('05-03-2026')).toEqual({ ok: true, iso: '2026-03-05' });
    expect(parseDate('05.03.2026')).toEqual({ ok: true, iso: '2026-03-05' });
    expect(parseDate('2026-03-05')).toEqual({ ok: true, iso: '2026-03-05' });
    expect(parseDate('2026-3-5')).toEqual({ ok: true, iso: '2026-03-05' });
  });

  it('reads the day first, never the month', () => {
    expect(parseDate('03/04/2026')).toEqual({ ok: true, iso: '2026-04-03' });
    expect(parseDate('13/01/2026')).toEqual({ ok: true, iso: '2026-01-13' });
    expect(parseDate('01/13/2026')).toMatchObject({ ok: false });
  });

  it('knows leap days and the length of each month', () => {
    expect(parseDate('29/02/2024')).toEqual({ ok: true, iso: '2024-02-29' });
    expect(parseDate('29/02/2000')).toEqual({ ok: true, iso: '2000-02-29' });
    expect(parseDate('29/02/2026')).toEqual({ ok: false, message: `29/02/2026 is not a date that exists. ${DATE_HINT}.` });
    expect(parseDate('29/02/1900')).toMatchObject({ ok: false });
    expect(parseDate('31/04/2026')).toEqual({ ok: false, message: `31/04/2026 is not a date that exists. ${DATE_HINT}.` });
    expect(parseDate('30/04/2026')).toEqual({ ok: true, iso: '2026-04-30' });
    expect(parseDate('31/12/2026')).toEqual({ ok: true, iso: '2026-12-31' });
    expect(parseDate('00/12/2026')).toMatchObject({ ok: false });
  });

  it('refuses a two-digit year rather than guessing the century, and says so', () => {
    const r = parseDate('05/03/26');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/year in full/u);
    expect(!r.ok && r.message).toContain('05/03/2026');
  });

  it('says how to write a date when the text is not one', () => {
    expect(parseDate('next Tuesday')).toEqual({ ok: false, message: `“next Tuesday” is not a date. Enter a date as dd/mm/yyyy, for example 05/03/2026.` });
    expect(parseDate('')).toEqual({ ok: false, message: 'Enter a date as dd/mm/yyyy, for example 05/03/2026.' });
    expect(parseDate('05/03/0026')).toMatchObject({ ok: false });
  });
});

describe('formatDate and formatDateTime', () => {
  it('show a day as dd/mm/yyyy, read as written whatever the time zone', () => {
    expect(formatDate('2026-03-05')).toBe('05/03/2026');
    expect(formatDate('2024-12-31')).toBe('31/12/2024');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date', 'never')).toBe('never');
  });

  it('show a moment in local time as dd/mm/yyyy HH:mm', () => {
    const moment = new Date(2026, 2, 5, 14, 7).toISOString();
    expect(formatDate(moment)).toBe('05/03/2026');
    expect(formatDateTime(moment)).toBe('05/03/2026 14:07');
    expect(formatDateTime(undefined, 'never')).toBe('never');
  });

  it('round-trips what parseDate reads', () => {
    for (const text of ['05/03/2026', '29/02/2024', '01/01/1999']) {
      const r = parseDate(text);
      expect(r.ok && formatDate(r.iso)).toBe(text);
    }
  });
});

describe('parseDateTime and formatLocalDateTime', () => {
  it('read a date and a 24-hour time typed day first, or pasted ISO, as local time', () => {
    expect(parseDateTime('05/03/2026 14:30')).toEqual({ ok: true, local: '2026-03-05T14:30' });
    expect(parseDateTime('5/3/2026 9:05')).toEqual({ ok: true, local: '2026-03-05T09:05' });
    expect(parseDateTime('2026-03-05T14:30')).toEqual({ ok: true, local: '2026-03-05T14:30' });
    expect(parseDateTime('2026-03-05 14:30')).toEqual({ ok: true, local: '2026-03-05T14:30' });
    expect(formatLocalDateTime('2026-03-05T09:05')).toBe('05/03/2026 09:05');
  });

  it('ask for the time, refuse a time that is not one and a day that does not exist', () => {
    expect(parseDateTime('05/03/2026')).toMatchObject({ ok: false, message: expect.stringContaining('Add the time') });
    expect(parseDateTime('05/03/2026 25:00')).toMatchObject({ ok: false, message: expect.stringContaining('25:00 is not a time of day') });
    expect(parseDateTime('31/04/2026 10:00')).toEqual({ ok: false, message: `31/04/2026 is not a date that exists. ${DATE_TIME_HINT}.` });
    expect(parseDateTime('soon')).toEqual({ ok: false, message: `“soon” is not a date and time. ${DATE_TIME_HINT}.` });
  });
});

describe('fileNameStamp', () => {
  it('stamps a download day first, in local time, with nothing Windows refuses in a file name', () => {
    const stamp = fileNameStamp(new Date(2026, 2, 5, 9, 7));
    expect(stamp).toBe('05-03-2026 0907');
    expect(stamp).not.toMatch(/[\\/:*?"<>|]/u);
  });
});
