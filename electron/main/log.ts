/**
 * The desktop app's log: plain text files in `logs/` inside the data folder, so a council's IT
 * desk can ask for them ("Help › Show logs"). Size-capped and rotated: `main.log` is the current
 * file; when it would pass `maxBytes` it becomes `main.1.log`, the older ones move up one, and
 * the oldest beyond `keep` files is deleted. Nothing is ever sent anywhere.
 *
 * Writes are synchronous appends: a line is on disk before a crash that follows it, and the main
 * process writes a few lines a minute, not a stream.
 */
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';

export const LOG_FOLDER = 'logs';
export const LOG_FILE = 'main.log';

export interface LogOptions {
  /** The largest a file may grow to before it is rotated (bytes). */
  maxBytes?: number;
  /** How many files to keep, the current one included. */
  keep?: number;
  /** The clock, for tests. */
  now?: () => Date;
}

export type Level = 'info' | 'warn' | 'error';

export class RotatingLog {
  readonly dir: string;
  readonly file: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly now: () => Date;
  private size: number;

  constructor(dir: string, options: LogOptions = {}) {
    this.dir = dir;
    this.file = join(dir, LOG_FILE);
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.keep = Math.max(1, options.keep ?? 5);
    this.now = options.now ?? (() => new Date());
    mkdirSync(dir, { recursive: true });
    this.size = sizeOf(this.file);
  }

  /** The file that `main.log` becomes after `n` rotations (`main.1.log`, …). */
  rotated(n: number): string {
    return n === 0 ? this.file : join(this.dir, LOG_FILE.replace(/\.log$/u, `.${n}.log`));
  }

  write(level: Level, ...parts: unknown[]): void {
    const line = `${this.now().toISOString()} ${level.toUpperCase().padEnd(5)} ${format(...parts)}\n`;
    const bytes = Buffer.byteLength(line);
    try {
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
      appendFileSync(this.file, line);
      this.size += bytes;
    } catch {
      // A log that cannot be written (disk full, folder removed) must never stop the app.
    }
  }

  info(...parts: unknown[]): void {
    this.write('info', ...parts);
  }

  warn(...parts: unknown[]): void {
    this.write('warn', ...parts);
  }

  error(...parts: unknown[]): void {
    this.write('error', ...parts);
  }

  private rotate(): void {
    rmSync(this.rotated(this.keep - 1), { force: true });
    for (let n = this.keep - 2; n >= 0; n--) {
      try {
        renameSync(this.rotated(n), this.rotated(n + 1));
      } catch {
        // That generation does not exist yet.
      }
    }
    if (this.keep === 1) rmSync(this.file, { force: true });
    this.size = 0;
  }
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * Copies what the main process prints (console.info/log/warn/error) into the log as well, and
 * records what would otherwise be lost: an exception nobody caught, a promise rejection nobody
 * handled. Returns a function that puts the console back.
 */
export function captureConsole(log: RotatingLog, target: Pick<Console, 'log' | 'info' | 'warn' | 'error'> = console): () => void {
  const original = { log: target.log, info: target.info, warn: target.warn, error: target.error };
  const levels: Record<keyof typeof original, Level> = { log: 'info', info: 'info', warn: 'warn', error: 'error' };
  for (const key of Object.keys(original) as (keyof typeof original)[]) {
    target[key] = (...args: unknown[]) => {
      log.write(levels[key], ...args);
      original[key].apply(target, args);
    };
  }
  return () => Object.assign(target, original);
}
