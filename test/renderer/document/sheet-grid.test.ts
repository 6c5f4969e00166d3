import { describe, expect, it } from 'vitest';
import type { Segment } from '../../../shared/contract.ts';
import { CELL_SEPARATOR, ROW_SEPARATOR, columnWidths, isSheetFormat, sheetFromSegments, visibleRows } from '../../../renderer/src/document/sheet-grid.ts';

const plain = (text: string): Segment => ({ text, hit: false });
const hit = (text: string): Segment => ({ text, hit: true });
const texts = (rows: ReturnType<typeof sheetFromSegments>['rows']) => rows.map((row) => row.map((cell) => cell.text));

describe('a sheet page as rows and cells', () => {
  it('splits the page text at the extractor’s separators: a row per line, a cell per tab', () => {
    const sheet = sheetFromSegments([plain(`Team${CELL_SEPARATOR}Children${CELL_SEPARATOR}Moves${ROW_SEPARATOR}North\t12\t3\nSouth\t9\t1`)]);
    expect(texts(sheet.rows)).toEqual([
      ['Team', 'Children', 'Moves'],
      ['North', '12', '3'],
      ['South', '9', '1'],
    ]);
    expect(sheet.columnCount).toBe(3);
    expect(sheet.hitRows).toEqual([]);
  });

  it('marks the cells holding a hit, and only those, keeping the words marked inside them', () => {
    const sheet = sheetFromSegments([plain('Team\tNote\nNorth\tthe '), hit('kestrel'), plain(' protocol\t\nSouth\tnone')]);
    expect(texts(sheet.rows)).toEqual([['Team', 'Note'], ['North', 'the kestrel protocol', ''], ['South', 'none']]);
    const cell = sheet.rows[1][1];
    expect(cell.hit).toBe(true);
    expect(cell.segments).toEqual([plain('the '), hit('kestrel'), plain(' protocol')]);
    expect(sheet.rows[1][0].hit).toBe(false);
    expect(sheet.rows[2].some((c) => c.hit)).toBe(false);
    expect(sheet.hitRows).toEqual([1]);
  });

  it('knows where each hit is, in reading order, for stepping from hit to hit (blank lines left out)', () => {
    const sheet = sheetFromSegments([plain('Team\tNote\n\nNorth\t'), hit('osprey'), plain(' and '), hit('osprey'), plain('\tx\nSouth\t'), hit('osprey'), plain('\n')]);
    expect(sheet.hitCells).toEqual([
      { row: 1, column: 1 },
      { row: 1, column: 1 },
      { row: 2, column: 1 },
    ]);
    // Each cell's hits are numbered on from the cells before it.
    expect(sheet.rows[1][1].firstHit).toBe(0);
    expect(sheet.rows[2][1].firstHit).toBe(2);
  });

  it('leaves out blank lines (before the header and footer text the extractor appends)', () => {
    const sheet = sheetFromSegments([plain('A\tB\n1\t2\n\nPrinted by Children’s Services')]);
    expect(texts(sheet.rows)).toEqual([['A', 'B'], ['1', '2'], ['Printed by Children’s Services']]);
    expect(sheet.columnCount).toBe(2);
  });

  it('an empty page has no rows', () => {
    expect(sheetFromSegments([]).rows).toEqual([]);
    expect(sheetFromSegments([plain('\n\n')]).columnCount).toBe(0);
  });

  it('Excel and OpenDocument spreadsheets are sheets; other formats are text', () => {
    expect(isSheetFormat('xlsx')).toBe(true);
    expect(isSheetFormat('ods')).toBe(true);
    expect(isSheetFormat('text')).toBe(false);
    expect(isSheetFormat('docx')).toBe(false);
  });
});

describe('column widths', () => {
  it('follow the longest text in each column, within limits', () => {
    const sheet = sheetFromSegments([plain(`Id\tName\n1\tA rather long description of a placement that goes on and on\n22\tX`)]);
    expect(columnWidths(sheet, 4, 40)).toEqual([4, 40]);
    expect(columnWidths(sheetFromSegments([plain('Population\tx')]), 4, 40)).toEqual([11, 4]);
  });
});

describe('drawing only the rows in view', () => {
  it('draws the rows in view and a few either side', () => {
    expect(visibleRows(0, 300, 30, 10_000, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleRows(3000, 300, 30, 10_000, 5)).toEqual({ start: 95, end: 116 });
  });

  it('never draws past the last row, nor before the first', () => {
    expect(visibleRows(1_000_000, 300, 30, 100, 5)).toEqual({ start: 94, end: 100 });
    expect(visibleRows(-50, 300, 30, 100, 5)).toEqual({ start: 0, end: 16 });
    expect(visibleRows(0, 300, 30, 0)).toEqual({ start: 0, end: 0 });
  });
});
