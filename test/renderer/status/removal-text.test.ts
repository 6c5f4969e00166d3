import { describe, expect, it } from 'vitest';
import type { RemovalProgress } from '../../../shared/contract.ts';
import { removalRunning, removalText, removalValue } from '../../../renderer/src/status/removal-text.ts';

const base: RemovalProgress = {
  rootId: 1, rootPath: '/shares/Children/Leaving care', phase: 'forgetting', done: 0, total: 1234, evidenceKept: 0, secondsLeft: null,
  startedAt: '2026-03-02T09:00:00.000Z', finishedAt: null, message: null,
};

describe('the status bar’s words for removing a folder and forgetting its text', () => {
  it('counts the documents while forgetting, with a percentage and the time left once known', () => {
    expect(removalText(base)).toBe('Removing “Leaving care”: forgetting the text of 1,234 documents… 0%');
    expect(removalText({ ...base, done: 500, secondsLeft: 150 })).toBe('Removing “Leaving care”: forgetting the text of 1,234 documents… 40% · about 3 min left');
    expect(removalValue({ ...base, done: 617 })).toBe(0.5);
    expect(removalRunning(base)).toBe(true);
  });

  it('says the compaction is working and may take minutes, with no percentage it cannot know', () => {
    const compacting = { ...base, phase: 'compacting' as const, done: 1234 };
    expect(removalText(compacting)).toBe('Removing “Leaving care”: compacting the index (this can take a few minutes)… Search works meanwhile.');
    expect(removalText(compacting)).not.toMatch(/%/u);
    expect(removalValue(compacting)).toBeUndefined();
    expect(removalRunning(compacting)).toBe(true);
  });

  it('says what happened when it ends', () => {
    expect(removalText({ ...base, phase: 'done', done: 1, finishedAt: '2026-03-02T09:05:00.000Z' })).toBe('“Leaving care” removed: the text of 1 document forgotten and the index compacted.');
    const failed = { ...base, phase: 'failed' as const, message: 'Its text was forgotten, but the index could not be compacted: database or disk is full' };
    expect(removalText(failed)).toBe('Removing “Leaving care” did not finish. Its text was forgotten, but the index could not be compacted: database or disk is full');
    expect(removalRunning(failed)).toBe(false);
    expect(removalRunning(null)).toBe(false);
  });
});
