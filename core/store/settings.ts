/** The user's settings, with defaults for anything not set. */
import type { Db } from './database.ts';
import { Settings } from '../../shared/contract.ts';
import { availableParallelism } from 'node:os';

export const DEFAULT_SETTINGS: Settings = {
  // Leave a core for the UI and the database writer.
  workers: Math.max(1, Math.min(4, availableParallelism() - 1)),
  timeoutSeconds: 60,
  maxFileMB: 200,
  rescanMinutes: 30,
  watchFolders: true,
};

export function readSettings(db: Db): Settings {
  const stored: Record<string, unknown> = {};
  for (const row of db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]) {
    try {
      stored[row.key] = JSON.parse(row.value);
    } catch {
      // A damaged value falls back to its default rather than breaking start-up.
    }
  }
  const merged = { ...DEFAULT_SETTINGS, ...stored };
  const parsed = Settings.safeParse(merged);
  if (parsed.success) return parsed.data;
  // Keep what is valid, key by key.
  const out = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const one = Settings.shape[key].safeParse(stored[key]);
    if (one.success) (out as Record<string, unknown>)[key] = one.data;
  }
  return out;
}

export function writeSettings(db: Db, changes: Partial<Settings>): Settings {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
  })();
  return readSettings(db);
}
