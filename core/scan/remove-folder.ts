/**
 * Taking a folder out of the library, with or without its text (see store/forget-text.ts).
 * Forgetting ends with the index compacted (store/compact.ts), in a worker; scanning is paused
 * meanwhile, because the compaction holds the index's write lock for as long as it runs and a scan
 * waiting behind it would give up and record its files as failed.
 */
import { compactIndex } from '../store/compact.ts';
import type { Db } from '../store/database.ts';
import { removeRootForgettingText, type ForgetResult } from '../store/forget-text.ts';
import { removeRoot } from '../store/roots.ts';
import type { Indexer } from './indexer.ts';

export async function removeFolder(db: Db, indexer: Indexer, rootId: number, forgetText: boolean): Promise<ForgetResult | null> {
  await indexer.forget(rootId);
  if (!forgetText) {
    removeRoot(db, rootId);
    indexer.emit('rootsChanged');
    return null;
  }
  const forgotten = removeRootForgettingText(db, rootId) ?? { documents: 0, evidenceKept: 0 };
  indexer.emit('rootsChanged');
  const wasPaused = indexer.progress.paused;
  indexer.pause();
  try {
    await compactIndex(db);
  } finally {
    if (!wasPaused) indexer.resume();
  }
  return forgotten;
}
