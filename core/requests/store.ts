/**
 * The request log's SQL, and nothing else: rows in, rows out. The rules (what may change into what,
 * what is recorded) are in requests.ts; the labels and paths of links in links.ts.
 */
import type { RequestStatus } from '../../shared/requests.ts';
import type { Db } from '../store/database.ts';

export interface RequestRow {
  id: number;
  text: string;
  inspector: string;
  received: string;
  due: string | null;
  priority: 'high' | 'normal';
  owner: string;
  framework_id: string | null;
  judgement_id: string | null;
  status: RequestStatus;
  answered: string | null;
  closed: string | null;
  response: string;
  created_at: string;
  updated_at: string;
}

export interface LinkRow {
  id: number;
  request_id: number;
  kind: 'document' | 'evidence' | 'search' | 'annexa';
  document_id: number | null;
  page: number | null;
  evidence_id: number | null;
  /** A search's words; for an Annex A link to a list's findings, its filter as JSON. */
  query: string | null;
  list: string | null;
  note: string;
  at: string;
}

export interface HistoryRow {
  at: string;
  user: string;
  action: string;
  detail: string;
}

/** The columns a change may set, by their names in the table. */
export type RequestColumns = Partial<Omit<RequestRow, 'id' | 'created_at'>>;

export function insertRequest(db: Db, row: Omit<RequestRow, 'id'>): number {
  const info = db
    .prepare(
      `INSERT INTO requests (text, inspector, received, due, priority, owner, framework_id, judgement_id, status, answered, closed, response, created_at, updated_at)
       VALUES (@text, @inspector, @received, @due, @priority, @owner, @framework_id, @judgement_id, @status, @answered, @closed, @response, @created_at, @updated_at)`,
    )
    .run(row);
  return Number(info.lastInsertRowid);
}

export function requestRow(db: Db, id: number): RequestRow | undefined {
  return db.prepare('SELECT * FROM requests WHERE id = ?').get(id) as RequestRow | undefined;
}

/** Every request, newest received first (ties: newest logged first), optionally of some statuses. */
export function requestRows(db: Db, statuses?: readonly RequestStatus[]): RequestRow[] {
  const rows = db.prepare('SELECT * FROM requests ORDER BY received DESC, id DESC').all() as RequestRow[];
  return statuses && statuses.length > 0 ? rows.filter((r) => statuses.includes(r.status)) : rows;
}

const COLUMNS = new Set(['text', 'inspector', 'received', 'due', 'priority', 'owner', 'framework_id', 'judgement_id', 'status', 'answered', 'closed', 'response', 'updated_at']);

export function updateRequest(db: Db, id: number, columns: RequestColumns): void {
  const names = Object.keys(columns).filter((c) => COLUMNS.has(c));
  if (names.length === 0) return;
  // Column names come from the fixed set above, never from input.
  db.prepare(`UPDATE requests SET ${names.map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run({ ...columns, id });
}

export function insertLink(db: Db, row: Omit<LinkRow, 'id'>): number {
  const info = db
    .prepare(
      `INSERT INTO request_links (request_id, kind, document_id, page, evidence_id, query, list, note, at)
       VALUES (@request_id, @kind, @document_id, @page, @evidence_id, @query, @list, @note, @at)`,
    )
    .run(row);
  return Number(info.lastInsertRowid);
}

export function linkRow(db: Db, requestId: number, linkId: number): LinkRow | undefined {
  return db.prepare('SELECT * FROM request_links WHERE id = ? AND request_id = ?').get(linkId, requestId) as LinkRow | undefined;
}

export function deleteLink(db: Db, linkId: number): void {
  db.prepare('DELETE FROM request_links WHERE id = ?').run(linkId);
}

export function linkRows(db: Db, requestId: number): LinkRow[] {
  return db.prepare('SELECT * FROM request_links WHERE request_id = ? ORDER BY id').all(requestId) as LinkRow[];
}

export function insertHistory(db: Db, requestId: number, entry: HistoryRow): void {
  db.prepare('INSERT INTO request_history (request_id, at, user, action, detail) VALUES (?, ?, ?, ?, ?)').run(requestId, entry.at, entry.user, entry.action, entry.detail);
}

/** A request's history, oldest first (the order things happened). */
export function historyRows(db: Db, requestId: number): HistoryRow[] {
  return db.prepare('SELECT at, user, action, detail FROM request_history WHERE request_id = ? ORDER BY id').all(requestId) as HistoryRow[];
}
