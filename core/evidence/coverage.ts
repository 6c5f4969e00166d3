/**
 * Coverage of a framework by evidence: per criterion and judgement, how much approved, draft and
 * stale evidence there is, key or supporting; and the checks the group works through.
 */
import type { Db } from '../store/database.ts';
import type { Checks, Coverage } from '../../shared/contract.ts';
import { flattenCriteria, type Framework } from '../../shared/frameworks/index.ts';
import { today } from './evidence.ts';

type JudgementCoverage = Coverage['judgements'][number];
type CriterionCoverage = JudgementCoverage['criteria'][number];
type Counts = Pick<CriterionCoverage, 'approved' | 'draft' | 'stale' | 'key' | 'supporting'>;

interface TagRow {
  criterion_id: string;
  evidence_id: number;
  strength: 'key' | 'supporting';
  status: 'draft' | 'approved';
  review_by: string | null;
}

const zero = (): Counts => ({ approved: 0, draft: 0, stale: 0, key: 0, supporting: 0 });

/**
 * The one definition of a gap, used by coverage and the checks alike: a criterion without approved
 * evidence in date. Draft evidence, or evidence past its review-by date, does not close it.
 */
export function isGap(counts: Pick<Counts, 'approved'>): boolean {
  return counts.approved === 0;
}

function add(c: Counts, t: TagRow, now: string): void {
  if (t.review_by !== null && t.review_by < now) c.stale++;
  else if (t.status === 'approved') c.approved++;
  else c.draft++;
  if (t.strength === 'key') c.key++;
  else c.supporting++;
}

function tagRows(db: Db, frameworkId: string): TagRow[] {
  return db
    .prepare(
      `SELECT t.criterion_id, t.evidence_id, t.strength, e.status, e.review_by FROM tags t JOIN evidence e ON e.id = t.evidence_id
       WHERE t.framework_id = ? AND e.status <> 'retired'`,
    )
    .all(frameworkId) as TagRow[];
}

export function coverage(db: Db, framework: Framework): Coverage {
  const now = today();
  const byCriterion = new Map<string, TagRow[]>();
  const rows = tagRows(db, framework.id);
  for (const t of rows) byCriterion.set(t.criterion_id, [...(byCriterion.get(t.criterion_id) ?? []), t]);
  const flat = flattenCriteria(framework);
  const judgements = framework.judgements.map((j): JudgementCoverage => {
    const total = zero();
    const seen = new Set<number>();
    const criteria = flat
      .filter((c) => c.judgementId === j.id)
      .map((c): CriterionCoverage => {
        const counts = zero();
        for (const t of byCriterion.get(c.id) ?? []) {
          add(counts, t, now);
          // The judgement counts each evidence item once, however many of its criteria it serves.
          if (!seen.has(t.evidence_id)) {
            seen.add(t.evidence_id);
            add(total, t, now);
          }
        }
        return { id: c.id, title: c.title, parentId: c.parentId, depth: c.depth, ...counts, gap: isGap(counts) };
      });
    return { id: j.id, title: j.title, criteria, gaps: criteria.filter((c) => c.gap).length, ...total };
  });
  return { frameworkId: framework.id, judgements, evidenceCount: new Set(rows.map((r) => r.evidence_id)).size };
}

/** Evidence items behind one cell of the coverage table. */
export function evidenceForCriterion(db: Db, frameworkId: string, criterionId: string): number[] {
  return db
    .prepare(
      `SELECT e.id FROM tags t JOIN evidence e ON e.id = t.evidence_id
       WHERE t.framework_id = ? AND t.criterion_id = ? AND e.status <> 'retired' ORDER BY t.strength, e.title`,
    )
    .pluck()
    .all(frameworkId, criterionId) as number[];
}

export function checks(db: Db, framework: Framework): Checks {
  const now = today();
  const gaps = coverage(db, framework).judgements.flatMap((j) => j.criteria.filter((c) => c.gap).map((c) => ({ id: c.id, title: c.title, judgementId: j.id })));
  const ids = (sql: string, ...params: unknown[]) => db.prepare(sql).pluck().all(...params) as number[];
  const duplicates = (db
    .prepare(
      `SELECT t.criterion_id, f.name, json_group_array(DISTINCT e.id) AS ids
       FROM tags t JOIN evidence e ON e.id = t.evidence_id JOIN files f ON f.document_id = e.document_id AND f.missing = 0
       WHERE t.framework_id = ? AND e.status <> 'retired'
       GROUP BY t.criterion_id, lower(f.name) HAVING COUNT(DISTINCT e.id) > 1`,
    )
    .all(framework.id) as { criterion_id: string; name: string; ids: string }[]).map((r) => ({
    criterionId: r.criterion_id, name: r.name, evidenceIds: JSON.parse(r.ids) as number[],
  }));
  return {
    // The same criteria coverage marks as gaps: without approved evidence in date.
    criteriaWithoutEvidence: gaps,
    untagged: ids(`SELECT e.id FROM evidence e WHERE e.status <> 'retired' AND NOT EXISTS (SELECT 1 FROM tags t WHERE t.evidence_id = e.id) ORDER BY e.title`),
    pastReview: ids(`SELECT id FROM evidence WHERE status <> 'retired' AND review_by IS NOT NULL AND review_by < ? ORDER BY review_by`, now),
    fileMissing: ids(
      `SELECT e.id FROM evidence e WHERE e.status <> 'retired' AND NOT EXISTS (SELECT 1 FROM files f WHERE f.document_id = e.document_id AND f.missing = 0) ORDER BY e.title`,
    ),
    changedSinceTagged: ids(
      `SELECT e.id FROM evidence e JOIN documents d ON d.id = e.document_id WHERE e.status <> 'retired' AND d.sha256 <> e.tagged_sha256 ORDER BY e.title`,
    ),
    duplicates,
  };
}
