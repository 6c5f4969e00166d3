/**
 * Keeping the index current while the app runs: file-system watching where it is reliable, and a
 * periodic rescan for everything (network shares and mapped drives get only the rescan: change
 * notifications over SMB are unreliable and can silently stop).
 */
import { watch, statfsSync, type FSWatcher } from 'node:fs';
import type { Db } from '../store/database.ts';
import type { Indexer } from './indexer.ts';
import type { Settings } from '../../shared/contract.ts';
import { listRoots } from '../store/roots.ts';

/** Linux file-system magic numbers of network file systems (statfs(2)). */
const NETWORK_FS = new Set([0x6969 /* nfs */, 0x517b /* smb */, 0xff534d42 /* cifs */, 0xfe534d42 /* smb2 */, 0x564c /* ncp */, 0x65735546 /* fuse (sshfs…) */]);

/** Whether change notifications for this folder can be trusted; when unsure, no. */
export function isWatchable(path: string, platform: NodeJS.Platform = process.platform, systemDrive = process.env.SystemDrive ?? 'C:'): boolean {
  if (path.startsWith('\\\\') || path.startsWith('//')) return false; // UNC share
  if (platform === 'win32') {
    // A drive letter may be mapped to a share; only the system drive is surely local.
    return path.slice(0, 2).toUpperCase() === systemDrive.toUpperCase();
  }
  if (platform === 'linux') {
    try {
      return !NETWORK_FS.has(Number(statfsSync(path).type));
    } catch {
      return false;
    }
  }
  return platform === 'darwin';
}

/** Changes are gathered for this long before a rescan, so saving a file does not scan three times. */
const SETTLE_MS = 2_000;

export class BackgroundSync {
  private readonly db: Db;
  private readonly indexer: Indexer;
  private settings: Settings | null = null;
  private watchers = new Map<number, FSWatcher>();
  private pending = new Map<number, NodeJS.Timeout>();
  private timer: NodeJS.Timeout | null = null;
  /** Decided once per root: statfs on a share that has gone away can block, so it is not asked again. */
  private watchable = new Map<number, boolean>();

  constructor(db: Db, indexer: Indexer) {
    this.db = db;
    this.indexer = indexer;
  }

  configure(settings: Settings): void {
    this.settings = settings;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (settings.rescanMinutes > 0) {
      this.timer = setInterval(() => this.indexer.enqueue(), settings.rescanMinutes * 60_000);
      this.timer.unref();
    }
    this.refresh();
  }

  /** Watches every watchable root (and stops watching removed ones). */
  refresh(): void {
    const roots = this.settings?.watchFolders ? listRoots(this.db).filter((r) => r.state === 'online') : [];
    const wanted = new Set(roots.map((r) => r.id));
    for (const [id, w] of this.watchers) {
      if (!wanted.has(id)) {
        w.close();
        this.watchers.delete(id);
      }
    }
    for (const root of roots) {
      if (!this.watchable.has(root.id)) this.watchable.set(root.id, isWatchable(root.path));
      if (this.watchers.has(root.id) || !this.watchable.get(root.id)) continue;
      try {
        const w = watch(root.path, { recursive: true, persistent: false }, () => this.changed(root.id));
        // Too many folders for the OS's watch limit, or the folder vanished: the periodic rescan covers it.
        w.on('error', () => {
          w.close();
          this.watchers.delete(root.id);
        });
        this.watchers.set(root.id, w);
      } catch {
        // Not watchable here; the periodic rescan covers it.
      }
    }
  }

  /** The roots being watched, for tests and the UI. */
  watchedRoots(): number[] {
    return [...this.watchers.keys()];
  }

  private changed(rootId: number): void {
    clearTimeout(this.pending.get(rootId));
    const t = setTimeout(() => {
      this.pending.delete(rootId);
      this.indexer.enqueue([rootId]);
    }, SETTLE_MS);
    t.unref();
    this.pending.set(rootId, t);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    for (const t of this.pending.values()) clearTimeout(t);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    this.pending.clear();
  }
}
