import { describe, expect, it } from 'vitest';
import { COUNT_LABELS, documentsText, failedText, gapsText, needsAttentionText } from '../../shared/counts.ts';

describe('the words for counts', () => {
  it('says what is counted, in the singular and the plural, with grouped digits', () => {
    expect(failedText(25)).toBe('25 files could not be read');
    expect(failedText(1)).toBe('1 file could not be read');
    expect(needsAttentionText(29)).toBe('29 files need attention');
    expect(needsAttentionText(1)).toBe('1 file needs attention');
    expect(gapsText(45)).toBe('45 criteria without approved evidence');
    expect(gapsText(1)).toBe('1 criterion without approved evidence');
    expect(documentsText(12345)).toBe('12,345 documents');
    expect(documentsText(1)).toBe('1 document');
  });

  it('names each count the same way wherever it is a heading', () => {
    expect(COUNT_LABELS).toMatchObject({ needsAttention: 'Files that need attention', failed: 'Could not be read', gaps: 'Criteria without approved evidence' });
  });
});
