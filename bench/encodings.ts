/**
 * `npm run bench:encodings`: how well legacy code pages are recognised.
 *
 * A labelled set is built from original council-service prose (test/fixtures/encodings/samples.ts)
 * in each language, at three lengths, encoded into each code page its files plausibly use. Each
 * method is scored on the exact code page and on "decodes identically" (the text comes back
 * character for character, which is what search needs: ISO-8859-2 and Windows-1250 bytes of
 * Hungarian are often the same, so naming either is fine). Then the speed on a 10 MB file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import chardet from 'chardet';
import { chardet as jschardetCore } from 'jschardet';
import { decodeText } from '../core/extract/text.ts';
import { encodeAs, fitTo } from '../test/fixtures/encodings/encode.ts';
import { ENGLISH_ONE_SYMBOL, englishWithLoneSymbols, LANGUAGES, registers, sampleTexts } from '../test/fixtures/encodings/samples.ts';
import type { Length } from '../test/fixtures/encodings/samples.ts';
import { expectedPhrases, locateCorpus, normaliseForMatch, readManifest } from '../test/corpus/manifest.ts';

interface Case {
  group: string;
  /** Prose in a language (the length and overall columns); otherwise one of the English checks. */
  prose: boolean;
  length: Length;
  codePage: string;
  text: string;
  bytes: Uint8Array;
}

interface Method {
  name: string;
  decode(bytes: Uint8Array): { encoding: string; text: string };
}

// ---------------------------------------------------------------------------------------------
// The labelled set
// ---------------------------------------------------------------------------------------------

function buildCases(): { cases: Case[]; skipped: string[] } {
  const cases: Case[] = [];
  const skipped: string[] = [];
  for (const sample of LANGUAGES) {
    const texts = sampleTexts(sample);
    for (const codePage of sample.codePages) {
      for (const length of ['line', 'paragraph', 'page'] as const) {
        const text = fitTo(texts[length], codePage);
        if (text === null) {
          skipped.push(`${sample.language} ${length} in ${codePage}`);
          continue;
        }
        cases.push({ group: sample.family, prose: true, length, codePage, text, bytes: encodeAs(text, codePage) });
      }
    }
  }
  for (const text of ENGLISH_ONE_SYMBOL) {
    cases.push({ group: 'English, one symbol', prose: false, length: 'line', codePage: 'windows-1252', text, bytes: encodeAs(text, 'windows-1252') });
  }
  for (const text of englishWithLoneSymbols(500)) {
    cases.push({ group: 'English, generated', prose: false, length: 'line', codePage: 'windows-1252', text, bytes: encodeAs(text, 'windows-1252') });
  }
  for (const { codePage, text } of registers(40)) {
    const group = codePage === 'windows-1252' ? 'Register, Western names' : 'Register, other names';
    cases.push({ group, prose: false, length: 'line', codePage, text, bytes: encodeAs(text, codePage) });
  }
  // Every case must reach the legacy guess: bytes that are valid UTF-8 would prove nothing.
  for (const c of cases) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(c.bytes);
      throw new Error(`sample is valid UTF-8: ${c.text.slice(0, 40)}`);
    } catch (err) {
      if (!(err instanceof TypeError)) throw err;
    }
  }
  return { cases, skipped };
}

// ---------------------------------------------------------------------------------------------
// The methods
// ---------------------------------------------------------------------------------------------

/** A detector's answer as text: an answer TextDecoder does not know falls back to Windows-1252. */
function decodeAs(label: string | null | undefined, bytes: Uint8Array): { encoding: string; text: string } {
  try {
    const decoder = new TextDecoder(label ?? 'windows-1252');
    return { encoding: decoder.encoding, text: decoder.decode(bytes) };
  } catch {
    return { encoding: 'windows-1252', text: new TextDecoder('windows-1252').decode(bytes) };
  }
}

/** jschardet's own names (compatNames off) for the WHATWG encodings they decode as. */
const JSCHARDET_TO_WHATWG: Record<string, string> = {
  cp932: 'shift_jis', shift_jis_2004: 'shift_jis', euc_jis_2004: 'euc-jp', 'mac-cyrillic': 'x-mac-cyrillic',
  'mac-roman': 'macintosh', ascii: 'windows-1252', 'iso8859-8': 'iso-8859-8',
};

function jschardetLabel(bytes: Uint8Array, include?: readonly string[]): string | null {
  const found = jschardetCore.detect(bytes, { compatNames: false, includeEncodings: include ?? null }).encoding;
  return found === null ? null : (JSCHARDET_TO_WHATWG[found] ?? found);
}

/** The hand-written plausibility score as it was before this bench (commit 0b95b4f), kept to compare. */
const before = (() => {
  const NEUTRAL = /[\u00a0\u00a3\u00a9\u00ab\u00ae\u00b0\u00b7\u00bb\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u2122]/u;
  function plausibility(text: string): number {
    let score = 0;
    for (const match of text.matchAll(/\p{L}+/gu)) {
      const word = match[0];
      const nonAscii = word.replace(/\p{ASCII}/gu, '').length;
      if (nonAscii === 0) continue;
      const latin = /\p{Script=Latin}/u.test(word);
      const scripts = Number(latin) + Number(/\p{Script=Cyrillic}/u.test(word)) + Number(/\p{Script=Greek}/u.test(word));
      if (scripts > 1) score -= 2 * nonAscii;
      else if (word.length < 2) continue;
      else if (latin && nonAscii > word.length / 2) score -= nonAscii;
      else score += nonAscii;
    }
    for (const ch of text.matchAll(/[^\p{L}\p{N}\s\p{ASCII}]/gu)) if (!NEUTRAL.test(ch[0])) score -= 1;
    return score;
  }
  function cjk(bytes: Uint8Array): { encoding: string; text: string } | null {
    for (const label of ['shift_jis', 'euc-jp']) {
      let text: string;
      try {
        text = new TextDecoder(label, { fatal: true }).decode(bytes);
      } catch {
        continue;
      }
      if (/[\ue000-\uf8ff]/u.test(text)) continue;
      const nonAscii = text.replace(/\p{ASCII}/gu, '').length;
      const kana = (text.match(/[\u3040-\u30ff]/gu) ?? []).length;
      if (kana >= 5 && kana >= nonAscii * 0.1) return { encoding: label, text };
    }
    return null;
  }
  return (bytes: Uint8Array) => {
    const found = cjk(bytes);
    if (found) return found;
    const sample = bytes.subarray(0, 256 * 1024);
    let best = 'windows-1252';
    let bestScore = -Infinity;
    for (const label of ['windows-1252', 'windows-1251', 'ibm866', 'koi8-r']) {
      const score = plausibility(new TextDecoder(label).decode(sample));
      if (score > bestScore) [best, bestScore] = [label, score];
    }
    return decodeAs(best, bytes);
  };
})();

/** The code pages the app reads, in jschardet's names (for the "limited" variant). */
const OUR_CODE_PAGES = [
  'cp1252', 'iso8859-15', 'cp1250', 'iso8859-2', 'cp1251', 'koi8-r', 'koi8-u', 'cp866', 'cp1253', 'iso8859-7', 'cp1254',
  'cp932', 'euc_jis_2004',
];

const METHODS: readonly Method[] = [
  { name: 'heuristic before (0b95b4f)', decode: before },
  { name: 'chardet 2.2.0', decode: (bytes) => decodeAs(chardet.detect(bytes), bytes) },
  { name: 'jschardet 4.1.0', decode: (bytes) => decodeAs(jschardetLabel(bytes), bytes) },
  { name: 'jschardet, our code pages', decode: (bytes) => decodeAs(jschardetLabel(bytes, OUR_CODE_PAGES), bytes) },
  { name: 'decodeText (this app)', decode: (bytes) => decodeText(bytes) },
];

// ---------------------------------------------------------------------------------------------
// Scoring and the table
// ---------------------------------------------------------------------------------------------

const canonical = (label: string) => new TextDecoder(label).encoding;

interface Score {
  exact: number;
  identical: number;
  total: number;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(0)}%`;
}

function table(title: string, header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [title, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function measure(cases: readonly Case[]): void {
  const groups = [...new Set(cases.map((c) => c.group))];
  const lengths: Length[] = ['line', 'paragraph', 'page'];
  const scores = new Map<string, Map<string, Score>>();
  const misses = new Map<string, string[]>();
  for (const method of METHODS) {
    const byKey = new Map<string, Score>();
    const bump = (key: string, exact: boolean, identical: boolean) => {
      const s = byKey.get(key) ?? { exact: 0, identical: 0, total: 0 };
      s.total++;
      if (exact) s.exact++;
      if (identical) s.identical++;
      byKey.set(key, s);
    };
    const missed: string[] = [];
    for (const c of cases) {
      const got = method.decode(c.bytes);
      const exact = canonical(got.encoding) === canonical(c.codePage);
      const identical = got.text === c.text;
      if (!identical) missed.push(`${c.group}/${c.length} ${c.codePage} -> ${got.encoding}: ${c.text.slice(0, 30)}`);
      for (const key of c.prose ? [c.group, c.length, 'all'] : [c.group]) bump(key, exact, identical);
    }
    scores.set(method.name, byKey);
    misses.set(method.name, missed);
  }
  const cell = (s: Score | undefined) => (s ? percent(s.identical, s.total) : '-');
  const keys = [...groups, ...lengths];
  console.log(
    table(
      'Decodes identically, by group and (prose only) by length; then all prose: decodes identically, exact code page',
      ['method', ...keys, 'prose', 'exact'],
      METHODS.map((m) => {
        const s = scores.get(m.name) as Map<string, Score>;
        const all = s.get('all') as Score;
        return [m.name, ...keys.map((k) => cell(s.get(k))), percent(all.identical, all.total), percent(all.exact, all.total)];
      }),
    ),
  );
  console.log('\nSamples per column:', keys.map((k) => `${k} ${(scores.get(METHODS[0].name) as Map<string, Score>).get(k)?.total}`).join(', '));
  if (process.argv.includes('--misses')) {
    for (const [name, missed] of misses) console.log(`\n${name}: ${missed.length} wrong\n  ${missed.join('\n  ')}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The corpus's legacy-encoded files, when ../shared/corpus (or $EVIDENCE_CORPUS) is there
// ---------------------------------------------------------------------------------------------

function corpusCheck(): void {
  let dir: string;
  try {
    dir = locateCorpus();
  } catch {
    console.log('\nCorpus not found: its odd-encoding files were not measured.');
    return;
  }
  const rows = readManifest(dir).filter((r) => r.path.startsWith('odd-encoding/') && existsSync(join(dir, r.path)));
  // Only files that reach the legacy guess: BOM-less, not UTF-16, not UTF-8.
  const legacy = rows.filter((r) => {
    const bytes = readFileSync(join(dir, r.path));
    if (bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe || bytes.includes(0)) return false;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return false;
    } catch {
      return true;
    }
  });
  const header = ['method', ...legacy.map((r) => r.path.replace('odd-encoding/', '').replace(/\.\w+$/, ''))];
  const rowsOut = METHODS.map((method) => [
    method.name,
    ...legacy.map((r) => {
      const text = normaliseForMatch(method.decode(new Uint8Array(readFileSync(join(dir, r.path)))).text);
      return expectedPhrases(r.expectation).every((p) => text.includes(normaliseForMatch(p))) ? 'yes' : 'NO';
    }),
  ]);
  console.log(`\n${table('Corpus files not in UTF-8: every expected phrase found?', header, rowsOut)}`);
}

// ---------------------------------------------------------------------------------------------
// Speed
// ---------------------------------------------------------------------------------------------

function bigFile(language: string, codePage: string, bytes: number): Uint8Array {
  const sample = LANGUAGES.find((l) => l.language === language);
  if (!sample) throw new Error(language);
  const page = encodeAs(fitTo(`${sampleTexts(sample).page}\r\n\r\n`, codePage) as string, codePage);
  const out = new Uint8Array(bytes);
  for (let at = 0; at < bytes; at += page.length) out.set(page.subarray(0, Math.min(page.length, bytes - at)), at);
  return out;
}

function speed(): void {
  const size = 10 * 1024 * 1024;
  const files = [
    { name: 'Russian, KOI8-R', bytes: bigFile('Russian', 'koi8-r', size) },
    { name: 'English, Windows-1252', bytes: bigFile('English', 'windows-1252', size) },
  ];
  const rows = METHODS.map((method) => {
    const cells = files.map(({ bytes }) => {
      method.decode(bytes.subarray(0, 4096)); // warm up (jschardet loads its models on first use)
      const runs = 3;
      const t0 = performance.now();
      for (let i = 0; i < runs; i++) method.decode(bytes);
      const seconds = (performance.now() - t0) / 1000 / runs;
      return `${(size / 1024 / 1024 / seconds).toFixed(0)} MB/s`;
    });
    return [method.name, ...cells];
  });
  console.log(`\n${table('Detect and decode a 10 MB file', ['method', ...files.map((f) => f.name)], rows)}`);
}

const { cases, skipped } = buildCases();
measure(cases);
if (skipped.length) console.log(`Not encodable, so not measured: ${skipped.join('; ')}`);
corpusCheck();
if (!process.argv.includes('--no-speed')) speed();
