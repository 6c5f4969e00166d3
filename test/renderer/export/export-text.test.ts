/** The Export area's rules apart from React: the request built from the choices, and the words for time and progress. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICES, toPackOptions, toggleJudgement, toggleStatus, type ExportChoices } from '../../../renderer/src/export/export-choices.ts';
import { scopeWords } from '../../../renderer/src/export/log-text.ts';
import { emptyScopeAdvice } from '../../../renderer/src/export/preview-text.ts';
import type { PackLogEntry } from '../../../shared/pack.ts';
import { FRAMEWORKS } from './fake-api.tsx';
import { durationWords, progressDetail, progressValue, timeLeftWords } from '../../../renderer/src/export/progress-text.ts';

const ALL = ['leaders', 'help', 'care'];
const choices = (patch: Partial<ExportChoices>): ExportChoices => ({ ...DEFAULT_CHOICES, frameworkId: 'ilacs-2026', ...patch });
const both = { annexa: { importedAt: '2024-03-14T09:30:00Z', inspectionDate: '2024-03-18' }, selfEvaluation: true };

describe('toPackOptions', () => {
  it('sends every judgement as [], a subset in the framework’s order, and nothing for no judgement', () => {
    expect(toPackOptions(choices({}), null, ALL)?.scope).toEqual({ frameworkId: 'ilacs-2026', judgementIds: [], statuses: ['approved'] });
    expect(toPackOptions(choices({ judgementIds: ['help', 'leaders', 'care'] }), null, ALL)?.scope?.judgementIds).toEqual([]);
    const c = choices({});
    expect(toggleJudgement(c, 'help', false, ALL)).toEqual(['leaders', 'care']);
    expect(toggleJudgement(choices({ judgementIds: ['care'] }), 'leaders', true, ALL)).toEqual(['leaders', 'care']);
    expect(toggleJudgement(choices({ judgementIds: ['leaders', 'care'] }), 'help', true, ALL)).toBe('all');
    expect(toPackOptions(choices({ judgementIds: [] }), null, ALL)).toBeNull();
    expect(toPackOptions(choices({ statuses: [] }), null, ALL)).toBeNull();
    expect(toPackOptions(choices({ frameworkId: null }), null, ALL)).toBeNull();
  });

  it('asks for an extra only when it is wanted and the app can include it; the audience is shared unless chosen', () => {
    expect(toPackOptions(choices({ annexa: true }), null, ALL)).toMatchObject({ include: [], audience: 'shared' });
    expect(toPackOptions(choices({ annexa: true }), { annexa: null, selfEvaluation: true }, ALL)?.include).toEqual(['self-evaluation']);
    expect(toPackOptions(choices({ annexa: true, audience: 'inspection-team' }), both, ALL)).toMatchObject({ include: ['annexa', 'self-evaluation'], audience: 'inspection-team' });
    expect(toPackOptions(choices({ selfEvaluation: false }), both, ALL)?.include).toEqual([]);
  });

  it('keeps statuses in one order whatever order they were ticked', () => {
    expect(toggleStatus(['approved'], 'retired', true)).toEqual(['approved', 'retired']);
    expect(toggleStatus(['approved', 'retired'], 'draft', true)).toEqual(['draft', 'approved', 'retired']);
    expect(toggleStatus(['draft', 'approved'], 'approved', false)).toEqual(['draft']);
  });
});

describe('words', () => {
  it('time left, in full words and rough', () => {
    expect(timeLeftWords(null)).toBeNull();
    expect(timeLeftWords(4)).toBe('a few seconds left');
    expect(timeLeftWords(45)).toBe('less than a minute left');
    expect(timeLeftWords(65)).toBe('about 1 minute left');
    expect(timeLeftWords(125)).toBe('about 2 minutes left');
    expect(timeLeftWords(2 * 3600 + 100)).toBe('about 2 hours left');
  });

  it('how long it took', () => {
    expect(durationWords(0.4)).toBe('under a second');
    expect(durationWords(1)).toBe('1 second');
    expect(durationWords(12.4)).toBe('12 seconds');
    expect(durationWords(125)).toBe('2 minutes 5 seconds');
    expect(durationWords(120)).toBe('2 minutes');
  });

  it('progress in bytes and files; an unknown total is an indeterminate bar', () => {
    const p = { phase: 'copying' as const, done: 512 * 1024, total: 3 * 1024 * 1024 * 1024, files: 1, secondsLeft: null, message: null };
    expect(progressDetail(p)).toBe('512 KB of 3.0 GB · 1 file');
    expect(progressValue(p)).toBeCloseTo(512 / (3 * 1024 * 1024));
    expect(progressValue({ ...p, total: 0 })).toBeUndefined();
    expect(progressDetail({ ...p, total: 0, files: 0 })).toBe('');
  });

  it('an empty scope’s advice follows the statuses chosen', () => {
    expect(emptyScopeAdvice(['approved'])).toContain('mark them approved, or include drafts');
    expect(emptyScopeAdvice(['draft', 'approved'])).toBe(
      'No draft or approved evidence for these judgements yet — tag documents in Search or Library against this framework’s criteria, or choose other judgements.',
    );
  });
});

describe('the log’s scope', () => {
  const entry = (patch: Partial<PackLogEntry>): PackLogEntry => ({
    id: 1, at: '2024-03-14T09:30:00Z', user: 'u', destination: 'D:\\Pack', frameworkId: 'ilacs-2026', judgementIds: [], statuses: ['approved'],
    include: [], audience: 'shared', outcome: 'done', evidence: 1, files: 1, bytes: 1, seconds: 1, message: null, ...patch,
  });

  it('reads every judgement of the framework as "all", as the app logs them by id', () => {
    expect(scopeWords(entry({ judgementIds: ['a', 'b', 'c'] }), FRAMEWORKS)).toBe('ILACS 2026 · all judgements · approved');
    expect(scopeWords(entry({ judgementIds: ['a', 'b'] }), FRAMEWORKS)).toBe('ILACS 2026 · 2 judgements · approved');
    expect(scopeWords(entry({ frameworkId: 'gone', judgementIds: ['a'], include: ['annexa'], audience: 'inspection-team' }), FRAMEWORKS)).toBe(
      'gone · 1 judgement · approved · Annex A (child-level)',
    );
  });
});
