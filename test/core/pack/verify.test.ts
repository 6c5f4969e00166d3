import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatManifest } from '../../../core/pack/manifest.ts';
import { verifyPack, type VerifyProgress } from '../../../core/pack/verify.ts';
import { tempDir } from '../../helpers/temp.ts';

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

const PACK: Record<string, string | Buffer> = {
  'index.html': '<!doctype html><title>Pack</title>',
  'pack.json': '{"schema":"evidence-store/pack@1"}',
  'Evidence index.xlsx': 'PK workbook',
  'evidence/1 Leadership/Plan.pdf': '%PDF-1.7 the improvement plan',
  'evidence/1 Leadership/Minutes.docx': 'minutes of the board',
  'evidence/2 Help and protection/Résumé – audit.pdf': '%PDF audit',
  'evidence/2 Help and protection/😀 survey.xlsx': Buffer.alloc(3 * 1024 * 1024 + 5, 7),
  'evidence/3 Care leavers/empty.txt': '',
};

function write(dir: string, path: string, content: string | Buffer): void {
  const full = join(dir, ...path.split('/'));
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
}

/** A pack as the export writes it: the files, and a manifest listing every one of them. */
function makePack(files: Record<string, string | Buffer> = PACK, manifest?: (text: string) => string): string {
  const dir = tempDir();
  for (const [path, content] of Object.entries(files)) write(dir, path, content);
  const text = formatManifest(Object.entries(files).map(([path, content]) => ({ path, sha256: sha256(content) })));
  writeFileSync(join(dir, 'manifest-sha256.txt'), manifest ? manifest(text) : text);
  return dir;
}

const untouched = { ok: true, files: Object.keys(PACK).length, missing: [], changed: [], extra: [], problems: [] };

describe('verifyPack', () => {
  it('finds an untouched pack ok', async () => {
    expect(await verifyPack(makePack())).toEqual(untouched);
  });

  it('finds a pack ok that sha256sum itself checks ok (the same manifest)', async () => {
    const dir = makePack();
    expect(execFileSync('sha256sum', ['--check', '--strict', '--quiet', 'manifest-sha256.txt'], { cwd: dir, encoding: 'utf8' })).toBe('');
    expect((await verifyPack(dir)).ok).toBe(true);
  });

  it('catches one changed byte, even when the size is the same', async () => {
    const dir = makePack();
    const path = join(dir, 'evidence', '2 Help and protection', '😀 survey.xlsx');
    const bytes = readFileSync(path);
    bytes[2 * 1024 * 1024 + 1] ^= 1;
    writeFileSync(path, bytes);
    expect(await verifyPack(dir)).toEqual({ ...untouched, ok: false, changed: ['evidence/2 Help and protection/😀 survey.xlsx'] });
  });

  it('catches a missing file', async () => {
    const dir = makePack();
    rmSync(join(dir, 'evidence', '1 Leadership', 'Minutes.docx'));
    expect(await verifyPack(dir)).toEqual({ ...untouched, ok: false, missing: ['evidence/1 Leadership/Minutes.docx'] });
  });

  it('catches an extra file, in a folder of the pack or a new one', async () => {
    const dir = makePack();
    write(dir, 'evidence/1 Leadership/Added later.pdf', 'x');
    write(dir, 'new folder/deeper/note.txt', 'y');
    expect(await verifyPack(dir)).toEqual({ ...untouched, ok: false, extra: ['evidence/1 Leadership/Added later.pdf', 'new folder/deeper/note.txt'] });
  });

  it('reports a changed, a missing and an extra file together, each list sorted', async () => {
    const dir = makePack();
    write(dir, 'evidence/1 Leadership/Plan.pdf', '%PDF-1.7 the improvement plan, edited');
    write(dir, 'index.html', 'replaced');
    rmSync(join(dir, 'evidence', '3 Care leavers', 'empty.txt'));
    rmSync(join(dir, 'pack.json'));
    write(dir, 'zzz.txt', 'z');
    write(dir, 'evidence/extra.pdf', 'e');
    expect(await verifyPack(dir)).toEqual({
      ...untouched,
      ok: false,
      changed: ['evidence/1 Leadership/Plan.pdf', 'index.html'],
      missing: ['evidence/3 Care leavers/empty.txt', 'pack.json'],
      extra: ['evidence/extra.pdf', 'zzz.txt'],
    });
  });

  it('does not count the manifest itself as extra', async () => {
    const result = await verifyPack(makePack({ 'a.txt': 'a' }));
    expect(result).toEqual({ ok: true, files: 1, missing: [], changed: [], extra: [], problems: [] });
  });

  it('finds an empty pack ok', async () => {
    expect(await verifyPack(makePack({}))).toEqual({ ok: true, files: 0, missing: [], changed: [], extra: [], problems: [] });
  });

  it('reads a manifest saved again on Windows (CRLF, byte-order mark)', async () => {
    const dir = makePack(PACK, (text) => `\uFEFF${text.replace(/\n/gu, '\r\n')}`);
    expect(await verifyPack(dir)).toEqual(untouched);
  });

  it('is not ok when the manifest has lines it cannot read, and says which', async () => {
    const dir = makePack(PACK, (text) => `${text}this is not a line of a manifest\n`);
    const result = await verifyPack(dir);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.stringMatching(/^Line 9 is not/u)]);
    expect(result).toMatchObject({ files: 8, missing: [], changed: [], extra: [] });
  });

  it('never reads outside the pack for a hostile manifest', async () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.txt'), 'secret');
    const dir = makePack({ 'a.txt': 'a' }, (text) => `${text}${sha256('secret')}  ../${outside.split('/').pop()}/secret.txt\n${sha256('secret')}  ${join(outside, 'secret.txt')}\n`);
    const result = await verifyPack(dir);
    expect(result).toMatchObject({ ok: false, files: 1, missing: [], changed: [], extra: [] });
    expect(result.problems).toHaveLength(2);
    expect(result.problems.join('\n')).toMatch(/outside the pack.*\n.*absolute path/u);
  });

  it('reports the manifest listing itself as a problem rather than a change', async () => {
    const dir = makePack({ 'a.txt': 'a' }, (text) => `${text}${'0'.repeat(64)}  manifest-sha256.txt\n`);
    expect(await verifyPack(dir)).toEqual({ ok: false, files: 1, missing: [], changed: [], extra: [], problems: ['The manifest lists itself, which cannot be checked.'] });
  });

  describe('what is not a pack', () => {
    it('says a folder without a manifest is not a pack, and what to choose instead', async () => {
      const dir = tempDir();
      write(dir, 'index.html', 'x');
      await expect(verifyPack(dir)).rejects.toThrow(`${dir} is not an Evidence Store pack: it has no manifest-sha256.txt. Choose the folder the export made`);
    });

    it('says a file is not a folder', async () => {
      const dir = makePack();
      await expect(verifyPack(join(dir, 'index.html'))).rejects.toThrow(/index\.html is not a folder\. Choose the pack's folder/u);
    });

    it('says a folder that does not exist does not exist', async () => {
      const dir = tempDir();
      await expect(verifyPack(join(dir, 'nowhere'))).rejects.toThrow(/nowhere does not exist\. Choose the folder the export made/u);
    });

    it('refuses a manifest that is a folder, or a link', async () => {
      const dir = tempDir();
      mkdirSync(join(dir, 'manifest-sha256.txt'));
      await expect(verifyPack(dir)).rejects.toThrow(/manifest-sha256\.txt in .* is not a file/u);
      const linked = tempDir();
      const elsewhere = makePack({ 'a.txt': 'a' });
      symlinkSync(join(elsewhere, 'manifest-sha256.txt'), join(linked, 'manifest-sha256.txt'));
      await expect(verifyPack(linked)).rejects.toThrow(/is not a file/u);
    });
  });

  describe('links inside the pack are never followed', () => {
    it('reports a listed file replaced by a link as changed, even to a file with the right content', async () => {
      const outside = tempDir();
      writeFileSync(join(outside, 'copy.pdf'), PACK['evidence/1 Leadership/Plan.pdf']);
      const dir = makePack();
      rmSync(join(dir, 'evidence', '1 Leadership', 'Plan.pdf'));
      symlinkSync(join(outside, 'copy.pdf'), join(dir, 'evidence', '1 Leadership', 'Plan.pdf'));
      expect(await verifyPack(dir)).toEqual({ ...untouched, ok: false, changed: ['evidence/1 Leadership/Plan.pdf'] });
    });

    it('reports an unlisted link as extra, and does not walk into a linked folder', async () => {
      const outside = tempDir();
      write(outside, 'inside/a.txt', 'a');
      const dir = makePack();
      symlinkSync(join(outside, 'inside'), join(dir, 'linked folder'));
      symlinkSync(join(outside, 'inside', 'a.txt'), join(dir, 'linked file.txt'));
      expect(await verifyPack(dir)).toEqual({ ...untouched, ok: false, extra: ['linked file.txt', 'linked folder'] });
    });

    it('does not read a listed file through a linked folder', async () => {
      const outside = tempDir();
      write(outside, 'Plan.pdf', PACK['evidence/1 Leadership/Plan.pdf']);
      write(outside, 'Minutes.docx', PACK['evidence/1 Leadership/Minutes.docx']);
      const dir = makePack();
      rmSync(join(dir, 'evidence', '1 Leadership'), { recursive: true });
      symlinkSync(outside, join(dir, 'evidence', '1 Leadership'));
      expect(await verifyPack(dir)).toEqual({
        ...untouched,
        ok: false,
        missing: ['evidence/1 Leadership/Minutes.docx', 'evidence/1 Leadership/Plan.pdf'],
        extra: ['evidence/1 Leadership'],
      });
    });

    it('does not follow a link put in place of a file after the folder was listed', async () => {
      const outside = tempDir();
      writeFileSync(join(outside, 'copy.pdf'), PACK['evidence/1 Leadership/Plan.pdf']);
      const dir = makePack();
      const plan = join(dir, 'evidence', '1 Leadership', 'Plan.pdf');
      let swapped = false;
      const result = await verifyPack(dir, {
        // Called once the folder is listed, before any file is read.
        onProgress: () => {
          if (swapped) return;
          swapped = true;
          rmSync(plan);
          symlinkSync(join(outside, 'copy.pdf'), plan);
        },
      });
      expect(result).toEqual({ ...untouched, ok: false, changed: ['evidence/1 Leadership/Plan.pdf'] });
    });

    it('reports a pipe where a file was as changed, without waiting on it', async () => {
      const dir = makePack();
      rmSync(join(dir, 'pack.json'));
      execFileSync('mkfifo', [join(dir, 'pack.json')]);
      expect(await verifyPack(dir)).toEqual({ ...untouched, ok: false, changed: ['pack.json'] });
    });

    it('starts from a link to the pack (a shortcut to it on the share)', async () => {
      const dir = makePack();
      const shortcut = join(tempDir(), 'pack');
      symlinkSync(dir, shortcut);
      expect(await verifyPack(shortcut)).toEqual(untouched);
    });
  });

  describe('names that changed on the way', () => {
    it('reports a file whose name now differs only by case once, as changed', async () => {
      const dir = makePack();
      renameSync(join(dir, 'evidence', '1 Leadership', 'Plan.pdf'), join(dir, 'evidence', '1 Leadership', 'PLAN.pdf'));
      expect(await verifyPack(dir)).toEqual({ ...untouched, ok: false, changed: ['evidence/1 Leadership/Plan.pdf'] });
    });

    it('takes a name stored decomposed (as macOS does) for the same name', async () => {
      const dir = makePack();
      const folder = join(dir, 'evidence', '2 Help and protection');
      renameSync(join(folder, 'Résumé – audit.pdf'), join(folder, 'Résumé – audit.pdf'.normalize('NFD')));
      expect(await verifyPack(dir)).toEqual(untouched);
    });

    it('reports a folder where a listed file was as missing, and what is in it as extra', async () => {
      const dir = makePack();
      rmSync(join(dir, 'pack.json'));
      write(dir, 'pack.json/inside.txt', 'x');
      expect(await verifyPack(dir)).toEqual({ ...untouched, ok: false, missing: ['pack.json'], extra: ['pack.json/inside.txt'] });
    });
  });

  it('takes hashes it is given instead of reading those files again, and still reads the rest', async () => {
    const dir = makePack();
    const [first, second] = Object.keys(PACK);
    write(dir, second, 'changed after it was hashed');
    // The hash given for the first is wrong on purpose: trusted, not read, so reported changed.
    const result = await verifyPack(dir, { hashed: new Map([[first, sha256('something else')]]) });
    expect(result.changed).toEqual([first, second].sort());
    expect((await verifyPack(dir, { hashed: new Map([[first, sha256(PACK[first])]]) })).changed).toEqual([second]);
  });

  it('passes over what Windows, macOS and Office leave in a folder someone opened', async () => {
    const dir = makePack();
    for (const litter of ['Thumbs.db', 'evidence/desktop.ini', 'evidence/1 Leadership/.DS_Store', 'evidence/1 Leadership/._Plan.pdf', '~$Evidence index.xlsx']) write(dir, litter, 'x');
    expect(await verifyPack(dir)).toEqual(untouched);
    write(dir, 'evidence/notes.txt', 'not litter');
    expect((await verifyPack(dir)).extra).toEqual(['evidence/notes.txt']);
  });

  it('reports progress by bytes: the total known first, then rising to it', async () => {
    const dir = makePack();
    const seen: VerifyProgress[] = [];
    await verifyPack(dir, { onProgress: (p) => seen.push({ ...p }) });
    const total = Object.values(PACK).reduce((sum, content) => sum + Buffer.byteLength(content), 0);
    expect(seen[0]).toEqual({ done: 0, total, files: 0 });
    expect(seen.at(-1)).toEqual({ done: total, total, files: 8 });
    for (let i = 1; i < seen.length; i += 1) {
      expect(seen[i].done).toBeGreaterThanOrEqual(seen[i - 1].done);
      expect(seen[i].total).toBe(total);
    }
    // The 3 MiB file moves the bar more than once.
    expect(seen.length).toBeGreaterThan(5);
  });

  it('gives the same answer reading one file at a time or several', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i += 1) files[`evidence/${i % 4}/file ${i}.txt`] = `content ${i}`;
    const dir = makePack(files);
    write(dir, 'evidence/1/file 1.txt', 'changed');
    rmSync(join(dir, 'evidence', '2', 'file 2.txt'));
    for (const concurrency of [1, 3, 8]) {
      expect(await verifyPack(dir, { concurrency })).toEqual({ ok: false, files: 40, missing: ['evidence/2/file 2.txt'], changed: ['evidence/1/file 1.txt'], extra: [], problems: [] });
    }
  });

  it('stops when aborted, before or during the reading', async () => {
    const dir = makePack();
    const before = new AbortController();
    before.abort();
    await expect(verifyPack(dir, { signal: before.signal })).rejects.toThrow(/abort/iu);
    const during = new AbortController();
    const seen: VerifyProgress[] = [];
    const result = verifyPack(dir, {
      signal: during.signal,
      concurrency: 1,
      onProgress: (p) => {
        seen.push(p);
        if (p.done > 0) during.abort();
      },
    });
    await expect(result).rejects.toThrow(/abort/iu);
    expect(seen.at(-1)!.done).toBeLessThan(seen[0].total);
  });

  it('says which file it could not read, and stops', async () => {
    const dir = makePack();
    let swapped = false;
    const result = verifyPack(dir, {
      onProgress: () => {
        if (swapped) return;
        swapped = true;
        // A folder where the listed file was, once the folder was listed: open works, reading fails.
        rmSync(join(dir, 'pack.json'));
        mkdirSync(join(dir, 'pack.json'));
      },
    });
    await expect(result).rejects.toThrow(/^Could not read "pack\.json" inside the pack \(EISDIR\), so the pack cannot be checked\.$/u);
  });
});
