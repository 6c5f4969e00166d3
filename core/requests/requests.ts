/**
 * The request log's operations: log, change, move between statuses, link, answer. Each runs in one
 * transaction, so a request and its history never disagree, and each change is recorded in the
 * request's history with who made it (the OS user, as evidence changes are) and what changed.
 */
import type { Input } from '../../shared/contract.ts';
import type { InspectorRequest, RequestLinkInput, RequestStatus } from '../../shared/requests.ts';
import { ApiFailure } from '../api/errors.ts';
import { documentIdAtPath } from '../store/documents.ts';
import type { Db } from '../store/database.ts';
import { linkColumns, showLink } from './links.ts';
import { move } from './status.ts';
import { historyRows, insertHistory, insertLink, linkRow, deleteLink, linkRows, requestRow, requestRows, insertRequest, updateRequest, type RequestColumns, type RequestRow } from './store.ts';
import { nowIso, toStoredTime } from './times.ts';

/** Who and when, given by the caller so tests can fix them; the handlers pass currentUser() and now. */
export interface Actor {
  user: string;
  now?: string;
}

/** What logging a request takes: the contract's argument (received, priority and owner optional). */
export type NewRequest = Input<'requests.add'>;

/** The fields a change may set, as the contract defines them. */
export type RequestFields = Input<'requests.update'>['fields'];

/** The contract's field names and their columns. */
const COLUMN: Record<keyof RequestFields, keyof RequestColumns> = {
  text: 'text', inspector: 'inspector', received: 'received', due: 'due', priority: 'priority', owner: 'owner',
  frameworkId: 'framework_id', judgementId: 'judgement_id', response: 'response',
};

function record(db: Db, id: number, actor: Required<Actor>, action: string, detail: Record<string, unknown> = {}): void {
  insertHistory(db, id, { at: actor.now, user: actor.user, action, detail: JSON.stringify(detail) });
}

function full(actor: Actor): Required<Actor> {
  return { user: actor.user, now: actor.now ?? nowIso() };
}

function rowOf(db: Db, id: number): RequestRow {
  const row = requestRow(db, id);
  if (!row) throw new ApiFailure('not-found', `There is no request ${id} in the log.`, 'id');
  return row;
}

/** A request as the contract shows it: its fields, its links as they are now, its history. */
export function getRequest(db: Db, id: number): InspectorRequest {
  return show(db, rowOf(db, id));
}

function show(db: Db, r: RequestRow): InspectorRequest {
  return {
    id: r.id, text: r.text, inspector: r.inspector, received: r.received, due: r.due, priority: r.priority, owner: r.owner,
    frameworkId: r.framework_id, judgementId: r.judgement_id, status: r.status, answered: r.answered, closed: r.closed, response: r.response,
    links: linkRows(db, r.id).map((l) => showLink(db, l)),
    history: historyRows(db, r.id).map((h) => ({ at: h.at, user: h.user, action: h.action, detail: JSON.parse(h.detail) as Record<string, unknown> })),
  };
}

/** Requests, newest received first; optionally only those of some statuses. */
export function listRequests(db: Db, statuses?: readonly RequestStatus[]): InspectorRequest[] {
  return requestRows(db, statuses).map((r) => show(db, r));
}

/** Logs a request: received now unless given; typed times without a zone are local (see times.ts). */
export function addRequest(db: Db, input: NewRequest, actor: Actor): InspectorRequest {
  const a = full(actor);
  const received = input.received === undefined ? a.now : toStoredTime(input.received, 'received');
  const due = input.due === undefined || input.due === null ? null : toStoredTime(input.due, 'due');
  const id = db.transaction(() => {
    const newId = insertRequest(db, {
      text: input.text, inspector: input.inspector, received, due, priority: input.priority ?? 'normal', owner: input.owner ?? '',
      framework_id: input.frameworkId ?? null, judgement_id: input.judgementId ?? null, status: 'new', answered: null, closed: null, response: '',
      created_at: a.now, updated_at: a.now,
    });
    record(db, newId, a, 'logged', { text: input.text, inspector: input.inspector, received, due, priority: input.priority ?? 'normal', owner: input.owner ?? '' });
    return newId;
  })();
  return getRequest(db, id);
}

/** Changes fields; each one that really changed is in the history entry, from and to. */
export function updateRequestFields(db: Db, id: number, fields: RequestFields, actor: Actor): InspectorRequest {
  const a = full(actor);
  db.transaction(() => {
    const row = rowOf(db, id);
    const columns: RequestColumns = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [name, raw] of Object.entries(fields) as [keyof RequestFields, unknown][]) {
      if (raw === undefined) continue;
      let value = raw;
      if (name === 'received') value = toStoredTime(raw as string, 'fields.received');
      if (name === 'due' && raw !== null) value = toStoredTime(raw as string, 'fields.due');
      const column = COLUMN[name];
      if (row[column] === value) continue;
      (columns as Record<string, unknown>)[column] = value;
      changes[name] = { from: row[column], to: value };
    }
    if (Object.keys(changes).length === 0) return;
    updateRequest(db, id, { ...columns, updated_at: a.now });
    record(db, id, a, 'edited', changes);
  })();
  return getRequest(db, id);
}

/** Moves a request to a status (see status.ts); the same status again changes nothing. */
export function setRequestStatus(db: Db, id: number, status: RequestStatus, actor: Actor): InspectorRequest {
  const a = full(actor);
  db.transaction(() => {
    const row = rowOf(db, id);
    if (row.status === status) return;
    const next = move(row.status, status, a.now);
    updateRequest(db, id, { ...next, updated_at: a.now });
    record(db, id, a, 'status', { from: row.status, to: status });
  })();
  return getRequest(db, id);
}

export function linkToRequest(db: Db, id: number, link: RequestLinkInput, actor: Actor): InspectorRequest {
  const a = full(actor);
  db.transaction(() => {
    rowOf(db, id);
    const columns = linkColumns(db, link);
    const linkId = insertLink(db, { request_id: id, ...columns, at: a.now });
    updateRequest(db, id, { updated_at: a.now });
    record(db, id, a, 'linked', { linkId, ...link });
  })();
  return getRequest(db, id);
}

export function unlinkFromRequest(db: Db, id: number, linkId: number, actor: Actor): InspectorRequest {
  const a = full(actor);
  db.transaction(() => {
    rowOf(db, id);
    const row = linkRow(db, id, linkId);
    if (!row) throw new ApiFailure('not-found', 'That link is not on this request any more.', 'linkId');
    const shown = showLink(db, row);
    deleteLink(db, linkId);
    updateRequest(db, id, { updated_at: a.now });
    record(db, id, a, 'unlinked', { linkId, kind: row.kind, label: shown.label });
  })();
  return getRequest(db, id);
}

/**
 * Answers a request: the response written, the documents at `documentPaths` linked (each must be an
 * indexed file at that exact path; the first one that is not is refused by its path, and nothing is
 * changed), and the request marked answered with the time. A withdrawn request must be reopened
 * first; answering an answered one again replaces its response and records the new time.
 */
export function answerRequest(db: Db, id: number, response: string, documentPaths: readonly string[], actor: Actor): InspectorRequest {
  const a = full(actor);
  db.transaction(() => {
    const row = rowOf(db, id);
    if (row.status === 'withdrawn') throw new ApiFailure('invalid-argument', 'This request was withdrawn. Reopen it (in progress) before answering it.', 'status');
    const documents = documentPaths.map((path, i) => {
      const documentId = documentIdAtPath(db, path);
      if (documentId === null) throw new ApiFailure('not-found', `${path} is not in the index (add its folder to the library, or scan it again).`, `documentPaths.${i}`);
      return documentId;
    });
    const already = new Set(linkRows(db, id).filter((l) => l.kind === 'document').map((l) => l.document_id));
    for (const documentId of documents) {
      if (already.has(documentId)) continue;
      already.add(documentId);
      const linkId = insertLink(db, { request_id: id, ...linkColumns(db, { kind: 'document', documentId }), at: a.now });
      record(db, id, a, 'linked', { linkId, kind: 'document', documentId });
    }
    const times = row.status === 'answered' ? { status: 'answered' as const, answered: a.now, closed: a.now } : move(row.status, 'answered', a.now);
    updateRequest(db, id, { ...times, response, updated_at: a.now });
    record(db, id, a, 'answered', { from: row.status, response, documents: documentPaths.length });
  })();
  return getRequest(db, id);
}
