/**
 * Matching inside words, through the trigram index (`pages_sub`): "1312" finds "A1312", and a
 * Japanese or Chinese phrase is found inside a longer run of characters (those scripts have no
 * spaces, so the word index sees a whole run as one word).
 *
 * Inside-word matches are noisy for ordinary words ("care" inside "career"), so they are used only
 * for terms that need them (numbers, scripts without spaces) or when nothing matched as a word,
 * and they always rank after whole-word matches.
 */
import type { Db } from '../store/database.ts';
import type { Segment } from '../../shared/contract.ts';
import type { ParsedQuery, Term } from './query.ts';

const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Whether a term should also match inside words even when whole-word matches exist. */
export function wantsSubstring(term: Term): boolean {
  return NO_SPACE_SCRIPT.test(term.raw) || /\p{N}/u.test(term.raw);
}

/** Whether the trigram index can answer for the term (three characters, or a short run of CJK). */
function usable(term: Term): boolean {
  return [...term.raw].length >= 3 || NO_SPACE_SCRIPT.test(term.raw);
}

export function substringApplies(q: ParsedQuery, wholeWordTotal: number): boolean {
  const terms = q.groups.flat();
  if (!terms.length || !terms.every(usable)) return false;
  return wholeWordTotal === 0 || terms.some(wantsSubstring);
}

function likePattern(raw: string): string {
  return '%' + raw.replace(/[\\%_]/gu, (c) => '\\' + c) + '%';
}

/**
 * Pages to check for a term inside words are found through the trigram index: every three-character
 * run of the term must be on the page. Checking each candidate's text is the slow part (about 15 µs a
 * page), so a term whose runs are on very many pages (a misspelt common word: all its letters are
 * common) is checked on this many at most, and the search says so.
 */
export const MAX_CANDIDATE_PAGES = 5_000;

/** The trigram index's MATCH for a term: all its three-character runs (null when shorter). */
export function trigramMatch(raw: string): string | null {
  const chars = [...raw.toLowerCase()];
  if (chars.length < 3) return null;
  const runs = new Set<string>();
  for (let i = 0; i + 3 <= chars.length; i++) runs.add(chars.slice(i, i + 3).join(''));
  return [...runs].map((r) => '"' + r.replaceAll('"', '""') + '"').join(' AND ');
}

export interface SubstringPages {
  pages: Set<number>;
  /** Some term had more candidate pages than were checked. */
  capped: boolean;
}

/** Page ids where every group of the query has a term inside the title or text. */
export function substringPages(db: Db, q: ParsedQuery, maxCandidates = MAX_CANDIDATE_PAGES): SubstringPages {
  const candidates = db.prepare('SELECT rowid FROM pages_sub WHERE pages_sub MATCH ? LIMIT ?').pluck();
  const check = db
    .prepare(
      `SELECT id FROM pages WHERE id IN (SELECT value FROM json_each(?)) AND (body LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\')`,
    )
    .pluck();
  // Two characters of a script without spaces: too short for trigrams, so the text is read.
  const scan = db.prepare(`SELECT id FROM pages WHERE body LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\'`).pluck();
  let capped = false;
  const perGroup: Set<number>[] = [];
  for (const group of q.groups) {
    const found = new Set<number>();
    for (const term of group) {
      const pattern = likePattern(term.raw);
      const trigrams = trigramMatch(term.raw);
      let ids: number[];
      if (trigrams) {
        const pages = candidates.all(trigrams, maxCandidates + 1) as number[];
        if (pages.length > maxCandidates) {
          capped = true;
          pages.length = maxCandidates;
        }
        ids = pages.length ? (check.all(JSON.stringify(pages), pattern, pattern) as number[]) : [];
      } else {
        ids = scan.all(pattern, pattern) as number[];
      }
      for (const id of ids) found.add(id);
    }
    if (!found.size) return { pages: new Set(), capped };
    perGroup.push(found);
  }
  const [first, ...rest] = perGroup;
  return { pages: new Set([...(first ?? [])].filter((id) => rest.every((g) => g.has(id)))), capped };
}

/** A snippet around the first place one of the terms occurs in the text. */
export function substringSnippet(text: string, terms: Term[], width = 90): Segment[] {
  const lower = text.toLowerCase();
  let at = -1;
  let length = 0;
  for (const t of terms) {
    const i = lower.indexOf(t.raw.toLowerCase());
    if (i !== -1 && (at === -1 || i < at)) {
      at = i;
      length = t.raw.length;
    }
  }
  if (at === -1) return [{ text: text.slice(0, width * 2).replace(/\s+/gu, ' '), hit: false }];
  const start = Math.max(0, at - width);
  const end = Math.min(text.length, at + length + width);
  const clean = (s: string) => s.replace(/\s+/gu, ' ');
  return [
    { text: (start > 0 ? '…' : '') + clean(text.slice(start, at)), hit: false },
    { text: text.slice(at, at + length), hit: true },
    { text: clean(text.slice(at + length, end)) + (end < text.length ? '…' : ''), hit: false },
  ].filter((s) => s.text);
}
