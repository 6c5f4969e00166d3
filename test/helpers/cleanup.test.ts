/**
 * The helpers undo what they made when the test that made it ends, wherever they were called
 * from. The tests in each block run in order: the first makes something, the next checks it is gone.
 * (A folder made in beforeAll is removed after the file; the leak guard checks that one.)
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp.ts';
import { testCore, testDatabase } from './core.ts';
import type { Core } from '../../core/core.ts';
import type { Db } from '../../core/store/database.ts';

describe('tempDir() in a test', () => {
  let made = '';
  it('makes a folder', () => {
    made = tempDir();
    expect(existsSync(made)).toBe(true);
  });
  it('which is gone once that test has ended', () => {
    expect(made).not.toBe('');
    expect(existsSync(made)).toBe(false);
  });
});

describe('tempDir() in beforeEach', () => {
  const made: string[] = [];
  beforeEach(() => {
    made.push(tempDir());
  });
  it('makes a folder for the test', () => {
    expect(existsSync(made[0])).toBe(true);
  });
  it('and removes it when the test ends', () => {
    expect(existsSync(made[0])).toBe(false);
    expect(existsSync(made[1])).toBe(true);
  });
});

describe('tempDir() in beforeAll', () => {
  let shared = '';
  beforeAll(() => {
    shared = tempDir();
  });
  it('makes a folder the whole file can use', () => {
    expect(existsSync(shared)).toBe(true);
  });
  it('that outlives each test', () => {
    expect(existsSync(shared)).toBe(true);
  });
});

describe('testCore() and testDatabase()', () => {
  let core: Core | null = null;
  let db: Db | null = null;
  it('open a core and a database', () => {
    const dir = tempDir();
    core = testCore(dir);
    db = testDatabase(join(dir, 'other.db'));
    expect(core.db.open && db.open).toBe(true);
  });
  it('which are closed once that test has ended', () => {
    expect(core?.db.open).toBe(false);
    expect(db?.open).toBe(false);
  });
});
