/**
 * Documents (distinct contents), the files that hold them, and their per-page text.
 * Every write that makes a document visible happens in one transaction, so a crash mid-scan never
 * leaves a half-indexed document behind.
 */
import type { Db } from './database.ts';
import type { Extracted } from '../extract/types.ts';
import type { DocumentDetail } from '../../shared/contract.ts';
import { extensionOf, openRefusal } from '../../shared/formats.ts';
import { followFileToNewContent } from '../evidence/follow-file.ts';
import { displayTitle } from './titles.ts';
import { textForgotten } from './forget-text.ts';
import { locationName } from '../../shared/locations.ts';

export type FileStatus = 'indexed' | 'unsupported' | 'failed';

export interface FileRow {
  id: number;
  root_id: number;
  path: string;
  name: string;
  size: number;
  mtime_ms: number;
  document_id: number | null;
  status: FileStatus;
  reason: string | null;
  detail: string | null;
  missing: number;
}

export interface SeenFile {
  rootId: number;
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
}

export interface DocumentOutcome {
  status: FileStatus;
  format: string;
  reason?: string | null;
  detail?: string | null;
  extracted?: Extracted;
}

/**
 * The files of a root as they were before a scan, by path: a rescan looks every file up, and one
 * read of them all is a tenth of the cost of 50,000 lookups.
 */
export function filesOfRoot(db: Db, rootId: number): Map<string, FileRow> {
  const rows = db.prepare('SELECT * FROM files WHERE root_id = ?').all(rootId) as FileRow[];
  return new Map(rows.map((r) => [r.path, r]));
}

/** Prepared once per database: a rescan asks this for every file (50,000 prepares cost seconds). */
const byPath = new WeakMap<Db, ReturnType<Db['prepare']>>();

export function fileByPath(db: Db, path: string): FileRow | undefined {
  let statement = byPath.get(db);
  if (!statement) byPath.set(db, (statement = db.prepare('SELECT * FROM files WHERE path = ?')));
  return statement.get(path) as FileRow | undefined;
}

export function documentIdBySha(db: Db, sha256: string): number | undefined {
  return db.prepare('SELECT id FROM documents WHERE sha256 = ?').pluck().get(sha256) as number | undefined;
}

/** Marks files as seen, unchanged, in this scan: one transaction for many, so a rescan of 10,000 files is one write, not 10,000. */
export function touchFiles(db: Db, fileIds: number[], scanId: number): void {
  if (!fileIds.length) return;
  // Writing `missing` rewrites the two indexes holding it even when it does not change, so it is
  // written only for a file that was missing and is back.
  const touch = db.prepare('UPDATE files SET seen_scan = ? WHERE id = ?');
  const back = db.prepare('UPDATE files SET missing = 0 WHERE id = ? AND missing = 1');
  db.transaction(() => {
    for (const id of fileIds) {
      touch.run(scanId, id);
      back.run(id);
    }
  })();
}

/** The names a document is known by, folded into its pages' title column so a file-name search finds it. */
function titleText(db: Db, documentId: number, metadataTitle: string | null): string {
  const names = db
    .prepare('SELECT DISTINCT name FROM files WHERE document_id = ? AND missing = 0')
    .pluck()
    .all(documentId) as string[];
  // File names split on separators too, so "care_plan-2024.pdf" is found by "care plan".
  const spaced = names.map((n) => n.replace(/\.[^.]+$/u, '').replace(/[_\-.]+/gu, ' '));
  return [metadataTitle ?? '', ...names, ...spaced].filter(Boolean).join(' · ').normalize('NFKC');
}

function refreshTitles(db: Db, documentId: number): void {
  const meta = db.prepare('SELECT title FROM documents WHERE id = ?').pluck().get(documentId) as string | null;
  const title = titleText(db, documentId, meta);
  db.prepare('UPDATE pages SET title = ? WHERE document_id = ? AND title <> ?').run(title, documentId, title);
}

function upsertFile(db: Db, f: SeenFile, scanId: number, documentId: number | null, status: FileStatus, reason: string | null, detail: string | null): number {
  const now = new Date().toISOString();
  const ext = extensionOf(f.name);
  const existing = fileByPath(db, f.path);
  if (existing) {
    db.prepare(
      `UPDATE files SET root_id = ?, name = ?, ext = ?, size = ?, mtime_ms = ?, document_id = ?, status = ?, reason = ?, detail = ?,
         missing = 0, seen_scan = ?, updated_at = ? WHERE id = ?`,
    ).run(f.rootId, f.name, ext, f.size, f.mtimeMs, documentId, status, reason, detail, scanId, now, existing.id);
    if (existing.document_id !== null && existing.document_id !== documentId) {
      refreshTitles(db, existing.document_id);
      if (documentId !== null) followFileToNewContent(db, existing.document_id, documentId, f.path);
    }
    return existing.id;
  }
  return db
    .prepare(
      `INSERT INTO files (root_id, path, name, ext, size, mtime_ms, document_id, status, reason, detail, missing, seen_scan, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
    )
    .run(f.rootId, f.path, f.name, ext, f.size, f.mtimeMs, documentId, status, reason, detail, scanId, now).lastInsertRowid as number;
}

/** Points a file at a document already in the index (a duplicate, a rename, or an unchanged copy). */
export function linkFileToDocument(db: Db, f: SeenFile, scanId: number, documentId: number): void {
  db.transaction(() => {
    const doc = db.prepare('SELECT status, reason, detail FROM documents WHERE id = ?').get(documentId) as {
      status: FileStatus; reason: string | null; detail: string | null;
    };
    upsertFile(db, f, scanId, documentId, doc.status, doc.reason, doc.detail);
    refreshTitles(db, documentId);
  })();
}

/** Stores a newly extracted document with its pages, and the file that holds it, in one transaction. */
export function storeDocument(db: Db, f: SeenFile, scanId: number, sha256: string, outcome: DocumentOutcome): number {
  return db.transaction(() => {
    const existing = documentIdBySha(db, sha256);
    if (existing !== undefined && documentStatus(db, existing).status !== 'failed' && !textForgotten(db, existing)) {
      // Another path with the same content got there first in this scan.
      linkFileToDocument(db, f, scanId, existing);
      return existing;
    }
    const x = outcome.extracted;
    const pages = x?.pages ?? [];
    const chars = pages.reduce((n, p) => n + p.text.length, 0);
    const values = [
      outcome.format, outcome.status, outcome.reason ?? null, outcome.detail ?? null,
      x?.title?.trim() || null, x?.author?.trim() || null, x?.created ?? null, x?.modified ?? null,
      pages.length, chars, new Date().toISOString(),
    ];
    let documentId: number;
    if (existing !== undefined) {
      // The same bytes read again after a failure, or after its text was forgotten: the new outcome
      // replaces the old one in place, so the document keeps its identity (and any evidence made of it).
      documentId = existing;
      db.prepare('DELETE FROM pages WHERE document_id = ?').run(documentId);
      db.prepare(
        `UPDATE documents SET format = ?, status = ?, reason = ?, detail = ?, title = ?, author = ?, created = ?, modified = ?,
           page_count = ?, text_chars = ?, extracted_at = ?, text_forgotten_at = NULL WHERE id = ?`,
      ).run(...values, documentId);
      db.prepare('UPDATE files SET status = ?, reason = ?, detail = ? WHERE document_id = ?').run(outcome.status, outcome.reason ?? null, outcome.detail ?? null, documentId);
    } else {
      documentId = db
        .prepare(
          `INSERT INTO documents (sha256, format, status, reason, detail, title, author, created, modified, page_count, text_chars, extracted_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(sha256, ...values).lastInsertRowid as number;
    }
    upsertFile(db, f, scanId, documentId, outcome.status, outcome.reason ?? null, outcome.detail ?? null);
    if (outcome.status === 'indexed') {
      const title = titleText(db, documentId, x?.title?.trim() || null);
      const insert = db.prepare('INSERT INTO pages (document_id, number, label, title, body) VALUES (?, ?, ?, ?, ?)');
      // A document with no pages at all still gets one (empty) so it can be found by its name.
      const list = pages.length ? pages : [{ number: 1, label: '1', text: '' }];
      // NFKC, so ligatures (ﬁ) and Arabic presentation forms from PDFs index as the letters people type.
      for (const p of list) insert.run(documentId, p.number, p.label ?? String(p.number), title, p.text.normalize('NFKC'));
    }
    return documentId;
  })();
}

/**
 * Records a file that could not be read this time. A file that held a document keeps pointing at
 * it (a share that drops mid-read must not cut evidence off from its file); the next scan reads
 * it again and, if its content changed, the evidence follows it as usual.
 */
export function recordUnreadable(db: Db, f: SeenFile, scanId: number, reason: string, detail: string): void {
  db.transaction(() => upsertFile(db, f, scanId, fileByPath(db, f.path)?.document_id ?? null, 'failed', reason, detail))();
}

/**
 * After a complete walk of a root: files not seen in this scan are marked missing (not forgotten),
 * except under folders that could not be read this time.
 */
export function markUnseenMissing(db: Db, rootId: number, scanId: number, unreadableDirs: string[]): number {
  return db.transaction(() => {
    const unseen = db
      .prepare('SELECT id, path, document_id FROM files WHERE root_id = ? AND seen_scan <> ? AND missing = 0')
      .all(rootId, scanId) as { id: number; path: string; document_id: number | null }[];
    const mark = db.prepare('UPDATE files SET missing = 1, updated_at = ? WHERE id = ?');
    const now = new Date().toISOString();
    let count = 0;
    const touchedDocs = new Set<number>();
    for (const f of unseen) {
      if (unreadableDirs.some((d) => f.path.startsWith(d))) continue;
      mark.run(now, f.id);
      if (f.document_id !== null) touchedDocs.add(f.document_id);
      count++;
    }
    for (const d of touchedDocs) refreshTitles(db, d);
    return count;
  })();
}

/** A document's outcome, for a file that turns out to hold content already in the index. */
export function documentStatus(db: Db, documentId: number): { status: FileStatus; reason: string | null; detail: string | null } {
  return db.prepare('SELECT status, reason, detail FROM documents WHERE id = ?').get(documentId) as {
    status: FileStatus; reason: string | null; detail: string | null;
  };
}

export function documentExists(db: Db, documentId: number): boolean {
  return db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId) !== undefined;
}

/** The path of a file that holds the document now (the first by path), or null when none does. */
export function presentPath(db: Db, documentId: number): string | null {
  return (db.prepare('SELECT path FROM files WHERE document_id = ? AND missing = 0 ORDER BY path LIMIT 1').pluck().get(documentId) as string | undefined) ?? null;
}

/** The document held by the file at this exact path, if it is indexed and present. */
export function documentIdAtPath(db: Db, path: string): number | null {
  return (db.prepare('SELECT document_id FROM files WHERE path = ? AND missing = 0').pluck().get(path) as number | null | undefined) ?? null;
}

/** One page's text and where it is in words ("Slide 3"), or null when the document has no such page. */
export function pageText(db: Db, documentId: number, page: number): { number: number; label: string; body: string } | null {
  const row = db
    .prepare('SELECT p.number, p.label, p.body, d.format FROM pages p JOIN documents d ON d.id = p.document_id WHERE p.document_id = ? AND p.number = ?')
    .get(documentId, page) as { number: number; label: string; body: string; format: string } | undefined;
  return row ? { number: row.number, label: locationName(row.format, row), body: row.body } : null;
}

function evidenceTitle(db: Db, documentId: number): string | null {
  return (db.prepare('SELECT title FROM evidence WHERE document_id = ?').pluck().get(documentId) as string | undefined) ?? null;
}

/** Every page of a document, in order, read one at a time (a long report need not be held whole). */
export function pageBodies(db: Db, documentId: number): IterableIterator<{ number: number; label: string; body: string }> {
  return db.prepare('SELECT number, label, body FROM pages WHERE document_id = ? ORDER BY number').iterate(documentId) as IterableIterator<{
    number: number;
    label: string;
    body: string;
  }>;
}

/** Everything the document view shows about a document, or null when it is no longer in the index. */
export function documentDetail(db: Db, documentId: number): DocumentDetail | null {
  const d = db.prepare('SELECT * FROM documents WHERE id = ?').get(documentId) as
    | { id: number; sha256: string; format: string; title: string | null; author: string | null; created: string | null;
        modified: string | null; page_count: number; text_chars: number; status: string; extracted_at: string | null; text_forgotten_at: string | null }
    | undefined;
  if (!d) return null;
  const files = db
    .prepare('SELECT path, name, root_id, size, mtime_ms, missing FROM files WHERE document_id = ? ORDER BY missing, path')
    .all(documentId) as { path: string; name: string; root_id: number; size: number; mtime_ms: number; missing: number }[];
  const pages = db
    .prepare('SELECT number, label, length(body) AS chars FROM pages WHERE document_id = ? ORDER BY number')
    .all(documentId) as { number: number; label: string; chars: number }[];
  const toOpen = presentPath(db, documentId);
  return {
    id: d.id,
    // A document whose folder left the library has no file name to fall back on: its evidence title then.
    title: displayTitle(d.title, files[0]?.name ?? '') || evidenceTitle(db, documentId) || 'Untitled document',
    format: d.format,
    sha256: d.sha256,
    pageCount: pages.length,
    pages: pages.map((p) => ({ ...p, label: locationName(d.format, p) })),
    author: d.author,
    created: d.created,
    modified: d.modified,
    indexed: d.extracted_at || null,
    warning: d.text_forgotten_at ? 'text-forgotten' : d.status === 'indexed' && d.text_chars === 0 ? 'no-text' : null,
    locations: files.map((f) => ({
      path: f.path, rootId: f.root_id, size: f.size, modified: new Date(f.mtime_ms).toISOString(), missing: f.missing === 1,
    })),
    openRefusal: toOpen ? openRefusal(d.format, toOpen) : null,
  };
}

/** Where a document's content can be copied from now, and what the index knew of that file when it read it. */
export interface PresentFile {
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
  format: string;
  /** The content's SHA-256 as indexed: the file still holds it if its size and time are as recorded. */
  sha256: string;
}

/**
 * For a pack: where each document can be copied from, and the start of its text. Statements are
 * prepared once, since a pack asks for thousands of documents (preparing costs more than running).
 */
export function packSourceReader(db: Db): { presentFile(documentId: number): PresentFile | null; excerpt(documentId: number, chars: number): string } {
  const file = db.prepare(
    `SELECT f.path, f.name, f.size, f.mtime_ms AS mtimeMs, d.format, d.sha256 FROM files f JOIN documents d ON d.id = f.document_id
     WHERE f.document_id = ? AND f.missing = 0 ORDER BY f.path LIMIT 1`,
  );
  // Only the start of each page leaves SQLite: a page can be megabytes of text.
  const pages = db.prepare('SELECT substr(body, 1, ?) FROM pages WHERE document_id = ? ORDER BY number').pluck();
  return {
    presentFile: (documentId) => (file.get(documentId) as PresentFile | undefined) ?? null,
    excerpt(documentId, chars) {
      let out = '';
      for (const body of pages.iterate(chars * 2, documentId) as Iterable<string>) {
        const text = body.replace(/\s+/gu, ' ').trim();
        if (text) out += (out ? ' ' : '') + text;
        if (out.length >= chars) break;
      }
      const cut = out.slice(0, chars);
      // Never end on half of a surrogate pair.
      return /[\uD800-\uDBFF]$/u.test(cut) ? cut.slice(0, -1) : cut;
    },
  };
}
