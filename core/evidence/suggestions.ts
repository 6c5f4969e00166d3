/**
 * Suggested criteria for a document: each criterion's keywords (and, more weakly, the words of its
 * title) are looked for in the document's text, weighted by how rare each is across the whole
 * index, so "pathway plan" counts for more than "children". The words that matched are returned,
 * so a user can see why a criterion was suggested.
 */
import type { Db } from '../store/database.ts';
import type { Suggestion } from '../../shared/contract.ts';
import { tokenize } from '../search/query.ts';
import { fold } from '../search/highlight.ts';
import { flattenCriteria, type Framework } from '../../shared/frameworks/index.ts';

/** Reading more than this much of a long document changes little and costs a lot. */
const MAX_CHARS = 400_000;
const TITLE_WORD_WEIGHT = 0.4;
const STOP = new Set(
  'a an and are as at be by for from has have in is it its of on or that the their them they this to was were will with who how what when where which within across into more most well used use their our we children child young people families family'.split(' '),
);

/** Where each folded word stands in the text, for finding phrases quickly. */
function indexTokens(text: string): { tokens: string[]; at: Map<string, number[]> } {
  const tokens = tokenize(text.slice(0, MAX_CHARS)).map(fold);
  const at = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const list = at.get(t);
    if (list) list.push(i);
    else at.set(t, [i]);
  });
  return { tokens, at };
}

function countPhrase(index: ReturnType<typeof indexTokens>, phrase: string[]): number {
  const starts = index.at.get(phrase[0]) ?? [];
  if (phrase.length === 1) return starts.length;
  let n = 0;
  for (const s of starts) if (phrase.every((w, k) => index.tokens[s + k] === w)) n++;
  return n;
}

export function suggestCriteria(db: Db, framework: Framework, documentId: number, options: { limit?: number; exclude?: Set<string> } = {}): Suggestion[] {
  const text = (db.prepare('SELECT body FROM pages WHERE document_id = ? ORDER BY number').pluck().all(documentId) as string[]).join('\n');
  if (!text.trim()) return [];
  const index = indexTokens(text);
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.suggest_vocab USING fts5vocab('main', 'pages_fts', 'row')`);
  const pagesTotal = Math.max(1, db.prepare('SELECT COUNT(*) FROM pages').pluck().get() as number);
  const docFreq = db.prepare('SELECT doc FROM temp.suggest_vocab WHERE term = ?').pluck();
  const idfCache = new Map<string, number>();
  const idf = (word: string) => {
    let v = idfCache.get(word);
    if (v === undefined) {
      v = Math.log(1 + pagesTotal / (1 + ((docFreq.get(word) as number | undefined) ?? 0)));
      idfCache.set(word, v);
    }
    return v;
  };

  const out: Suggestion[] = [];
  for (const c of flattenCriteria(framework)) {
    if (options.exclude?.has(c.id)) continue;
    const found: { word: string; weight: number }[] = [];
    const counted = new Set<string>();
    const consider = (phrase: string, weight: number) => {
      const words = tokenize(phrase).map(fold);
      // A title word that is also a keyword counts once.
      const key = words.join(' ');
      if (!words.length || counted.has(key)) return;
      counted.add(key);
      const tf = countPhrase(index, words);
      if (!tf) return;
      // A phrase is as telling as its rarest word; repeated mentions count, with diminishing returns.
      const rarity = Math.max(...words.map(idf));
      found.push({ word: phrase, weight: weight * (1 + Math.log(tf)) * rarity * (words.length > 1 ? 1.5 : 1) });
    };
    for (const k of c.keywords) consider(k, 1);
    for (const w of new Set(tokenize(c.title).filter((t) => t.length > 3 && !STOP.has(t)))) consider(w, TITLE_WORD_WEIGHT);
    if (!found.length) continue;
    found.sort((a, b) => b.weight - a.weight);
    out.push({
      criterionId: c.id,
      criterionTitle: c.title,
      judgementId: c.judgementId,
      judgementTitle: c.judgementTitle,
      score: Number(found.reduce((n, f) => n + f.weight, 0).toFixed(3)),
      words: found.map((f) => f.word),
    });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, options.limit ?? 8);
}

/** Criteria the group said do not fit this document, so they are not suggested again. */
export function dismissedCriteria(db: Db, documentId: number, frameworkId: string): string[] {
  return db
    .prepare('SELECT criterion_id FROM dismissed_suggestions WHERE document_id = ? AND framework_id = ?')
    .pluck()
    .all(documentId, frameworkId) as string[];
}

export function dismissSuggestion(db: Db, documentId: number, frameworkId: string, criterionId: string): void {
  db.prepare('INSERT OR IGNORE INTO dismissed_suggestions (document_id, framework_id, criterion_id) VALUES (?, ?, ?)').run(documentId, frameworkId, criterionId);
}
