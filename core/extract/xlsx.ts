/**
 * Excel 2007+ workbooks (.xlsx, .xlsm, and Strict OOXML): one page per sheet, labelled
 * "Sheet: <name>", in the workbook's tab order. Each row is a line, its cells separated by tabs;
 * shared and inline strings are resolved, dates shown as dd/mm/yyyy (see xlsx-format.ts), and the
 * sheet's header/footer text and cell comments follow its cells.
 *
 * Worksheets and the shared-strings table are parsed as they inflate (zip-stream.ts), and all
 * text goes through one TextBudget: a small file whose one huge shared string is referenced by
 * every cell stops at maxTextChars instead of building gigabytes of text.
 */
import { TextBudget, untilSpent } from './budget.ts';
import { readCoreProperties } from './ooxml-props.ts';
import { mainPartOf, relatedParts, relationshipId } from './ooxml-rels.ts';
import { ExtractError } from './types.ts';
import type { Extracted, ExtractedPage, ExtractLimits, Extractor } from './types.ts';
import { dateFormatOf, displayIsoDate, displayNumber } from './xlsx-format.ts';
import type { DateFormat } from './xlsx-format.ts';
import { attribute, parseXml } from './xml.ts';
import { readZipEntries } from './zip.ts';
import { parseZipXml, readZipDirectory } from './zip-stream.ts';
import type { ZipEntryInfo } from './zip-stream.ts';

interface Workbook {
  sheets: Array<{ name: string; path: string | null }>;
  date1904: boolean;
  sharedStringsPath: string | null;
  stylesPath: string | null;
}

function readWorkbook(entries: Map<string, Uint8Array>, path: string): Workbook {
  const bytes = entries.get(path);
  if (!bytes) throw new ExtractError('corrupt', `not an Excel workbook: ${path} is missing`);
  const rels = relatedParts(entries, path);
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.path ?? null;
  const workbook: Workbook = { sheets: [], date1904: false, sharedStringsPath: byType('/sharedStrings'), stylesPath: byType('/styles') };
  parseXml(bytes, path, {
    open(name, attrs) {
      if (name === 'sheet') {
        const rel = rels.get(relationshipId(attrs));
        // Chart sheets and dialog sheets have no cells; they keep their place (and page number) empty.
        const path = rel && rel.type.endsWith('/worksheet') ? rel.path : null;
        workbook.sheets.push({ name: attribute(attrs, 'name') ?? `Sheet ${workbook.sheets.length + 1}`, path });
      } else if (name === 'workbookPr') {
        const value = attribute(attrs, 'date1904');
        workbook.date1904 = value === '1' || value === 'true';
      }
    },
  });
  return workbook;
}

/** Date format of each cell style index (the `s` attribute of a cell); null where not a date. */
export function readCellFormats(entries: Map<string, Uint8Array>, path: string | null): Array<DateFormat | null> {
  const bytes = path ? entries.get(path) : undefined;
  if (!bytes || !path) return [];
  const custom = new Map<number, string>();
  const numFmtIds: number[] = [];
  let inCellXfs = false;
  parseXml(bytes, path, {
    open(name, attrs) {
      if (name === 'numFmt') custom.set(Number(attribute(attrs, 'numFmtId')), attribute(attrs, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) numFmtIds.push(Number(attribute(attrs, 'numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return numFmtIds.map((id) => dateFormatOf(id, custom));
}

/**
 * Text of rich-text string items (<si>, <is>): every <t> except phonetic guides (<rPh>), which
 * repeat Japanese text in kana.
 */
export class RichText {
  private depthInPhonetic = 0;
  private inT = false;
  value = '';
  open(name: string): void {
    if (name === 'rPh') this.depthInPhonetic++;
    else if (name === 't') this.inT = true;
  }
  close(name: string): void {
    if (name === 'rPh') this.depthInPhonetic--;
    else if (name === 't') this.inT = false;
  }
  text(text: string): void {
    if (this.inT && this.depthInPhonetic === 0) this.value += text;
  }
}

function readSharedStrings(bytes: Uint8Array, directory: Map<string, ZipEntryInfo>, path: string | null, limits: ExtractLimits): string[] {
  const strings: string[] = [];
  if (!path) return strings;
  // The table may not hold more text than a document may: later strings are dropped (left empty).
  const budget = new TextBudget(limits.maxTextChars);
  let item: RichText | null = null;
  parseZipXml(bytes, directory, path, limits, {
    open(name) {
      if (name === 'si') item = new RichText();
      else item?.open(name);
    },
    close(name) {
      if (name === 'si' && item) {
        strings.push(budget.spent ? '' : budget.take(item.value));
        item = null;
      } else item?.close(name);
    },
    text(text) {
      item?.text(text);
    },
  });
  return strings;
}

/** Header/footer codes (&L, &"Arial,Bold", &12, &P …) dropped; the left/centre/right sections become lines. */
export function headerFooterText(raw: string): string {
  return raw
    .replace(/&(&|"[^"]*"|K[0-9A-Fa-f]{6}|K\d\d[+-]\d{3}|\d+|[LCR]|[PNDTZFAGBIUESXYOH])/g, (_, code: string) =>
      code === '&' ? '&' : /^[LCR]$/.test(code) ? '\n' : '',
    )
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

const HEADER_FOOTER = new Set(['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter']);

interface Context {
  bytes: Uint8Array;
  directory: Map<string, ZipEntryInfo>;
  entries: Map<string, Uint8Array>;
  limits: ExtractLimits;
  budget: TextBudget;
  strings: string[];
  formats: Array<DateFormat | null>;
  date1904: boolean;
}

function cellText(type: string, value: string, style: number, inline: string, ctx: Context): string {
  switch (type) {
    case 's':
      return ctx.strings[Number(value)] ?? '';
    case 'inlineStr':
      return inline;
    case 'b':
      return value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
    case 'd':
      return displayIsoDate(value);
    case 'str':
    case 'e':
      return value;
    default:
      return displayNumber(value, ctx.formats[style] ?? null, ctx.date1904);
  }
}

/** Cells row by row, then header/footer text, appended to `out` through the budget. */
function sheetText(path: string, ctx: Context, out: string[]): void {
  let cells: string[] = [];
  let cell: { type: string; style: number } | null = null;
  let value = '';
  let inValue = false;
  let inline: RichText | null = null;
  let headerFooter: string | null = null;
  const headersFooters = new Set<string>();
  const emit = (line: string) => out.push(ctx.budget.take(line));
  parseZipXml(ctx.bytes, ctx.directory, path, ctx.limits, {
    open(name, attrs) {
      if (inline) {
        inline.open(name);
        return;
      }
      switch (name) {
        case 'row':
          cells = [];
          break;
        case 'c':
          cell = { type: attribute(attrs, 't') ?? 'n', style: Number(attribute(attrs, 's') ?? 0) };
          value = '';
          break;
        case 'v':
          inValue = true;
          break;
        case 'is':
          inline = new RichText();
          break;
        default:
          if (HEADER_FOOTER.has(name)) headerFooter = '';
      }
    },
    close(name) {
      if (name === 'is' && inline) {
        value = inline.value;
        inline = null;
        return;
      }
      if (inline) {
        inline.close(name);
        return;
      }
      if (name === 'v') inValue = false;
      else if (name === 'c' && cell) {
        const text = cellText(cell.type, value, cell.style, value, ctx).replace(/[\t\r\n]+/g, ' ').trim();
        if (text) cells.push(text);
        cell = null;
      } else if (name === 'row') {
        if (cells.length) emit(`${cells.join('\t')}\n`);
      } else if (HEADER_FOOTER.has(name) && headerFooter !== null) {
        const text = headerFooterText(headerFooter);
        if (text) headersFooters.add(text);
        headerFooter = null;
      }
    },
    text(text) {
      if (inline) inline.text(text);
      else if (inValue) value += text;
      else if (headerFooter !== null) headerFooter += text;
    },
  });
  for (const text of headersFooters) emit(`\n${text}\n`);
}

/** Cell comments (legacy comments part, which newer threaded comments also write). */
function commentsText(path: string, ctx: Context, out: string[]): void {
  for (const rel of relatedParts(ctx.entries, path).values()) {
    if (!rel.type.endsWith('/comments')) continue;
    const comment = new RichText();
    parseZipXml(ctx.bytes, ctx.directory, rel.path, ctx.limits, {
      open(name) {
        if (name === 'comment') comment.value = '';
        comment.open(name);
      },
      close(name) {
        comment.close(name);
        if (name === 'comment' && comment.value.trim()) out.push(ctx.budget.take(`\n${comment.value.trim()}\n`));
      },
      text(text) {
        comment.text(text);
      },
    });
  }
}

function tidy(text: string): string {
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

export const xlsxExtractor: Extractor = {
  formats: ['xlsx'],
  async extract(bytes: Uint8Array, limits: ExtractLimits): Promise<Extracted> {
    // Small parts are read whole; sheets and shared strings are streamed from the directory.
    const entries = readZipEntries(bytes, limits, (name) => /\.rels$/i.test(name) || /^docProps\/core\.xml$|(^|\/)(workbook|styles)\.xml$/i.test(name));
    const directory = readZipDirectory(bytes);
    const workbook = readWorkbook(entries, mainPartOf(entries, 'xl/workbook.xml'));
    const ctx: Context = {
      bytes,
      directory,
      entries,
      limits,
      budget: new TextBudget(limits.maxTextChars),
      strings: readSharedStrings(bytes, directory, workbook.sharedStringsPath, limits),
      formats: readCellFormats(entries, workbook.stylesPath),
      date1904: workbook.date1904,
    };
    const pages: ExtractedPage[] = workbook.sheets.map((sheet, i) => {
      const out: string[] = [];
      if (sheet.path && !ctx.budget.spent) {
        untilSpent(() => {
          sheetText(sheet.path as string, ctx, out);
          commentsText(sheet.path as string, ctx, out);
        });
      }
      return { number: i + 1, label: `Sheet: ${sheet.name}`, text: tidy(out.join('')) };
    });
    // A workbook with no sheets listed still has a page, so it is indexed (empty) like an empty document.
    if (pages.length === 0) pages.push({ number: 1, text: '' });
    return { format: 'xlsx', ...readCoreProperties(entries), pages };
  },
};
