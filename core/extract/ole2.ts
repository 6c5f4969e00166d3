/**
 * Just enough of OLE2 (Compound File Binary) to tell what an old-style container holds.
 *
 * A password-protected .docx/.xlsx/.pptx is not a zip at all: Office wraps the encrypted package
 * in an OLE2 file with an "EncryptedPackage" stream. Users must hear "encrypted", not "corrupt".
 */

/** UTF-16LE bytes of a directory entry name, as stored in the compound file's directory. */
function utf16le(name: string): Buffer {
  return Buffer.from(name, 'utf16le');
}

const STREAMS: ReadonlyArray<[string, Buffer]> = [
  ['encrypted', utf16le('EncryptedPackage')],
  ['msg', utf16le('__substg1.0_')],
  ['doc', utf16le('WordDocument')],
  ['ppt', utf16le('PowerPoint Document')],
  ['xls', utf16le('Workbook')],
  ['xls', utf16le('Book')],
];

/**
 * What an OLE2 file contains, judged by its stream names: 'encrypted' (an encrypted OOXML
 * package), 'msg', 'doc', 'ppt', 'xls', or null when none is recognised.
 */
export function ole2Content(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const [kind, name] of STREAMS) {
    if (buffer.indexOf(name) >= 0) return kind;
  }
  return null;
}
