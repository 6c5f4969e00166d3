// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../renderer/src/app/shortcuts.ts';
import { progressText, progressValue, timeLeftText } from '../../renderer/src/status/progress-text.ts';
import type { ScanProgress } from '../../shared/contract.ts';

const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, target: null, ...extra });

describe('shortcuts', () => {
  it('Ctrl+K and Cmd+K focus search from anywhere; / only when not typing', () => {
    expect(shortcutFor(key('k', { ctrlKey: true }))).toBe('focus-search');
    expect(shortcutFor(key('K', { metaKey: true }))).toBe('focus-search');
    expect(shortcutFor(key('/'))).toBe('focus-search');
    expect(shortcutFor(key('Escape'))).toBe('close-document');
    expect(shortcutFor(key('1', { altKey: true, code: 'Digit1' }))).toBe('area-1');
    expect(shortcutFor(key('9', { altKey: true, code: 'Digit9' }))).toBe('settings');
    expect(shortcutFor(key('?', { shiftKey: true }))).toBe('show-shortcuts');
    expect(shortcutFor(key('a'))).toBeNull();
  });

  it('does not steal / or ? from a text field, but Ctrl+K still works there', () => {
    const input = document.createElement('input');
    expect(shortcutFor(key('/', { target: input }))).toBeNull();
    expect(shortcutFor(key('?', { shiftKey: true, target: input }))).toBeNull();
    expect(shortcutFor(key('k', { ctrlKey: true, target: input }))).toBe('focus-search');
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    expect(shortcutFor(key('/', { target: checkbox }))).toBe('focus-search');
  });
});

const scanning: ScanProgress = {
  state: 'scanning', rootId: 1, rootPath: 'C:\\Evidence', done: 1204, total: 3980, walking: false, currentPath: 'C:\\Evidence\\Plans\\plan.pdf',
  indexed: 1000, unchanged: 200, unsupported: 3, failed: 1, startedAt: '2024-01-01T00:00:00Z', finishedAt: null,
  paused: false, filesPerSecond: 0, secondsLeft: null, queued: 0,
};

describe('status bar text', () => {
  it('counts files and names the current one while scanning', () => {
    expect(progressText(scanning, null)).toBe('Reading 1,204 of 3,980 files');
    expect(progressValue(scanning)).toBeCloseTo(1204 / 3980);
  });

  it('adds the rate, the time left and the folders waiting when known', () => {
    expect(progressText({ ...scanning, filesPerSecond: 12, secondsLeft: 250, queued: 2 }, null)).toBe(
      'Reading 1,204 of 3,980 files · about 4 min left · 2 more folders waiting',
    );
    expect(progressText({ ...scanning, paused: true, secondsLeft: 250 }, null)).toBe('Paused at 1,204 of 3,980 files');
  });

  it('rounds the time left kindly', () => {
    expect(timeLeftText(null)).toBeNull();
    expect(timeLeftText(5)).toBe('less than a minute left');
    expect(timeLeftText(59)).toBe('less than a minute left');
    expect(timeLeftText(61)).toBe('about 1 min left');
    expect(timeLeftText(190)).toBe('about 3 min left');
    expect(timeLeftText(17 * 60)).toBe('about 15 min left');
    expect(timeLeftText(23 * 60)).toBe('about 25 min left');
    expect(timeLeftText(3 * 3600 + 600)).toBe('about 3 h left');
  });

  it('says "found so far" while the total is still growing', () => {
    expect(progressText({ ...scanning, walking: true }, null)).toBe('Reading 1,204 of 3,980 files found so far');
    expect(progressValue({ ...scanning, walking: true })).toBeUndefined();
  });

  it('says the index is up to date when idle, with the documents a search can find', () => {
    expect(progressText({ ...scanning, state: 'idle' }, { folders: 2, documents: 12345 })).toBe('Index up to date · 12,345 documents');
    expect(progressText({ ...scanning, state: 'idle' }, { folders: 1, documents: 1 })).toBe('Index up to date · 1 document');
  });

  it('never calls an empty library up to date', () => {
    expect(progressText({ ...scanning, state: 'idle' }, { folders: 0, documents: 0 })).toBe('No folders in the library yet: add one to index it');
    expect(progressText({ ...scanning, state: 'idle' }, null)).not.toMatch(/up to date/u);
  });
});
