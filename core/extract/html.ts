/**
 * Visible text of an HTML page (saved web pages, intranet exports, HTML e-mail bodies).
 */
import { Parser } from 'htmlparser2';
import { decodeText } from './text.ts';
import type { Extracted, ExtractLimits, Extractor } from './types.ts';

/** Elements whose content is never shown to a reader. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'object', 'iframe']);

/** Elements that start a new line when rendered. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot',
  'thead', 'tr', 'ul', 'option', 'legend',
]);
const CELL = new Set(['td', 'th']);

/**
 * The charset a page declares for itself, looked for anywhere in the markup: some pages carry
 * kilobytes of script before their <meta>, beyond the 1 KiB a browser's pre-scan would read.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  // Latin-1 keeps every byte as one character, so ASCII markup reads correctly whatever the encoding.
  const markup = new TextDecoder('latin1').decode(bytes.subarray(0, 1024 * 1024));
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.()-]+)/i.exec(markup);
  if (meta) return meta[1].toLowerCase();
  const xmlDecl = /^\s*<\?xml[^>]*encoding\s*=\s*["']([a-z0-9_:.()-]+)/i.exec(markup);
  return xmlDecl ? xmlDecl[1].toLowerCase() : null;
}

/** Decode an HTML file: a BOM wins, then the page's own declaration, then the plain-text guesses. */
export function decodeHtml(bytes: Uint8Array): string {
  const guessed = decodeText(bytes);
  if (guessed.bom) return guessed.text;
  const label = declaredCharset(bytes);
  // A UTF-16 declaration found by reading the bytes as ASCII cannot be true (HTML standard rule).
  if (!label || label.startsWith('utf-16') || label === 'unicode') return guessed.text;
  try {
    const decoder = new TextDecoder(label, { fatal: true });
    if (decoder.encoding === guessed.encoding) return guessed.text;
    return decoder.decode(bytes);
  } catch {
    // Unknown label, or the bytes contradict it (a "utf-8" page saved as Windows-1252): trust the bytes.
    return guessed.text;
  }
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\f\r]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}

export function htmlToText(html: string): { title?: string; text: string } {
  let text = '';
  let title = '';
  let hidden = 0;
  let inHead = false;
  let inTitle = false;
  let inPre = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden++;
        else if (name === 'head') inHead = true;
        // Pages with an unclosed <head> still have a body worth reading.
        else if (name === 'body') inHead = false;
        else if (name === 'title') inTitle = true;
        else if (name === 'pre') inPre++;
        if (BLOCK.has(name)) text += '\n';
        else if (CELL.has(name)) text += '\t';
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (name === 'head') inHead = false;
        else if (name === 'title') inTitle = false;
        else if (name === 'pre') inPre = Math.max(0, inPre - 1);
        if (BLOCK.has(name)) text += '\n';
      },
      ontext(data) {
        if (hidden) return;
        if (inTitle) title += data;
        else if (!inHead) text += inPre ? data : data.replace(/\s+/g, ' ');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  return cleanTitle ? { title: cleanTitle, text: tidy(text) } : { text: tidy(text) };
}

export const htmlExtractor: Extractor = {
  formats: ['html'],
  async extract(bytes: Uint8Array, _limits: ExtractLimits): Promise<Extracted> {
    const { title, text } = htmlToText(decodeHtml(bytes));
    const extracted: Extracted = { format: 'html', pages: [{ number: 1, text }] };
    if (title) extracted.title = title;
    return extracted;
  },
};
