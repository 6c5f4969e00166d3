/**
 * The audit log's methods: read a page, or the whole log as CSV. There is deliberately no method
 * that changes or deletes an entry.
 */
import type { Input, MethodName, Output } from '../../shared/contract.ts';
import { auditCsv, listAudit } from '../audit/audit-log.ts';
import type { Db } from '../store/database.ts';

type AuditMethod = Extract<MethodName, `audit.${string}`>;
export type AuditHandlers = { [M in AuditMethod]: (input: Input<M>) => Promise<Output<M>> };

export function createAuditHandlers(db: Db): AuditHandlers {
  return {
    'audit.list': async ({ action, offset, limit }) => listAudit(db, { action, offset: offset ?? 0, limit: limit ?? 100 }),
    'audit.export': async ({ action }) => auditCsv(db, action),
  };
}
