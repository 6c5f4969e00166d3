import { describe, expect, it } from 'vitest';
import { customFormatKind, dateFormatOf, displayIsoDate, displayNumber, serialToDate } from '../../../core/extract/xlsx-format.ts';

describe('Excel number formats', () => {
  it('treats built-in formats 14-22 as dates and times', () => {
    expect(dateFormatOf(14, new Map())).toEqual({ kind: 'date', seconds: false });
    expect(dateFormatOf(21, new Map())).toEqual({ kind: 'time', seconds: true });
    expect(dateFormatOf(22, new Map())).toEqual({ kind: 'datetime', seconds: false });
    expect(dateFormatOf(2, new Map())).toBeNull();
  });

  it('recognises custom date formats by d, m and y outside quotes, colours and locales', () => {
    expect(customFormatKind('[$-809]dd mmmm yyyy')?.kind).toBe('date');
    expect(customFormatKind('mmm-yy')?.kind).toBe('date');
    expect(customFormatKind('h:mm:ss')).toEqual({ kind: 'time', seconds: true });
    expect(customFormatKind('0.00" days"')).toBeNull();
    expect(customFormatKind('[Red]#,##0;[Blue]-#,##0')).toBeNull();
    expect(customFormatKind('[h]:mm')).toBeNull();
  });

  it('converts serials with the 1900 leap-year bug and the 1904 system', () => {
    expect(serialToDate(1, false).toISOString()).toBe('1900-01-01T00:00:00.000Z');
    expect(serialToDate(61, false).toISOString()).toBe('1900-03-01T00:00:00.000Z');
    expect(serialToDate(45292, false).toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(serialToDate(0, true).toISOString()).toBe('1904-01-01T00:00:00.000Z');
  });

  it('leaves numbers that are not dates, or not valid serials, as stored', () => {
    expect(displayNumber('3.14', null, false)).toBe('3.14');
    expect(displayNumber('-5', { kind: 'date', seconds: false }, false)).toBe('-5');
    expect(displayNumber('abc', { kind: 'date', seconds: false }, false)).toBe('abc');
  });

  it('shows ISO date cells as dd/mm/yyyy', () => {
    expect(displayIsoDate('2024-03-05T00:00:00Z')).toBe('05/03/2024');
    expect(displayIsoDate('2024-03-05T14:30:00Z')).toBe('05/03/2024 14:30');
  });

  it('shows an ISO date cell with no zone as the date written, even in British Summer Time', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Europe/London';
    try {
      expect(displayIsoDate('2024-06-01T00:00:00')).toBe('01/06/2024');
      expect(displayIsoDate('2024-06-01')).toBe('01/06/2024');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
