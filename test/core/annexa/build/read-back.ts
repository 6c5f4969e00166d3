/**
 * Reads a written workbook back with exceljs, an independent reader (our own importer will be
 * added to the round trip later): each sheet's rows as plain values, dates as `YYYY-MM-DD`, and the
 * layout details the tests check.
 */
import ExcelJS from 'exceljs';

export type Plain = string | number | boolean | null;

export interface SheetBack {
  name: string;
  rows: Plain[][];
  /** The number format of each cell of row 3 (the first data row), by column number. */
  formats: Map<number, string>;
  frozenRows: number;
  autoFilter: string | null;
  merges: string[];
  widths: number[];
}

function plain(value: ExcelJS.CellValue): Plain {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return plain(value.result as ExcelJS.CellValue);
    throw new Error(`unexpected cell ${JSON.stringify(value)}`);
  }
  return value;
}

export async function readBack(path: string): Promise<Map<string, SheetBack>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheets = new Map<string, SheetBack>();
  for (const ws of workbook.worksheets) {
    const rows: Plain[][] = [];
    ws.eachRow({ includeEmpty: true }, (r, n) => {
      const values: Plain[] = [];
      for (let c = 1; c <= ws.columnCount; c++) values.push(plain(r.getCell(c).value));
      while (values.length && values[values.length - 1] === null) values.pop();
      rows[n - 1] = values;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    const formats = new Map<number, string>();
    const third = ws.getRow(3);
    third.eachCell((cell, c) => formats.set(c, cell.numFmt ?? ''));
    const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
    const filter = ws.autoFilter;
    const merges = ((ws as unknown as { model: { merges?: string[] } }).model.merges ?? []).slice();
    sheets.set(ws.name, {
      name: ws.name,
      rows,
      formats,
      frozenRows: view?.state === 'frozen' ? (view.ySplit ?? 0) : 0,
      autoFilter: typeof filter === 'string' ? filter : filter ? JSON.stringify(filter) : null,
      merges,
      widths: (ws.columns ?? []).map((c) => c.width ?? 0),
    });
  }
  return sheets;
}
