/** The desktop app's log (electron/main/log.ts): lines in logs/main.log, rotated by size, N files kept. */
import { describe, expect, it, vi } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureConsole, RotatingLog } from '../../../electron/main/log.ts';
import { tempDir } from '../../helpers/temp.ts';

const at = () => new Date('2026-03-02T09:30:00.000Z');

describe('RotatingLog', () => {
  it('writes timestamped lines with their level into logs/main.log, creating the folder', () => {
    const dir = join(tempDir(), 'logs');
    const log = new RotatingLog(dir, { now: at });
    log.info('started', { pid: 1 });
    log.error('failed:', new Error('boom'));
    const text = readFileSync(join(dir, 'main.log'), 'utf8');
    expect(text.startsWith('2026-03-02T09:30:00.000Z INFO  started { pid: 1 }\n')).toBe(true);
    expect(text).toContain('2026-03-02T09:30:00.000Z ERROR failed: Error: boom');
  });

  it('rotates before a file passes the size cap and keeps only the newest files', () => {
    const dir = tempDir();
    const log = new RotatingLog(dir, { maxBytes: 200, keep: 3, now: at });
    for (let i = 0; i < 40; i++) log.info(`line ${String(i).padStart(2, '0')} ${'x'.repeat(30)}`);
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const f of readdirSync(dir)) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(200);
    // The newest line is in main.log, the lines just before it in main.1.log; the oldest are gone.
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('line 39');
    const older = readFileSync(join(dir, 'main.1.log'), 'utf8');
    const newest = readFileSync(join(dir, 'main.log'), 'utf8');
    expect(Number(/line (\d+)/u.exec(older)![1])).toBeLessThan(Number(/line (\d+)/u.exec(newest)![1]));
    expect([...readdirSync(dir)].map((f) => readFileSync(join(dir, f), 'utf8')).join('')).not.toContain('line 00');
  });

  it('carries on from an existing file’s size after a restart', () => {
    const dir = tempDir();
    new RotatingLog(dir, { maxBytes: 150, now: at }).info('a'.repeat(100));
    new RotatingLog(dir, { maxBytes: 150, now: at }).info('b'.repeat(100));
    expect(existsSync(join(dir, 'main.1.log'))).toBe(true);
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('bbb');
  });

  it('never throws when the log cannot be written', () => {
    const dir = tempDir();
    const log = new RotatingLog(join(dir, 'logs'), { now: at });
    // The folder replaced by a file: appends fail.
    rmSync(join(dir, 'logs'), { recursive: true });
    writeFileSync(join(dir, 'logs'), '');
    expect(() => log.error('still running')).not.toThrow();
  });
});

describe('captureConsole', () => {
  it('copies console output into the log at its level, still printing it, until undone', () => {
    const dir = tempDir();
    const log = new RotatingLog(dir, { now: at });
    const target = { log: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const printed = { ...target };
    const undo = captureConsole(log, target);
    target.warn('careful', 3);
    target.error('bad');
    expect(printed.warn).toHaveBeenCalledWith('careful', 3);
    undo();
    target.info('not logged');
    const text = readFileSync(join(dir, 'main.log'), 'utf8');
    expect(text).toContain('WARN  careful 3');
    expect(text).toContain('ERROR bad');
    expect(text).not.toContain('not logged');
  });
});
