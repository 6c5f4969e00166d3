/**
 * Rich Text Format (.rtf, and the RTF bodies of Outlook messages) to plain text.
 *
 * No maintained npm package turns plain RTF into text (rtf-stream-parser only de-encapsulates
 * the HTML or text Outlook wraps in RTF), so this is a small control-word-aware reader:
 * groups and destinations, \uN with its \ucN fallback skip, \'hh bytes in the document's code
 * page (\ansicpg) or the current font's charset (\fcharset, for Chinese, Japanese, Cyrillic …),
 * \bin data skipped by length. Font, colour and style tables, pictures and embedded objects
 * are skipped; the \info group gives title, author and dates.
 */
import type { Extracted, ExtractLimits, Extractor } from './types.ts';
import { tidyLines } from './tidy.ts';

/** Destinations whose content is never document text. */
const SKIP = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'objdata', 'nonshppict', 'listtable',
  'listoverridetable', 'revtbl', 'rsidtbl', 'filetbl', 'themedata', 'colorschememapping', 'datastore',
  'latentstyles', 'xmlnstbl', 'fldinst', 'generator', 'pgdsctbl', 'datafield', 'template', 'mmathPr',
  'bkmkstart', 'bkmkend', 'xe', 'tc', 'private', 'userprops', 'docvar', 'blipuid', 'shpinst', 'sp',
]);
/** Fields of \info that are kept. */
const INFO_TEXT = new Set(['title', 'author']);
const INFO_DATES = new Set(['creatim', 'revtim']);
/** Control words that stand for text. */
const SYMBOLS: Record<string, string> = {
  par: '\n', line: '\n', sect: '\n', page: '\n', row: '\n', cell: '\t', tab: '\t', nestcell: '\t',
  emdash: '\u2014', endash: '\u2013', bullet: '\u2022', lquote: '\u2018', rquote: '\u2019',
  ldblquote: '\u201c', rdblquote: '\u201d', emspace: ' ', enspace: ' ', qmspace: ' ',
};
/** Windows code pages by RTF \fcharset value. */
const CHARSET_CODEPAGE: Record<number, number> = {
  0: 1252, 128: 932, 129: 949, 130: 1361, 134: 936, 136: 950, 161: 1253, 162: 1254, 163: 1258, 177: 1255,
  178: 1256, 186: 1257, 204: 1251, 222: 874, 238: 1250,
};

export function decoderLabel(codepage: number): string {
  if (codepage === 932) return 'shift_jis';
  if (codepage === 936) return 'gbk';
  if (codepage === 949) return 'euc-kr';
  if (codepage === 950) return 'big5';
  if (codepage === 874) return 'windows-874';
  if (codepage >= 1250 && codepage <= 1258) return `windows-${codepage}`;
  if (codepage === 65001) return 'utf-8';
  return 'windows-1252';
}

/** State that RTF scopes to a group: saved at '{', restored at '}'. */
interface Group {
  /** Inside a destination that produces no text. */
  skip: boolean;
  /** Characters to skip after a \uN (its ANSI fallback). */
  uc: number;
  /** Current font, for its charset. */
  font: number | null;
  /** Inside the font table, and the font being defined there. */
  fontTable: boolean;
  fontDef: number | null;
  /** Inside \info, and the field (title, author) or date (creatim, revtim) being read. */
  inInfo: boolean;
  info: string | null;
  date: string | null;
  /** Inside \object, whose \result group is the object's visible text. */
  inObject: boolean;
}

export interface RtfText {
  text: string;
  title?: string;
  author?: string;
  created?: string;
  modified?: string;
}

/** Plain text of an RTF document. Never throws: damaged RTF yields what could be read. */
export function rtfToText(bytes: Uint8Array): RtfText {
  // Latin-1 keeps one character per byte: RTF is 7-bit markup around raw or escaped bytes.
  const src = new TextDecoder('latin1').decode(bytes);
  const out: string[] = [];
  const info: Record<string, string> = {};
  const dates: Record<string, Record<string, number>> = {};
  const fontCharsets = new Map<number, number>();
  let codepage = 1252;
  const stack: Group[] = [];
  let group: Group = { skip: false, uc: 1, font: null, fontTable: false, fontDef: null, inInfo: false, info: null, date: null, inObject: false };
  let pendingBytes: number[] = [];
  let skipChars = 0;

  const currentCodepage = () => {
    const charset = group.font !== null ? fontCharsets.get(group.font) : undefined;
    return charset !== undefined && CHARSET_CODEPAGE[charset] ? CHARSET_CODEPAGE[charset] : codepage;
  };
  const emit = (text: string) => {
    if (group.info) info[group.info] = (info[group.info] ?? '') + text;
    else if (!group.skip) out.push(text);
  };
  const flushBytes = () => {
    if (!pendingBytes.length) return;
    let decoded: string;
    try {
      decoded = new TextDecoder(decoderLabel(currentCodepage())).decode(new Uint8Array(pendingBytes));
    } catch {
      decoded = new TextDecoder('windows-1252').decode(new Uint8Array(pendingBytes));
    }
    pendingBytes = [];
    emit(decoded);
  };
  const byte = (b: number) => {
    if (skipChars > 0) {
      skipChars--;
      return;
    }
    pendingBytes.push(b);
  };
  const char = (text: string) => {
    flushBytes();
    if (skipChars > 0) {
      skipChars--;
      return;
    }
    emit(text);
  };

  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    if (c === '{') {
      flushBytes();
      stack.push(group);
      group = { ...group };
      i++;
      skipChars = 0;
      continue;
    }
    if (c === '}') {
      flushBytes();
      group = stack.pop() ?? group;
      i++;
      skipChars = 0;
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c !== '\\') {
      const code = src.charCodeAt(i);
      if (code >= 0x80) byte(code);
      else char(c);
      i++;
      continue;
    }
    // A control symbol or control word.
    const next = src[i + 1];
    if (next === undefined) break;
    if (next === "'") {
      const hex = parseInt(src.slice(i + 2, i + 4), 16);
      if (!Number.isNaN(hex)) byte(hex);
      i += 4;
      continue;
    }
    if (!/[a-zA-Z]/.test(next)) {
      i += 2;
      if (next === '*') {
        // An ignorable destination (\*\word): none of them is body text.
        group.skip = true;
      } else if (next === '\\' || next === '{' || next === '}') char(next);
      else if (next === '~') char('\u00a0');
      else if (next === '_') char('-');
      else if (next === '\n' || next === '\r') char('\n');
      else if (next === '-') {
        // optional hyphen: nothing
      }
      continue;
    }
    let j = i + 1;
    while (j < n && /[a-zA-Z]/.test(src[j])) j++;
    const word = src.slice(i + 1, j);
    let k = j;
    if (src[k] === '-' || /[0-9]/.test(src[k] ?? '')) {
      k++;
      while (k < n && /[0-9]/.test(src[k])) k++;
    }
    const param = k > j ? Number(src.slice(j, k)) : null;
    if (src[k] === ' ') k++;
    i = k;

    if (word === 'bin' && param !== null && param > 0) {
      flushBytes();
      i += param;
      continue;
    }
    if (word === 'u' && param !== null) {
      flushBytes();
      if (skipChars === 0) emit(String.fromCharCode(param < 0 ? param + 65536 : param));
      skipChars = group.uc;
      continue;
    }
    if (word === 'uc' && param !== null) {
      group.uc = Math.max(0, param);
      continue;
    }
    flushBytes();
    if (word === 'ansicpg' && param !== null) codepage = param;
    else if (word === 'fonttbl') {
      group.fontTable = true;
      group.skip = true;
    } else if (word === 'f' && param !== null) {
      if (group.fontTable) group.fontDef = param;
      else group.font = param;
    } else if (word === 'fcharset' && param !== null && group.fontTable && group.fontDef !== null) {
      fontCharsets.set(group.fontDef, param);
    } else if (word === 'info') {
      group.inInfo = true;
      group.skip = true;
    } else if (group.inInfo && INFO_TEXT.has(word)) {
      group.info = word;
      info[word] = '';
    } else if (group.inInfo && INFO_DATES.has(word)) {
      group.date = word;
      dates[word] = {};
    } else if (group.date && ['yr', 'mo', 'dy', 'hr', 'min'].includes(word) && param !== null) {
      dates[group.date][word] = param;
    } else if (word === 'object') {
      group.inObject = true;
      group.skip = true;
    } else if (word === 'result' && group.inObject) group.skip = false;
    else if (SKIP.has(word)) group.skip = true;
    else if (SYMBOLS[word] !== undefined) char(SYMBOLS[word]);
    // Every other control word is formatting: nothing to emit.
  }
  flushBytes();

  const result: RtfText = { text: tidy(out.join('')) };
  const title = info.title?.trim();
  const author = info.author?.trim();
  if (title) result.title = title;
  if (author) result.author = author;
  const toIso = (d: Record<string, number> | undefined) => {
    if (!d?.yr) return undefined;
    const date = new Date(Date.UTC(d.yr, (d.mo ?? 1) - 1, d.dy ?? 1, d.hr ?? 0, d.min ?? 0));
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  };
  const created = toIso(dates.creatim);
  const modified = toIso(dates.revtim);
  if (created) result.created = created;
  if (modified) result.modified = modified;
  return result;
}

function tidy(text: string): string {
  return tidyLines(text.replace(/\u00a0/g, ' '));
}

export const rtfExtractor: Extractor = {
  formats: ['rtf'],
  async extract(bytes: Uint8Array, _limits: ExtractLimits): Promise<Extracted> {
    const { text, ...meta } = rtfToText(bytes);
    return { format: 'rtf', ...meta, pages: [{ number: 1, text }] };
  },
};
