/**
 * The pack's search, built here so the page only loads it: `assets/search-index.js` sets one
 * global holding a lunr index over every item (its title, what it shows, the criteria it serves
 * and their notes, its file name, its team and the start of its text) and what the page shows of
 * each result.
 *
 * A page opened from `file://` cannot fetch a JSON file beside it, so the data comes as a classic
 * script. Lunr's own serialised form is verbose (every posting an object, every score a float), so
 * the index is written in a compact form, about half the size, that `assets/pack.js` turns back
 * into exactly lunr's form before `lunr.Index.load` (test/core/pack/site/search-index.test.ts
 * proves the round trip). The file is ASCII only (`\uXXXX` escapes), so no browser can misread
 * its encoding.
 */
import lunr from 'lunr';
import type { PackContent } from '../model.ts';
import { STATUS_LABEL, STRENGTH_LABEL, britishDate, fileSize, packHref } from './format.ts';
import type { PackOutline } from './outline.ts';

/** The global `assets/search-index.js` sets, read by `assets/pack.js`. */
export const SEARCH_GLOBAL = 'evidencePackData';
/** The version of the data's shape, checked by `assets/pack.js`. */
export const SEARCH_DATA_FORMAT = 1;

/** Fields of the index and how much a match in each counts. */
export const SEARCH_FIELDS = [
  { name: 'title', boost: 10 },
  { name: 'summary', boost: 4 },
  { name: 'criteria', boost: 3 },
  { name: 'file', boost: 3 },
  { name: 'team', boost: 2 },
  { name: 'notes', boost: 2 },
  { name: 'excerpt', boost: 1 },
] as const;

type FieldName = (typeof SEARCH_FIELDS)[number]['name'];
type SearchDocument = Record<FieldName, string> & { ref: string };

/** Lunr's serialised index, with postings as delta-coded document numbers and vectors as delta-coded term indexes and scores × 1000. */
export interface CompactIndex {
  version: string;
  fields: string[];
  pipeline: string[];
  /** Sorted by term, as lunr writes them: [term, term index, then per field its documents (deltas), or 0 for none]. */
  terms: (string | number | number[])[][];
  /** Per field, per document: [term index delta, score × 1000, …], or 0 for an empty field. */
  vectors: (number[] | 0)[][];
}

/** What `assets/pack.js` gets: the index and, per item, what a result shows. */
export interface PackSearchData {
  format: number;
  index: CompactIndex;
  items: {
    title: string;
    summary: string;
    href: string;
    path: string;
    facts: string;
    team: number;
    status: string;
    stale: boolean;
    changed: boolean;
    date: string;
    /** [criterion (index into `criteria`), strength label]. */
    serves: [number, string][];
  }[];
  criteria: { id: string; title: string; judgement: number; anchor: string }[];
  judgements: { title: string; anchor: string }[];
  teams: string[];
  statuses: Record<string, string>;
}

/**
 * What separates words for the search, besides lunr's spaces and hyphens: ASCII punctuation but
 * `*` (a query's wildcard), Latin-1 punctuation and symbols, general punctuation (curly quotes,
 * dashes, ellipsis), CJK and full-width punctuation. So `Care_Plan.v2.pdf` is `care plan v2 pdf`
 * and `Ofsted’s` is `ofsted s`. `assets/pack.js` splits query words with the same class.
 */
export const SEARCH_BREAK = /[\s!-)+-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u2e00-\u2e7f\u3000-\u303f\ufe30-\ufe4f\uff01-\uff0f]+/g;

/**
 * Text as the index sees it: accents off (`Café` is `Cafe`; NFKD then the combining marks dropped),
 * compatibility forms folded (`ﬁ` is `fi`, full-width letters are letters), punctuation and `*`
 * turned into spaces. Lunr then lower-cases it and splits it at spaces. `assets/pack.js` folds a
 * query the same way.
 */
export function searchable(text: string): string {
  return text.toWellFormed().normalize('NFKD').replace(/[\u0300-\u036f]/gu, '').normalize('NFC').replace(SEARCH_BREAK, ' ').replace(/\*/gu, ' ');
}

/**
 * Lunr's stemmer, remembering what it gave for each word: building the index stems every word of
 * every excerpt, and a pack's words repeat. Labelled `stemmer` because it is that function (the
 * build pipeline is not serialised; the index's search pipeline stays lunr's own).
 */
function rememberingStemmer(): lunr.PipelineFunction {
  const stems = new Map<string, string>();
  const stem = (token: lunr.Token) =>
    token.update((text) => {
      let stemmed = stems.get(text);
      if (stemmed === undefined) {
        stemmed = String(lunr.stemmer(new lunr.Token(text), 0, []));
        stems.set(text, stemmed);
      }
      return stemmed;
    });
  return Object.assign(stem, { label: 'stemmer' });
}

/** The text lunr indexes for each item, its ref being its index in PackContent.items. */
export function searchDocuments(content: PackContent, outline: PackOutline): SearchDocument[] {
  return content.items.map((item, i) => {
    const served = outline.serves[i].map((s) => outline.criteria[s.criterion]);
    const notes = served.flatMap((c) => c.links.filter((link) => link.item === i).map((link) => link.note));
    return {
      ref: String(i),
      title: searchable(item.title),
      summary: searchable(item.summary),
      criteria: searchable(served.map((c) => `${c.id} ${c.title}`).join('\n')),
      file: searchable(`${item.fileName} ${item.format}`),
      team: searchable(item.team),
      notes: searchable(notes.join('\n')),
      excerpt: searchable(item.excerpt),
    };
  });
}

/** The lunr index over the pack's items. */
export function buildSearchIndex(content: PackContent, outline: PackOutline): lunr.Index {
  const documents = searchDocuments(content, outline);
  return lunr(function () {
    // Text comes folded (searchable): no punctuation left for lunr's ASCII-only trimmer to take,
    // which would also cut accented letters off the ends of words.
    this.pipeline.remove(lunr.trimmer);
    const stemmer = rememberingStemmer();
    this.pipeline.after(lunr.stemmer, stemmer);
    this.pipeline.remove(lunr.stemmer);
    this.ref('ref');
    for (const field of SEARCH_FIELDS) this.field(field.name, { boost: field.boost });
    for (const document of documents) this.add(document);
  });
}

function deltas(sorted: number[]): number[] {
  let previous = 0;
  return sorted.map((n) => {
    const delta = n - previous;
    previous = n;
    return delta;
  });
}

/** Lunr's serialised index in the compact form (see CompactIndex); refs must be document numbers. */
export function compactIndex(serialised: lunr.SerialisedIndex): CompactIndex {
  const { fields } = serialised;
  const terms = serialised.invertedIndex.map(([term, posting]) => {
    const row: (string | number | number[])[] = [term, posting._index];
    for (const field of fields) {
      const refs = Object.keys(posting[field] as Record<string, object>)
        .map(Number)
        .sort((a, b) => a - b);
      row.push(refs.length ? deltas(refs) : 0);
    }
    return row;
  });
  const vectors: (number[] | 0)[][] = fields.map(() => []);
  for (const [fieldRef, elements] of serialised.fieldVectors) {
    const slash = fieldRef.indexOf('/');
    const field = fields.indexOf(fieldRef.slice(0, slash));
    const ref = Number(fieldRef.slice(slash + 1));
    const out: number[] = [];
    let previous = 0;
    for (let k = 0; k < elements.length; k += 2) {
      out.push(elements[k] - previous, Math.round(elements[k + 1] * 1000));
      previous = elements[k];
    }
    vectors[field][ref] = out.length ? out : 0;
  }
  return { version: serialised.version, fields, pipeline: serialised.pipeline, terms, vectors };
}

/** Everything `assets/pack.js` needs for search results. */
export function searchData(content: PackContent, outline: PackOutline, index: lunr.Index): PackSearchData {
  return {
    format: SEARCH_DATA_FORMAT,
    index: compactIndex(index.toJSON()),
    items: content.items.map((item, i) => ({
      title: item.title.trim() || item.fileName || 'Untitled evidence',
      summary: item.summary,
      href: packHref(item.path),
      path: item.path || item.fileName,
      facts: [item.format, fileSize(item.bytes)].filter((fact) => fact !== '').join(' · '),
      team: outline.teamOf[i],
      status: item.status,
      stale: item.stale,
      changed: item.changedSinceTagged,
      date: item.evidenceDate ? britishDate(item.evidenceDate) : '',
      serves: outline.serves[i].map((s): [number, string] => [s.criterion, STRENGTH_LABEL[s.strength] ?? s.strength]),
    })),
    criteria: outline.criteria.map((c) => ({ id: c.id, title: c.title, judgement: c.judgement, anchor: c.anchor })),
    judgements: outline.judgements.map((j) => ({ title: j.title, anchor: j.anchor })),
    teams: outline.teams,
    statuses: { ...STATUS_LABEL },
  };
}

/** JSON with every character outside printable ASCII (and `<`) as `\uXXXX`: still the same value. */
export function asciiJson(value: unknown): string {
  // Without the u flag on purpose: each UTF-16 unit of a character beyond U+FFFF is escaped on its own.
  return JSON.stringify(value).replace(/[^\x20-\x3b\x3d-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `assets/search-index.js`. */
export function renderSearchIndexJs(data: PackSearchData): string {
  return `/* Evidence Store: the pack's search index (lunr ${data.index.version}) and what its results show. Read by pack.js. */\nwindow.${SEARCH_GLOBAL} = ${asciiJson(data)};\n`;
}
