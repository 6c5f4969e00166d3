import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

/** The rule ids ESLint reports for `code` as if it were the file at `filePath`. */
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('layer rules', () => {
  it.each([
    ['core/search/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['core/search/x.ts', "export async function a() { return (await import('electron')).app; }"],
    ['core/search/x.ts', "export const a = () => require('electron');"],
    ['core/search/x.ts', "export { app } from 'electron';"],
    ['shared/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['shared/x.ts', "import { createHash } from 'crypto';\nexport const a = createHash;"],
    ['shared/x.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const a = Database;"],
    ['renderer/src/x.tsx', "import { search } from '../../core/search/search.ts';\nexport const a = search;"],
    ['renderer/src/x.tsx', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
    ['renderer/src/x.tsx', "import { randomUUID } from 'crypto';\nexport const a = randomUUID;"],
    ['renderer/src/x.tsx', "import { join } from 'path/posix';\nexport const a = join;"],
    ['core/x.ts', "import { startServer } from '../electron/server/server.ts';\nexport const a = startServer;"],
    ['cli/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['cli/x.ts', "import '../electron/main/main.ts';"],
    ['cli/commands/x.ts', "import { openDatabase } from '../../core/store/database.ts';\nexport const a = openDatabase;"],
    ['cli/commands/x.ts', "import { search } from '../../core/search/search.ts';\nexport const a = search;"],
    ['electron/server/x.ts', "import { listRoots } from '../../core/store/roots.ts';\nexport const a = listRoots;"],
    ['electron/main/x.ts', "import { Indexer } from '../../core/scan/indexer.ts';\nexport const a = Indexer;"],
    ['electron/preload/x.ts', "import { search } from '../../core/search/search.ts';\nexport const a = search;"],
    ['core/x.ts', "export async function a(name: string) { return import(name); }"],
  ])('refuses the wrong-way import in %s: %s', async (file, code) => {
    expect(await problems(file, code)).toContain('layers/imports');
  });

  it.each([
    ['core/api/handlers.ts', "export const a = (db: { prepare(s: string): unknown }) => db.prepare('SELECT 1');"],
    ['cli/commands/x.ts', "export const a = (db: { exec(s: string): unknown }) => db.exec('DELETE FROM roots');"],
    ['electron/main/x.ts', "export const a = (db: { pragma(s: string): unknown }) => db.pragma('user_version');"],
  ])('refuses SQL outside the store in %s', async (file, code) => {
    expect(await problems(file, code)).toContain('no-restricted-syntax');
  });

  it.each([
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { openCore } from '../../core/core.ts';\nexport const a = [app, openCore];"],
    ['renderer/src/x.tsx', "import type { Api } from '../../shared/contract.ts';\nexport type A = Api;"],
    ['cli/x.ts', "import { openCore } from '../core/core.ts';\nimport { createLocalApi } from '../core/api/local-client.ts';\nexport const a = [openCore, createLocalApi];"],
    ['cli/commands/x.ts', "import { startServer } from '../../electron/server/server.ts';\nexport const a = startServer;"],
    ['core/store/x.ts', "import Database from 'better-sqlite3-multiple-ciphers';\nexport const a = (db: Database.Database) => db.prepare('SELECT 1');"],
    ['core/api/x.ts', "export const a = (text: string) => /x/u.exec(text);"],
    ['renderer/src/x.tsx', "export const load = () => import('pdfjs-dist');"],
  ])('allows the right-way import in %s', async (file, code) => {
    const found = await problems(file, code);
    expect(found).not.toContain('layers/imports');
    expect(found).not.toContain('no-restricted-syntax');
  });
});
