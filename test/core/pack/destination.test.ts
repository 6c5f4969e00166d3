import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDestination, recoverInterrupted, swapIntoPlace, workingFolder } from '../../../core/pack/destination.ts';
import { PACK_FILES, PACK_SCHEMA } from '../../../shared/pack.ts';
import { tempDir } from '../../helpers/temp.ts';

function pack(folder: string, marker: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, PACK_FILES.meta), JSON.stringify({ schema: PACK_SCHEMA }));
  writeFileSync(join(folder, 'marker.txt'), marker);
}

describe('the destination of a pack', () => {
  it('may be new, empty, or a previous pack; never a folder of other things or a file', async () => {
    const dir = tempDir();
    expect(await prepareDestination(join(dir, 'New'))).toEqual({ path: join(dir, 'New'), previous: false });
    mkdirSync(join(dir, 'Empty'));
    expect(await prepareDestination(join(dir, 'Empty'))).toMatchObject({ previous: false });
    pack(join(dir, 'Old pack'), 'old');
    expect(await prepareDestination(join(dir, 'Old pack'))).toMatchObject({ previous: true });
    mkdirSync(join(dir, 'Mine'));
    writeFileSync(join(dir, 'Mine', PACK_FILES.meta), '{"schema": "something else"}');
    await expect(prepareDestination(join(dir, 'Mine'))).rejects.toMatchObject({ code: 'invalid-argument', field: 'destination' });
    writeFileSync(join(dir, 'a file'), 'x');
    await expect(prepareDestination(join(dir, 'a file'))).rejects.toMatchObject({ message: expect.stringContaining('is a file') });
    await expect(prepareDestination(join(dir, 'missing', 'Pack'))).rejects.toMatchObject({ message: expect.stringContaining('does not exist') });
  });

  it('takes the previous pack’s place only when swapped, and deletes the previous one after', async () => {
    const dir = tempDir();
    const path = join(dir, 'Pack');
    pack(path, 'old');
    const working = await workingFolder(path);
    pack(working, 'new');
    await swapIntoPlace(working, path);
    expect(readFileSync(join(path, 'marker.txt'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['Pack']);
  });

  it('after a process died mid-export: throws the half-built pack away and puts a previous pack moved aside back', async () => {
    const dir = tempDir();
    const path = join(dir, 'Pack');
    // Killed between the two renames: the old pack is aside, nothing in its place.
    pack(join(dir, '.Pack.previous-1a2b3c4d'), 'old');
    pack(join(dir, '.Pack.export-5e6f7a8b'), 'half');
    // Another folder's leftovers are not this destination's business.
    pack(join(dir, '.Other.export-00000000'), 'other');
    await recoverInterrupted(path);
    expect(readFileSync(join(path, 'marker.txt'), 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['.Other.export-00000000', 'Pack']);
  });

  it('after a process died once the new pack was in place: deletes the previous pack left aside', async () => {
    const dir = tempDir();
    const path = join(dir, 'Pack');
    pack(path, 'new');
    pack(join(dir, '.Pack.previous-1a2b3c4d'), 'old');
    await recoverInterrupted(path);
    expect(readFileSync(join(path, 'marker.txt'), 'utf8')).toBe('new');
    expect(existsSync(join(dir, '.Pack.previous-1a2b3c4d'))).toBe(false);
  });
});
