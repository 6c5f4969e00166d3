/**
 * The cells of a worksheet part (`xl/worksheets/sheetN.xml`), scanned straight from its text.
 *
 * A worksheet is nearly all `<row><c r="B7" s="3" t="s"><v>12</v></c>…</row>`, and on the
 * 113,000-row workbook a general XML parser (saxes, through core/extract/xml.ts) spends most of the
 * import's time building tag and attribute objects for it; this scanner reads the same cells in
 * about half the time overall (`node bench/annexa-read.ts` runs both, and exceljs, side by side).
 * So the sheet's cells are scanned here; everything else in the package (workbook,
 * relationships, styles, shared strings) still goes through saxes.
 *
 * Only what a cell needs is read: the row number, each cell's reference, type and style, its
 * value (`<v>`) or inline text (`<is>`, without phonetic runs). The safety rules are saxes's: the
 * five XML entities and character references are decoded, any other entity is an error, and a
 * DOCTYPE is refused (no entity of a file is ever expanded). Comments, processing instructions and
 * CDATA sections are handled; namespace prefixes (`<x:c>`) are ignored. A part that ends before
 * its `</sheetData>` is damaged. The tests check it against saxes on real and generated sheets.
 */
import { ExtractError } from '../../extract/types.ts';

export interface SheetCells {
  /** A row starts; `r` is its `r` attribute (null when absent). */
  row(r: number | null): void;
  /** A cell with a value: zero-based column from its reference (-1 when absent), `t`, `s`, and its text. */
  cell(column: number, type: string, style: number, text: string): void;
  rowEnd(): void;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function corrupt(part: string, why: string): ExtractError {
  return new ExtractError('corrupt', `${part} is not well-formed XML: ${why}`);
}

/** "AB12" → 27 (zero-based column), or -1 when the reference starts with no letters. */
export function columnOf(ref: string): number {
  return columnAt(ref, 0, ref.length);
}

const MAX_PENDING = 4 * 1024 * 1024;

export class SheetScanner {
  private readonly part: string;
  private readonly out: SheetCells;
  private decoder: TextDecoder | null = null;
  private buffer = '';
  private inSheet = false;
  private ended = false;
  private inRow = false;
  private inCell = false;
  private inInline = false;
  private phonetic = 0;
  private capturing = false;
  private type = 'n';
  private style = 0;
  private column = -1;
  private text = '';

  constructor(part: string, out: SheetCells) {
    this.part = part;
    this.out = out;
  }

  write(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    // Parts are UTF-8 (perhaps with a BOM, which the decoder drops) or, rarely, UTF-16 with a BOM.
    this.decoder ??= new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : chunk[0] === 0xfe && chunk[1] === 0xff ? 'utf-16be' : 'utf-8');
    this.scan(this.buffer + this.decoder.decode(chunk, { stream: true }));
  }

  end(): void {
    if (this.decoder) this.scan(this.buffer + this.decoder.decode());
    if (!this.ended) throw corrupt(this.part, this.inSheet ? 'it ends before its last row' : 'it has no sheetData');
  }

  private decode(raw: string): string {
    let text = raw;
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    if (!text.includes('&')) return text;
    return text.replace(/&([^;&]*);?/g, (whole, name: string) => {
      if (!whole.endsWith(';')) throw corrupt(this.part, `a stray "&" in "${raw.slice(0, 40)}"`);
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        if (!Number.isFinite(code) || code < 0 || code > 0x10ffff) throw corrupt(this.part, `a bad character reference &${name};`);
        return String.fromCodePoint(code);
      }
      const value = ENTITIES[name];
      if (value === undefined) throw corrupt(this.part, `undefined entity &${name};`);
      return value;
    });
  }

  /** Consume every complete tag (and the text before it); keep the rest for the next chunk. */
  private scan(input: string): void {
    let p = 0;
    while (true) {
      const lt = input.indexOf('<', p);
      if (lt < 0) break;
      if (lt > p && this.capturing) this.text += this.decode(input.slice(p, lt));
      const next = input.charCodeAt(lt + 1);
      if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
        const end = this.special(input, lt);
        if (end < 0) {
          p = lt;
          break;
        }
        p = end;
        continue;
      }
      const end = this.tag(input, lt);
      if (end < 0) {
        p = lt;
        break;
      }
      p = this.inCell && !this.inInline ? this.plainValue(input, end) : end;
    }
    // Text after the last tag (or a tag cut by the chunk's end) waits for the rest. No real tag or
    // cell text is near this long (Excel holds 32,767 characters in a cell); an unclosed comment or
    // quote would otherwise be joined and searched again with every chunk, for minutes.
    if (input.length - p > MAX_PENDING) throw corrupt(this.part, 'it has a tag or comment that never ends');
    this.buffer = input.slice(p);
  }

  /**
   * Nearly every cell is `<c …><v>text</v></c>`: read that in one step from just after `<c …>`
   * (the general path would parse three more tags). Returns where to go on from: past `</c>` when
   * the cell was read here, or `from` unchanged for anything else (a prefix, a formula, CDATA, a
   * cell cut by the chunk's end), which the general path then reads.
   */
  private plainValue(input: string, from: number): number {
    if (!input.startsWith('<v>', from)) return from;
    const close = input.indexOf('<', from + 3);
    if (close < 0 || !input.startsWith('</v></c>', close)) return from;
    this.out.cell(this.column, this.type, this.style, this.decode(input.slice(from + 3, close)));
    this.inCell = false;
    return close + 8;
  }

  /** A comment, CDATA section or processing instruction at `lt`: the index after it, or -1 if it has not all arrived. */
  private special(input: string, lt: number): number {
    if (input.startsWith('<!--', lt)) {
      const close = input.indexOf('-->', lt + 4);
      return close < 0 ? -1 : close + 3;
    }
    if (input.startsWith('<![CDATA[', lt)) {
      const close = input.indexOf(']]>', lt + 9);
      if (close < 0) return -1;
      if (this.capturing) this.text += input.slice(lt + 9, close);
      return close + 3;
    }
    if (input.startsWith('<?', lt)) {
      const close = input.indexOf('?>', lt + 2);
      return close < 0 ? -1 : close + 2;
    }
    if (input.length - lt < 9) return -1;
    throw corrupt(this.part, 'it has a DOCTYPE or declaration, which a worksheet never has');
  }

  /**
   * The tag at `lt`: its name read in place, the `r`, `s` and `t` attributes of rows and cells
   * read as they pass. Returns the index after its ">", or -1 if it has not all arrived.
   */
  private tag(input: string, lt: number): number {
    const n = input.length;
    const closing = input.charCodeAt(lt + 1) === 0x2f;
    let i = closing ? lt + 2 : lt + 1;
    let local = i;
    while (i < n) {
      const c = input.charCodeAt(i);
      if (c === 0x3a) local = i + 1;
      else if (c <= 0x20 || c === 0x2f || c === 0x3e) break;
      i++;
    }
    const name = nameOf(input, local, i);
    // Attributes: only r, s and t of <row> and <c> are kept; quoted values may hold ">" or "/".
    let r = -1;
    let s = 0;
    let t = 'n';
    let selfClosing = false;
    while (true) {
      while (i < n && input.charCodeAt(i) <= 0x20) i++;
      if (i >= n) return -1;
      const c = input.charCodeAt(i);
      if (c === 0x3e) {
        i++;
        break;
      }
      if (c === 0x2f) {
        if (i + 1 >= n) return -1;
        selfClosing = true;
        i++;
        continue;
      }
      const attrStart = i;
      while (i < n && input.charCodeAt(i) !== 0x3d && input.charCodeAt(i) > 0x20) i++;
      const attrEnd = i;
      while (i < n && input.charCodeAt(i) !== 0x22 && input.charCodeAt(i) !== 0x27) {
        if (input.charCodeAt(i) === 0x3e) throw corrupt(this.part, 'an attribute without a quoted value');
        i++;
      }
      if (i >= n) return -1;
      const quote = input.charCodeAt(i);
      const valueEnd = input.indexOf(quote === 0x22 ? '"' : "'", i + 1);
      if (valueEnd < 0) return -1;
      if (attrEnd - attrStart === 1 && (name === ROW || name === CELL)) {
        const a = input.charCodeAt(attrStart);
        if (a === 0x72 /* r */) r = name === ROW ? Number(input.slice(i + 1, valueEnd)) : columnAt(input, i + 1, valueEnd);
        else if (a === 0x73 /* s */) s = Number(input.slice(i + 1, valueEnd)) || 0;
        else if (a === 0x74 /* t */) t = input.slice(i + 1, valueEnd);
      }
      i = valueEnd + 1;
    }
    if (closing) this.close(name);
    else {
      this.open(name, r, s, t);
      if (selfClosing) this.close(name);
    }
    return i;
  }

  private open(name: number, r: number, s: number, t: string): void {
    if (name === SHEET_DATA) {
      this.inSheet = true;
      return;
    }
    if (!this.inSheet) return;
    switch (name) {
      case ROW:
        this.inRow = true;
        this.out.row(Number.isInteger(r) && r > 0 ? r : null);
        break;
      case CELL:
        this.inCell = true;
        this.type = t;
        this.style = s;
        this.column = r;
        this.text = '';
        break;
      case VALUE:
        if (this.inCell && !this.inInline) this.capturing = true;
        break;
      case INLINE:
        if (this.inCell) this.inInline = true;
        break;
      case PHONETIC:
        this.phonetic++;
        break;
      case TEXT:
        if (this.inInline && this.phonetic === 0) this.capturing = true;
        break;
    }
  }

  private close(name: number): void {
    if (name === SHEET_DATA) {
      this.inSheet = false;
      this.ended = true;
      return;
    }
    if (!this.inSheet) return;
    switch (name) {
      case VALUE:
      case TEXT:
        this.capturing = false;
        break;
      case PHONETIC:
        this.phonetic--;
        break;
      case INLINE:
        this.inInline = false;
        break;
      case CELL:
        if (this.inCell) this.out.cell(this.column, this.type, this.style, this.text);
        this.inCell = false;
        this.capturing = false;
        break;
      case ROW:
        if (this.inRow) this.out.rowEnd();
        this.inRow = false;
        break;
    }
  }
}

// The elements the scanner acts on, named by number so a tag's name is never sliced out.
const OTHER = 0;
const ROW = 1;
const CELL = 2;
const VALUE = 3;
const INLINE = 4;
const TEXT = 5;
const PHONETIC = 6;
const SHEET_DATA = 7;

function nameOf(input: string, from: number, to: number): number {
  switch (to - from) {
    case 1: {
      const c = input.charCodeAt(from);
      return c === 0x63 ? CELL : c === 0x76 ? VALUE : c === 0x74 ? TEXT : OTHER;
    }
    case 2:
      return input.startsWith('is', from) ? INLINE : OTHER;
    case 3:
      return input.startsWith('row', from) ? ROW : input.startsWith('rPh', from) ? PHONETIC : OTHER;
    case 9:
      return input.startsWith('sheetData', from) ? SHEET_DATA : OTHER;
    default:
      return OTHER;
  }
}

/** The zero-based column of a cell reference ("AB12" → 27) read in place; -1 when it starts with no letters. */
function columnAt(input: string, from: number, to: number): number {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const c = input.charCodeAt(i);
    const upper = c >= 0x61 ? c - 0x20 : c;
    if (upper < 0x41 || upper > 0x5a) break;
    col = col * 26 + (upper - 0x40);
  }
  return i === from ? -1 : col - 1;
}
