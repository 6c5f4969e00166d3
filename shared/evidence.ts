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
