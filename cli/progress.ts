import type { Indexer } from '../core/scan/indexer.ts';

/** A one-line progress display on stderr for interactive runs; returns a function that clears it. */
export function progressLine(indexer: Indexer): () => void {
  const onProgress = (p: { done: number; total: number; walking: boolean; currentPath: string | null }) => {
    const of = p.walking ? `${p.total} found so far` : `${p.total}`;
    const current = p.currentPath ? ` ${p.currentPath.slice(-60)}` : '';
    process.stderr.write(`\r\x1b[2K${p.done} of ${of}${current}`);
  };
  indexer.on('progress', onProgress);
  return () => {
    indexer.off('progress', onProgress);
    process.stderr.write('\r\x1b[2K');
  };
}
