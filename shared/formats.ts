/**
 * The kinds of file the app knows, defined once: what people call each (the result badge, the
 * type filter, the `type:` word, the syntax help and the docs all say the same thing), and which
 * file extensions belong to each format (which also decides what "Open" may hand to the
 * operating system).
 *
 * Two levels: a format is what content sniffing decides (core/extract/sniff.ts: docx, doc, eml,
 * msg …), a kind is what a person calls it (Word, Email …). Users only ever see kinds; format ids
 * stay accepted by `type:` so a search saved as `type:xlsx` still finds what it found.
 */

/** What people call each kind of file; the id is the word `type:` takes (`type:excel`). */
export const KINDS = {
  pdf: 'PDF',
  word: 'Word',
  excel: 'Excel',
  powerpoint: 'PowerPoint',
  opendocument: 'OpenDocument',
  rtf: 'Rich text',
  text: 'Text',
  web: 'Web page',
  email: 'Email',
  image: 'Image',
  zip: 'Zip archive',
  program: 'Program or script',
} as const satisfies Record<string, string>;

export type Kind = keyof typeof KINDS;

export interface FormatInfo {
  /** The kind users see it as, on badges, in the type filter and in `type:`. */
  kind: Kind;
  /** The extensions such a file may carry, lower case, without the dot. */
  extensions: readonly string[];
  /** A document a person opens in its own application (never a program, script or archive). */
  document: boolean;
}

export const FORMATS: Readonly<Record<string, FormatInfo>> = {
  pdf: { kind: 'pdf', extensions: ['pdf'], document: true },
  docx: { kind: 'word', extensions: ['docx', 'docm', 'dotx', 'dotm'], document: true },
  doc: { kind: 'word', extensions: ['doc', 'dot'], document: true },
  xlsx: { kind: 'excel', extensions: ['xlsx', 'xlsm', 'xltx'], document: true },
  xls: { kind: 'excel', extensions: ['xls', 'xlt'], document: true },
  pptx: { kind: 'powerpoint', extensions: ['pptx', 'pptm', 'ppsx'], document: true },
  ppt: { kind: 'powerpoint', extensions: ['ppt', 'pps'], document: true },
  odt: { kind: 'opendocument', extensions: ['odt'], document: true },
  ods: { kind: 'opendocument', extensions: ['ods'], document: true },
  odp: { kind: 'opendocument', extensions: ['odp'], document: true },
  rtf: { kind: 'rtf', extensions: ['rtf'], document: true },
  text: { kind: 'text', extensions: ['txt', 'text', 'md', 'markdown', 'csv', 'tsv', 'log', 'srt'], document: true },
  html: { kind: 'web', extensions: ['htm', 'html', 'xhtml'], document: true },
  eml: { kind: 'email', extensions: ['eml'], document: true },
  msg: { kind: 'email', extensions: ['msg'], document: true },
  mbox: { kind: 'email', extensions: ['mbox', 'mbx'], document: true },
  jpeg: { kind: 'image', extensions: ['jpg', 'jpeg'], document: true },
  png: { kind: 'image', extensions: ['png'], document: true },
  gif: { kind: 'image', extensions: ['gif'], document: true },
  tiff: { kind: 'image', extensions: ['tif', 'tiff'], document: true },
  bmp: { kind: 'image', extensions: ['bmp'], document: true },
  webp: { kind: 'image', extensions: ['webp'], document: true },
  // Known, but never opened from the app: an archive can hold anything, a program runs.
  zip: { kind: 'zip', extensions: ['zip'], document: false },
  program: { kind: 'program', extensions: [], document: false },
};

/**
 * Other words `type:` accepts, the names people also use, each for kinds or formats. A format id (`type:docx`,
 * `type:msg`) keeps meaning just that format, and any other value matches files by extension
 * (`type:csv`).
 */
const TYPE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  docs: ['word'],
  spreadsheet: ['excel', 'ods'],
  presentation: ['powerpoint', 'odp'],
  slides: ['powerpoint', 'odp'],
  mail: ['email'],
  'e-mail': ['email'],
  outlook: ['msg'],
  webpage: ['web'],
  htm: ['html'],
  images: ['image'],
  picture: ['image'],
  jpg: ['jpeg'],
  txt: ['text'],
  odf: ['opendocument'],
};

/** The kind a format belongs to; an unknown format is its own kind (shown in capitals). */
export function kindOf(format: string): string {
  return FORMATS[format]?.kind ?? format;
}

/** What people call a kind (`word` → "Word"), or a format's kind (`xls` → "Excel"); unknown ids in capitals. */
export function kindLabel(kindOrFormat: string): string {
  return (KINDS as Record<string, string>)[kindOrFormat] ?? (KINDS as Record<string, string>)[kindOf(kindOrFormat)] ?? kindOrFormat.toUpperCase();
}

/** The label for a format: its kind's name ("Word" for .doc and .docx alike). */
export function formatLabel(format: string): string {
  return kindLabel(kindOf(format));
}

/** The format ids of a kind: `excel` → xlsx, xls. */
export function formatsOfKind(kind: string): string[] {
  return Object.entries(FORMATS)
    .filter(([, info]) => info.kind === kind)
    .map(([id]) => id);
}

/**
 * The format ids (and extensions) a `type:` value stands for: `type:email` is eml, msg and mbox;
 * `type:xlsx` (an older saved search, or a format id) is xlsx; anything else is tried as an extension.
 */
export function expandType(value: string): string[] {
  const v = value.toLowerCase();
  const meant = [v, ...(TYPE_SYNONYMS[v] ?? [])];
  return [...new Set(meant.flatMap((w) => (w in KINDS ? [w, ...formatsOfKind(w)] : [w])))];
}

/** Lower-case extension of a file name or path, without the dot; '' when it has none. */
export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * Whether "Open" may hand this file to the operating system, and if not, why, in plain words.
 * Both must be a document: the content (a script renamed "report.pdf" is refused) and the name
 * (the operating system chooses what runs a file by its extension, so "minutes.pdf.hta" holding
 * PDF bytes is refused too). Anyone who can write to a shared drive can plant such a file.
 */
export function openRefusal(format: string, fileName: string): string | null {
  const ext = extensionOf(fileName);
  const byContent = FORMATS[format];
  const byName = Object.values(FORMATS).some((f) => f.document && f.extensions.includes(ext));
  if (byContent?.document && byName) return null;
  const why = !byName
    ? `${ext ? `a “.${ext}” file` : 'a file with no extension'} is not a document type Evidence Store opens, and could run as a program`
    : `it is named as a document but holds ${byContent ? formatLabel(format).toLowerCase() : 'something else'}`;
  return `Not opened: ${why}. Use “Show in folder” to look at it yourself.`;
}
