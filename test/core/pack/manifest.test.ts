import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byteOrder, formatManifest, hashFile, parseManifest, unsafePathReason } from '../../../core/pack/manifest.ts';
import { tempDir } from '../../helpers/temp.ts';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

/** Writes `files` (path inside `dir` with `/` → content) and returns the folder. */
function folderWith(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, ...path.split('/'));
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

/** GNU sha256sum's own manifest of every file under `dir`, in `LC_ALL=C sort` order. */
function sha256sumOf(dir: string, mode: '' | '-b' = ''): string {
  const script = `find . -type f -printf '%P\\0' | LC_ALL=C sort -z | xargs -0 sha256sum ${mode} --`;
  return execFileSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
}

/** Our manifest of the same files. */
async function ourManifestOf(dir: string, paths: string[]): Promise<string> {
  const entries = await Promise.all(paths.map(async (path) => ({ path, sha256: (await hashFile(join(dir, ...path.split('/')))).sha256 })));
  return formatManifest(entries);
}

describe('hashFile', () => {
  it('gives the SHA-256 and size of a file', async () => {
    const dir = folderWith({ 'a.txt': 'hello\n', 'empty': '' });
    expect(await hashFile(join(dir, 'a.txt'))).toEqual({ sha256: createHash('sha256').update('hello\n').digest('hex'), bytes: 6 });
    expect(await hashFile(join(dir, 'empty'))).toEqual({ sha256: EMPTY_SHA256, bytes: 0 });
  });

  it('reads a small file in one go', async () => {
    const dir = folderWith({ 'small.txt': 'a report' });
    const chunks: number[] = [];
    expect(await hashFile(join(dir, 'small.txt'), { onBytes: (n) => chunks.push(n) })).toEqual({ sha256: createHash('sha256').update('a report').digest('hex'), bytes: 8 });
    expect(chunks).toEqual([8]);
  });

  it('reads a large file (over 8 MiB) in chunks of at most 1 MiB, never all at once', async () => {
    const content = Buffer.alloc(9.5 * 1024 * 1024 + 17);
    for (let i = 0; i < content.length; i += 1) content[i] = (i * 31) & 0xff;
    const dir = folderWith({ 'big.bin': content });
    const chunks: number[] = [];
    const result = await hashFile(join(dir, 'big.bin'), { onBytes: (n) => chunks.push(n) });
    expect(result).toEqual({ sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length });
    expect(chunks.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...chunks)).toBeLessThanOrEqual(1024 * 1024);
    expect(chunks.reduce((a, b) => a + b, 0)).toBe(content.length);
  });

  it('stops when aborted', async () => {
    const dir = folderWith({ 'a.txt': 'x' });
    const controller = new AbortController();
    controller.abort();
    await expect(hashFile(join(dir, 'a.txt'), { signal: controller.signal })).rejects.toThrow(/abort/iu);
  });

  it('refuses to read through a link when asked not to follow one', async () => {
    const dir = folderWith({ 'target.txt': 'secret' });
    execFileSync('ln', ['-s', join(dir, 'target.txt'), join(dir, 'link.txt')]);
    await expect(hashFile(join(dir, 'link.txt'), { noFollow: true })).rejects.toMatchObject({ code: 'ELOOP' });
    expect((await hashFile(join(dir, 'link.txt'))).bytes).toBe(6);
  });
});

describe('formatManifest writes exactly what sha256sum writes', () => {
  it('is byte-identical to sha256sum for an ordinary pack', async () => {
    const dir = folderWith({
      'index.html': '<!doctype html>',
      'pack.json': '{}',
      'Evidence index.xlsx': 'xlsx',
      'evidence/1 Leadership/Plan.pdf': 'pdf',
      'evidence/1 Leadership/plan (2).pdf': 'pdf 2',
      'evidence/2 Help and protection/Résumé – 2026.docx': 'docx',
      'evidence/2 Help and protection/報告書.pdf': 'jp',
      'evidence/2 Help and protection/Ａ fullwidth.pdf': 'U+FF21 sorts before an emoji by bytes, after it in UTF-16',
      'evidence/2 Help and protection/😀 smile.pdf': 'emoji',
      'evidence/3 Care leavers/empty.txt': '',
      'assets/site.js': 'js',
    });
    const paths = execFileSync('sh', ['-c', "find . -type f -printf '%P\\n'"], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
    // Handed over in any order: the manifest sorts them.
    const ours = await ourManifestOf(dir, paths.reverse());
    const theirs = sha256sumOf(dir);
    expect(Buffer.from(ours, 'utf8').equals(Buffer.from(theirs, 'utf8'))).toBe(true);
    expect(ours).toBe(theirs);
    expect(ours.split('\n')[0]).toMatch(/^[0-9a-f]{64} {2}Evidence index\.xlsx$/u);
  });

  it('escapes a name with a backslash, a line feed or a carriage return as coreutils does', async () => {
    const dir = folderWith({ 'back\\slash.txt': 'a', 'line\nfeed.txt': 'b', 'carriage\rreturn.txt': 'c', 'all\\\n\r.txt': 'd', 'plain.txt': 'e' });
    const ours = await ourManifestOf(dir, ['back\\slash.txt', 'line\nfeed.txt', 'carriage\rreturn.txt', 'all\\\n\r.txt', 'plain.txt']);
    expect(ours).toBe(sha256sumOf(dir));
    expect(ours).toContain('  back\\\\slash.txt\n');
    expect(ours).toContain('  line\\nfeed.txt\n');
    expect(ours).toContain('  carriage\\rreturn.txt\n');
  });

  it('is read back by sha256sum --check --strict', async () => {
    const dir = folderWith({ 'a b.txt': '1', 'sub/Ünïcode.pdf': '2', 'back\\slash.txt': '3', 'line\nfeed.txt': '4' });
    writeFileSync(join(dir, 'manifest-sha256.txt'), await ourManifestOf(dir, ['a b.txt', 'sub/Ünïcode.pdf', 'back\\slash.txt', 'line\nfeed.txt']));
    const out = execFileSync('sha256sum', ['--check', '--strict', 'manifest-sha256.txt'], { cwd: dir, encoding: 'utf8' });
    expect(out.match(/: OK$/gmu)).toHaveLength(4);
  });

  it('sorts by the bytes of the UTF-8 path, as LC_ALL=C sort does', () => {
    const names = ['b', 'B', 'a/z', 'a z', 'é', 'Ａ', '😀', 'a', 'Z'];
    expect([...names].sort(byteOrder)).toEqual(['B', 'Z', 'a', 'a z', 'a/z', 'b', 'é', 'Ａ', '😀']);
    const text = formatManifest(names.map((path) => ({ path, sha256: A })));
    expect(text.split('\n').slice(0, -1).map((line) => line.slice(66))).toEqual(['B', 'Z', 'a', 'a z', 'a/z', 'b', 'é', 'Ａ', '😀']);
  });

  it('writes lowercase hex, two spaces, and ends every line with \\n', () => {
    expect(formatManifest([{ path: 'x.pdf', sha256: A.toUpperCase() }])).toBe(`${A}  x.pdf\n`);
    expect(formatManifest([])).toBe('');
  });

  it('refuses a hash that is not a SHA-256, and a path given twice', () => {
    expect(() => formatManifest([{ path: 'x', sha256: 'abc' }])).toThrow(/Not a SHA-256/u);
    expect(() => formatManifest([{ path: 'x', sha256: A }, { path: 'x', sha256: B }])).toThrow(/twice/u);
  });
});

describe('parseManifest', () => {
  it('reads back what formatManifest wrote, names with escapes included', () => {
    const entries = [
      { path: 'evidence/1 Leadership/Plan.pdf', sha256: A },
      { path: 'evidence/😀/Résumé.docx', sha256: B },
      { path: 'odd\\name\nwith\rescapes.txt', sha256: A },
    ];
    const { entries: read, problems } = parseManifest(formatManifest(entries));
    expect(problems).toEqual([]);
    expect(read).toEqual([...entries].sort((a, b) => byteOrder(a.path, b.path)));
  });

  it('reads what sha256sum wrote, in text and binary mode', () => {
    const dir = folderWith({ 'a.txt': 'a', 'sub/b c.txt': 'b', 'back\\slash.txt': 'c' });
    const text = parseManifest(sha256sumOf(dir));
    const binary = parseManifest(sha256sumOf(dir, '-b'));
    expect(text.problems).toEqual([]);
    expect(binary.problems).toEqual([]);
    expect(binary.entries).toEqual(text.entries);
    expect(text.entries.map((e) => e.path)).toEqual(['a.txt', 'back\\slash.txt', 'sub/b c.txt']);
    expect(sha256sumOf(dir, '-b')).toContain(' *a.txt\n');
  });

  it('reads a manifest opened and saved on Windows: CRLF, a byte-order mark, blank lines, uppercase hex', () => {
    const text = `\uFEFF${A}  evidence/a.pdf\r\n\r\n${B.toUpperCase()}  evidence/b c.pdf\r\n   \r\n${A} *evidence/d.pdf\r\n`;
    expect(parseManifest(text)).toEqual({
      entries: [
        { path: 'evidence/a.pdf', sha256: A },
        { path: 'evidence/b c.pdf', sha256: B },
        { path: 'evidence/d.pdf', sha256: A },
      ],
      problems: [],
    });
  });

  it('reads a last line with no line end', () => {
    expect(parseManifest(`${A}  a\n${B}  b`).entries).toHaveLength(2);
  });

  it('keeps spaces that are part of a name', () => {
    expect(parseManifest(`${A}   leading space.txt\n${B}  trailing space \n`).entries.map((e) => e.path)).toEqual([' leading space.txt', 'trailing space ']);
  });

  it.each([
    ['a short hash', `${'a'.repeat(63)}  x.pdf`],
    ['a long hash', `${'a'.repeat(65)}  x.pdf`],
    ['one space and no mode', `${A} x.pdf`],
    ['no name', `${A}  `],
    ['a hash that is not hex', `${'g'.repeat(64)}  x.pdf`],
    ['the BSD --tag format', `SHA256 (x.pdf) = ${A}`],
    ['a tab instead of spaces', `${A}\tx.pdf`],
    ['plain words', 'hello world'],
    ['an escape sha256sum never writes', `\\${A}  x\\t.pdf`],
  ])('reports a line with %s as a problem, naming its line, and reads the rest', (_, line) => {
    const { entries, problems } = parseManifest(`${B}  ok.pdf\n${line}\n${B}  ok2.pdf\n`);
    expect(entries.map((e) => e.path)).toEqual(['ok.pdf', 'ok2.pdf']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Line 2 /u);
  });

  it.each([
    ['/etc/passwd', `${A}  /etc/passwd`],
    ['../outside.txt', `${A}  ../outside.txt`],
    ['evidence/../../outside.txt', `${A}  evidence/../../outside.txt`],
    ['evidence/..', `${A}  evidence/..`],
    ['C:\\Windows\\win.ini (escaped)', `\\${A}  C:\\\\Windows\\\\win.ini`],
    ['C:relative', `${A}  C:relative.txt`],
    ['\\\\server\\share\\x (escaped)', `\\${A}  \\\\\\\\server\\\\share\\\\x`],
    ['..\\..\\outside (escaped; Windows separates on \\)', `\\${A}  evidence\\\\..\\\\..\\\\outside`],
    ['./a (not how a pack is written)', `${A}  ./a`],
    ['a//b', `${A}  a//b`],
    ['a name ending in /', `${A}  evidence/`],
  ])('refuses %s: verify must never read outside the pack', (_, line) => {
    const { entries, problems } = parseManifest(`${line}\n${B}  fine.pdf\n`);
    expect(entries).toEqual([{ path: 'fine.pdf', sha256: B }]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^Line 1 lists /u);
  });

  it('reports a path listed twice, keeping the first', () => {
    const { entries, problems } = parseManifest(`${A}  x.pdf\n${B}  x.pdf\n`);
    expect(entries).toEqual([{ path: 'x.pdf', sha256: A }]);
    expect(problems).toEqual(['Line 2 lists x.pdf again.']);
  });

  it('finds nothing wrong with an empty manifest (an empty pack)', () => {
    expect(parseManifest('')).toEqual({ entries: [], problems: [] });
    expect(parseManifest('\uFEFF\r\n')).toEqual({ entries: [], problems: [] });
  });
});

describe('unsafePathReason', () => {
  it('accepts plain paths inside the pack, dots in names included', () => {
    for (const path of ['a', 'evidence/1 Leadership/Plan.pdf', '.hidden', 'a/..b/c..', 'x...y']) expect(unsafePathReason(path)).toBeNull();
  });
});
