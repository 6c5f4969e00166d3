/** The about box's versions (electron/main/about.ts) and quitting while the core is busy (electron/main/quit.ts). */
import { describe, expect, it } from 'vitest';
import { aboutText, aboutVersions } from '../../../electron/main/about.ts';
import { closeWithin } from '../../../electron/main/quit.ts';

describe('the about box', () => {
  it('names the app, Electron, Chromium, Node.js and SQLite versions', () => {
    const versions = aboutVersions('1.2.3', { ...process.versions, electron: '45.4.1', chrome: '142.0.7444.52', node: '24.11.0' }, '3.50.4');
    const { title, message, detail } = aboutText('Evidence Store', versions);
    expect(title).toBe('About Evidence Store');
    expect(message).toBe('Evidence Store 1.2.3');
    for (const line of ['Version: 1.2.3', 'Electron: 45.4.1', 'Chromium: 142.0.7444.52', 'Node.js: 24.11.0', 'SQLite: 3.50.4', `System: ${process.platform} ${process.arch}`]) {
      expect(detail.split('\n')).toContain(line);
    }
  });

  it('says “unknown” for a version it was not given, rather than “undefined”', () => {
    const { detail } = aboutText('Evidence Store', aboutVersions('1.0.0', { node: process.versions.node } as NodeJS.ProcessVersions, null));
    expect(detail).toContain('Electron: unknown');
    expect(detail).toContain('SQLite: unknown');
    expect(detail).not.toContain('undefined');
  });
});

describe('closeWithin: quitting waits for the core, but not for ever', () => {
  it('reports closed once the core has closed', async () => {
    let closed = false;
    const result = await closeWithin(async () => {
      await new Promise((r) => setTimeout(r, 20));
      closed = true;
    }, 1000);
    expect(result).toEqual({ outcome: 'closed' });
    expect(closed).toBe(true);
  });

  it('gives up after the time limit when the core is still busy (a file still being read)', async () => {
    const started = Date.now();
    const result = await closeWithin(() => new Promise(() => {}), 50);
    expect(result.outcome).toBe('timed-out');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reports a failed close (thrown or rejected) without throwing itself', async () => {
    const error = new Error('disk gone');
    expect(await closeWithin(() => Promise.reject(error), 1000)).toEqual({ outcome: 'failed', error });
    expect(await closeWithin(() => {
      throw error;
    }, 1000)).toEqual({ outcome: 'failed', error });
  });
});
