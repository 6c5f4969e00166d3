import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp.ts';
import { testCore } from '../../helpers/core.ts';
import { evidenceLibrary } from '../../helpers/evidence-fixture.ts';
import { addTag, saveEvidence, today } from '../../../core/evidence/evidence.ts';
import { evidenceTable, type Labels } from '../../../core/evidence/evidence-table.ts';
import { MissingEvidence, setStatuses } from '../../../core/evidence/bulk-status.ts';
import { listHistory } from '../../../core/evidence/history.ts';
import { EvidenceTableQuery, type EvidenceTableQuery as Query } from '../../../shared/evidence-table.ts';
import type { Db } from '../../../core/store/database.ts';

const labels: Labels = { judgement: (id) => `Judgement ${id}`, criterion: (id) => `Criterion ${id}` };
const plan = { frameworkId: 'test-improvement-plan', note: '' };

function inDays(days: number): string {
  const d = new Date(`${today()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Three evidence items made by two people:
 * - "Pathway plans": Care Leavers, approved, R1.1 (key) and R2.1, dated 2024, review-by passed (Alice).
 * - "Supervision audit": Social Work, draft, R2.1, dated 2023, review-by in ten days (Bob).
 * - "housing": care leavers (another spelling), draft, untagged, no dates (Alice).
 */
async function library() {
  const dir = tempDir();
  const core = testCore(dir);
  const { doc } = await evidenceLibrary(core, dir);
  const db = core.db;
  const pathway = saveEvidence(db, doc('pathway-plans.txt'), { title: 'Pathway plans', team: 'Care Leavers', status: 'approved', evidenceDate: '2024-05-01', reviewBy: '2020-01-01' }, 'Alice');
  const supervision = saveEvidence(db, doc('supervision-audit.txt'), { title: 'Supervision audit', team: 'Social Work', summary: 'Reflective supervision is regular', evidenceDate: '2023-01-10', reviewBy: inDays(10) }, 'Bob');
  const housing = saveEvidence(db, doc('housing.txt'), { team: 'care leavers' }, 'Alice');
  addTag(db, [pathway.documentId], { ...plan, judgementId: 'r1', criterionId: 'R1.1', strength: 'key' }, 'Alice');
  addTag(db, [pathway.documentId, supervision.documentId], { ...plan, judgementId: 'r2', criterionId: 'R2.1', strength: 'supporting' }, 'Bob');
  return { db, ids: { pathway: pathway.id, supervision: supervision.id, housing: housing.id } };
}

const table = (db: Db, query: Query = {}) => evidenceTable(db, EvidenceTableQuery.parse(query), labels);
const titles = (db: Db, query: Query = {}) => table(db, query).rows.map((r) => r.title);
const facet = (db: Db, name: string, query: Query = {}) => Object.fromEntries(table(db, query).facets[name].map((f) => [f.label, f.count]));

describe('the evidence table', () => {
  it('lists every item with its columns: team, status, criteria, dates, review state and the owner who made it evidence', async () => {
    const { db } = await library();
    const t = table(db);
    expect(t).toMatchObject({ total: 3, matched: 3, offset: 0 });
    expect(t.rows.find((r) => r.title === 'Pathway plans')).toMatchObject({
      team: 'Care Leavers',
      status: 'approved',
      criteria: [
        { criterionId: 'R1.1', strength: 'key' },
        { criterionId: 'R2.1', strength: 'supporting' },
      ],
      evidenceDate: '2024-05-01',
      reviewBy: '2020-01-01',
      review: 'overdue',
      owner: 'Alice',
      format: 'text',
      fileMissing: false,
    });
    expect(t.rows.find((r) => r.title === 'Supervision audit')).toMatchObject({ review: 'soon', owner: 'Bob' });
    expect(t.rows.find((r) => r.title === 'housing')).toMatchObject({ review: 'none', criteria: [], evidenceDate: null });
  });

  it('sorts by each column both ways, empty values last either way', async () => {
    const { db } = await library();
    expect(titles(db)).toEqual(['housing', 'Pathway plans', 'Supervision audit']);
    expect(titles(db, { direction: 'descending' })).toEqual(['Supervision audit', 'Pathway plans', 'housing']);
    expect(titles(db, { sort: 'evidenceDate' })).toEqual(['Supervision audit', 'Pathway plans', 'housing']);
    expect(titles(db, { sort: 'evidenceDate', direction: 'descending' })).toEqual(['Pathway plans', 'Supervision audit', 'housing']);
    expect(titles(db, { sort: 'reviewBy' })).toEqual(['Pathway plans', 'Supervision audit', 'housing']);
    expect(titles(db, { sort: 'reviewBy', direction: 'descending' })).toEqual(['Supervision audit', 'Pathway plans', 'housing']);
    // Draft before approved before retired (the statuses' own order), ties by title.
    expect(titles(db, { sort: 'status' })).toEqual(['housing', 'Supervision audit', 'Pathway plans']);
    expect(titles(db, { sort: 'status', direction: 'descending' })).toEqual(['Pathway plans', 'housing', 'Supervision audit']);
    expect(titles(db, { sort: 'criteria' })).toEqual(['Pathway plans', 'Supervision audit', 'housing']);
    expect(titles(db, { sort: 'criteria', direction: 'descending' })).toEqual(['Supervision audit', 'Pathway plans', 'housing']);
    expect(titles(db, { sort: 'owner', direction: 'descending' })).toEqual(['Supervision audit', 'housing', 'Pathway plans']);
    // Team ignores case: both care leavers' items tie and fall back to title order.
    expect(titles(db, { sort: 'team', direction: 'descending' })).toEqual(['Supervision audit', 'housing', 'Pathway plans']);
  });

  it('pages the rows and gives every matching id in order, so a selection can span pages', async () => {
    const { db, ids } = await library();
    const page2 = table(db, { sort: 'title', offset: 1, limit: 1 });
    expect(page2.rows.map((r) => r.title)).toEqual(['Pathway plans']);
    expect(page2).toMatchObject({ matched: 3, offset: 1 });
    expect(page2.ids).toEqual([ids.housing, ids.pathway, ids.supervision]);
  });

  it('filters by words, each found in the title, summary, team, owner or criteria, any case', async () => {
    const { db } = await library();
    expect(titles(db, { text: 'REFLECTIVE' })).toEqual(['Supervision audit']);
    expect(titles(db, { text: 'care leavers' })).toEqual(['housing', 'Pathway plans']);
    expect(titles(db, { text: 'r2.1' })).toEqual(['Pathway plans', 'Supervision audit']);
    expect(titles(db, { text: 'bob' })).toEqual(['Supervision audit']);
    expect(table(db, { text: 'nothing-like-this' })).toMatchObject({ total: 3, matched: 0, rows: [], ids: [] });
  });

  it('filters by facets: values of one facet widen, facets together narrow', async () => {
    const { db } = await library();
    expect(titles(db, { filters: { status: ['draft'] } })).toEqual(['housing', 'Supervision audit']);
    expect(titles(db, { filters: { status: ['draft', 'approved'] } })).toHaveLength(3);
    expect(titles(db, { filters: { status: ['draft'], team: ['CARE LEAVERS'] } })).toEqual(['housing']);
    expect(titles(db, { filters: { judgement: ['r1'] } })).toEqual(['Pathway plans']);
    expect(titles(db, { filters: { review: ['overdue', 'soon'] } })).toEqual(['Pathway plans', 'Supervision audit']);
    expect(titles(db, { filters: { owner: ['alice'], tagged: ['no'] } })).toEqual(['housing']);
    expect(titles(db, { filters: { year: ['2023'] } })).toEqual(['Supervision audit']);
    expect(titles(db, { filters: { folder: ['Evidence'], type: ['text'] } })).toHaveLength(3);
  });

  it('counts each facet with every filter but its own, so ticking a value shows what it would add', async () => {
    const { db } = await library();
    expect(facet(db, 'status')).toEqual({ Draft: 2, Approved: 1 });
    expect(facet(db, 'review')).toEqual({ 'Past review-by date': 1, 'Review due within 30 days': 1, 'No review-by date': 1 });
    // One team value for both spellings, named by the first spelling seen.
    expect(facet(db, 'team')).toEqual({ 'Care Leavers': 2, 'Social Work': 1 });
    expect(facet(db, 'owner')).toEqual({ Alice: 2, Bob: 1 });
    expect(facet(db, 'judgement')).toEqual({ 'Judgement r2': 2, 'Judgement r1': 1 });
    expect(facet(db, 'type')).toEqual({ Text: 3 });
    expect(facet(db, 'tagged')).toEqual({ Tagged: 2, 'Not tagged': 1 });
    // Ticking Draft: the status counts stay whole, the others count drafts only.
    const drafts = { filters: { status: ['draft'] } };
    expect(facet(db, 'status', drafts)).toEqual({ Draft: 2, Approved: 1 });
    expect(facet(db, 'team', drafts)).toEqual({ 'Care Leavers': 1, 'Social Work': 1 });
    // The words filter every count.
    expect(facet(db, 'status', { text: 'audit' })).toEqual({ Draft: 1 });
  });

  it('lists criteria only for the judgements chosen, and keeps a ticked value listed when nothing has it', async () => {
    const { db } = await library();
    expect(table(db).facets.criterion).toEqual([]);
    expect(facet(db, 'criterion', { filters: { judgement: ['r2'] } })).toEqual({ 'Criterion R2.1': 2 });
    expect(facet(db, 'criterion', { filters: { judgement: ['r1', 'r2'] } })).toEqual({ 'Criterion R2.1': 2, 'Criterion R1.1': 1 });
    expect(titles(db, { filters: { judgement: ['r1', 'r2'], criterion: ['R1.1'] } })).toEqual(['Pathway plans']);
    expect(facet(db, 'status', { filters: { status: ['retired'] } })).toEqual({ Draft: 2, Approved: 1, Retired: 0 });
  });

  it('counts retired evidence for no judgement and never as due for review', async () => {
    const { db, ids } = await library();
    setStatuses(db, [{ evidenceId: ids.pathway, status: 'retired' }], 'Alice');
    expect(facet(db, 'judgement')).toEqual({ 'Judgement r2': 1 });
    expect(table(db).rows.find((r) => r.id === ids.pathway)).toMatchObject({ review: 'not-due', status: 'retired' });
  });
});

describe('setting the status of many items', () => {
  it('changes each item, records each change in its history as a save would, and answers what it was', async () => {
    const { db, ids } = await library();
    const changed = setStatuses(
      db,
      [ids.pathway, ids.supervision, ids.housing].map((evidenceId) => ({ evidenceId, status: 'approved' as const })),
      'Carol',
    );
    // Pathway plans was already approved: no change, no history.
    expect(changed).toEqual([
      { evidenceId: ids.supervision, from: 'draft', to: 'approved' },
      { evidenceId: ids.housing, from: 'draft', to: 'approved' },
    ]);
    expect(titles(db, { filters: { status: ['approved'] } })).toHaveLength(3);
    expect(listHistory(db, { evidenceId: ids.supervision })[0]).toMatchObject({ user: 'Carol', action: 'updated', detail: { status: { from: 'draft', to: 'approved' } } });
    expect(listHistory(db, { evidenceId: ids.pathway }).filter((h) => h.user === 'Carol')).toEqual([]);
    // A save from the evidence panel records the same shape.
    const single = saveEvidence(db, table(db).rows.find((r) => r.id === ids.housing)!.documentId, { status: 'draft' }, 'Carol');
    expect(listHistory(db, { evidenceId: single.id })[0].detail).toEqual({ status: { from: 'approved', to: 'draft' } });
  });

  it('is undone by setting each item back to what it was', async () => {
    const { db, ids } = await library();
    const before = table(db).rows.map((r) => [r.id, r.status]);
    const changed = setStatuses(db, [ids.pathway, ids.supervision].map((evidenceId) => ({ evidenceId, status: 'retired' as const })), 'Carol');
    setStatuses(db, changed.map((c) => ({ evidenceId: c.evidenceId, status: c.from })), 'Carol');
    expect(table(db).rows.map((r) => [r.id, r.status])).toEqual(before);
  });

  it('changes nothing when an item no longer exists', async () => {
    const { db, ids } = await library();
    expect(() => setStatuses(db, [{ evidenceId: ids.housing, status: 'approved' }, { evidenceId: 9999, status: 'approved' }], 'Carol')).toThrow(MissingEvidence);
    expect(table(db).rows.find((r) => r.id === ids.housing)?.status).toBe('draft');
    expect(listHistory(db, { evidenceId: ids.housing }).filter((h) => h.user === 'Carol')).toEqual([]);
  });
});
