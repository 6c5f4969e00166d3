/**
 * OpenDocument text, spreadsheets and presentations (.odt, .ods, .odp) from LibreOffice and
 * friends: content.xml for the body, styles.xml for page headers and footers, meta.xml for title,
 * author and dates.
 *
 * Pages: ODT is split where LibreOffice last laid out a page break (text:soft-page-break), like
 * DOCX; ODS has a page per sheet ("Sheet: name"), ODP a page per slide ("Slide N") with the
 * speaker notes after the slide's text. Header and footer text goes on a trailing page labelled
 * as in DOCX. A package whose manifest lists encryption data needs a password: 'encrypted'.
 */
import { TextBudget, untilSpent } from './budget.ts';
import { NOTES_PAGE_LABEL } from './docx.ts';
import { ExtractError } from './types.ts';
import type { Extracted, ExtractedPage, ExtractLimits, Extractor } from './types.ts';
import { attribute, parseXml } from './xml.ts';
import type { XmlHandlers } from './xml.ts';
import { readZipEntries } from './zip.ts';
import { parseZipXml, readZipDirectory } from './zip-stream.ts';
import { tidyLines } from './tidy.ts';

/** Elements whose text is never shown as document text (deleted changes, footnote numbers, field code). */
const HIDDEN = new Set(['tracked-changes', 'note-citation', 'sequence-decls', 'forms', 'title', 'desc', 'creator', 'date', 'script']);
/** Fields in headers and footers show placeholder text ("???", "Page 1") in styles.xml, not content. */
const HEADER_FIELDS = new Set(['sheet-name', 'page-number', 'page-count', 'file-name', 'time', 'chapter', 'title']);
const HEADERS_FOOTERS = new Set(['header', 'footer', 'header-left', 'footer-left', 'header-first', 'footer-first']);
/** A spreadsheet row or cell may claim to repeat a million times; non-empty ones repeat at most this often. */
const MAX_REPEAT = 1000;

/**
 * Text-level markup shared by all three kinds: paragraphs and headings are lines, table cells are
 * tab-separated and rows are lines. Buffers nest (a cell inside a row inside a page) so a repeated
 * row or cell can be copied once it is complete.
 */
class OdfText {
  private readonly stack: string[] = [''];
  private hidden = 0;
  private readonly repeats: number[] = [];
  private readonly budget: TextBudget;
  private readonly hiddenNames: ReadonlySet<string>;
  /** Footnote and endnote bodies, kept aside so they do not split the sentence that cites them. */
  private notes: string[] = [];
  private inNote = 0;
  constructor(budget: TextBudget, hiddenNames: ReadonlySet<string> = HIDDEN) {
    this.budget = budget;
    this.hiddenNames = hiddenNames;
  }

  open(name: string, attrs: Readonly<Record<string, string>>): void {
    if (this.hiddenNames.has(name)) this.hidden++;
    if (this.hidden) return;
    if (name === 'note-body') {
      if (this.inNote++ === 0) this.notes.push('');
      return;
    }
    switch (name) {
      case 's':
        this.append(' ');
        break;
      case 'tab':
        this.append('\t');
        break;
      case 'line-break':
        this.append('\n');
        break;
      case 'table-row':
        this.push(Number(attribute(attrs, 'number-rows-repeated') ?? 1));
        break;
      case 'table-cell':
      case 'covered-table-cell':
        this.push(Number(attribute(attrs, 'number-columns-repeated') ?? 1));
        break;
    }
  }

  close(name: string): void {
    if (this.hiddenNames.has(name)) {
      this.hidden--;
      return;
    }
    if (this.hidden) return;
    if (name === 'note-body') {
      this.inNote--;
      return;
    }
    if (this.inNote) {
      if (name === 'p' || name === 'h') this.append(' ');
      return;
    }
    switch (name) {
      case 'p':
      case 'h':
        // Paragraphs inside a cell run on; elsewhere each is a line.
        this.append(this.repeats.length ? ' ' : '\n');
        break;
      case 'table-cell':
      case 'covered-table-cell': {
        const { text, times } = this.pop();
        const cell = text.replace(/\s+/g, ' ').trim();
        if (cell) this.append(`${cell}\t`.repeat(times));
        break;
      }
      case 'table-row': {
        const { text, times } = this.pop();
        const row = text.replace(/\t+$/, '');
        if (row) this.append(`${row}\n`.repeat(times));
        break;
      }
    }
  }

  text(text: string): void {
    if (!this.hidden) this.append(text);
  }

  /** Take the text gathered so far at the outermost level (a page's worth), its notes last. */
  take(): string {
    const notes = this.notes.map((n) => n.trim()).filter(Boolean);
    const text = notes.length ? `${this.stack[0]}\n\n${notes.join('\n')}` : this.stack[0];
    this.stack[0] = '';
    this.notes = [];
    return text;
  }

  private append(text: string): void {
    if (this.inNote) {
      this.notes[this.notes.length - 1] += this.budget.take(text);
      return;
    }
    // Only text reaching the page is charged: cells and rows are charged once repeated.
    if (this.repeats.length === 0) this.stack[0] += this.budget.take(text);
    else this.stack[this.stack.length - 1] += text;
  }

  private push(times: number): void {
    this.repeats.push(Number.isFinite(times) && times > 1 ? Math.min(times, MAX_REPEAT) : 1);
    this.stack.push('');
  }

  private pop(): { text: string; times: number } {
    return { text: this.stack.pop() ?? '', times: this.repeats.pop() ?? 1 };
  }
}

/** Body pages from content.xml, for whichever kind of document it turns out to hold. */
function contentHandlers(budget: TextBudget, pages: ExtractedPage[]): XmlHandlers {
  const text = new OdfText(budget);
  let kind: 'text' | 'spreadsheet' | 'presentation' | null = null;
  let label: string | undefined;
  let notes: OdfText | null = null;
  let notesText = '';
  const pushPage = (body: string) => {
    const page: ExtractedPage = { number: pages.length + 1, text: tidyLines([body, notesText].filter((t) => t.trim()).join('\n\n')) };
    if (label) page.label = label;
    pages.push(page);
    notesText = '';
  };
  return {
    open(name, attrs) {
      if (notes) {
        notes.open(name, attrs);
        return;
      }
      if (!kind && (name === 'text' || name === 'spreadsheet' || name === 'presentation')) {
        kind = name;
        return;
      }
      if (kind === 'text' && name === 'soft-page-break') {
        // Only a break after real text starts a page (as in docx.ts).
        const soFar = text.take();
        if (soFar.trim()) pushPage(soFar);
        return;
      }
      if (kind === 'spreadsheet' && name === 'table' && !label) {
        text.take();
        label = `Sheet: ${attribute(attrs, 'name') ?? pages.length + 1}`;
        return;
      }
      if (kind === 'presentation' && name === 'page') {
        text.take();
        label = `Slide ${pages.length + 1}`;
        return;
      }
      if (kind === 'presentation' && name === 'notes') {
        notes = new OdfText(budget);
        return;
      }
      text.open(name, attrs);
    },
    close(name) {
      if (notes) {
        if (name === 'notes') {
          notesText = tidyLines(notes.take());
          notes = null;
        } else notes.close(name);
        return;
      }
      if ((kind === 'spreadsheet' && name === 'table' && label) || (kind === 'presentation' && name === 'page')) {
        pushPage(text.take());
        label = undefined;
        return;
      }
      if (kind === 'text' && (name === 'text' || name === 'body')) {
        const rest = text.take();
        if (rest.trim() || pages.length === 0) pushPage(rest);
        kind = null;
        return;
      }
      text.close(name);
    },
    text(chunk) {
      (notes ?? text).text(chunk);
    },
  };
}

/** Header and footer text of the master pages in styles.xml, each distinct text once. */
function headersFooters(bytes: Uint8Array, directory: ReturnType<typeof readZipDirectory>, limits: ExtractLimits, budget: TextBudget): string {
  const found = new Set<string>();
  let depth = 0;
  let text: OdfText | null = null;
  parseZipXml(bytes, directory, 'styles.xml', limits, {
    open(name, attrs) {
      if (HEADERS_FOOTERS.has(name)) {
        depth++;
        text ??= new OdfText(budget, new Set([...HIDDEN, ...HEADER_FIELDS]));
      } else if (depth && text) text.open(name, attrs);
    },
    close(name) {
      if (HEADERS_FOOTERS.has(name)) {
        depth--;
        if (depth === 0 && text) {
          const t = tidyLines(text.take());
          if (t) found.add(t);
          text = null;
        }
      } else if (depth && text) text.close(name);
    },
    text(chunk) {
      if (depth && text) text.text(chunk);
    },
  });
  return [...found].join('\n\n');
}

type Meta = Pick<Extracted, 'title' | 'author' | 'created' | 'modified'>;

function isoDate(value: string): string | undefined {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** meta.xml: the first author (initial-creator) is the author; dc:creator is the last editor. */
function readMeta(entries: Map<string, Uint8Array>): Meta {
  const bytes = entries.get('meta.xml');
  if (!bytes) return {};
  const values: Record<string, string> = {};
  let field: string | null = null;
  try {
    parseXml(bytes, 'meta.xml', {
      open(name) {
        field = ['title', 'initial-creator', 'creator', 'creation-date', 'date'].includes(name) ? name : null;
        if (field) values[field] = '';
      },
      close() {
        field = null;
      },
      text(text) {
        if (field) values[field] += text;
      },
    });
  } catch {
    return {};
  }
  const meta: Meta = {};
  const title = values.title?.trim();
  const author = (values['initial-creator'] || values.creator)?.trim();
  const created = values['creation-date'] ? isoDate(values['creation-date'].trim()) : undefined;
  const modified = values.date ? isoDate(values.date.trim()) : undefined;
  if (title) meta.title = title;
  if (author) meta.author = author;
  if (created) meta.created = created;
  if (modified) meta.modified = modified;
  return meta;
}

function isEncrypted(entries: Map<string, Uint8Array>): boolean {
  const manifest = entries.get('META-INF/manifest.xml');
  if (!manifest) return false;
  let encrypted = false;
  try {
    parseXml(manifest, 'META-INF/manifest.xml', {
      open(name) {
        if (name === 'encryption-data') encrypted = true;
      },
    });
  } catch {
    // An unreadable manifest is not evidence of encryption; content.xml will speak for itself.
  }
  return encrypted;
}

export const odfExtractor: Extractor = {
  formats: ['odt', 'ods', 'odp'],
  async extract(bytes: Uint8Array, limits: ExtractLimits): Promise<Extracted> {
    const entries = readZipEntries(bytes, limits, (name) => name === 'meta.xml' || name === 'META-INF/manifest.xml' || name === 'mimetype');
    if (isEncrypted(entries)) throw new ExtractError('encrypted', 'password-protected OpenDocument file');
    const directory = readZipDirectory(bytes);
    const budget = new TextBudget(limits.maxTextChars);
    const pages: ExtractedPage[] = [];
    let found = false;
    untilSpent(() => {
      found = parseZipXml(bytes, directory, 'content.xml', limits, contentHandlers(budget, pages));
    });
    if (!found && !directory.has('content.xml')) throw new ExtractError('corrupt', 'not an OpenDocument file: content.xml is missing');
    if (pages.length === 0) pages.push({ number: 1, text: '' });
    let sideText = '';
    untilSpent(() => {
      sideText = headersFooters(bytes, directory, limits, budget);
    });
    if (sideText) pages.push({ number: pages.length + 1, label: NOTES_PAGE_LABEL, text: sideText });
    const mime = entries.get('mimetype');
    const kind = mime ? new TextDecoder().decode(mime) : '';
    const format = kind.includes('spreadsheet') ? 'ods' : kind.includes('presentation') ? 'odp' : 'odt';
    return { format, ...readMeta(entries), pages };
  },
};
