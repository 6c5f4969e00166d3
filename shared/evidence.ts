/**
 * The evidence form's fields and their limits, defined once: the contract's schema enforces them,
 * the form checks them as the user types, and the core stores exactly these fields.
 */
export const EVIDENCE_LIMITS = {
  title: 300,
  summary: 4000,
  team: 200,
  /** A tag's note: why the document is evidence for that criterion. */
  tagNote: 2000,
} as const;

/** Every field an evidence item's save may set, in the order the form shows them. */
export const EVIDENCE_FIELDS = ['title', 'summary', 'team', 'evidenceDate', 'reviewBy', 'status', 'personalData'] as const;
export type EvidenceFieldName = (typeof EVIDENCE_FIELDS)[number];

/** An evidence item's status: a draft being worked on, approved for the pack, retired from use. */
export const EVIDENCE_STATUSES = ['draft', 'approved', 'retired'] as const;
export type EvidenceStatusName = (typeof EVIDENCE_STATUSES)[number];
export const EVIDENCE_STATUS_LABELS: Record<EvidenceStatusName, string> = { draft: 'Draft', approved: 'Approved', retired: 'Retired' };

/** Review-by dates this close (in days) count as "due for review soon". */
export const REVIEW_SOON_DAYS = 30;

/**
 * Where an item stands against its review-by date, defined once (the evidence panel's "past review
 * date", the checks' past-review list, the Evidence area's mark and facet): overdue when the date
 * has passed, soon within REVIEW_SOON_DAYS, else not due (retired items are never due); none
 * without a date.
 * `today` is a YYYY-MM-DD date (ISO dates compare as text).
 */
export const REVIEW_STATES = ['overdue', 'soon', 'not-due', 'none'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export function reviewState(status: EvidenceStatusName, reviewBy: string | null, today: string): ReviewState {
  if (reviewBy === null) return 'none';
  if (status === 'retired') return 'not-due';
  if (reviewBy < today) return 'overdue';
  return reviewBy <= addDays(today, REVIEW_SOON_DAYS) ? 'soon' : 'not-due';
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
