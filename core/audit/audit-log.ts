/**
 * The audit log: one row per export, Annex A import and deletion, written when the action ends
 * (done, failed or cancelled). Append-only: there is no function here to change or remove an
 * entry, and the table's triggers (migration 11) refuse it from anywhere else too.
 *
 * Entries are written by the core (services and API handlers), never by a shell, so the desktop
 * app, browser mode and the CLI are audited alike.
 */
import { AUDIT_ACTIONS, AUDIT_CSV_COLUMNS, auditTime, auditWhat, type AuditAction, type AuditEntry, type AuditOutcome, type AuditPage } from '../../shared/audit.ts';
import type { Db } from '../store/database.ts';
import { currentUser } from '../evidence/user.ts';

export interface AuditRecord {
  action: AuditAction;
  outcome: AuditOutcome;
  detail: string;
  /** Defaults: now, and the operating system's user. */
  at?: string;
  user?: string;
}

export function recordAudit(db: Db, record: AuditRecord): void {
  db.prepare('INSERT INTO audit_log (at, user, action, outcome, detail) VALUES (?, ?, ?, ?, ?)').run(
    record.at ?? new Date().toISOString(),
    record.user ?? currentUser(),
    record.action,
    record.outcome,
    record.detail,
  );
}

/**
 * Runs `work` and records how it ended: `done(result)` words a success, `failed(error)` a failure
 * (the error's own message by default). The error is thrown on unchanged. An action refused before
 * it started (`skip(error)` true, such as a bad argument) is not recorded: nothing was done.
 */
export async function audited<T>(
  db: Db,
  action: AuditAction,
  words: { done: (result: T) => string; failed: (error: unknown) => string; skip?: (error: unknown) => boolean },
  work: () => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (error) {
    if (!words.skip?.(error)) recordAudit(db, { action, outcome: 'failed', detail: words.failed(error) });
    throw error;
  }
  recordAudit(db, { action, outcome: 'done', detail: words.done(result) });
  return result;
}

const isAction = (name: string): name is AuditAction => Object.hasOwn(AUDIT_ACTIONS, name);

/** Newest first (by the order written: a clock put back cannot reorder the log). */
export function listAudit(db: Db, options: { action?: AuditAction; offset?: number; limit?: number } = {}): AuditPage {
  const where = options.action ? 'WHERE action = ?' : '';
  const args = options.action ? [options.action] : [];
  const total = db.prepare(`SELECT count(*) FROM audit_log ${where}`).pluck().get(...args) as number;
  const rows = db
    .prepare(`SELECT id, at, user, action, outcome, detail FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...args, options.limit ?? -1, options.offset ?? 0) as (Omit<AuditEntry, 'action'> & { action: string })[];
  // An action a later version wrote (an index shared with a newer copy of the app) is left out rather than mislabelled.
  return { total, entries: rows.filter((r): r is AuditEntry => isAction(r.action)) };
}

/** A CSV field: quoted when it must be, and never read by Excel as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

/** The log as CSV (RFC 4180, CRLF, a BOM so Excel reads it as UTF-8), newest first. */
export function auditCsv(db: Db, action?: AuditAction): { csv: string; entries: number } {
  const { entries } = listAudit(db, { action });
  const header = [...AUDIT_CSV_COLUMNS];
  const lines = [header, ...entries.map((e) => [auditTime(e.at), e.user, auditWhat(e), e.outcome, e.detail, e.at])];
  return { csv: '\uFEFF' + lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n', entries: entries.length };
}
