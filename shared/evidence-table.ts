/**
 * The Evidence area's table in the API contract: every evidence item as a row, filtered, sorted and
 * paged by the core with facet counts, and the status of many items changed at once (and back).
 * `shared/contract.ts` lists the methods.
 */
import { z } from 'zod';
import { EVIDENCE_STATUSES, REVIEW_STATES } from './evidence.ts';
import { FacetValue } from './facets.ts';

/** The facets, in the order the filter rail shows them (search's, with review and owner). */
export const EVIDENCE_FACETS = ['status', 'review', 'judgement', 'criterion', 'team', 'owner', 'type', 'folder', 'year', 'tagged'] as const;
export type EvidenceFacet = (typeof EVIDENCE_FACETS)[number];

export const EVIDENCE_FACET_TITLES: Record<EvidenceFacet, string> = {
  status: 'Status',
  review: 'Review-by',
  judgement: 'Judgement',
  criterion: 'Criterion',
  team: 'Team',
  owner: 'Owner',
  type: 'Type',
  folder: 'Folder',
  year: 'Evidence year',
  tagged: 'Tagged',
};

/** The columns the table sorts by. */
export const EVIDENCE_SORTS = ['title', 'team', 'status', 'criteria', 'evidenceDate', 'reviewBy', 'owner'] as const;
export type EvidenceSort = (typeof EVIDENCE_SORTS)[number];

const FilterValues = z.array(z.string().max(300)).max(500).optional();
export const EvidenceFilters = z
  .object(Object.fromEntries(EVIDENCE_FACETS.map((f) => [f, FilterValues])) as Record<EvidenceFacet, typeof FilterValues>)
  .strict();
export type EvidenceFilters = z.infer<typeof EvidenceFilters>;

const Status = z.enum(EVIDENCE_STATUSES);

/** One row of the table: what the columns show, and the marks beside them. */
export const EvidenceRow = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  title: z.string(),
  team: z.string(),
  status: Status,
  criteria: z.array(z.object({ frameworkId: z.string(), criterionId: z.string(), strength: z.enum(['key', 'supporting']) })),
  evidenceDate: z.string().nullable(),
  reviewBy: z.string().nullable(),
  review: z.enum(REVIEW_STATES),
  /** Who made the document evidence (the history's first entry for it). */
  owner: z.string(),
  format: z.string(),
  fileMissing: z.boolean(),
  changedSinceTagged: z.boolean(),
});
export type EvidenceRow = z.infer<typeof EvidenceRow>;

export const EvidenceTable = z.object({
  /** Every evidence item there is, filtered or not (0: nothing is evidence yet). */
  total: z.number().int(),
  /** Items the filters and the text match. */
  matched: z.number().int(),
  offset: z.number().int(),
  rows: z.array(EvidenceRow),
  /** The ids of every matching item in the table's order, so a selection can span pages. */
  ids: z.array(z.number().int()),
  /** Counts per facet value; each facet counted with every filter but its own (ticking a value adds to it). */
  facets: z.record(z.string(), z.array(FacetValue)),
});
export type EvidenceTable = z.infer<typeof EvidenceTable>;

export const EvidenceTableQuery = z
  .object({
    /** Words every row must contain (in its title, summary, team, owner or criteria), any case. */
    text: z.string().max(500).default(''),
    filters: EvidenceFilters.default({}),
    sort: z.enum(EVIDENCE_SORTS).default('title'),
    direction: z.enum(['ascending', 'descending']).default('ascending'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type EvidenceTableQuery = z.input<typeof EvidenceTableQuery>;
/** A query with its defaults filled in, as the core receives it. */
export type EvidenceTableRequest = z.output<typeof EvidenceTableQuery>;

export const StatusChange = z.object({ evidenceId: z.number().int().positive(), status: Status }).strict();

export const evidenceTableMethods = {
  /** The Evidence area's table: every item, filtered, sorted and paged, with facet counts. */
  'evidence.table': { input: EvidenceTableQuery, output: EvidenceTable },
  /**
   * Sets the status of many items in one go (all or none), each recorded in its history as a save
   * would; answers what changed and from what, so the change can be undone with the same method.
   */
  'evidence.setStatus': {
    input: z.object({ changes: z.array(StatusChange).min(1).max(5000) }).strict(),
    output: z.object({ changed: z.array(z.object({ evidenceId: z.number().int(), from: Status, to: Status })) }),
  },
} as const;
