/**
 * The one API contract between the UI and the app.
 *
 * Every method the renderer may call is listed here with a runtime schema for its argument and
 * its result. Both shells (Electron IPC and the browser-mode HTTP server) validate arguments
 * against these schemas before the core sees them, and the renderer's client is typed from them,
 * so a method cannot be added on one side only.
 */
import { z } from 'zod';
import type { METHOD_NAMES, EVENT_NAMES } from './channels.ts';
import { SETTING_LIMITS, type NumericSetting } from './settings.ts';
import { EVIDENCE_LIMITS, EVIDENCE_STATUSES, type EvidenceFieldName } from './evidence.ts';
import { packMethods, PackProgress } from './pack.ts';
import { requestMethods } from './requests.ts';
import { savedSearchMethods } from './saved-searches.ts';
import { annexaMethods, AnnexaProgress } from './annexa/api.ts';
import { auditMethods } from './audit.ts';
import { FacetValue } from './facets.ts';
import { evidenceTableMethods } from './evidence-table.ts';
import { storeMethods } from './store-lock.ts';

// ---------- shared shapes ----------

/**
 * Why a file could not be indexed, in words the failures list explains to a user:
 * corrupt (not a valid file of its kind), encrypted (needs a password), too-large (over the limit,
 * a zip bomb, or the reader ran out of memory), timed-out, unreadable (the operating system refused:
 * locked, permissions, vanished), empty (0 bytes), crashed (the reader stopped unexpectedly, twice),
 * internal-error (Evidence Store itself failed while storing it).
 */
export const FailureReason = z.enum(['corrupt', 'encrypted', 'too-large', 'timed-out', 'unreadable', 'empty', 'crashed', 'internal-error']);
export type FailureReason = z.infer<typeof FailureReason>;

/** How a root's last scan ended. 'interrupted': the app stopped (or was killed) during it. */
export const ScanOutcome = z.enum(['running', 'complete', 'cancelled', 'offline', 'failed', 'interrupted']);
export type ScanOutcome = z.infer<typeof ScanOutcome>;

export const Root = z.object({
  id: z.number().int(),
  path: z.string(),
  label: z.string(),
  addedAt: z.string(),
  lastScannedAt: z.string().nullable(),
  /** 'offline': the folder could not be reached at the last scan; nothing under it was marked missing. */
  state: z.enum(['online', 'offline']),
  documents: z.number().int(),
  failed: z.number().int(),
  unsupported: z.number().int(),
  /** The latest scan of this root: how it ended and, when it did not finish, why in plain words. */
  lastScan: z
    .object({ outcome: ScanOutcome, startedAt: z.string(), finishedAt: z.string().nullable(), problem: z.string().nullable() })
    .nullable(),
});
export type Root = z.infer<typeof Root>;

/** What one scan of one root did; every file seen is counted once (files = indexed + unchanged + unsupported + failed). */
export const ScanSummary = z.object({
  rootId: z.number().int(),
  outcome: ScanOutcome,
  /** Why the scan did not finish, in plain words; null when it did. */
  problem: z.string().nullable(),
  files: z.number().int(),
  indexed: z.number().int(),
  unchanged: z.number().int(),
  unsupported: z.number().int(),
  failed: z.array(z.object({ path: z.string(), reason: z.string(), detail: z.string() })),
  missing: z.number().int(),
  seconds: z.number(),
});
export type ScanSummary = z.infer<typeof ScanSummary>;

/** The whole library in numbers. */
export const LibrarySummary = z.object({
  databasePath: z.string(),
  documents: z.number().int(),
  pages: z.number().int(),
  files: z.number().int(),
  missing: z.number().int(),
  failed: z.number().int(),
  unsupported: z.number().int(),
  /** Files read that hold no text (scans without a text layer). */
  noText: z.number().int(),
  /** Every file the failures list shows: failed + unsupported + noText. */
  needsAttention: z.number().int(),
  roots: z.array(Root),
});
export type LibrarySummary = z.infer<typeof LibrarySummary>;

export const ScanProgress = z.object({
  state: z.enum(['idle', 'scanning']),
  rootId: z.number().int().nullable(),
  rootPath: z.string().nullable(),
  /** Files looked at so far / files found so far (total grows while the walk is still going). */
  done: z.number().int(),
  total: z.number().int(),
  walking: z.boolean(),
  currentPath: z.string().nullable(),
  indexed: z.number().int(),
  unchanged: z.number().int(),
  unsupported: z.number().int(),
  failed: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Paused by the user: nothing is read until resumed. */
  paused: z.boolean(),
  /** Files finished per second over the last few seconds. */
  filesPerSecond: z.number(),
  /** Estimate, once the walk has found every file; null while still counting. */
  secondsLeft: z.number().nullable(),
  /** Roots waiting for their turn after this one. */
  queued: z.number().int(),
});
export type ScanProgress = z.infer<typeof ScanProgress>;

/**
 * Removing a folder and forgetting its text (roots.remove with forgetText), as it goes: the text
 * of its documents leaves the index in batches ('forgetting', counted), then the index file is
 * compacted ('compacting': SQLite says nothing of how far it is, so there is no count), then
 * 'done' or 'failed'.
 */
export const RemovalProgress = z.object({
  rootId: z.number().int(),
  rootPath: z.string(),
  phase: z.enum(['forgetting', 'compacting', 'done', 'failed']),
  /** Documents whose text has left the index, of `total` (the folder's documents no other folder holds). */
  done: z.number().int(),
  total: z.number().int(),
  /** Of those, evidence items kept without their text. */
  evidenceKept: z.number().int(),
  /** Estimate while forgetting, once enough is done to judge the rate; null otherwise. */
  secondsLeft: z.number().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** Why it failed ('failed' only). */
  message: z.string().nullable(),
});
export type RemovalProgress = z.infer<typeof RemovalProgress>;

/** A piece of snippet text; `hit` pieces are the words that matched (the UI highlights them). */
export const Segment = z.object({ text: z.string(), hit: z.boolean() });
export type Segment = z.infer<typeof Segment>;

export const SearchHit = z.object({
  page: z.number().int(),
  /** Where the hit is, in words (shared/locations.ts): "Page 12", "Slide 3", "Sheet Population", "Email". */
  pageLabel: z.string(),
  snippet: z.array(Segment),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  documentId: z.number().int(),
  title: z.string(),
  path: z.string(),
  folder: z.string(),
  format: z.string(),
  size: z.number(),
  modified: z.string().nullable(),
  pageCount: z.number().int(),
  score: z.number(),
  hits: z.array(SearchHit),
});
export type SearchResult = z.infer<typeof SearchResult>;

export { FacetValue };

export const SearchResponse = z.object({
  query: z.string(),
  /** Documents found: exact, unless `totalCapped` (then at least this many: shown as "1,000+"). */
  total: z.number().int(),
  totalCapped: z.boolean(),
  results: z.array(SearchResult),
  /** Words the query highlighted, for the document view. */
  terms: z.array(z.string()),
  /** Parts of the query that were ignored (e.g. a lone '-' or an unknown filter value), in plain words. */
  notes: z.array(z.string()),
  millis: z.number(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

/** What follows the results: counts per facet over every match, and the exact number found. */
export const SearchFacets = z.object({
  query: z.string(),
  total: z.number().int(),
  facets: z.object({
    type: z.array(FacetValue),
    folder: z.array(FacetValue),
    year: z.array(FacetValue),
    judgement: z.array(FacetValue),
    status: z.array(FacetValue),
    team: z.array(FacetValue),
    tagged: z.array(FacetValue),
  }),
  millis: z.number(),
});
export type SearchFacets = z.infer<typeof SearchFacets>;

/**
 * A search box names its channel: a newer search (or facet count) on the same channel cancels the
 * one still running, which then fails with 'cancelled'.
 */
const SearchChannel = z.string().min(1).max(40).optional();

export const FileLocation = z.object({
  path: z.string(),
  rootId: z.number().int(),
  size: z.number(),
  modified: z.string(),
  missing: z.boolean(),
});

export const DocumentDetail = z.object({
  id: z.number().int(),
  title: z.string(),
  format: z.string(),
  sha256: z.string(),
  pageCount: z.number().int(),
  pages: z.array(z.object({ number: z.number().int(), label: z.string(), chars: z.number().int() })),
  author: z.string().nullable(),
  created: z.string().nullable(),
  modified: z.string().nullable(),
  /** When Evidence Store last read this content (ISO 8601), or null if it never has. */
  indexed: z.string().nullable(),
  /**
   * 'no-text': indexed but nothing to read (a scan with no text layer); 'text-forgotten': its folder
   * was removed and its text forgotten (an evidence item keeps it in the index, without text).
   */
  warning: z.enum(['no-text', 'text-forgotten']).nullable(),
  locations: z.array(FileLocation),
  /** Why "Open" will not hand this file to the operating system (a program or script); null when it may. */
  openRefusal: z.string().nullable(),
});
export type DocumentDetail = z.infer<typeof DocumentDetail>;

export const PageText = z.object({
  documentId: z.number().int(),
  page: z.number().int(),
  label: z.string(),
  segments: z.array(Segment),
  hitCount: z.number().int(),
});
export type PageText = z.infer<typeof PageText>;

export const DocumentHits = z.object({
  documentId: z.number().int(),
  pages: z.array(z.object({ page: z.number().int(), label: z.string(), count: z.number().int() })),
  /** Hits in the whole document (the sum of the pages' counts). */
  total: z.number().int(),
});
export type DocumentHits = z.infer<typeof DocumentHits>;

export const Failure = z.object({
  path: z.string(),
  rootId: z.number().int(),
  format: z.string(),
  status: z.enum(['failed', 'unsupported', 'warning']),
  reason: z.string(),
  /** The reason in plain words, with what to do about it. */
  message: z.string(),
  detail: z.string(),
  at: z.string(),
});
export type Failure = z.infer<typeof Failure>;

function limited(key: NumericSetting) {
  return z.number().int().min(SETTING_LIMITS[key].min).max(SETTING_LIMITS[key].max);
}

/** What the user can tune (ranges in shared/settings.ts); limits apply to files read after the change. */
export const Settings = z.object({
  workers: limited('workers'),
  timeoutSeconds: limited('timeoutSeconds'),
  maxFileMB: limited('maxFileMB'),
  rescanMinutes: limited('rescanMinutes'),
  /** Watch local folders for changes and rescan them at once. */
  watchFolders: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const AppInfo = z.object({
  version: z.string(),
  /** Which shell is asking: the desktop app, browser mode, or the command line. */
  mode: z.enum(['desktop', 'browser', 'cli']),
  databasePath: z.string(),
  /** Whether the shell can show a native folder picker (browser mode cannot). */
  canPickFolders: z.boolean(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

// ---------- evidence ----------

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date as YYYY-MM-DD');
export const EvidenceStatus = z.enum(EVIDENCE_STATUSES);
export const Strength = z.enum(['key', 'supporting']);

export const Tag = z.object({
  frameworkId: z.string(),
  judgementId: z.string(),
  criterionId: z.string(),
  strength: Strength,
  note: z.string(),
});
export type Tag = z.infer<typeof Tag>;

export const EvidenceItem = z.object({
  id: z.number().int(),
  documentId: z.number().int(),
  title: z.string(),
  summary: z.string(),
  team: z.string(),
  evidenceDate: z.string().nullable(),
  reviewBy: z.string().nullable(),
  status: EvidenceStatus,
  personalData: z.boolean(),
  changedSinceTagged: z.boolean(),
  fileMissing: z.boolean(),
  stale: z.boolean(),
  tags: z.array(Tag),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

export const EvidenceFields = z
  .object({
    title: z.string().trim().min(1).max(EVIDENCE_LIMITS.title),
    summary: z.string().max(EVIDENCE_LIMITS.summary),
    team: z.string().max(EVIDENCE_LIMITS.team),
    evidenceDate: IsoDate.nullable(),
    reviewBy: IsoDate.nullable(),
    status: EvidenceStatus,
    personalData: z.boolean(),
  })
  .partial()
  .strict();

export type EvidenceFields = z.input<typeof EvidenceFields>;
// The field list in shared/evidence.ts and the schema name the same fields.
const _fieldsAgree: Same<EvidenceFieldName, keyof z.infer<typeof EvidenceFields>> = true;
void _fieldsAgree;

export const HistoryEntry = z.object({
  at: z.string(),
  user: z.string(),
  evidenceId: z.number().int().nullable(),
  documentId: z.number().int().nullable(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const Suggestion = z.object({
  criterionId: z.string(),
  criterionTitle: z.string(),
  judgementId: z.string(),
  judgementTitle: z.string(),
  score: z.number(),
  words: z.array(z.string()),
});
export type Suggestion = z.infer<typeof Suggestion>;

const Counts = {
  approved: z.number().int(),
  draft: z.number().int(),
  stale: z.number().int(),
  key: z.number().int(),
  supporting: z.number().int(),
};
export const Coverage = z.object({
  frameworkId: z.string(),
  evidenceCount: z.number().int(),
  judgements: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      gaps: z.number().int(),
      ...Counts,
      criteria: z.array(z.object({ id: z.string(), title: z.string(), parentId: z.string().nullable(), depth: z.number().int(), gap: z.boolean(), ...Counts })),
    }),
  ),
});
export type Coverage = z.infer<typeof Coverage>;

export const Checks = z.object({
  criteriaWithoutEvidence: z.array(z.object({ id: z.string(), title: z.string(), judgementId: z.string() })),
  untagged: z.array(z.number().int()),
  pastReview: z.array(z.number().int()),
  fileMissing: z.array(z.number().int()),
  changedSinceTagged: z.array(z.number().int()),
  duplicates: z.array(z.object({ criterionId: z.string(), name: z.string(), evidenceIds: z.array(z.number().int()) })),
});
export type Checks = z.infer<typeof Checks>;

export const SelfEvaluation = z.object({
  frameworkId: z.string(),
  judgementId: z.string(),
  know: z.string(),
  how: z.string(),
  next: z.string(),
  grade: z.string().nullable(),
  evidenceIds: z.array(z.number().int()),
  updatedAt: z.string().nullable(),
});
export type SelfEvaluation = z.infer<typeof SelfEvaluation>;

// ---------- frameworks ----------

const CriterionView: z.ZodType<CriterionViewT> = z.lazy(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    description: z.string().optional(),
    keywords: z.array(z.string()).optional(),
    children: z.array(CriterionView).optional(),
  }),
);
interface CriterionViewT {
  id: string;
  title: string;
  description?: string;
  keywords?: string[];
  children?: CriterionViewT[];
}

/** A framework as the UI sees it: its judgements and criteria (the file's full schema is in shared/frameworks). */
export const FrameworkView = z.object({
  id: z.string(),
  title: z.string(),
  shortTitle: z.string().optional(),
  kind: z.string().optional(),
  version: z.string().optional(),
  gradeScale: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
  judgements: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      shortTitle: z.string().optional(),
      graded: z.boolean().optional(),
      description: z.string().optional(),
      criteria: z.array(CriterionView),
    }),
  ),
});
export type FrameworkView = z.infer<typeof FrameworkView>;

export const FrameworkSummary = z.object({
  id: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  kind: z.string(),
  builtIn: z.boolean(),
  isDefault: z.boolean(),
  judgements: z.number().int(),
  criteria: z.number().int(),
});
export type FrameworkSummary = z.infer<typeof FrameworkSummary>;

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });
const DocumentRef = z.object({ documentId: z.number().int().positive() }).strict();

// ---------- the methods ----------

export const methods = {
  'app.info': { input: Empty, output: AppInfo },
  'library.summary': { input: Empty, output: LibrarySummary },
  'roots.list': { input: Empty, output: z.array(Root) },
  /** Adds a folder to the library and, unless told not to, starts scanning it. */
  'roots.add': { input: z.object({ path: z.string().min(1).max(4096), scan: z.boolean().default(true) }).strict(), output: Root },
  /**
   * Takes a folder out of the library. With `forgetText`, the text read from its documents goes too
   * (evidence items made of them stay, without their text) and the index file is compacted so no
   * byte of it is left on disk; that can take minutes on a big index. It answers when done, progress
   * arriving meanwhile as `removal.progress` events; search goes on working. While one removal runs,
   * another is refused ('unavailable').
   */
  'roots.remove': {
    input: z.object({ rootId: z.number().int().positive(), forgetText: z.boolean().default(false) }).strict(),
    output: z.object({ ok: z.literal(true), textForgotten: z.number().int() }),
  },
  /** The folder removal running (or the last one finished) since the app started; null if none. */
  'removal.status': { input: Empty, output: RemovalProgress.nullable() },
  /** Starts a scan of one root, or of all roots; returns at once, progress arrives as events. */
  'roots.scan': { input: z.object({ rootId: z.number().int().positive().optional() }).strict(), output: Ok },
  'scan.status': { input: Empty, output: ScanProgress },
  /**
   * Scans roots (all when none given) after any scan already running, and answers when they are
   * done with what happened to each (scripts and the CLI; the UI uses roots.scan and events).
   */
  'scan.run': {
    input: z.object({ rootIds: z.array(z.number().int().positive()).max(1000).optional(), retryFailed: z.boolean().default(false) }).strict(),
    output: z.array(ScanSummary),
  },
  'search.query': {
    input: z
      .object({
        query: z.string().max(2000),
        limit: z.number().int().min(1).max(200).optional(),
        offset: z.number().int().min(0).optional(),
        channel: SearchChannel,
      })
      .strict(),
    output: SearchResponse,
  },
  /** Facet counts and the exact total for a query; asked after search.query's first results. */
  'search.facets': {
    input: z.object({ query: z.string().max(2000), channel: SearchChannel }).strict(),
    output: SearchFacets,
  },
  'documents.get': { input: DocumentRef, output: DocumentDetail },
  /** The document a file holds, by the file's full path; not-found when the file is not indexed. */
  'documents.byPath': { input: z.object({ path: z.string().min(1).max(4096) }).strict(), output: z.object({ documentId: z.number().int() }) },
  'documents.page': {
    input: z
      .object({ documentId: z.number().int().positive(), page: z.number().int().positive(), query: z.string().max(2000).optional() })
      .strict(),
    output: PageText,
  },
  /**
   * Where a search's words are in a document: the pages holding a hit, in page order, each with its
   * hit count (counted as documents.page counts them), for stepping from hit to hit across pages.
   */
  'documents.hits': {
    input: z.object({ documentId: z.number().int().positive(), query: z.string().max(2000) }).strict(),
    output: DocumentHits,
  },
  /** The document's bytes (for the PDF viewer). Binary: Uint8Array over IPC, octet-stream over HTTP. */
  'documents.file': { input: DocumentRef, output: z.instanceof(Uint8Array) },
  'documents.open': { input: DocumentRef, output: Ok },
  'documents.reveal': { input: DocumentRef, output: Ok },
  'failures.list': { input: z.object({ rootId: z.number().int().positive().optional() }).strict(), output: z.array(Failure) },
  /**
   * Shows a file from the failures list in its folder (a failed file has no document to reveal by
   * id). Only a file the library holds, inside a library folder: never an arbitrary path.
   */
  'failures.reveal': { input: z.object({ path: z.string().min(1).max(4096) }).strict(), output: Ok },
  /** Native folder picker; null when cancelled or when the shell has none (browser mode). */
  'dialog.pickFolder': { input: Empty, output: z.object({ path: z.string().nullable() }) },
  /** Pause, resume or cancel the scan in progress (cancel also empties the queue; what was stored stays). */
  'scan.control': { input: z.object({ action: z.enum(['pause', 'resume', 'cancel']) }).strict(), output: Ok },
  /**
   * Read failed files again, whatever the reason they failed: every one (of one root, or all), or
   * only the files named by `paths` (files of the library; nothing else is read).
   */
  'failures.retry': {
    input: z
      .object({ rootId: z.number().int().positive().optional(), paths: z.array(z.string().min(1).max(4096)).min(1).max(1000).optional() })
      .strict(),
    output: Ok,
  },
  'settings.get': { input: Empty, output: Settings },
  /** The document's evidence item, or null when it is not evidence. */
  'evidence.get': { input: z.object({ documentId: z.number().int().positive() }).strict(), output: EvidenceItem.nullable() },
  /** Makes a document evidence (if it is not yet) and sets the given fields. */
  'evidence.save': { input: z.object({ documentId: z.number().int().positive(), fields: EvidenceFields }).strict(), output: EvidenceItem },
  'evidence.list': { input: z.object({ evidenceIds: z.array(z.number().int().positive()).max(5000).optional() }).strict(), output: z.array(EvidenceItem) },
  /** Accept the file's new content as what the evidence shows ("changed since tagged" cleared). */
  'evidence.confirmContent': { input: z.object({ evidenceId: z.number().int().positive() }).strict(), output: EvidenceItem },
  'evidence.history': { input: z.object({ evidenceId: z.number().int().positive().optional() }).strict(), output: z.array(HistoryEntry) },
  /** Tags documents against a criterion (making them draft evidence first where needed). */
  'tags.add': {
    input: z
      .object({
        documentIds: z.array(z.number().int().positive()).min(1).max(1000),
        frameworkId: z.string().min(1).max(100),
        criterionId: z.string().min(1).max(100),
        strength: Strength.default('supporting'),
        note: z.string().max(EVIDENCE_LIMITS.tagNote).default(''),
      })
      .strict(),
    output: z.array(EvidenceItem),
  },
  'tags.remove': {
    input: z.object({ evidenceId: z.number().int().positive(), frameworkId: z.string(), criterionId: z.string() }).strict(),
    output: Ok,
  },
  'suggestions.list': {
    input: z.object({ documentId: z.number().int().positive(), frameworkId: z.string().optional() }).strict(),
    output: z.array(Suggestion),
  },
  'suggestions.dismiss': {
    input: z.object({ documentId: z.number().int().positive(), frameworkId: z.string(), criterionId: z.string() }).strict(),
    output: Ok,
  },
  'coverage.get': { input: z.object({ frameworkId: z.string().optional() }).strict(), output: Coverage },
  /** The evidence behind one cell of the coverage table. */
  'coverage.evidence': { input: z.object({ frameworkId: z.string(), criterionId: z.string() }).strict(), output: z.array(EvidenceItem) },
  'checks.list': { input: z.object({ frameworkId: z.string().optional() }).strict(), output: Checks },
  'selfEvaluation.get': { input: z.object({ frameworkId: z.string(), judgementId: z.string() }).strict(), output: SelfEvaluation },
  'selfEvaluation.save': {
    input: z
      .object({
        frameworkId: z.string(),
        judgementId: z.string(),
        know: z.string().max(50_000),
        how: z.string().max(50_000),
        next: z.string().max(50_000),
        grade: z.string().max(100).nullable(),
        evidenceIds: z.array(z.number().int().positive()).max(1000),
      })
      .strict(),
    output: SelfEvaluation,
  },
  'frameworks.list': { input: Empty, output: z.array(FrameworkSummary) },
  /** A framework, and its file text for export. */
  'frameworks.get': { input: z.object({ frameworkId: z.string() }).strict(), output: z.object({ framework: FrameworkView, json: z.string() }) },
  /** Adds or replaces a user framework from its JSON text; a bad file is refused with the line and the problem. */
  'frameworks.save': { input: z.object({ json: z.string().max(5_000_000) }).strict(), output: FrameworkSummary },
  /** Deletes a user framework (built-in ones cannot be deleted); its tags go with it, recorded in the history. */
  'frameworks.delete': { input: z.object({ frameworkId: z.string() }).strict(), output: Ok },
  /** The self-evaluation as a .docx (binary). */
  'selfEvaluation.export': { input: z.object({ frameworkId: z.string() }).strict(), output: z.instanceof(Uint8Array) },
  'settings.set': { input: Settings.partial().strict(), output: Settings },
  ...annexaMethods,
  ...packMethods,
  ...requestMethods,
  ...auditMethods,
  ...evidenceTableMethods,
  ...savedSearchMethods,
  ...storeMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type Input<M extends MethodName> = z.input<Methods[M]['input']>;
export type Output<M extends MethodName> = z.infer<Methods[M]['output']>;

/** Methods whose result is raw bytes rather than JSON. */
export const binaryMethods: ReadonlySet<MethodName> = new Set<MethodName>(['documents.file', 'selfEvaluation.export', 'annexa.workbook', 'requests.export']);

/**
 * Methods whose argument may be large (a browser upload of an extract); every other request body is
 * kept small, so a runaway page cannot make the app buffer megabytes.
 */
export const LARGE_INPUT_BYTES = 200 * 1024 * 1024;
export const largeInputMethods: ReadonlySet<MethodName> = new Set<MethodName>(['annexa.stage']);

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

// ---------- events (main → UI) ----------

export const events = {
  'scan.progress': ScanProgress,
  'roots.changed': z.object({}),
  'annexa.progress': AnnexaProgress,
  'pack.progress': PackProgress,
  'removal.progress': RemovalProgress,
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

/** The error shape both shells return: a code the UI can switch on and a message a user can act on. */
export const ApiError = z.object({
  /** 'locked': the index is encrypted and waits for its passphrase (store.unlock); nothing else answers until then. */
  code: z.enum(['invalid-argument', 'not-found', 'unavailable', 'forbidden', 'cancelled', 'locked', 'internal']),
  message: z.string(),
  /**
   * For 'invalid-argument': which part of the argument was refused, as a dotted path
   * ('workers', 'fields.title'), so a form can put the message beside that field.
   */
  field: z.string().optional(),
});
export type ApiError = z.infer<typeof ApiError>;

/** What every call resolves to, on either shell. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** The interface the renderer programs against; implemented by the IPC and the HTTP clients. */
export interface Api {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

// The preload's name list and the schemas must name the same methods and events.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _methodsAgree: Same<(typeof METHOD_NAMES)[number], MethodName> = true;
const _eventsAgree: Same<(typeof EVENT_NAMES)[number], EventName> = true;
void _methodsAgree;
void _eventsAgree;
