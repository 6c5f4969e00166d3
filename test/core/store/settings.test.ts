import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, readSettings, writeSettings } from '../../../core/store/settings.ts';
import { tempDir } from '../../helpers/temp.ts';
import { testCore, testDatabase, testHost } from '../../helpers/core.ts';

describe('settings', () => {
  it('start from defaults and keep what the user changes', () => {
    const file = join(tempDir(), 'index.db');
    const db = testDatabase(file);
    expect(readSettings(db)).toEqual(DEFAULT_SETTINGS);
    writeSettings(db, { rescanMinutes: 5, watchFolders: false });
    db.close();
    expect(readSettings(testDatabase(file))).toEqual({ ...DEFAULT_SETTINGS, rescanMinutes: 5, watchFolders: false });
  });

  it('ignore a damaged stored value instead of failing to start', () => {
    const db = testDatabase(join(tempDir(), 'index.db'));
    db.prepare("INSERT INTO settings (key, value) VALUES ('timeoutSeconds', '\"soon\"'), ('maxFileMB', '{')").run();
    writeSettings(db, { workers: 2 });
    expect(readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, workers: 2 });
  });

  it('are validated through the API and applied to the workers', async () => {
    const dir = tempDir();
    const core = testCore(dir, {}); // no --workers override: the setting decides
    const { dispatch } = core.api(testHost);
    expect(await dispatch('settings.set', { workers: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatch('settings.set', { colour: 'red' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    const r = await dispatch('settings.set', { workers: 3, maxFileMB: 50 });
    expect(r).toMatchObject({ ok: true, data: { workers: 3, maxFileMB: 50 } });
    // the new pool takes over once the indexer is idle (it is, so within a moment)
    for (let i = 0; i < 100 && core.extraction.size !== 3; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(core.extraction.size).toBe(3);
  });
});
