/**
 * Decide what a file really is from its first bytes, using the name only to break ties.
 *
 * Council shares are full of renamed files ("report.pdf" that is a Word file, HTML saved as .txt),
 * so the extension is a hint, never the verdict.
 */
import { extensionOf } from '../../shared/formats.ts';

/** Formats that can be extracted; everything else is reported as unsupported (not failed). */
export const SUPPORTED_FORMATS: readonly string[] = [
  'pdf', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'text', 'html', 'rtf', 'eml', 'mbox', 'msg', 'doc',
];

/**
 * Extensions the operating system runs rather than opens: Windows programs, installers, scripts,
 * shortcuts and settings files, and their macOS and Linux counterparts. A file with one of these
 * names is reported as format 'program' and never indexed, whatever it holds, so none of its text
 * is searchable and nothing invites a click that would run it. Lower case, without the dot.
 */
export const PROGRAM_EXTENSIONS: readonly string[] = [
  // Windows programs, libraries, installers and control panel items
  'exe', 'com', 'scr', 'pif', 'cpl', 'msc', 'dll', 'ocx', 'sys', 'drv', 'msi', 'msp', 'mst', 'msix', 'msixbundle',
  'appx', 'appxbundle', 'application', 'appref-ms', 'gadget', 'xbap', 'xll',
  // Windows scripts and script hosts
  'bat', 'cmd', 'ps1', 'psm1', 'psd1', 'ps1xml', 'psc1', 'vbs', 'vbe', 'vb', 'js', 'jse', 'mjs', 'cjs', 'wsf', 'wsh',
  'wsc', 'ws', 'sct', 'hta', 'msh', 'msh1', 'msh2',
  // Windows shortcuts, registry and settings files that act when opened
  'lnk', 'url', 'scf', 'inf', 'reg', 'settingcontent-ms', 'library-ms', 'search-ms', 'searchconnector-ms', 'diagcab', 'chm',
  // Interpreted scripts and Java
  'py', 'pyw', 'pyc', 'pyz', 'pl', 'rb', 'php', 'jar', 'jnlp', 'class',
  // macOS and Linux
  'app', 'command', 'tool', 'workflow', 'scpt', 'applescript', 'pkg', 'mpkg', 'sh', 'bash', 'zsh', 'csh', 'ksh', 'run',
  'desktop', 'appimage', 'deb', 'rpm', 'elf',
];
const PROGRAMS = new Set(PROGRAM_EXTENSIONS);

/** What executable content was found, for the words of the failures list. */
export type ProgramKind = 'windows' | 'linux' | 'mac' | 'java' | 'script' | 'shortcut';

export interface Sniffed {
  format: string;
  supported: boolean;
  /** Set when the bytes, not the name, showed a program: which kind it is. */
  program?: ProgramKind;
  /**
   * Set when the bytes are a container whose contents decide the real format: a zip is only a
   * DOCX once `word/document.xml` is found in it, and an OLE2 file with an OOXML name is an
   * encrypted Office document.
   */
  container?: 'zip' | 'ole2';
}

const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown', 'csv', 'tsv', 'log', 'srt']);
const HTML_EXTENSIONS = new Set(['htm', 'html', 'xhtml']);
const ZIP_FORMATS: Record<string, string> = {
  docx: 'docx', docm: 'docx', dotx: 'docx', dotm: 'docx',
  xlsx: 'xlsx', xlsm: 'xlsx', xltx: 'xlsx',
  pptx: 'pptx', pptm: 'pptx', ppsx: 'pptx',
  odt: 'odt', ods: 'ods', odp: 'odp',
};
const OLE2_FORMATS: Record<string, string> = {
  doc: 'doc', dot: 'doc', xls: 'xls', xlt: 'xls', ppt: 'ppt', pps: 'ppt', msg: 'msg',
  // An OOXML name on an OLE2 file means an encrypted package (see ole2.ts).
  docx: 'docx', docm: 'docx', xlsx: 'xlsx', xlsm: 'xlsx', pptx: 'pptx', pptm: 'pptx',
};
const MAIL_EXTENSIONS: Record<string, string> = { eml: 'eml', mbox: 'mbox', mbx: 'mbox' };

/** Lower-case extension without the dot, or '' when there is none (one definition, in shared/formats.ts). */
export { extensionOf };

function startsWith(head: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (head.length < at + magic.length) return false;
  return magic.every((b, i) => head[at + i] === b);
}

function indexOfAscii(head: Uint8Array, needle: string, within: number): number {
  const end = Math.min(head.length, within) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (head[i + j] !== needle.charCodeAt(j)) continue outer;
    }
    return i;
  }
  return -1;
}

/** Magic numbers of binary formats we recognise only to say "not supported" clearly. */
const BINARY_MAGIC: ReadonlyArray<[string, readonly number[], number?]> = [
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['tiff', [0x49, 0x49, 0x2a, 0x00]],
  ['tiff', [0x4d, 0x4d, 0x00, 0x2a]],
  ['bmp', [0x42, 0x4d], undefined],
  ['gzip', [0x1f, 0x8b]],
  ['7z', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['rar', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ['webp', [0x57, 0x45, 0x42, 0x50], 8],
  ['mp4', [0x66, 0x74, 0x79, 0x70], 4],
  ['mp3', [0x49, 0x44, 0x33]],
  ['ogg', [0x4f, 0x67, 0x67, 0x53]],
];
const IMAGES = new Set(['jpeg', 'png', 'gif', 'tiff', 'bmp', 'webp']);

/** A Windows shell link (.lnk): header size 0x4C, then the shell link class id. */
const SHELL_LINK = [
  0x4c, 0x00, 0x00, 0x00, 0x01, 0x14, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0xc0, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x46,
];

/** Magic numbers of executables, by kind. Mach-O comes in both byte orders, 32 and 64 bits. */
const PROGRAM_MAGIC: ReadonlyArray<[ProgramKind, readonly number[]]> = [
  ['linux', [0x7f, 0x45, 0x4c, 0x46]],
  ['mac', [0xfe, 0xed, 0xfa, 0xce]],
  ['mac', [0xfe, 0xed, 0xfa, 0xcf]],
  ['mac', [0xce, 0xfa, 0xed, 0xfe]],
  ['mac', [0xcf, 0xfa, 0xed, 0xfe]],
  // A Mach-O universal binary, and also a compiled Java class: a program either way.
  ['java', [0xca, 0xfe, 0xba, 0xbe]],
  ['shortcut', SHELL_LINK],
];

/**
 * A DOS or Windows executable starts "MZ". Text can start with those letters too ("MZ Smith"),
 * so it counts only when the rest is not text: a Windows program's headers are full of zero bytes.
 */
function isWindowsExecutable(head: Uint8Array): boolean {
  return startsWith(head, [0x4d, 0x5a]) && !looksLikeText(head);
}

/** The kind of program the bytes are, or null: executables by magic number, scripts by "#!/…". */
function programIn(head: Uint8Array): ProgramKind | null {
  if (isWindowsExecutable(head)) return 'windows';
  for (const [kind, magic] of PROGRAM_MAGIC) if (startsWith(head, magic)) return kind;
  // A shebang line names the interpreter by its path; "#!" alone may start a Markdown note.
  if (/^#!\s*\//.test(leadingText(head))) return 'script';
  return null;
}

/** Bytes of an UTF-16 text without a BOM: ASCII-range characters leave zero bytes on one side. */
export function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function hasBom(head: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(head, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(head, [0xfe, 0xff])) return 'utf-16be';
  return null;
}

/** The first characters of the file as lower-case ASCII, skipping a BOM and leading whitespace. */
function leadingText(head: Uint8Array): string {
  const bom = hasBom(head);
  const wide = bom === 'utf-16le' || bom === 'utf-16be' ? bom : utf16WithoutBom(head);
  let out = '';
  const start = bom === 'utf-8' ? 3 : bom ? 2 : 0;
  const step = wide ? 2 : 1;
  const lowByte = wide === 'utf-16be' ? 1 : 0;
  for (let i = start; i + step - 1 < head.length && out.length < 512; i += step) {
    out += String.fromCharCode(head[i + lowByte]);
  }
  return out.trimStart().toLowerCase();
}

function looksLikeHtml(lead: string): boolean {
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html[\s>]|<head[\s>])/.test(lead);
}

/** Mostly printable, no stray NULs: readable as text in some encoding. */
function looksLikeText(head: Uint8Array): boolean {
  if (hasBom(head) || utf16WithoutBom(head)) return true;
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = head[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control <= n * 0.02;
}

/** Header names that, two or more together at the top of a file, make it an RFC 822 message. */
const MAIL_HEADERS = new Set([
  'received', 'return-path', 'delivered-to', 'mime-version', 'message-id', 'from', 'to', 'cc', 'subject',
  'date', 'reply-to', 'sender', 'content-type', 'in-reply-to', 'references', 'x-mozilla-status',
]);

/**
 * An e-mail starts with a block of "Name: value" header lines (continuations indented): the file's
 * first line must be one, and at least two known mail headers must appear before the first
 * non-header line. Prose that happens to start "Subject: budget" does not qualify.
 */
function looksLikeMail(lead: string): boolean {
  const lines = lead.split(/\r?\n/);
  // The lead is cut at 512 characters: its last line may be partial, so it is not judged.
  if (lines.length > 1) lines.pop();
  let known = 0;
  for (const [i, line] of lines.entries()) {
    if (line === '') break;
    if (/^[ \t]/.test(line) && i > 0) continue;
    const header = /^([\x21-\x39\x3b-\x7e]+):/.exec(line);
    if (!header) return false;
    if (MAIL_HEADERS.has(header[1])) known++;
  }
  return known >= 2;
}

function result(format: string, container?: Sniffed['container']): Sniffed {
  const sniffed: Sniffed = { format, supported: SUPPORTED_FORMATS.includes(format) };
  if (container) sniffed.container = container;
  return sniffed;
}

/**
 * Sniff the format of a file. `head` may be the whole file or just its start (4 KiB is plenty).
 * Zip and OLE2 results carry `container` so the caller can look inside before trusting the name.
 */
export function sniffFormat(head: Uint8Array, fileName: string): Sniffed {
  const ext = extensionOf(fileName);

  // Before any document magic: a program stays a program under any name, and a program's name
  // makes the operating system run the file whatever its bytes are.
  if (PROGRAMS.has(ext)) return result('program');
  const program = programIn(head);
  if (program) return { ...result('program'), program };
  if (indexOfAscii(head, '%PDF-', 1024) >= 0) return result('pdf');
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    return result(ZIP_FORMATS[ext] ?? 'zip', 'zip');
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Never extractable as such, even under a .docx name (that is an encrypted package).
    return { ...result(OLE2_FORMATS[ext] ?? 'ole2', 'ole2'), supported: false };
  }
  if (startsWith(head, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return result('rtf');
  for (const [format, magic, at] of BINARY_MAGIC) {
    // BMP's two-byte magic is too weak on its own; require the extension as well.
    if (format === 'bmp' && ext !== 'bmp') continue;
    if (startsWith(head, magic, at ?? 0)) return result(format);
  }

  if (!looksLikeText(head)) return result(ext || 'binary');

  const lead = leadingText(head);
  if (looksLikeHtml(lead)) return result('html');
  if (HTML_EXTENSIONS.has(ext)) return result('html');
  if (MAIL_EXTENSIONS[ext]) return result(MAIL_EXTENSIONS[ext]);
  if (TEXT_EXTENSIONS.has(ext)) return result('text');
  if (ext === 'rtf') return result('rtf');
  // An mbox "From " line carries a ctime date; prose starting "From the director…" does not.
  if (/^from \S+\s+(mon|tue|wed|thu|fri|sat|sun) /.test(lead)) return result('mbox');
  if (looksLikeMail(lead)) return result('eml');
  return result('text');
}

/** Is the format an image (so the failures list can say "image, needs OCR")? */
export function isImageFormat(format: string): boolean {
  return IMAGES.has(format);
}
