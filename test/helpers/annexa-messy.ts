/**
 * Clean Annex A rows written back the ways case-management extracts write them, as raw source
 * rows: ids as `123456.0` or numbers, dates as `1/3/24`, `2024-03-01 00:00:00`, `01-03-2024`,
 * Excel dates and day numbers, codes bare (`WBRI`, `RC7`), as aliases (`M`, `Y`, `CIN`) or without
 * their letter, counts as `3.0`, postcodes in lower case without a space, blanks as `NULL` or
 * spaces, and ages left out for the normaliser to work out.
 *
 * Every form is one the normaliser must read back to exactly the clean value, so normalising these
 * rows gives the clean dataset again (with its changes listed) and validating it finds nothing.
 */
import type { AnnexASpec, CodeSet, ColumnSpec } from '../../shared/annexa/spec-schema.ts';
import { isoToExcelSerial } from '../../core/annexa/dates.ts';
import type { ColumnMapping, ListRow, RawCell, SourceRow } from '../../core/annexa/model.ts';
import { listRoles } from '../../core/annexa/normalise/roles.ts';

export interface MessyTable {
  source: string;
  headers: string[];
  rows: SourceRow[];
  mapping: ColumnMapping;
}

const LETTER = /^[a-z]{1,2}\d?\)\s*/iu;

function messyDate(iso: string, pick: number): RawCell {
  const [y, m, d] = iso.split('-');
  switch (pick % 7) {
    case 0:
      return `${d}/${m}/${y}`;
    case 1:
      return `${+d}/${+m}/${y.slice(2)}`;
    case 2:
      return `${iso} 00:00:00`;
    case 3:
      return `${d}-${m}-${y}`;
    case 4:
      return new Date(`${iso}T00:00:00Z`);
    case 5:
      return isoToExcelSerial(iso);
    default:
      return iso;
  }
}

function messyCode(set: CodeSet, value: string, pick: number): RawCell {
  const v = set.values.find((x) => x.value === value);
  if (!v) return value; // a free value of an open set
  const forms: string[] = [value, value.toUpperCase()];
  if (v.code) forms.push(v.code);
  if (LETTER.test(value)) forms.push(value.replace(LETTER, ''));
  forms.push(...v.aliases);
  return forms[pick % forms.length];
}

function messyCell(spec: AnnexASpec, column: ColumnSpec, value: ListRow['values'][string], pick: number, isAge: boolean): RawCell {
  if (value === null) return ['', 'NULL', '  ', null, 'n/a'][pick % 5];
  if (isAge && pick % 3 === 0) return null; // worked out from the date of birth
  switch (column.type) {
    case 'id':
      return /^\d+$/u.test(String(value)) ? [`${value}.0`, Number(value), String(value)][pick % 3] : String(value);
    case 'date':
      return messyDate(String(value), pick);
    case 'integer':
      return [String(value), `${value}.0`, value][pick % 3];
    case 'postcode':
      return pick % 2 ? String(value).toLowerCase().replace(' ', '') : String(value);
    case 'code':
      return messyCode(spec.codeSets.find((s) => s.key === column.codeSet)!, String(value), pick);
    default:
      return pick % 4 === 0 ? ` ${value} ` : String(value);
  }
}

/** One list's clean rows as a messy extract, its columns in reverse order so the mapping matters. */
export function messyTable(spec: AnnexASpec, listKey: string, rows: ListRow[]): MessyTable {
  const list = spec.lists.find((l) => l.key === listKey)!;
  const columns = [...list.columns].reverse();
  const age = listRoles(list).age;
  let counter = 0;
  // A spread of choices per cell (Knuth's multiplicative hash of a counter): every form of every column turns up.
  const pick = () => Math.imul(++counter, 2654435761) >>> 12;
  return {
    source: `${list.sheet}.csv`,
    headers: columns.map((c) => c.synonyms[0] ?? c.header),
    rows: rows.map((r) => ({ row: r.row, cells: columns.map((c) => messyCell(spec, c, r.values[c.key], pick(), c.key === age)) })),
    mapping: { list: listKey, columns: Object.fromEntries(columns.map((c, i) => [c.key, i])), unmapped: [] },
  };
}
