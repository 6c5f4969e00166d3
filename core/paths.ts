/**
 * Where the app keeps its data when not told otherwise: the same folder Electron calls `userData`
 * for an app named "Evidence Store", so the desktop app, the CLI and browser mode share one index.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Evidence Store';
export const DATABASE_FILE = 'evidence-store.db';
/**
 * The desktop app's key for an encrypted index, itself encrypted by the operating system
 * (electron/main/store-key.ts). Named here so the core can tell a user of the command line that
 * an index is locked with it.
 */
export const DESKTOP_KEY_FILE = 'index-key.bin';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.EVIDENCE_STORE_DATA) return env.EVIDENCE_STORE_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export function defaultDatabasePath(): string {
  return join(defaultDataDir(), DATABASE_FILE);
}
