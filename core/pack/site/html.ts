/**
 * HTML built by escaping everything that is not markup we wrote ourselves.
 *
 * Titles, summaries, notes, team and file names come from people and from documents: any of them
 * may hold `<script>`, `"onerror=…`, an `&amp;` meant literally, a control character or half a
 * surrogate pair. `html` is a template tag whose every interpolated value is escaped unless it is
 * itself the result of `html`, so markup can only come from the templates in this folder.
 * Attribute values are always written in double quotes, and escaping covers `"` and `'` as well as
 * `&`, `<` and `>`, so one escape is right in text and in attributes alike.
 */

/** A piece of HTML this module built: interpolated as it is. */
export class SafeHtml {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated: text (escaped), numbers, built HTML, lists of these; nothing for null, undefined or false. */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Characters that have no place in an HTML document: C0 and C1 controls (tab, line feed, form
 * feed and carriage return excepted) and DEL. They become U+FFFD, as do lone surrogates, which
 * UTF-8 cannot encode at all.
 */
// eslint-disable-next-line no-control-regex -- the control characters are what this finds
const NOT_IN_HTML = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/gu;

/** Text as it may appear in a document (see NOT_IN_HTML). */
export function cleanText(text: string): string {
  return text.toWellFormed().replace(NOT_IN_HTML, '\uFFFD');
}

/** Text escaped for HTML text and double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/gu, (c) => ENTITIES[c]);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** The template tag: literal parts are markup, every value is escaped (see the module comment). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

