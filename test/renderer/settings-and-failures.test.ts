import { describe, expect, it } from 'vitest';
import type { Failure, Settings } from '../../shared/contract.ts';
import { groupFailures } from '../../renderer/src/library/failure-groups.ts';
import { failureLabel } from '../../shared/failures.ts';
import { changesOf, draftOf, fieldOfError, isDirty } from '../../renderer/src/settings/settings-form.ts';

const saved: Settings = { workers: 2, timeoutSeconds: 60, maxFileMB: 200, rescanMinutes: 30, watchFolders: true };

describe('the settings form', () => {
  it('sends only what changed, as numbers', () => {
    const draft = { ...draftOf(saved), rescanMinutes: ' 45 ', watchFolders: false };
    expect(isDirty(draft, saved)).toBe(true);
    expect(changesOf(draft, saved)).toEqual({ changes: { rescanMinutes: 45, watchFolders: false }, errors: {} });
    expect(isDirty(draftOf(saved), saved)).toBe(false);
  });

  it('keeps text that is not a whole number from the server, and leaves ranges to it', () => {
    const { changes, errors } = changesOf({ ...draftOf(saved), maxFileMB: '2.5', timeoutSeconds: '', workers: '0' }, saved);
    expect(errors).toEqual({ maxFileMB: 'Enter a whole number, with no units.', timeoutSeconds: 'Enter a number.' });
    expect(changes).toEqual({ workers: 0 });
  });

  it('puts the server’s validation error beside the field it names', () => {
    expect(fieldOfError('workers')).toEqual({
      key: 'workers',
      message: 'Not saved: choose a whole number from 1 to 16.',
    });
    expect(fieldOfError('rescanMinutes')?.message).toBe('Not saved: choose a whole number from 0 to 1,440.');
    expect(fieldOfError(undefined)).toBeNull();
    expect(fieldOfError('fields.title')).toBeNull();
  });
});

const failure = (path: string, status: Failure['status'], reason: string): Failure => ({
  path, rootId: 1, format: 'pdf', status, reason, message: `message for ${reason}`, detail: '', at: '2024-01-01T00:00:00Z',
});

describe('failures grouped by reason', () => {
  it('names reasons plainly and counts them, failed files first, biggest group first', () => {
    const groups = groupFailures([
      failure('a.7z', 'unsupported', 'unsupported'),
      failure('b.pdf', 'failed', 'corrupt'),
      failure('c.pdf', 'failed', 'encrypted'),
      failure('d.pdf', 'failed', 'encrypted'),
      failure('e.pdf', 'warning', 'no-text'),
    ]);
    expect(groups.map((g) => `${g.label} (${g.failures.length})`)).toEqual([
      'Password protected (2)',
      'Damaged, or not what the name says (1)',
      'Kind of file not supported yet (1)',
      'No text (scans) (1)',
    ]);
    expect(groups[0].message).toBe('message for encrypted');
    expect(groups.map((g) => g.sentence)).toEqual([
      '2 files are password-protected: ask the owner for an unprotected copy if it should be searchable',
      '1 file is damaged, or not what its name says: open it in its own application to check it, replace it with a good copy, then retry it',
      '1 file is a kind of file not indexed yet: it is listed so you know it is there',
      '1 file has no text (a scan?): it can only be found by its name; save a copy with text if it should be searchable',
    ]);
    // Reading again can help a file that failed, not one of a kind not supported or a scan.
    expect(groups.map((g) => g.retryable)).toEqual([true, true, false, false]);
  });

  it('says a detail every file of a group shares once, for the group, not per file', () => {
    const same = (path: string) => ({ ...failure(path, 'failed', 'corrupt'), detail: 'Invalid PDF structure: no xref table' });
    const [group] = groupFailures([same('a.pdf'), same('b.pdf'), same('c.pdf')]);
    expect(group.commonDetail).toBe('Invalid PDF structure: no xref table');
    const [mixed] = groupFailures([same('a.pdf'), { ...same('b.pdf'), detail: 'Unexpected end of file' }]);
    expect(mixed.commonDetail).toBeNull();
    // A detail that only repeats the plain message is not said at all.
    const [repeat] = groupFailures([{ ...same('a.pdf'), detail: 'message for corrupt' }, { ...same('b.pdf'), detail: 'message for corrupt' }]);
    expect(repeat.commonDetail).toBeNull();
  });

  it('shows an unknown reason as words', () => {
    expect(failureLabel('locked-by-user')).toBe('Locked by user');
  });
});
