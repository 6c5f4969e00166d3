/**
 * The Evidence area's table: every evidence item as a row, filtered by words and facets, sorted by
 * a column, and paged, with the facet counts beside it.
 *
 * A library holds a few thousand evidence items at most, so the rows are read in three queries and
 * filtered, counted and sorted here: simpler and faster than a query built per filter, and the
 * facets (each counted with every filter but its own) need the whole set anyway.
 */
import type { Db } from '../store/database.ts';
import type { FacetValue } from '../../shared/facets.ts';
import { EVIDENCE_FACETS, type EvidenceFacet, type EvidenceRow, type EvidenceSort, type EvidenceTable, type EvidenceTableRequest } from '../../shared/evidence-table.ts';
import { EVIDENCE_STATUSES, EVIDENCE_STATUS_LABELS, reviewState, type EvidenceStatusName, type ReviewState } from '../../shared/evidence.ts';
import { formatLabel } from '../../shared/formats.ts';
import { today } from './evidence.ts';

/** Names for what ids stand for: judgements and criteria of the frameworks the user has. */
export interface Labels {
  judgement: (id: string) => string;
  criterion: (id: string) => string;
}

interface Item extends EvidenceRow {
  summary: string;
  /** Its tags' criteria with their judgements. */
  tagged: { judgementId: string; criterionId: string }[];
  /** Facet values of this row, lower-cased where the facet ignores case (team, owner). */
  values: Record<EvidenceFacet, string[]>;
  /** Everything the text filter looks in, lower case. */
  haystack: string;
}

interface ItemRow {
  id: number; document_id: number; title: string; summary: string; team: string; status: EvidenceStatusName; evidence_date: string | null;
  review_by: string | null; owner: string | null; format: string; present: number; changed: number;
}

const REVIEW_LABELS: Record<ReviewState, string> = {
  overdue: 'Past review-by date',
  soon: 'Review due within 30 days',
  'not-due': 'Review not due yet',
  none: 'No review-by date',
};

function readItems(db: Db, now: string): Item[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.document_id, e.title, e.summary, e.team, e.status, e.evidence_date, e.review_by, d.format,
         (SELECT h.user FROM history h WHERE h.evidence_id = e.id AND h.action = 'created' ORDER BY h.id LIMIT 1) AS owner,
         EXISTS (SELECT 1 FROM files f WHERE f.document_id = e.document_id AND f.missing = 0) AS present,
         d.sha256 <> e.tagged_sha256 AS changed
       FROM evidence e JOIN documents d ON d.id = e.document_id`,
    )
    .all() as ItemRow[];
  const tags = new Map<number, { frameworkId: string; judgementId: string; criterionId: string; strength: 'key' | 'supporting' }[]>();
  for (const t of db.prepare('SELECT evidence_id, framework_id, judgement_id, criterion_id, strength FROM tags ORDER BY framework_id, criterion_id').all() as {
    evidence_id: number; framework_id: string; judgement_id: string; criterion_id: string; strength: 'key' | 'supporting';
  }[]) {
    const list = tags.get(t.evidence_id) ?? [];
    list.push({ frameworkId: t.framework_id, judgementId: t.judgement_id, criterionId: t.criterion_id, strength: t.strength });
    tags.set(t.evidence_id, list);
  }
  const folders = new Map<number, string[]>();
  for (const f of db
    .prepare(
      `SELECT DISTINCT f.document_id, r.label FROM files f JOIN roots r ON r.id = f.root_id
       WHERE f.missing = 0 AND f.document_id IN (SELECT document_id FROM evidence)`,
    )
    .all() as { document_id: number; label: string }[]) {
    folders.set(f.document_id, [...(folders.get(f.document_id) ?? []), f.label]);
  }
  return rows.map((r) => {
    const itemTags = tags.get(r.id) ?? [];
    const review = reviewState(r.status, r.review_by, now);
    const owner = r.owner ?? '';
    const judgements = [...new Set(itemTags.map((t) => t.judgementId))];
    const criteria = itemTags.map(({ frameworkId, criterionId, strength }) => ({ frameworkId, criterionId, strength }));
    const itemFolders = folders.get(r.document_id) ?? [];
    return {
      id: r.id,
      documentId: r.document_id,
      title: r.title,
      summary: r.summary,
      team: r.team,
      status: r.status,
      criteria,
      evidenceDate: r.evidence_date,
      reviewBy: r.review_by,
      review,
      owner,
      format: r.format,
      fileMissing: r.present === 0,
      changedSinceTagged: r.changed === 1,
      tagged: itemTags.map(({ judgementId, criterionId }) => ({ judgementId, criterionId })),
      values: {
        status: [r.status],
        review: [review],
        // Retired evidence counts for no judgement, as in search's judgement facet.
        judgement: r.status === 'retired' ? [] : judgements,
        criterion: r.status === 'retired' ? [] : [...new Set(itemTags.map((t) => t.criterionId))],
        team: r.team ? [r.team.toLowerCase()] : [],
        owner: owner ? [owner.toLowerCase()] : [],
        type: [r.format],
        folder: itemFolders,
        year: r.evidence_date ? [r.evidence_date.slice(0, 4)] : [],
        tagged: [r.status !== 'retired' && itemTags.length ? 'yes' : 'no'],
      },
      haystack: [r.title, r.summary, r.team, owner, ...criteria.map((c) => c.criterionId)].join('\n').toLowerCase(),
    };
  });
}

/** Whether the item passes every facet filter except `skip` (a facet's own filter does not narrow its counts). */
function passesFilters(item: Item, filters: Map<EvidenceFacet, Set<string>>, skip?: EvidenceFacet): boolean {
  for (const [facet, wanted] of filters) {
    if (facet === skip) continue;
    if (!item.values[facet].some((v) => wanted.has(v))) return false;
  }
  return true;
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Compares two rows by a column; empty values go last whichever way the column is sorted. */
function sortKey(sort: EvidenceSort): (item: Item) => string | number | null {
  switch (sort) {
    case 'title':
      return (i) => i.title;
    case 'team':
      return (i) => i.team || null;
    case 'owner':
      return (i) => i.owner || null;
    case 'status':
      return (i) => EVIDENCE_STATUSES.indexOf(i.status);
    case 'criteria':
      return (i) => i.criteria.map((c) => c.criterionId).join(' ') || null;
    case 'evidenceDate':
      return (i) => i.evidenceDate;
    case 'reviewBy':
      return (i) => i.reviewBy;
  }
}

function compare(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
}

function sortItems(items: Item[], sort: EvidenceSort, direction: 'ascending' | 'descending'): Item[] {
  const key = sortKey(sort);
  const sign = direction === 'ascending' ? 1 : -1;
  const keyed = items.map((item) => ({ item, key: key(item) }));
  keyed.sort((a, b) => {
    if (a.key === null || b.key === null) {
      if (a.key !== b.key) return a.key === null ? 1 : -1;
    } else {
      const byKey = compare(a.key, b.key);
      if (byKey !== 0) return sign * byKey;
    }
    // Ties in title order, then by id, so paging never shows a row twice or skips one.
    return collator.compare(a.item.title, b.item.title) || a.item.id - b.item.id;
  });
  return keyed.map((k) => k.item);
}

function facetLabel(facet: EvidenceFacet, value: string, labels: Labels, spelling: Map<string, string>): string {
  switch (facet) {
    case 'status':
      return EVIDENCE_STATUS_LABELS[value as EvidenceStatusName] ?? value;
    case 'review':
      return REVIEW_LABELS[value as ReviewState] ?? value;
    case 'judgement':
      return labels.judgement(value);
    case 'criterion':
      return labels.criterion(value);
    case 'type':
      return formatLabel(value);
    case 'tagged':
      return value === 'yes' ? 'Tagged' : 'Not tagged';
    case 'team':
    case 'owner':
      return spelling.get(value) ?? value;
    default:
      return value;
  }
}

/** Fixed-order facets list their values in that order; the others most common first. */
const FIXED_ORDER: Partial<Record<EvidenceFacet, readonly string[]>> = {
  status: EVIDENCE_STATUSES,
  review: ['overdue', 'soon', 'not-due', 'none'],
  tagged: ['yes', 'no'],
};

function countFacets(items: Item[], matchesText: Item[], filters: Map<EvidenceFacet, Set<string>>, labels: Labels): Record<string, FacetValue[]> {
  // The first spelling seen of a team or owner names its facet value ("Care Leavers", not "care leavers").
  const spelling = new Map<string, string>();
  for (const i of items) {
    if (i.team && !spelling.has(i.team.toLowerCase())) spelling.set(i.team.toLowerCase(), i.team);
    if (i.owner && !spelling.has(i.owner.toLowerCase())) spelling.set(i.owner.toLowerCase(), i.owner);
  }
  const facets: Record<string, FacetValue[]> = {};
  for (const facet of EVIDENCE_FACETS) {
    // Criteria are many: listed only once a judgement is chosen, for that judgement's criteria.
    const judgements = filters.get('judgement');
    if (facet === 'criterion' && !judgements) {
      facets[facet] = [];
      continue;
    }
    const counts = new Map<string, number>();
    for (const item of matchesText) {
      if (!passesFilters(item, filters, facet)) continue;
      const values = facet === 'criterion' ? criteriaOfJudgements(item, judgements!) : item.values[facet];
      for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    // A ticked value stays listed (at 0) so it can be unticked.
    for (const v of filters.get(facet) ?? []) if (!counts.has(v)) counts.set(v, 0);
    const order = FIXED_ORDER[facet];
    facets[facet] = [...counts]
      .map(([value, count]) => ({ value, count, label: facetLabel(facet, value, labels, spelling) }))
      .sort((a, b) =>
        order ? order.indexOf(a.value) - order.indexOf(b.value) : facet === 'year' ? b.value.localeCompare(a.value) : b.count - a.count || collator.compare(a.label, b.label),
      );
  }
  return facets;
}

/** The item's criteria that belong to one of the chosen judgements. */
function criteriaOfJudgements(item: Item, judgements: Set<string>): string[] {
  if (item.status === 'retired') return [];
  return [...new Set(item.tagged.filter((t) => judgements.has(t.judgementId)).map((t) => t.criterionId))];
}

/** The table for a query: the page of rows, every matching id in order, and the facet counts. */
export function evidenceTable(db: Db, query: EvidenceTableRequest, labels: Labels): EvidenceTable {
  const items = readItems(db, today());
  const words = query.text.toLowerCase().split(/\s+/u).filter(Boolean);
  const matchesText = words.length ? items.filter((i) => words.every((w) => i.haystack.includes(w))) : items;
  const filters = new Map<EvidenceFacet, Set<string>>();
  for (const facet of EVIDENCE_FACETS) {
    const wanted = query.filters[facet];
    if (wanted?.length) filters.set(facet, new Set(facet === 'team' || facet === 'owner' ? wanted.map((v) => v.toLowerCase()) : wanted));
  }
  const matched = sortItems(
    matchesText.filter((i) => passesFilters(i, filters)),
    query.sort,
    query.direction,
  );
  const page = matched.slice(query.offset, query.offset + query.limit);
  return {
    total: items.length,
    matched: matched.length,
    offset: query.offset,
    rows: page.map(toRow),
    ids: matched.map((i) => i.id),
    facets: countFacets(items, matchesText, filters, labels),
  };
}

function toRow(item: Item): EvidenceRow {
  const { id, documentId, title, team, status, criteria, evidenceDate, reviewBy, review, owner, format, fileMissing, changedSinceTagged } = item;
  return { id, documentId, title, team, status, criteria, evidenceDate, reviewBy, review, owner, format, fileMissing, changedSinceTagged };
}
