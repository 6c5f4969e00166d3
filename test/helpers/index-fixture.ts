import type { Db } from '../../core/store/database.ts';
import { addRoot } from '../../core/store/roots.ts';
import { storeDocument } from '../../core/store/documents.ts';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export interface FixtureDoc {
  name: string;
  format?: string;
  title?: string;
  pages: string[];
  /** Each page's label as its extractor gives it ("Sheet: Population"); the number when left out. */
  labels?: string[];
  mtime?: string;
  folder?: string;
}

/**
 * Puts documents straight into a real index (no files on disk), for search tests that care about
 * ranking and filters rather than extraction.
 */
export function indexFixture(db: Db, rootPath: string, docs: FixtureDoc[]): Map<string, number> {
  const root = addRoot(db, rootPath);
  const scanId = 1;
  const ids = new Map<string, number>();
  for (const d of docs) {
    const path = join(root.path, d.folder ?? '', d.name);
    const sha = createHash('sha256').update(d.name + JSON.stringify(d.pages)).digest('hex');
    const id = storeDocument(
      db,
      { rootId: root.id, path, name: d.name, size: 100, mtimeMs: Date.parse(d.mtime ?? '2024-05-01T00:00:00Z') },
      scanId,
      sha,
      {
        status: 'indexed',
        format: d.format ?? 'pdf',
        extracted: { format: d.format ?? 'pdf', title: d.title, pages: d.pages.map((text, i) => ({ number: i + 1, label: d.labels?.[i], text })) },
      },
    );
    ids.set(d.name, id);
  }
  return ids;
}
