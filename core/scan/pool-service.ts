/**
 * The worker pool, seen as the indexer's ExtractionService.
 */
import { ExtractionPool, type ExtractionPoolOptions } from '../extract/pool.ts';
import type { ExtractionService } from './extraction-service.ts';

export function createPoolService(options: ExtractionPoolOptions = {}): ExtractionService {
  const pool = new ExtractionPool(options);
  return {
    size: pool.size,
    async hash(path) {
      const r = await pool.hash(path);
      return r.status === 'ok' ? { ok: true, sha256: r.sha256, size: r.size } : { ok: false, reason: r.reason, detail: r.detail };
    },
    async extract(path) {
      const r = await pool.extract(path);
      return { sha256: r.sha256, size: r.size ?? 0, outcome: r.outcome };
    },
    close: () => pool.close(),
  };
}
