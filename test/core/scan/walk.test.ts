/**
 * Walking a folder tree in place: every regular file once, with its size and modified time, in
 * folder name order; litter and links passed over; a folder that cannot be read reported, and the
 * walk goes on; an abort stops it.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { walk, type WalkProblem, type WalkedFile } from '../../../core/scan/walk.ts';
import { tempDir } from '../../helpers/temp.ts';

async function walked(root: string, signal?: AbortSignal): Promise<{ files: WalkedFile[]; problems: WalkProblem[] }> {
  const files: WalkedFile[] = [];
  const problems: WalkProblem[] = [];
  for await (const f of walk(root, (p) => problems.push(p), signal)) files.push(f);
  return { files, problems };
}

const rel = (root: string, files: WalkedFile[]) => files.map((f) => f.path.slice(root.length + 1).replaceAll('\\', '/'));

describe('walking a folder tree', () => {
  it('yields every regular file once with its size and modified time, folders in name order', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'b', 'inner'), { recursive: true });
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'top.txt'), 'top');
    writeFileSync(join(root, 'a', 'one.txt'), 'one!');
    writeFileSync(join(root, 'b', 'two.txt'), 'two');
    writeFileSync(join(root, 'b', 'inner', 'three.txt'), 'three');
    utimesSync(join(root, 'a', 'one.txt'), new Date('2024-03-05T10:00:00Z'), new Date('2024-03-05T10:00:00Z'));
    const { files, problems } = await walked(root);
    expect(rel(root, files)).toEqual(['top.txt', 'a/one.txt', 'b/two.txt', 'b/inner/three.txt']);
    expect(files[1]).toMatchObject({ name: 'one.txt', size: 4, mtimeMs: Date.parse('2024-03-05T10:00:00Z') });
    expect(problems).toEqual([]);
  });

  it('yields every file of a folder bigger than one batch of file lookups', async () => {
    const root = tempDir();
    for (let i = 0; i < 150; i++) writeFileSync(join(root, `f${String(i).padStart(3, '0')}.txt`), 'x');
    const { files } = await walked(root);
    expect(new Set(files.map((f) => f.name)).size).toBe(150);
  });

  it('passes over Office lock files, hidden files, recycle bins and .git folders', async () => {
    const root = tempDir();
    mkdirSync(join(root, '$RECYCLE.BIN'));
    mkdirSync(join(root, '.git'));
    writeFileSync(join(root, '$RECYCLE.BIN', 'deleted.docx'), 'x');
    writeFileSync(join(root, '.git', 'config'), 'x');
    writeFileSync(join(root, '~$plan.docx'), 'lock');
    writeFileSync(join(root, '.hidden'), 'x');
    writeFileSync(join(root, 'Thumbs.db'), 'x');
    writeFileSync(join(root, 'plan.docx'), 'the plan');
    const { files } = await walked(root);
    expect(rel(root, files)).toEqual(['plan.docx']);
  });

  it('never follows a link, so a loop on a shared drive ends', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'real'));
    writeFileSync(join(root, 'real', 'file.txt'), 'x');
    symlinkSync(root, join(root, 'real', 'loop'), 'dir');
    symlinkSync(join(root, 'real', 'file.txt'), join(root, 'link.txt'));
    const { files } = await walked(root);
    expect(rel(root, files)).toEqual(['real/file.txt']);
  });

  it('reports a folder it cannot read and goes on with the rest', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'file.txt'), 'x');
    const { files, problems } = await walked(join(root, 'not-there'));
    expect(files).toEqual([]);
    expect(problems).toEqual([{ path: join(root, 'not-there'), code: 'ENOENT' }]);
    // A file given as the folder: reported, not thrown.
    expect((await walked(join(root, 'file.txt'))).problems).toEqual([{ path: join(root, 'file.txt'), code: 'ENOTDIR' }]);
  });

  it('reports a sub-folder that went away before it was read, and goes on with the next', async () => {
    const root = tempDir();
    for (const d of ['a', 'b', 'c']) {
      mkdirSync(join(root, d));
      writeFileSync(join(root, d, `${d}.txt`), 'x');
    }
    const files: string[] = [];
    const problems: WalkProblem[] = [];
    for await (const f of walk(root, (p) => problems.push(p))) {
      files.push(f.name);
      // Folder b is listed but not read yet: take it away (a share dropping one folder).
      if (f.name === 'a.txt') rmSync(join(root, 'b'), { recursive: true });
    }
    expect(files).toEqual(['a.txt', 'c.txt']);
    expect(problems).toEqual([{ path: join(root, 'b'), code: 'ENOENT' }]);
  });

  it('stops when aborted', async () => {
    const root = tempDir();
    for (const d of ['a', 'b', 'c']) {
      mkdirSync(join(root, d));
      writeFileSync(join(root, d, 'f.txt'), 'x');
    }
    const controller = new AbortController();
    const files: string[] = [];
    for await (const f of walk(root, () => {}, controller.signal)) {
      files.push(f.name);
      controller.abort();
    }
    expect(files).toHaveLength(1);
  });
});
