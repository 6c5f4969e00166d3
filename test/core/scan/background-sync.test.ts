import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isWatchable } from '../../../core/scan/background-sync.ts';
import { search } from '../../../core/search/search.ts';
import { writeSettings } from '../../../core/store/settings.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testHost } from '../../helpers/core.ts';

describe('isWatchable', () => {
  it('never trusts change notifications from a share', () => {
    expect(isWatchable('\\\\server\\share\\Evidence', 'win32')).toBe(false);
    expect(isWatchable('//server/share/Evidence', 'linux')).toBe(false);
  });

  it('treats only the Windows system drive as surely local', () => {
    expect(isWatchable('C:\\Evidence', 'win32', 'C:')).toBe(true);
    expect(isWatchable('s:\\Evidence', 'win32', 'C:')).toBe(false);
  });

  it('watches a local Linux folder', () => {
    expect(isWatchable(tempDir(), 'linux')).toBe(true);
  });
});

describe('background sync', () => {
  it('notices a new file in a watched folder and indexes it without being asked', async () => {
    const dir = tempDir();
    const root = join(dir, 'Evidence');
    mkdirSync(root);
    writeFileSync(join(root, 'first.txt'), 'The first note.');
    const core = testCore(dir);
    writeSettings(core.db, { rescanMinutes: 0, watchFolders: true });
    const { dispatch } = core.api(testHost);
    await dispatch('roots.add', { path: root });
    core.startBackgroundSync();
    await core.indexer.idle();
    writeFileSync(join(root, 'second.txt'), 'A note about kinship carers.');
    for (let i = 0; i < 150 && search(core.db, 'kinship').total === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(search(core.db, 'kinship').total).toBe(1);
  });
});
