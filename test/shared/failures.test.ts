import { describe, expect, it } from 'vitest';
import { FailureReason } from '../../shared/contract.ts';
import { failureLabel, failureMessage } from '../../shared/failures.ts';

describe('failure reasons in words', () => {
  it('give every reason the contract names a label and a message that says what to do', () => {
    for (const reason of [...FailureReason.options, 'unsupported', 'no-text']) {
      expect(failureLabel(reason), reason).not.toMatch(/-/u);
      expect(failureMessage(reason), reason).not.toBe('The file could not be indexed.');
    }
    expect(failureLabel('crashed')).toBe('The reader stopped');
    expect(failureMessage('internal-error')).toMatch(/tried again at the next scan/u);
  });

  it('still say something for a reason from a newer version', () => {
    expect(failureLabel('locked-by-user')).toBe('Locked by user');
    expect(failureMessage('locked-by-user')).toBe('The file could not be indexed.');
  });
});
