import { describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UI_SOURCES, uiBuiltAt, uiRebuildReason, uiSourceTimes } from '../../scripts/ui-freshness.ts';
import { tempDir } from '../helpers/temp.ts';

const at = (path: string, mtimeMs: number) => ({ path, mtimeMs });

describe('UI freshness: the decision', () => {
  it('builds when there is no build', () => {
    expect(uiRebuildReason(null, [])).toBe('the app UI has not been built yet');
  });

  it('does not build when every source is older than the build', () => {
    expect(uiRebuildReason(2000, [at('renderer', 1000), at('renderer/src/main.tsx', 1999), at('package-lock.json', 2000)])).toBeNull();
  });

  it('builds when any source is newer, and names it', () => {
    expect(uiRebuildReason(2000, [at('renderer/src/main.tsx', 1000), at('shared/contract.ts', 2001)])).toBe('shared/contract.ts has changed since the app UI was built');
  });

  it('stops at the first newer source, so a lazy walk ends early', () => {
    let read = 0;
    function* sources() {
      for (let i = 0; i < 1000; i++) {
        read++;
        yield at(`renderer/${i}.ts`, i === 2 ? 3000 : 1000);
      }
    }
    expect(uiRebuildReason(2000, sources())).toMatch(/renderer\/2\.ts/u);
    expect(read).toBe(3);
  });

  it('covers the renderer, shared code, the Vite config and the lock file', () => {
    expect([...UI_SOURCES]).toEqual(['renderer', 'shared', 'vite.config.ts', 'package-lock.json']);
  });
});

describe('UI freshness: on disk', () => {
  /** A project with a build made at `built`, every source at `old`. */
  function project() {
    const root = tempDir();
    mkdirSync(join(root, 'renderer', 'src'), { recursive: true });
    mkdirSync(join(root, 'shared'), { recursive: true });
    mkdirSync(join(root, 'dist', 'renderer'), { recursive: true });
    for (const f of ['renderer/index.html', 'renderer/src/main.tsx', 'renderer/src/old.ts', 'shared/contract.ts', 'vite.config.ts', 'package-lock.json']) writeFileSync(join(root, f), 'x');
    writeFileSync(join(root, 'dist', 'renderer', 'index.html'), '<!doctype html>');
    const old = new Date('2024-01-01T00:00:00Z');
    const built = new Date('2024-06-01T00:00:00Z');
    for (const p of ['renderer/index.html', 'renderer/src/main.tsx', 'renderer/src/old.ts', 'renderer/src', 'renderer', 'shared/contract.ts', 'shared', 'vite.config.ts', 'package-lock.json']) utimesSync(join(root, p), old, old);
    utimesSync(join(root, 'dist', 'renderer', 'index.html'), built, built);
    const reason = () => uiRebuildReason(uiBuiltAt(root), uiSourceTimes(root));
    return { root, reason, after: new Date('2024-07-01T00:00:00Z') };
  }

  it('is up to date right after a build', () => {
    expect(project().reason()).toBeNull();
  });

  it('sees a source file changed by a pull', () => {
    const { root, reason, after } = project();
    utimesSync(join(root, 'renderer', 'src', 'main.tsx'), after, after);
    expect(reason()).toBe(`${join('renderer', 'src', 'main.tsx')} has changed since the app UI was built`);
  });

  it('sees a file deleted by a pull, through its folder', () => {
    const { root, reason, after } = project();
    rmSync(join(root, 'renderer', 'src', 'old.ts'));
    utimesSync(join(root, 'renderer', 'src'), after, after);
    expect(reason()).toBe(`${join('renderer', 'src')} has changed since the app UI was built`);
  });

  it('sees a changed lock file (new dependencies) and Vite config', () => {
    const first = project();
    utimesSync(join(first.root, 'package-lock.json'), first.after, first.after);
    expect(first.reason()).toBe('package-lock.json has changed since the app UI was built');
    const second = project();
    utimesSync(join(second.root, 'vite.config.ts'), second.after, second.after);
    expect(second.reason()).toBe('vite.config.ts has changed since the app UI was built');
  });

  it('ignores changes outside the UI sources, and a missing build means build', () => {
    const { root, reason, after } = project();
    mkdirSync(join(root, 'core'));
    writeFileSync(join(root, 'core', 'new.ts'), 'x');
    utimesSync(join(root, 'core', 'new.ts'), after, after);
    expect(reason()).toBeNull();
    rmSync(join(root, 'dist'), { recursive: true });
    expect(reason()).toBe('the app UI has not been built yet');
  });
});
