/**
 * Evidence items and their tags. An item belongs to a document (content identity): renaming or
 * moving the file keeps it, and when the file's content changes the item follows the file and
 * shows "changed since tagged" (see core/store/documents.ts).
 */
import type { z } from 'zod';
import type { Db } from '../store/database.ts';
import type { EvidenceItem, EvidenceFields as EvidenceFieldsSchema, Tag } from '../../shared/contract.ts';
import { displayTitle } from '../store/titles.ts';
import { record } from './history.ts';
import { reviewState } from '../../shared/evidence.ts';

export type EvidenceStatus = EvidenceItem['status'];
export type Strength = Tag['strength'];
/** The fields a save may set (any subset), as the contract's schema defines them. */
export type EvidenceFields = z.output<typeof EvidenceFieldsSchema>;
export type { EvidenceItem };

interface EvidenceRow {
  id: number; document_id: number; title: string; summary: string; team: string; evidence_date: string | null;
  review_by: string | null; status: EvidenceStatus; personal_data: number; tagged_sha256: string; created_at: string;
  updated_at: string; sha256: string; present: number;
}

const SELECT = `
  SELECT e.*, d.sha256, (SELECT COUNT(*) FROM files f WHERE f.document_id = e.document_id AND f.missing = 0) AS present
  FROM evidence e JOIN documents d ON d.id = e.document_id`;

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

const TAGS = 'SELECT framework_id, judgement_id, criterion_id, strength, note FROM tags WHERE evidence_id = ? ORDER BY framework_id, criterion_id';

/** `tags` is the TAGS statement, prepared once by a caller turning many rows into items (preparing costs more than running it). */
function toItem(db: Db, r: EvidenceRow, tagsStatement = db.prepare(TAGS)): EvidenceItem {
  const tags = tagsStatement.all(r.id) as { framework_id: string; judgement_id: string; criterion_id: string; strength: Strength; note: string }[];
  return {
    id: r.id,
    documentId: r.document_id,
    title: r.title,
    summary: r.summary,
    team: r.team,
    evidenceDate: r.evidence_date,
    reviewBy: r.review_by,
    status: r.status,
    personalData: r.personal_data === 1,
    changedSinceTagged: r.sha256 !== r.tagged_sha256,
    fileMissing: r.present === 0,
    stale: reviewState(r.status, r.review_by, today()) === 'overdue',
    tags: tags.map((t) => ({ frameworkId: t.framework_id, judgementId: t.judgement_id, criterionId: t.criterion_id, strength: t.strength, note: t.note })),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function evidenceForDocument(db: Db, documentId: number): EvidenceItem | null {
  const r = db.prepare(`${SELECT} WHERE e.document_id = ?`).get(documentId) as EvidenceRow | undefined;
  return r ? toItem(db, r) : null;
}

export function evidenceById(db: Db, id: number): EvidenceItem | null {
  const r = db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as EvidenceRow | undefined;
  return r ? toItem(db, r) : null;
}

export function listEvidence(db: Db, ids?: number[]): EvidenceItem[] {
  const rows = (ids
    ? // in the order asked for (coverage lists key evidence first)
      db.prepare(`${SELECT} JOIN json_each(?) j ON j.value = e.id ORDER BY j.key`).all(JSON.stringify(ids))
    : db.prepare(`${SELECT} ORDER BY e.title`).all()) as EvidenceRow[];
  const tags = db.prepare(TAGS);
  return rows.map((r) => toItem(db, r, tags));
}

const COLUMNS: Record<keyof EvidenceFields, string> = {
  title: 'title', summary: 'summary', team: 'team', evidenceDate: 'evidence_date', reviewBy: 'review_by', status: 'status', personalData: 'personal_data',
};

/** Makes a document evidence (or updates its fields), recording what changed. */
export function saveEvidence(db: Db, documentId: number, fields: EvidenceFields, user: string): EvidenceItem {
  return db.transaction(() => {
    const doc = db.prepare('SELECT sha256, title FROM documents WHERE id = ?').get(documentId) as { sha256: string; title: string | null } | undefined;
    if (!doc) throw new Error(`No document ${documentId}`);
    let existing = evidenceForDocument(db, documentId);
    const now = new Date().toISOString();
    if (!existing) {
      const name = db.prepare('SELECT name FROM files WHERE document_id = ? ORDER BY missing, path LIMIT 1').pluck().get(documentId) as string | undefined;
      const id = db
        .prepare(`INSERT INTO evidence (document_id, title, tagged_sha256, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`)
        .run(documentId, fields.title?.trim() || displayTitle(doc.title, name ?? ''), doc.sha256, now, now).lastInsertRowid as number;
      record(db, user, 'created', { evidenceId: id, documentId });
      existing = evidenceById(db, id)!;
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [key, column] of Object.entries(COLUMNS) as [keyof EvidenceFields, string][]) {
      const value = fields[key];
      if (value === undefined) continue;
      const stored = key === 'personalData' ? (value ? 1 : 0) : typeof value === 'string' ? value.trim() : value;
      const before = existing[key];
      if ((key === 'personalData' ? (before ? 1 : 0) : before) === stored) continue;
      db.prepare(`UPDATE evidence SET ${column} = ?, updated_at = ? WHERE id = ?`).run(stored, now, existing.id);
      changes[key] = { from: before, to: key === 'personalData' ? Boolean(value) : stored };
    }
    if (Object.keys(changes).length) record(db, user, 'updated', { evidenceId: existing.id, documentId }, changes);
    return evidenceById(db, existing.id)!;
  })();
}

/** Accepts the file's current content as what the evidence shows (clears "changed since tagged"). */
export function confirmContent(db: Db, evidenceId: number, user: string): void {
  db.transaction(() => {
    const r = db.prepare('SELECT e.document_id, d.sha256 FROM evidence e JOIN documents d ON d.id = e.document_id WHERE e.id = ?').get(evidenceId) as
      | { document_id: number; sha256: string }
      | undefined;
    if (!r) return;
    db.prepare('UPDATE evidence SET tagged_sha256 = ?, updated_at = ? WHERE id = ?').run(r.sha256, new Date().toISOString(), evidenceId);
    record(db, user, 'content confirmed', { evidenceId, documentId: r.document_id });
  })();
}

/** Tags documents (making them evidence first where needed) against one criterion. */
export function addTag(db: Db, documentIds: number[], tag: Tag, user: string): EvidenceItem[] {
  return db.transaction(() =>
    documentIds.map((documentId) => {
      const item = evidenceForDocument(db, documentId) ?? saveEvidence(db, documentId, {}, user);
      const existing = item.tags.find((t) => t.frameworkId === tag.frameworkId && t.criterionId === tag.criterionId);
      if (existing && existing.strength === tag.strength && existing.note === tag.note) return item;
      db.prepare(
        `INSERT INTO tags (evidence_id, framework_id, judgement_id, criterion_id, strength, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (evidence_id, framework_id, criterion_id) DO UPDATE SET strength = excluded.strength, note = excluded.note`,
      ).run(item.id, tag.frameworkId, tag.judgementId, tag.criterionId, tag.strength, tag.note, new Date().toISOString());
      record(db, user, existing ? 'tag changed' : 'tagged', { evidenceId: item.id, documentId }, { ...tag });
      return evidenceById(db, item.id)!;
    }),
  )();
}

export function removeTag(db: Db, evidenceId: number, frameworkId: string, criterionId: string, user: string): boolean {
  return db.transaction(() => {
    const changes = db.prepare('DELETE FROM tags WHERE evidence_id = ? AND framework_id = ? AND criterion_id = ?').run(evidenceId, frameworkId, criterionId).changes;
    if (changes) {
      const documentId = db.prepare('SELECT document_id FROM evidence WHERE id = ?').pluck().get(evidenceId) as number;
      record(db, user, 'untagged', { evidenceId, documentId }, { frameworkId, criterionId });
    }
    return changes > 0;
  })();
}
