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

// ---------- shared shapes ----------

export const FailureReason = z.enum(['corrupt', 'encrypted', 'too-large', 'timed-out', 'unreadable', 'empty']);
export type FailureReason = z.infer<typeof FailureReason>;

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
});
export type Root = z.infer<typeof Root>;

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

/** A piece of snippet text; `hit` pieces are the words that matched (the UI highlights them). */
export const Segment = z.object({ text: z.string(), hit: z.boolean() });
export type Segment = z.infer<typeof Segment>;

export const SearchHit = z.object({
  page: z.number().int(),
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

export const FacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });
export type FacetValue = z.infer<typeof FacetValue>;

export const SearchResponse = z.object({
  query: z.string(),
  total: z.number().int(),
  results: z.array(SearchResult),
  facets: z.object({
    type: z.array(FacetValue),
    folder: z.array(FacetValue),
    year: z.array(FacetValue),
    judgement: z.array(FacetValue),
    status: z.array(FacetValue),
    team: z.array(FacetValue),
    tagged: z.array(FacetValue),
  }),
  /** Words the query highlighted, for the document view. */
  terms: z.array(z.string()),
  /** Parts of the query that were ignored (e.g. a lone '-' or an unknown filter value), in plain words. */
  notes: z.array(z.string()),
  millis: z.number(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

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
  /** 'no-text': indexed but nothing to read (a scan with no text layer). */
  warning: z.enum(['no-text']).nullable(),
  locations: z.array(FileLocation),
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

/** What the user can tune; limits apply to files read after the change. */
export const Settings = z.object({
  /** Worker threads reading files at once. */
  workers: z.number().int().min(1).max(16),
  /** A file taking longer than this to read is stopped and recorded as timed out. */
  timeoutSeconds: z.number().int().min(5).max(3600),
  /** Files larger than this are not read (recorded as too large). */
  maxFileMB: z.number().int().min(1).max(4096),
  /** Rescan every library folder this often while the app runs; 0 turns it off. */
  rescanMinutes: z.number().int().min(0).max(1440),
  /** Watch local folders for changes and rescan them at once. */
  watchFolders: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const AppInfo = z.object({
  version: z.string(),
  mode: z.enum(['desktop', 'browser']),
  databasePath: z.string(),
  /** Whether the shell can show a native folder picker (browser mode cannot). */
  canPickFolders: z.boolean(),
  platform: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });
const DocumentRef = z.object({ documentId: z.number().int().positive() }).strict();

// ---------- the methods ----------

export const methods = {
  'app.info': { input: Empty, output: AppInfo },
  'roots.list': { input: Empty, output: z.array(Root) },
  'roots.add': { input: z.object({ path: z.string().min(1).max(4096) }).strict(), output: Root },
  'roots.remove': { input: z.object({ rootId: z.number().int().positive() }).strict(), output: Ok },
  /** Starts a scan of one root, or of all roots; returns at once, progress arrives as events. */
  'roots.scan': { input: z.object({ rootId: z.number().int().positive().optional() }).strict(), output: Ok },
  'scan.status': { input: Empty, output: ScanProgress },
  'search.query': {
    input: z
      .object({
        query: z.string().max(2000),
        limit: z.number().int().min(1).max(200).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    output: SearchResponse,
  },
  'documents.get': { input: DocumentRef, output: DocumentDetail },
  'documents.page': {
    input: z
      .object({ documentId: z.number().int().positive(), page: z.number().int().positive(), query: z.string().max(2000).optional() })
      .strict(),
    output: PageText,
  },
  /** The document's bytes (for the PDF viewer). Binary: Uint8Array over IPC, octet-stream over HTTP. */
  'documents.file': { input: DocumentRef, output: z.instanceof(Uint8Array) },
  'documents.open': { input: DocumentRef, output: Ok },
  'documents.reveal': { input: DocumentRef, output: Ok },
  'failures.list': { input: z.object({ rootId: z.number().int().positive().optional() }).strict(), output: z.array(Failure) },
  /** Native folder picker; null when cancelled or when the shell has none (browser mode). */
  'dialog.pickFolder': { input: Empty, output: z.object({ path: z.string().nullable() }) },
  /** Pause, resume or cancel the scan in progress (cancel also empties the queue; what was stored stays). */
  'scan.control': { input: z.object({ action: z.enum(['pause', 'resume', 'cancel']) }).strict(), output: Ok },
  /** Read every failed file again (of one root, or all), whatever the reason it failed. */
  'failures.retry': { input: z.object({ rootId: z.number().int().positive().optional() }).strict(), output: Ok },
  'settings.get': { input: Empty, output: Settings },
  'settings.set': { input: Settings.partial().strict(), output: Settings },
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type Input<M extends MethodName> = z.input<Methods[M]['input']>;
export type Output<M extends MethodName> = z.infer<Methods[M]['output']>;

/** Methods whose result is raw bytes rather than JSON. */
export const binaryMethods: ReadonlySet<MethodName> = new Set<MethodName>(['documents.file']);

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

// ---------- events (main → UI) ----------

export const events = {
  'scan.progress': ScanProgress,
  'roots.changed': z.object({}),
} as const;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

/** The error shape both shells return: a code the UI can switch on and a message a user can act on. */
export const ApiError = z.object({
  code: z.enum(['invalid-argument', 'not-found', 'unavailable', 'forbidden', 'internal']),
  message: z.string(),
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
