/**
 * The audit log in the API contract: who did what, and when, to data leaving the app (exports) or
 * coming into it and going from it (Annex A imports, deletions). The core writes an entry whenever
 * one of these actions ends, in every shell alike; nothing in the app edits or deletes an entry.
 */
import { z } from 'zod';
import { formatDateTime } from './dates.ts';

/** Every action the log records, with the words the app and the CSV use for it. */
export const AUDIT_ACTIONS = {
  'pack.export': 'Pack exported',
  'answer.export': 'Request answer written',
  'requests.export': 'Request log exported',
  'selfEvaluation.export': 'Self-evaluation exported',
  'annexa.workbook': 'Annex A workbook exported',
  'annexa.import': 'Annex A imported',
  'annexa.clear': 'Annex A data deleted',
  'roots.remove': 'Folder removed',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;
const ACTION_IDS = Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]];

export const AuditOutcome = z.enum(['done', 'failed', 'cancelled']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

export const AuditEntry = z.object({
  id: z.number().int(),
  /** ISO 8601, UTC. */
  at: z.string(),
  /** The operating system's user name, as the evidence history records it. */
  user: z.string(),
  action: z.enum(ACTION_IDS),
  outcome: AuditOutcome,
  /** What was done in plain words: where to, how much, for whom, or why it failed. Never a child's data. */
  detail: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** The header of the CSV, in column order (the values are AuditEntry's, the time in British form). */
export const AUDIT_CSV_COLUMNS = ['Time', 'Who', 'What', 'Outcome', 'Detail', 'Time (UTC, ISO 8601)'] as const;

/** A stored time as people in England write it, in this computer's local time: `02/12/2026 14:30` (shared/dates.ts). */
export function auditTime(iso: string): string {
  return formatDateTime(iso, iso);
}

/** "Pack exported", or "Pack exported (failed)". */
export function auditWhat(entry: Pick<AuditEntry, 'action' | 'outcome'>): string {
  const label = AUDIT_ACTIONS[entry.action];
  return entry.outcome === 'done' ? label : `${label} (${entry.outcome})`;
}

export const AUDIT_PAGE_MAX = 500;

export const AuditPage = z.object({
  /** Entries matching the filter, newest first, from `offset`. */
  entries: z.array(AuditEntry),
  total: z.number().int(),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const auditMethods = {
  /** The audit log, newest first, a page at a time; optionally one action only. */
  'audit.list': {
    input: z
      .object({
        action: z.enum(ACTION_IDS).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
      })
      .strict(),
    output: AuditPage,
  },
  /** The whole log (or one action's entries) as CSV text, newest first, for the user to save where they choose. */
  'audit.export': {
    input: z.object({ action: z.enum(ACTION_IDS).optional() }).strict(),
    output: z.object({ csv: z.string(), entries: z.number().int() }),
  },
} as const;
