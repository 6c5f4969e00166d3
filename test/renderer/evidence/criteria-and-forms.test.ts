import { describe, expect, it } from 'vitest';
import type { EvidenceItem, FrameworkView } from '../../../shared/contract.ts';
import { criterionLabel, filterCriteria, flattenCriteria, groupByJudgement } from '../../../renderer/src/frameworks/criteria.ts';
import { resolveActive } from '../../../renderer/src/frameworks/useFrameworks.ts';
import { fieldsToSave, formFor, isDirty, validateForm } from '../../../renderer/src/evidence/evidence-form.ts';
import { describeHistory } from '../../../renderer/src/evidence/history-text.ts';
import { readDragDocuments, setDragDocuments, DOCUMENT_DRAG_TYPE } from '../../../renderer/src/evidence/drag.ts';

const framework: FrameworkView = {
  id: 'plan',
  title: 'Improvement plan',
  judgements: [
    {
      id: 'cic',
      title: 'The experiences and progress of children in care',
      shortTitle: 'Children in care',
      criteria: [
        { id: 'CIC05', title: 'Stable, well-matched homes', keywords: ['placement stability', 'sufficiency'] },
        { id: 'R1', title: 'Improve return home interviews', children: [{ id: 'R1.1', title: 'Audit interviews quarterly' }] },
      ],
    },
    { id: 'lead', title: 'Leaders', criteria: [{ id: 'L01', title: 'Leaders know practice well' }] },
  ],
};

describe('criteria for the picker', () => {
  const all = flattenCriteria(framework);

  it('flattens judgement > criterion > sub-criterion, knowing parents', () => {
    expect(all.map((c) => [c.id, c.depth, c.parentId, c.judgementShort])).toEqual([
      ['CIC05', 0, null, 'Children in care'],
      ['R1', 0, null, 'Children in care'],
      ['R1.1', 1, 'R1', 'Children in care'],
      ['L01', 0, null, 'Leaders'],
    ]);
    expect(criterionLabel(all[0])).toBe('CIC05 · Stable, well-matched homes');
  });

  it('matches the starts of words in titles, ids, keywords and judgements', () => {
    expect(filterCriteria(all, 'stab hom').map((c) => c.id)).toEqual(['CIC05']);
    expect(filterCriteria(all, 'sufficiency').map((c) => c.id)).toEqual(['CIC05']);
    expect(filterCriteria(all, 'r1').map((c) => c.id)).toEqual(['R1', 'R1.1']);
    expect(filterCriteria(all, 'leaders').map((c) => c.id)).toEqual(['L01']);
    expect(filterCriteria(all, '').length).toBe(4);
    expect(filterCriteria(all, 'zebra')).toEqual([]);
  });

  it('groups what is left by judgement', () => {
    expect(groupByJudgement(filterCriteria(all, 'interviews')).map((g) => [g.title, g.criteria.map((c) => c.id)])).toEqual([['Children in care', ['R1', 'R1.1']]]);
  });

  it('uses the chosen framework while it exists, else the default', () => {
    const list = [
      { id: 'ilacs-2026', isDefault: true },
      { id: 'plan', isDefault: false },
    ] as unknown as Parameters<typeof resolveActive>[0];
    expect(resolveActive(list, 'plan')).toBe('plan');
    expect(resolveActive(list, 'deleted-one')).toBe('ilacs-2026');
    expect(resolveActive(list, null)).toBe('ilacs-2026');
    expect(resolveActive([], null)).toBeNull();
  });
});

const item: EvidenceItem = {
  id: 7,
  documentId: 3,
  title: 'Placement review',
  summary: '',
  team: 'Children in care',
  evidenceDate: '2025-01-10',
  reviewBy: null,
  status: 'draft',
  personalData: false,
  changedSinceTagged: false,
  fileMissing: false,
  stale: false,
  tags: [],
  createdAt: '2025-01-10T10:00:00Z',
  updatedAt: '2025-01-10T10:00:00Z',
};

describe('the evidence form', () => {
  it('starts new evidence titled after the document, as a draft', () => {
    const form = formFor(null, 'Placement Stability Review 2024');
    expect(form.title).toBe('Placement Stability Review 2024');
    expect(form.status).toBe('draft');
    expect(isDirty(form, null)).toBe(true);
    expect(fieldsToSave(form, null)).toEqual({ title: 'Placement Stability Review 2024', summary: '', team: '', evidenceDate: null, reviewBy: null, status: 'draft', personalData: false });
  });

  it('sends only what changed, with empty dates as null', () => {
    const form = { ...formFor(item, 'x'), status: 'approved' as const, evidenceDate: '' };
    expect(fieldsToSave(form, item)).toEqual({ status: 'approved', evidenceDate: null });
    expect(isDirty(formFor(item, 'x'), item)).toBe(false);
  });

  it('names the problems beside their fields', () => {
    expect(validateForm({ ...formFor(item, 'x'), title: '  ' }).title).toMatch(/title/u);
    expect(validateForm({ ...formFor(item, 'x'), reviewBy: '2024-01-01' }).reviewBy).toMatch(/before the evidence date/u);
    expect(validateForm(formFor(item, 'x'))).toEqual({});
  });
});

describe('history in words', () => {
  const entry = (action: string, detail: Record<string, unknown>) => ({ at: '2025-01-01T00:00:00Z', user: 'sam', evidenceId: 1, documentId: 1, action, detail });
  it('describes tags, field changes and confirmations', () => {
    expect(describeHistory(entry('tagged', { frameworkId: 'ilacs-2026', criterionId: 'CIC05', strength: 'key', note: '' }))).toBe('Tagged CIC05 (key) in ilacs-2026');
    expect(describeHistory(entry('updated', { status: { from: 'draft', to: 'approved' } }))).toBe('Status: draft → approved');
    expect(describeHistory(entry('untagged', { frameworkId: 'f', criterionId: 'A1' }))).toBe('Removed tag A1 in f');
    expect(describeHistory(entry('content confirmed', {}))).toMatch(/Confirmed/u);
    expect(describeHistory(entry('something new', {}))).toBe('Something new');
  });
});

describe('dragging documents', () => {
  function transfer(): DataTransfer {
    const data = new Map<string, string>();
    return {
      setData: (type: string, value: string) => void data.set(type, value),
      getData: (type: string) => data.get(type) ?? '',
      get types() {
        return [...data.keys()];
      },
      effectAllowed: 'all',
    } as unknown as DataTransfer;
  }

  it('carries document ids under its own type, and ignores anything else', () => {
    const t = transfer();
    setDragDocuments(t, [3, 5], 'Placement review');
    expect(t.types).toContain(DOCUMENT_DRAG_TYPE);
    expect(readDragDocuments(t)).toEqual([3, 5]);
    const other = transfer();
    other.setData('text/plain', '[1,2]');
    expect(readDragDocuments(other)).toEqual([]);
    const bad = transfer();
    bad.setData(DOCUMENT_DRAG_TYPE, '["x", -1, 2.5, 4]');
    expect(readDragDocuments(bad)).toEqual([4]);
  });
});
