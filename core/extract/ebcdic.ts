/**
 * EBCDIC (IBM code page 500) text, as still exported by some mainframe-era council systems.
 *
 * The WHATWG Encoding Standard (and so TextDecoder) has no EBCDIC, hence this small table.
 */

/** Code page 500 for bytes 0x40-0xFF (generated from Python's cp500 codec). */
const CP500_HIGH =
  " \u00a0\u00e2\u00e4\u00e0\u00e1\u00e3\u00e5\u00e7\u00f1[.<(+!&\u00e9\u00ea\u00eb\u00e8\u00ed\u00ee\u00ef\u00ec\u00df]$*);^-/\u00c2\u00c4\u00c0\u00c1\u00c3\u00c5\u00c7\u00d1\u00a6,%_>?\u00f8\u00c9\u00ca\u00cb\u00c8\u00cd\u00ce\u00cf\u00cc`:#@'=\"\u00d8abcdefghi\u00ab\u00bb\u00f0\u00fd\u00fe\u00b1\u00b0jklmnopqr\u00aa\u00ba\u00e6\u00b8\u00c6\u00a4\u00b5~stuvwxyz\u00a1\u00bf\u00d0\u00dd\u00de\u00ae\u00a2\u00a3\u00a5\u00b7\u00a9\u00a7\u00b6\u00bc\u00bd\u00be\u00ac|\u00af\u00a8\u00b4\u00d7{ABCDEFGHI\u00ad\u00f4\u00f6\u00f2\u00f3\u00f5}JKLMNOPQR\u00b9\u00fb\u00fc\u00f9\u00fa\u00ff\\\u00f7STUVWXYZ\u00b2\u00d4\u00d6\u00d2\u00d3\u00d50123456789\u00b3\u00db\u00dc\u00d9\u00da\u009f";

/** Control bytes that occur in EBCDIC text files: HT, FF, CR, NL, LF. */
const CP500_CONTROLS: Record<number, string> = { 0x05: '\t', 0x0c: '\f', 0x0d: '\r', 0x15: '\n', 0x25: '\n' };

/**
 * EBCDIC text has its space at 0x40 and no ASCII space (0x20) or line feed (0x0A) at all;
 * ASCII-family text without a single space or line feed is vanishingly rare. A few stray control
 * bytes (SUB as an end-of-file marker, backspaces) are tolerated.
 */
export function looksLikeEbcdic(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  if (n < 16) return false;
  let spaces = 0;
  let strays = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0x20 || b === 0x0a) return false;
    if (b === 0x40) spaces++;
    else if (b < 0x40 && CP500_CONTROLS[b] === undefined) strays++;
  }
  return spaces >= n * 0.05 && strays <= n * 0.01;
}

export function decodeEbcdic(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x40 ? CP500_HIGH[b - 0x40] : (CP500_CONTROLS[b] ?? '');
  return out;
}
