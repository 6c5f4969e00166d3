/**
 * A streaming .xlsx writer: sheets written row by row into a ZIP (zip-writer.ts), so a workbook of
 * 113,000 rows never exists whole in memory. It writes the small part of SpreadsheetML that both
 * the Annex A workbook (core/annexa/build/) and the pack's evidence index (core/pack/) need: inline
 * strings, numbers, dates with a dd/mm/yyyy format, a few fixed styles, column widths, frozen rows,
 * an autofilter, merged cells and links to files beside the workbook.
 *
 * Why not a library: exceljs's streaming writer was measured on this machine at about 13,000 rows a
 * second for a styled 15-column sheet (9-12 s and ~215 MB peak RSS for 113,000 rows), and brings
 * 186 packages; this writer does the same rows in under 2 s (see bench/annexa-build.ts and the
 * final report). It is checked by reading its output back with exceljs and by LibreOffice.
 *
 * Each column has a kind that decides how a value is written, so the hot path allocates nothing per
 * cell: `id` and `text` are always text (an id of `012345` keeps its zero; the cell is formatted `@`
 * so an edit in Excel stays text), `date` takes `YYYY-MM-DD` and writes a real date, `datetime` takes
 * `YYYY-MM-DDTHH:MM[:SS]` (a wall-clock time: Excel has no time zones, so the caller converts) and
 * writes a real date and time shown dd/mm/yyyy hh:mm, `number` writes
 * a number, `percent` a fraction shown as a percentage, `general` text or a number as given. A
 * value that does not fit its kind (a date column holding `not known`) is written as text, never
 * dropped.
 *
 * A link is a cell of its own shape, `{ text, link }`: the text shown, in the Hyperlink style (blue,
 * underlined), and a path relative to the workbook's folder (`evidence/1 Leadership/Plan (2).pdf`),
 * so the link keeps working wherever the folder is copied, `\\server\share\…` included. It is
 * written as Excel writes one: `<hyperlink ref="Q2" r:id="rId1"/>` in the sheet, and a relationship
 * in `xl/worksheets/_rels/sheetN.xml.rels` whose target is the path percent-encoded as Excel encodes
 * it (see `relativeLinkTarget`) with `TargetMode="External"`. The links of a sheet are collected as
 * its rows stream (a cell reference and a target each) and written when it closes; other cells pay
 * nothing for them.
 */
import { ZipWriter } from './zip-writer.ts';
import type { ByteSink, ZipEntry } from './zip-writer.ts';

export type ColumnKind = 'id' | 'text' | 'date' | 'datetime' | 'number' | 'percent' | 'general';
export type RowStyle = 'title' | 'header' | 'bold';
/** A link to a file: `text` shown, `link` a path relative to the workbook's folder with `/` (see `relativeLinkTarget`). */
export interface LinkCell {
  text: string;
  link: string;
}
/**
 * A value, written as its column's kind says; or, off the hot path, a value with its own kind (a
 * percentage in a column of counts), or a link.
 */
export type CellInput = string | number | null | undefined | { value: string | number; kind: ColumnKind } | LinkCell;

export interface SheetColumn {
  kind: ColumnKind;
  /** In Excel's units (characters of the default font). */
  width: number;
}

export interface SheetOptions {
  columns: SheetColumn[];
  /** Rows kept in view while scrolling (the title and header rows). */
  frozenRows?: number;
  /** The header row of a filter over every column, down to the last row written. */
  autoFilterRow?: number;
  /** Ranges to merge, such as `A1:G1` for a title across the columns. */
  merges?: string[];
}

export interface SheetWriter {
  /** Writes the next row. Resolves at once unless the buffer is full and goes to the file. */
  row(values: readonly CellInput[], options?: { style?: RowStyle; height?: number }): Promise<void>;
  /** The number of the row written last (1-based; 0 before any). */
  readonly rowCount: number;
  /** Link cells written as links so far. */
  readonly linkCount: number;
  /**
   * Link cells written as plain text instead, because the sheet already held as many links as Excel
   * takes (MAX_LINKS) or the encoded target was longer than Excel takes (MAX_LINK_LENGTH).
   */
  readonly linksLeftOut: number;
  close(): Promise<void>;
}

// Style indices into cellXfs in STYLES below.
const S_DEFAULT = 0;
const S_DATE = 1;
const S_TEXT = 2;
const S_HEADER = 3;
const S_TITLE = 4;
const S_PERCENT = 5;
const S_BOLD = 6;
const S_LINK = 7;
const S_DATETIME = 8;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/><numFmt numFmtId="166" formatCode="dd/mm/yyyy hh:mm"/></numFmts>
<fonts count="4"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="12"/><name val="Calibri"/><family val="2"/></font><font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>
<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="3" fillId="0" borderId="0" applyNumberFormat="0" applyFill="0" applyBorder="0" applyAlignment="0" applyProtection="0"/></cellStyleXfs>
<cellXfs count="9">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="1" applyFont="1"/>
<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
<cellStyles count="2"><cellStyle name="Normal" xfId="0" builtinId="0"/><cellStyle name="Hyperlink" xfId="1" builtinId="8"/></cellStyles>
</styleSheet>`;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Write the sheet XML to the ZIP in pieces of about this many characters. */
const CHUNK = 256 * 1024;

/** `A`, `B`, … `Z`, `AA` … for a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// Characters XML 1.0 cannot hold at all; Excel's own escape for them is _xHHHH_.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;
// A literal `_x0041_` in the data would be read by Excel as the escape for `A`; escaping its underscore keeps it literal.
const LOOKS_ESCAPED = /_(x[0-9A-Fa-f]{4}_)/gu;
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/u;

/** Text as the content of an element or an attribute. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(LOOKS_ESCAPED, '_x005F_$1')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/"/gu, '&quot;')
    .replace(INVALID_XML, (c) => {
      const code = c.charCodeAt(0);
      // Half a surrogate pair is no character at all: the replacement character says something was there.
      return code >= 0xd800 && code <= 0xdfff ? '\uFFFD' : `_x${code.toString(16).toUpperCase().padStart(4, '0')}_`;
    });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/u;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The Excel serial number of a `YYYY-MM-DD` date (1900 date system), or null if it is not a real
 * date from 1 March 1900 on (before then Excel's serials are off by one for its phantom 29 February 1900).
 */
export function excelSerial(iso: string): number | null {
  const known = serials.get(iso);
  if (known !== undefined) return known;
  const serial = computeSerial(iso);
  // Lists repeat the same few thousand dates: remembering them saves a parse per cell.
  if (serials.size >= 100_000) serials.clear();
  serials.set(iso, serial);
  return serial;
}

const serials = new Map<string, number | null>();

const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/u;

/**
 * The Excel serial of a wall-clock `YYYY-MM-DDTHH:MM[:SS]` (the day's serial plus the fraction of
 * the day), or null if it is not a real date and time. No zone: Excel shows what it is given.
 */
export function excelDateTimeSerial(text: string): number | null {
  const m = WALL_CLOCK.exec(text);
  if (!m) return null;
  const day = excelSerial(m[1]);
  const [h, min, sec] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (day === null || h > 23 || min > 59 || sec > 59) return null;
  return day + (h * 3600 + min * 60 + sec) / 86_400;
}

function computeSerial(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return null;
  if (month === 2 && day === 29 && !((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return null;
  const serial = Date.UTC(year, month - 1, day) / 86_400_000 + 25_569;
  return serial >= 61 ? serial : null;
}

/** Excel keeps at most this many links in one worksheet (65,530; later ones are written as text). */
export const MAX_LINKS = 65_530;
/** Excel refuses a workbook holding a link target of 2,080 characters or more; longer ones are written as text. */
export const MAX_LINK_LENGTH = 2_079;

/**
 * What Excel percent-encodes in the target of a link to a file: `%` itself first (so a name holding
 * `%20` keeps it), space, the characters a URI may not hold, `#` (else the rest of the name would be
 * read as a place inside the file) and `?` (a query). Excel writes letters outside ASCII as they are
 * (an IRI), and so does this.
 */
// eslint-disable-next-line no-control-regex -- control characters are what it encodes
const ENCODE_IN_TARGET = /[% "<>[\]^`{}|#?\u0000-\u001F\u007F\uFFFE\uFFFF]/gu;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/u;

function percentEncode(c: string): string {
  return Array.from(Buffer.from(c, 'utf8'), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

/**
 * The relationship target of a link to `path`, a file relative to the workbook's folder with `/`
 * between folders (`evidence/1 Leadership/Plan (2).pdf` → `evidence/1%20Leadership/Plan%20(2).pdf`):
 * percent-encoded as Excel encodes such a target (XML-escaped when written). Refuses what is not such a
 * path (a drive, a `\\server` path, a URL, a `\`, a leading `/`): it would not travel with the folder.
 */
export function relativeLinkTarget(path: string): string {
  if (path === '' || path.startsWith('/') || path.includes('\\') || SCHEME.test(path)) {
    throw new Error(`Not a relative path for a link: ${JSON.stringify(path)}`);
  }
  // Half a surrogate pair names no file; the replacement character keeps the XML well formed.
  return path.toWellFormed().replace(ENCODE_IN_TARGET, percentEncode);
}

const INTEGER_OR_DECIMAL = /^-?\d{1,15}(?:\.\d+)?$/u;

function textCell(ref: string, text: string, style: number): string {
  const s = style === S_DEFAULT ? '' : ` s="${style}"`;
  // Leading or trailing spaces ("LA In Touch ") and line breaks survive only with xml:space.
  const space = text.length > 0 && (/^\s|\s$/u.test(text) || text.includes('\n')) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

function numberCell(ref: string, value: number, style: number): string {
  const s = style === S_DEFAULT ? '' : ` s="${style}"`;
  return `<c r="${ref}"${s}><v>${value}</v></c>`;
}

function cellXml(ref: string, value: string | number, kind: ColumnKind, rowStyle: number | null): string {
  switch (kind) {
    case 'id':
    case 'text':
      return textCell(ref, String(value), rowStyle ?? S_TEXT);
    case 'date': {
      if (typeof value === 'string' && rowStyle === null) {
        const serial = excelSerial(value);
        if (serial !== null) return numberCell(ref, serial, S_DATE);
      }
      return textCell(ref, String(value), rowStyle ?? S_DEFAULT);
    }
    case 'datetime': {
      if (typeof value === 'string' && rowStyle === null) {
        const serial = excelDateTimeSerial(value);
        if (serial !== null) return numberCell(ref, serial, S_DATETIME);
      }
      return textCell(ref, String(value), rowStyle ?? S_DEFAULT);
    }
    case 'number':
    case 'percent': {
      const style = rowStyle ?? (kind === 'percent' ? S_PERCENT : S_DEFAULT);
      if (typeof value === 'number' && Number.isFinite(value)) return numberCell(ref, value, style);
      if (typeof value === 'string' && INTEGER_OR_DECIMAL.test(value)) return numberCell(ref, Number(value), style);
      return textCell(ref, String(value), rowStyle ?? S_DEFAULT);
    }
    default:
      if (typeof value === 'number' && Number.isFinite(value)) return numberCell(ref, value, rowStyle ?? S_DEFAULT);
      return textCell(ref, String(value), rowStyle ?? S_DEFAULT);
  }
}

const ROW_STYLE: Record<RowStyle, number> = { title: S_TITLE, header: S_HEADER, bold: S_BOLD };

interface SheetRecord {
  name: string;
  autoFilter: string | null;
}

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/u;

export class XlsxWriter {
  private readonly zip: ZipWriter;
  private readonly sheets: SheetRecord[] = [];
  private busy = false;

  private constructor(zip: ZipWriter) {
    this.zip = zip;
  }

  static async create(path: string): Promise<XlsxWriter> {
    return new XlsxWriter(await ZipWriter.create(path));
  }

  /** Writes into `sink` rather than a file (see MemorySink). */
  static into(sink: ByteSink): XlsxWriter {
    return new XlsxWriter(ZipWriter.into(sink));
  }

  /** Starts the next sheet; sheets are written one at a time, in the order they will appear. */
  async sheet(name: string, options: SheetOptions): Promise<SheetWriter> {
    if (this.busy) throw new Error('XlsxWriter: close the open sheet before starting another');
    if (name.length === 0 || name.length > 31 || FORBIDDEN_IN_SHEET_NAME.test(name) || /^'|'$/u.test(name)) {
      throw new Error(`Not a sheet name Excel accepts: ${JSON.stringify(name)}`);
    }
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`Two sheets named ${JSON.stringify(name)}`);
    this.busy = true;
    const record: SheetRecord = { name, autoFilter: null };
    const index = this.sheets.length + 1;
    this.sheets.push(record);
    const entry: ZipEntry = await this.zip.entry(`xl/worksheets/sheet${index}.xml`);

    const { columns } = options;
    const letters = columns.map((_, i) => columnLetter(i));
    const kinds = columns.map((c) => c.kind);
    const lastLetter = letters[letters.length - 1] ?? 'A';

    let head = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`;
    const frozen = options.frozenRows ?? 0;
    head += '<sheetViews><sheetView workbookViewId="0"';
    head += index === 1 ? ' tabSelected="1">' : '>';
    if (frozen > 0) {
      head += `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/>`;
    }
    head += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>';
    if (columns.length > 0) {
      head += '<cols>';
      columns.forEach((c, i) => {
        head += `<col min="${i + 1}" max="${i + 1}" width="${Math.round(c.width * 100) / 100}" customWidth="1"/>`;
      });
      head += '</cols>';
    }
    head += '<sheetData>';

    let buffer = head;
    let rowNo = 0;
    // A sheet's links, collected as rows stream: the cell and its target (encoded and XML-escaped).
    const linkRefs: string[] = [];
    const linkTargets: string[] = [];
    let linksLeftOut = 0;
    const linkXml = (ref: string, cell: LinkCell): string => {
      const target = relativeLinkTarget(cell.link);
      const text = cell.text === '' ? cell.link : cell.text;
      if (linkRefs.length >= MAX_LINKS || target.length > MAX_LINK_LENGTH) {
        linksLeftOut += 1;
        return textCell(ref, text, S_TEXT);
      }
      linkRefs.push(ref);
      // Only `&` can be left to escape (the rest are percent-encoded); not escapeXml, whose _xHHHH_
      // escapes are for cell text and would change a name holding `_x0041_`.
      linkTargets.push(target.replace(/&/gu, '&amp;'));
      return textCell(ref, text, S_LINK);
    };
    const flush = async () => {
      const text = buffer;
      buffer = '';
      await entry.write(text);
    };

    const writer: SheetWriter = {
      get rowCount() {
        return rowNo;
      },
      get linkCount() {
        return linkRefs.length;
      },
      get linksLeftOut() {
        return linksLeftOut;
      },
      row: async (values, rowOptions) => {
        rowNo += 1;
        const style = rowOptions?.style ? ROW_STYLE[rowOptions.style] : null;
        let xml = rowOptions?.height ? `<row r="${rowNo}" ht="${rowOptions.height}" customHeight="1">` : `<row r="${rowNo}">`;
        for (let i = 0; i < values.length; i++) {
          const value = values[i];
          if (value === null || value === undefined || value === '') continue;
          const letter = letters[i] ?? columnLetter(i);
          if (typeof value === 'object') {
            xml += 'link' in value ? linkXml(letter + rowNo, value) : cellXml(letter + rowNo, value.value, value.kind, style);
          } else xml += cellXml(letter + rowNo, value, kinds[i] ?? 'general', style);
        }
        buffer += `${xml}</row>`;
        if (buffer.length >= CHUNK) await flush();
      },
      close: async () => {
        let tail = '</sheetData>';
        if (options.autoFilterRow !== undefined && columns.length > 0) {
          const last = Math.max(rowNo, options.autoFilterRow);
          record.autoFilter = `$A$${options.autoFilterRow}:$${lastLetter}$${last}`;
          tail += `<autoFilter ref="A${options.autoFilterRow}:${lastLetter}${last}"/>`;
        }
        if (options.merges && options.merges.length > 0) {
          tail += `<mergeCells count="${options.merges.length}">${options.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
        }
        // After mergeCells and before pageMargins, as the schema orders a worksheet's parts.
        if (linkRefs.length > 0) {
          buffer += `${tail}<hyperlinks>`;
          tail = '';
          for (let i = 0; i < linkRefs.length; i++) {
            buffer += `<hyperlink ref="${linkRefs[i]}" r:id="rId${i + 1}"/>`;
            if (buffer.length >= CHUNK) await flush();
          }
          buffer += '</hyperlinks>';
        }
        tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
        buffer += tail;
        await flush();
        await entry.close();
        if (linkRefs.length > 0) {
          const rels = await this.zip.entry(`xl/worksheets/_rels/sheet${index}.xml.rels`);
          let text = `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">`;
          for (let i = 0; i < linkTargets.length; i++) {
            text += `<Relationship Id="rId${i + 1}" Type="${REL_NS}/hyperlink" Target="${linkTargets[i]}" TargetMode="External"/>`;
            if (text.length >= CHUNK) {
              await rels.write(text);
              text = '';
            }
          }
          await rels.write(`${text}</Relationships>`);
          await rels.close();
        }
        this.busy = false;
      },
    };
    return writer;
  }

  /** Writes the workbook's own parts and closes the file. */
  async finish(): Promise<void> {
    if (this.busy) throw new Error('XlsxWriter: a sheet is still open');
    if (this.sheets.length === 0) throw new Error('XlsxWriter: a workbook needs at least one sheet');
    const sheetList = this.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    const filters = this.sheets
      .map((s, i) => (s.autoFilter ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${escapeXml(s.name.replace(/'/gu, "''"))}'!${s.autoFilter}</definedName>` : ''))
      .join('');
    await this.zip.add(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        this.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '</Types>',
    );
    await this.zip.add(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
        '</Relationships>',
    );
    await this.zip.add(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews>` +
        `<sheets>${sheetList}</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ''}</workbook>`,
    );
    await this.zip.add(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${PACKAGE_REL_NS}">` +
        this.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${this.sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
        '</Relationships>',
    );
    await this.zip.add('xl/styles.xml', STYLES);
    await this.zip.finish();
  }

  /** Closes the file after a failure, without finishing it; the caller removes it. */
  async abort(): Promise<void> {
    await this.zip.abort();
  }
}
