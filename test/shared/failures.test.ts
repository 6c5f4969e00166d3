import { describe, expect, it } from 'vitest';
import { FailureReason } from '../../shared/contract.ts';
import { failureGroupSentence, failureLabel, failureMessage } from '../../shared/failures.ts';

describe('failure reasons in words', () => {
  it('give every reason the contract names a label and a message that says what to do', () => {
    for (const reason of [...FailureReason.options, 'unsupported', 'no-text']) {
      expect(failureLabel(reason), reason).not.toMatch(/-/u);
      expect(failureMessage(reason), reason).not.toBe('The file could not be indexed.');
    }
    expect(failureLabel('crashed')).toBe('The reader stopped');
    expect(failureMessage('internal-error')).toMatch(/tried again at the next scan/u);
  });

  it('sum a group up in one plain sentence with its count and what to do', () => {
    expect(failureGroupSentence('encrypted', 12)).toBe('12 files are password-protected: ask the owner for an unprotected copy if it should be searchable');
    expect(failureGroupSentence('unreadable', 1)).toBe('1 file could not be opened: close it in other programs or check you may read it, then retry');
    expect(failureGroupSentence('unreadable', 1234)).toBe('1,234 files could not be opened: close them in other programs or check you may read them, then retry');
    for (const reason of [...FailureReason.options, 'unsupported', 'no-text']) {
      for (const n of [1, 3]) expect(failureGroupSentence(reason, n), reason).toMatch(/^\d+ files? [a-z][^:]*: [a-z]/u);
      // One file is never spoken of as many.
      expect(failureGroupSentence(reason, 1), reason).not.toMatch(/\b(they|them|their|are)\b/u);
    }
  });

  it('still say something for a reason from a newer version', () => {
    expect(failureLabel('locked-by-user')).toBe('Locked by user');
    expect(failureMessage('locked-by-user')).toBe('The file could not be indexed.');
    expect(failureGroupSentence('locked-by-user', 2)).toBe('2 files could not be indexed (locked by user)');
  });
});
