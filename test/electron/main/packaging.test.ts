/**
 * What the installers would hold, checked without Electron's binaries (which cannot be downloaded
 * here): electron-builder.yml read as data and its `files` and `asarUnpack` globs matched (with
 * electron-builder's own minimatch options) against the real build output in dist/ and the real
 * node_modules; then electron-builder itself run for a Linux folder against a stand-in Electron
 * (a file carrying Electron's fuse wire), so the real app.asar, its unpacked files and the fuses
 * it flips can be read back.
 *
 * js-yaml, minimatch, @electron/asar and @electron/fuses come with electron-builder.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureElectronBuild, REPO } from './build.ts';
import { tempDir } from '../../helpers/temp.ts';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { minimatch } = require('minimatch') as { minimatch(path: string, pattern: string, options?: object): boolean };
const asar = require('@electron/asar') as { listPackage(file: string, options?: object): string[] };
const fuses = require('@electron/fuses') as { getCurrentFuseWire(path: string): Promise<Record<string, number | string>> };

interface Config {
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  directories: { output: string; buildResources: string };
  electronFuses: Record<string, boolean>;
  win: { icon: string; target: string[]; files: string[] };
  nsis: Record<string, unknown>;
  portable: Record<string, unknown>;
  linux: { icon: string; target: string[]; files: string[] };
  mac: { icon: string; target: string; files: string[] };
}

const config = yaml.load(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as Config;
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { main: string; dependencies: Record<string, string> };
const OPTIONS = { dot: true };
const posix = (p: string) => p.split(sep).join('/');

/** electron-builder's rule: a positive pattern takes a file in, any "!" pattern takes it out. */
function packed(path: string, patterns: string[]): boolean {
  const positive = patterns.filter((p) => !p.startsWith('!'));
  const negative = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const isModule = path.startsWith('node_modules/');
  // For node_modules only the "!" patterns count (electron-builder packs production dependencies itself).
  return (isModule || positive.some((p) => minimatch(path, p, OPTIONS))) && !negative.some((p) => minimatch(path, p, OPTIONS));
}
const unpacked = (path: string) => config.asarUnpack.some((p) => minimatch(path, p, OPTIONS));
const forPlatform = (platform: 'win' | 'linux' | 'mac') => [...config.files, ...config[platform].files];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [posix(relative(REPO, join(dir, e.name)))]));
}

function pngWidth(file: string): number {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return bytes.readUInt32BE(16);
}

let dist: string[];
beforeAll(async () => {
  await ensureElectronBuild();
  dist = walk(join(REPO, 'dist'));
}, 240_000);

describe('electron-builder.yml', () => {
  it('makes a per-user Windows installer that never asks for administrator rights, and a portable exe', () => {
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false });
    expect(config.portable).toMatchObject({ requestExecutionLevel: 'user' });
  });

  it('makes a Linux AppImage and deb and a macOS dmg, without rebuilding the N-API SQLite binary', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toBe('dmg');
    expect(config.npmRebuild).toBe(false);
  });

  it('has the icon in every size: a 1024 px PNG for the .ico and .icns, the Linux sizes, a favicon', () => {
    expect(config.directories.buildResources).toBe('assets');
    expect(pngWidth(join(REPO, config.win.icon))).toBe(1024);
    expect(pngWidth(join(REPO, config.mac.icon))).toBe(1024);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(pngWidth(join(REPO, config.linux.icon, `${size}x${size}.png`))).toBe(size);
    expect(existsSync(join(REPO, 'assets', 'icon.svg'))).toBe(true);
    expect(pngWidth(join(REPO, 'renderer', 'public', 'favicon.png'))).toBe(32);
  });
});

describe('the files the installers would pack (globs against dist/ and node_modules/)', () => {
  it('packs the main process, the preload, the core, the UI and the pack site’s assets, and no source maps', () => {
    expect(existsSync(join(REPO, pkg.main))).toBe(true);
    for (const file of [pkg.main, 'dist/electron/preload/preload.cjs', 'dist/core/core.js', 'dist/renderer/index.html', 'dist/core/pack/site/assets/pack.css', 'dist/core/pack/site/assets/pack.js', 'package.json']) {
      expect(packed(file, config.files), file).toBe(true);
    }
    for (const file of ['dist/core/pack/site/assets/pack.css', 'dist/core/pack/site/assets/pack.js', 'dist/electron/preload/preload.cjs']) expect(dist, file).toContain(file);
    expect(dist.filter((f) => f.endsWith('.map') && packed(f, config.files))).toEqual([]);
    for (const file of ['core/core.ts', 'test/electron/main/packaging.test.ts', 'renderer/src/main.tsx', 'electron-builder.yml', 'assets/icon.png']) expect(packed(file, config.files), file).toBe(false);
  });

  it('packs every worker thread script the core starts, inside app.asar', () => {
    // The core starts workers with `new URL('./worker' + extname(...), import.meta.url)`: beside the module.
    const starters = walk(join(REPO, 'core')).filter((f) => f.endsWith('.ts') && /new URL\(\s*'\.\/worker'/u.test(readFileSync(join(REPO, f), 'utf8')));
    expect(starters.length).toBeGreaterThanOrEqual(3);
    for (const starter of starters) {
      const worker = `dist/${posix(dirname(starter))}/worker.js`;
      expect(dist, `${starter} starts ${worker}`).toContain(worker);
      expect(packed(worker, config.files)).toBe(true);
      expect(unpacked(worker)).toBe(false);
    }
  });

  it('packs every package the compiled app imports: each is a production dependency (devDependencies are not packed)', () => {
    const imported = new Set<string>();
    for (const file of dist.filter((f) => /^dist\/(core|shared|electron\/(main|server))\/.*\.js$/u.test(f))) {
      const text = readFileSync(join(REPO, file), 'utf8');
      for (const [, spec] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\.resolve\s*\(\s*)['"]((?:@[\w-][\w.-]*\/)?[\w-][\w.-]*(?:\/[^'"]*)?|node:[\w/]+)['"]/gu)) {
        if (spec.startsWith('node:') || spec === 'electron') continue;
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
      }
    }
    expect(imported.size).toBeGreaterThan(5);
    expect([...imported].filter((name) => !(name in pkg.dependencies))).toEqual([]);
  });

  it('packs PDFium’s .wasm inside app.asar, where the compiled extractor finds it', () => {
    const from = createRequire(pathToFileURL(join(REPO, 'dist', 'core', 'extract', 'pdfium.js')));
    const wasm = posix(relative(REPO, from.resolve('@embedpdf/pdfium/pdfium.wasm')));
    expect(wasm).toBe('node_modules/@embedpdf/pdfium/dist/pdfium.wasm');
    for (const platform of ['win', 'linux', 'mac'] as const) expect(packed(wasm, forPlatform(platform))).toBe(true);
    expect(unpacked(wasm)).toBe(false);
  });

  it('unpacks the SQLite library’s (better-sqlite3-multiple-ciphers) native binary, each installer holding only its own platform’s', () => {
    const prebuilds = readdirSync(join(REPO, 'node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds')).map((f) => `node_modules/better-sqlite3-multiple-ciphers/prebuilds/${f}`);
    const own = { win: /\/win32-/u, linux: /\/linux(musl)?-/u, mac: /\/darwin-/u };
    for (const platform of ['win', 'linux', 'mac'] as const) {
      const kept = prebuilds.filter((f) => packed(f, forPlatform(platform)));
      expect(kept.length, platform).toBeGreaterThan(0);
      expect(kept.every((f) => own[platform].test(f)), `${platform}: ${kept.join(', ')}`).toBe(true);
    }
    expect(prebuilds.every(unpacked)).toBe(true);
    expect(packed('node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c', config.files)).toBe(false);
  });

  it('has no asarUnpack pattern that matches nothing', () => {
    const candidates = [...dist, ...walk(join(REPO, 'node_modules', 'better-sqlite3-multiple-ciphers'))];
    for (const pattern of config.asarUnpack) expect(candidates.some((f) => minimatch(f, pattern, OPTIONS)), pattern).toBe(true);
  });
});

describe('electron-builder run for a Linux folder against a stand-in Electron', () => {
  let out: string;
  let files: string[];
  let unpackedFiles: string[];

  beforeAll(() => {
    // A stand-in Electron distribution: an "executable" holding the fuse wire as Electron 45 ships
    // it (the sentinel, wire version 1, nine fuses, each '0' or '1'), and the files beside it.
    const electron = tempDir();
    const wire = Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1'), Buffer.from([1, 9]), Buffer.from('101100011', 'latin1')]);
    writeFileSync(join(electron, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\nexit 0\n'), Buffer.alloc(64), wire, Buffer.alloc(64)]));
    chmodSync(join(electron, 'electron'), 0o755);
    mkdirSync(join(electron, 'resources'));
    for (const file of ['version', 'LICENSE', 'LICENSES.chromium.html']) writeFileSync(join(electron, file), '45.4.1');
    out = tempDir();
    const run = spawnSync(
      process.execPath,
      [join(REPO, 'node_modules', 'electron-builder', 'cli.js'), '--config', 'electron-builder.yml', '--linux', 'dir', '--publish', 'never', `-c.electronDist=${electron}`, `-c.directories.output=${out}`],
      { cwd: REPO, encoding: 'utf8', timeout: 170_000, env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR } },
    );
    if (run.status !== 0) throw new Error(`electron-builder failed (exit ${run.status}, ${run.signal}, ${String(run.error)}):\n${run.stdout}\n${run.stderr}`);
    const resources = join(out, 'linux-unpacked', 'resources');
    files = asar.listPackage(join(resources, 'app.asar'), { isPack: false }).map((f) => f.replace(/^[/\\]/u, '').split(/[/\\]/u).join('/'));
    unpackedFiles = walk(join(resources, 'app.asar.unpacked')).map((f) => f.replace(/^.*app\.asar\.unpacked\//u, ''));
  }, 200_000);

  it('puts the app, its workers and PDFium’s .wasm in app.asar, and only the Linux SQLite binaries beside it', () => {
    for (const file of ['package.json', 'dist/electron/main/main.js', 'dist/electron/preload/preload.cjs', 'dist/core/extract/worker.js', 'dist/core/annexa/worker.js', 'dist/core/pack/site/worker.js', 'dist/renderer/index.html', 'node_modules/@embedpdf/pdfium/dist/pdfium.wasm', 'node_modules/better-sqlite3-multiple-ciphers/lib/index.js']) {
      expect(files, file).toContain(file);
    }
    expect(files.filter((f) => f.endsWith('.map') && f.startsWith('dist/'))).toEqual([]);
    expect(files.some((f) => f.startsWith('node_modules/better-sqlite3-multiple-ciphers/deps/') || f.startsWith('node_modules/@types/'))).toBe(false);
    // electron-builder unpacks the whole package a native binary is in (its "smart unpack"): only
    // better-sqlite3-multiple-ciphers, with only this platform's binaries, and without its C sources.
    expect(unpackedFiles.every((f) => f.startsWith('node_modules/better-sqlite3-multiple-ciphers/')), unpackedFiles.join('\n')).toBe(true);
    expect(unpackedFiles.filter((f) => f.endsWith('.node')).sort()).toEqual(['node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-arm64.node', 'node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node', 'node_modules/better-sqlite3-multiple-ciphers/prebuilds/linuxmusl-arm64.node', 'node_modules/better-sqlite3-multiple-ciphers/prebuilds/linuxmusl-x64.node']);
    expect(unpackedFiles.some((f) => /\/(deps|src|build)\//u.test(f))).toBe(false);
  });

  it('flips the fuses in the executable: no run-as-node, NODE_OPTIONS or inspector; only from an integrity-checked asar', async () => {
    const wire = await fuses.getCurrentFuseWire(join(out, 'linux-unpacked', 'evidence-store'));
    const state = (i: number) => String.fromCharCode(Number(wire[i]));
    // Fuse order (FuseV1Options): RunAsNode, EnableCookieEncryption, EnableNodeOptionsEnvironmentVariable,
    // EnableNodeCliInspectArguments, EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
    // LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges.
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(state).join('')).toBe('01001100');
  });
});
