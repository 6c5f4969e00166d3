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
    ['shared/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['renderer/src/x.tsx', "import { search } from '../../core/search/search.ts';\nexport const a = search;"],
    ['renderer/src/x.tsx', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
    ['shared/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['core/x.ts', "import { startServer } from '../electron/server/server.ts';\nexport const a = startServer;"],
    ['cli/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/preload/x.ts', "import { search } from '../../core/search/search.ts';\nexport const a = search;"],
  ])('refuses the wrong-way import in %s', async (file, code) => {
    expect(await problems(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['electron/main/x.ts', "import { app } from 'electron';\nimport { openCore } from '../../core/core.ts';\nexport const a = [app, openCore];"],
    ['renderer/src/x.tsx', "import type { Api } from '../../shared/contract.ts';\nexport type A = Api;"],
    ['cli/x.ts', "import { openCore } from '../core/core.ts';\nexport const a = openCore;"],
  ])('allows the right-way import in %s', async (file, code) => {
    expect(await problems(file, code)).not.toContain('no-restricted-imports');
  });
});
