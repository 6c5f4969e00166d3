/**
 * The kinds of file the app knows, defined once: what people call each (the result badge and the
 * facet say the same thing), the words `type:` accepts for it, and which file extensions belong
 * to it (which also decides what "Open" may hand to the operating system).
 *
 * Format ids are what content sniffing decides (core/extract/sniff.ts), not the file's extension.
 */

export interface FormatInfo {
  /** What users call it, on badges and facets. */
  label: string;
  /** The extensions such a file may carry, lower case, without the dot. */
  extensions: readonly string[];
  /** A document a person opens in its own application (never a program, script or archive). */
  document: boolean;
}

export const FORMATS: Readonly<Record<string, FormatInfo>> = {
  pdf: { label: 'PDF', extensions: ['pdf'], document: true },
  docx: { label: 'Word', extensions: ['docx', 'docm', 'dotx', 'dotm'], document: true },
  doc: { label: 'Word 97-2003', extensions: ['doc', 'dot'], document: true },
  xlsx: { label: 'Excel', extensions: ['xlsx', 'xlsm', 'xltx'], document: true },
  xls: { label: 'Excel 97-2003', extensions: ['xls', 'xlt'], document: true },
  pptx: { label: 'PowerPoint', extensions: ['pptx', 'pptm', 'ppsx'], document: true },
  ppt: { label: 'PowerPoint 97-2003', extensions: ['ppt', 'pps'], document: true },
  odt: { label: 'OpenDocument text', extensions: ['odt'], document: true },
  ods: { label: 'OpenDocument spreadsheet', extensions: ['ods'], document: true },
  odp: { label: 'OpenDocument presentation', extensions: ['odp'], document: true },
  rtf: { label: 'Rich text', extensions: ['rtf'], document: true },
  text: { label: 'Text', extensions: ['txt', 'text', 'md', 'markdown', 'csv', 'tsv', 'log', 'srt'], document: true },
  html: { label: 'Web page', extensions: ['htm', 'html', 'xhtml'], document: true },
  eml: { label: 'Email', extensions: ['eml'], document: true },
  msg: { label: 'Outlook email', extensions: ['msg'], document: true },
  mbox: { label: 'Mailbox', extensions: ['mbox', 'mbx'], document: true },
  jpeg: { label: 'JPEG image', extensions: ['jpg', 'jpeg'], document: true },
  png: { label: 'PNG image', extensions: ['png'], document: true },
  gif: { label: 'GIF image', extensions: ['gif'], document: true },
  tiff: { label: 'TIFF image', extensions: ['tif', 'tiff'], document: true },
  bmp: { label: 'Bitmap image', extensions: ['bmp'], document: true },
  webp: { label: 'WebP image', extensions: ['webp'], document: true },
  // Known, but never opened from the app: an archive can hold anything, a program runs.
  zip: { label: 'Zip archive', extensions: ['zip'], document: false },
  program: { label: 'Program or script', extensions: [], document: false },
};

/**
 * The words `type:` accepts beyond the format ids themselves, for the names people use for a
 * kind of file. A `type:` value also matches files by extension (`type:csv`).
 */
export const TYPE_NAMES: Readonly<Record<string, readonly string[]>> = {
  word: ['docx', 'doc'],
  excel: ['xlsx', 'xls'],
  powerpoint: ['pptx', 'ppt'],
  spreadsheet: ['xlsx', 'xls', 'ods'],
  presentation: ['pptx', 'ppt', 'odp'],
  opendocument: ['odt', 'ods', 'odp'],
  email: ['eml', 'msg', 'mbox'],
  mail: ['eml', 'msg', 'mbox'],
  outlook: ['msg'],
  txt: ['text'],
  web: ['html'],
  htm: ['html'],
  image: ['jpeg', 'png', 'gif', 'tiff', 'bmp', 'webp'],
  jpg: ['jpeg'],
};

/** The label for a format id; an unknown id is shown in capitals ("XYZ"). */
export function formatLabel(format: string): string {
  return FORMATS[format]?.label ?? format.toUpperCase();
}

/** The format ids (and extensions) a `type:` value stands for: `type:email` is eml, msg and mbox. */
export function expandType(value: string): string[] {
  const v = value.toLowerCase();
  return [v, ...(TYPE_NAMES[v] ?? [])];
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
