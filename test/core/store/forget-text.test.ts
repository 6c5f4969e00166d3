/**
 * Forgetting a folder's text goes batch by batch; a removal cut short after some batches (the app
 * closed) leaves the folder in the library and those documents marked to be read again, and
 * removing the folder again finishes the job.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { documentsOnlyIn, documentsWithForgottenText, forgetTextOf, removeForgottenRoot, textForgotten } from '../../../core/store/forget-text.ts';
import { listRoots } from '../../../core/store/roots.ts';
import { testDatabase } from '../../helpers/core.ts';
import { indexFixture } from '../../helpers/index-fixture.ts';
import { tempDir } from '../../helpers/temp.ts';

const pageCount = (db: ReturnType<typeof testDatabase>, id: number) => db.prepare('SELECT count(*) FROM pages WHERE document_id = ?').pluck().get(id);

describe('forgetting a folder’s text in batches', () => {
  it('cut short, keeps the folder and marks what lost its text to be read again; run again, it finishes', () => {
    const db = testDatabase(join(tempDir(), 'index.db'));
    const docs = indexFixture(db, '/shares/Leaving', [
      { name: 'a.pdf', pages: ['alpha visit'] },
      { name: 'b.pdf', pages: ['bravo visit'] },
      { name: 'c.pdf', pages: ['charlie visit'] },
    ]);
    const [root] = listRoots(db);
    const ids = documentsOnlyIn(db, root.id)!;
    expect(ids).toEqual([...docs.values()].sort((x, y) => x - y));

    // The first batch only: then the app stopped.
    forgetTextOf(db, ids.slice(0, 2));
    expect(listRoots(db).map((r) => r.id)).toEqual([root.id]);
    expect(ids.map((id) => textForgotten(db, id))).toEqual([true, true, false]);
    expect(ids.map((id) => pageCount(db, id))).toEqual([0, 0, 1]);

    // Removed again: every document of the folder, forgotten or not yet, goes.
    const again = documentsOnlyIn(db, root.id)!;
    forgetTextOf(db, again);
    expect(removeForgottenRoot(db, root.id, again)).toEqual({ documents: 3, evidenceKept: 0 });
    expect(listRoots(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM pages_fts WHERE pages_fts MATCH 'visit'").pluck().get()).toBe(0);
    expect(documentsOnlyIn(db, root.id)).toBeNull();
    expect(removeForgottenRoot(db, root.id, [])).toBeNull();
  });

  it('lists the documents whose text was forgotten from an index of them alone, not by reading every document', () => {
    const db = testDatabase(join(tempDir(), 'index.db'));
    const docs = indexFixture(db, '/shares/Kept', [
      { name: 'a.pdf', pages: ['alpha'] },
      { name: 'b.pdf', pages: ['bravo'] },
    ]);
    expect(documentsWithForgottenText(db)).toEqual(new Set());
    forgetTextOf(db, [docs.get('b.pdf')!]);
    expect(documentsWithForgottenText(db)).toEqual(new Set([docs.get('b.pdf')]));
    // Every scan asks this: it must not read the whole documents table (seconds from a cold disk).
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM documents WHERE text_forgotten_at IS NOT NULL').all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' ')).toContain('documents_text_forgotten');
  });
});
