/**
 * The onsite week's request log, in the API contract: inspectors' requests, who is answering them,
 * what answers them, and when. `shared/contract.ts` lists the methods; the shapes and the rules
 * both sides use (what is overdue, what is due soon) live here.
 */
import { z } from 'zod';
import { ANNEXA_RULES, type RuleId } from './annexa/rules.ts';

export const REQUEST_STATUSES = ['new', 'in-progress', 'answered', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_PRIORITIES = ['high', 'normal'] as const;

export const REQUEST_LIMITS = { text: 4000, inspector: 200, owner: 200, response: 20_000, linkNote: 500 } as const;

/** A request still to be answered. */
export function isOpen(status: RequestStatus): boolean {
  return status === 'new' || status === 'in-progress';
}

/** Open, and its due time has passed. */
export function isOverdue(r: { status: RequestStatus; due: string | null }, now: Date): boolean {
  return isOpen(r.status) && r.due !== null && Date.parse(r.due) < now.getTime();
}

/** Open, not overdue, and due within the next hour. */
export function isDueSoon(r: { status: RequestStatus; due: string | null }, now: Date): boolean {
  if (!isOpen(r.status) || r.due === null) return false;
  const left = Date.parse(r.due) - now.getTime();
  return left >= 0 && left <= 60 * 60 * 1000;
}

/** How long a request has been (or was) open, in minutes: from received to answered or withdrawn, or to now. */
export function minutesOpen(r: { received: string; closed: string | null }, now: Date): number {
  const end = r.closed ? Date.parse(r.closed) : now.getTime();
  return Math.max(0, Math.round((end - Date.parse(r.received)) / 60_000));
}

const IsoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/u.test(s), 'a date and time as YYYY-MM-DDTHH:MM');

/**
 * Which of an Annex A list's findings a link means, as the Findings step filters them: a rule, a
 * severity, or neither (all of the list's findings). The list itself is the link's `list`.
 */
export const AnnexaLinkFilter = z
  .object({
    rule: z.enum(ANNEXA_RULES.map((r) => r.id) as [RuleId, ...RuleId[]]).optional(),
    severity: z.enum(['error', 'warning']).optional(),
  })
  .strict();
export type AnnexaLinkFilter = z.infer<typeof AnnexaLinkFilter>;

/** The words for a filter of findings: "errors only, rule date-order", or "all findings". */
export function describeAnnexaFilter(filter: AnnexaLinkFilter): string {
  const parts = [filter.severity === 'error' ? 'errors only' : filter.severity === 'warning' ? 'warnings only' : null, filter.rule ? `rule ${filter.rule}` : null].filter(
    (p): p is string => p !== null,
  );
  return parts.length ? `findings: ${parts.join(', ')}` : 'all findings';
}

/**
 * What answers a request: a document (at a page), an evidence item, a saved search, an Annex A
 * list's figures, or (with `filter`) an Annex A list's findings as filtered.
 */
export const RequestLinkInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), documentId: z.number().int().positive(), page: z.number().int().positive().optional() }).strict(),
  z.object({ kind: z.literal('evidence'), evidenceId: z.number().int().positive() }).strict(),
  // `name`: the saved search it came from, kept with the link (shown in its label; deleting or
  // renaming the saved search later leaves the link as it was made).
  z.object({ kind: z.literal('search'), query: z.string().min(1).max(2000), name: z.string().trim().max(100).optional() }).strict(),
  z
    .object({ kind: z.literal('annexa'), list: z.string().max(50).optional(), filter: AnnexaLinkFilter.optional(), note: z.string().max(REQUEST_LIMITS.linkNote).default('') })
    .strict(),
]);
export type RequestLinkInput = z.input<typeof RequestLinkInput>;

export const RequestLink = z.object({
  id: z.number().int(),
  kind: z.enum(['document', 'evidence', 'search', 'annexa']),
  /** What the link shows: the document's or item's title, the query (after a saved search's name), the list. */
  label: z.string(),
  documentId: z.number().int().nullable(),
  page: z.number().int().nullable(),
  /** The linked document's path now (null when its file is gone, or for other kinds). */
  path: z.string().nullable(),
  evidenceId: z.number().int().nullable(),
  query: z.string().nullable(),
  list: z.string().nullable(),
  /** An Annex A link to the list's findings: which of them (null for its figures, and other kinds). */
  filter: AnnexaLinkFilter.nullable(),
  note: z.string(),
  at: z.string(),
});
export type RequestLink = z.infer<typeof RequestLink>;

export const RequestChange = z.object({
  at: z.string(),
  user: z.string(),
  /** 'logged', 'status', 'edited', 'linked', 'unlinked', 'answered'. */
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
});

export const InspectorRequest = z.object({
  id: z.number().int(),
  text: z.string(),
  inspector: z.string(),
  received: z.string(),
  due: z.string().nullable(),
  priority: z.enum(REQUEST_PRIORITIES),
  owner: z.string(),
  frameworkId: z.string().nullable(),
  judgementId: z.string().nullable(),
  status: z.enum(REQUEST_STATUSES),
  /** When it was answered (status answered), else null. */
  answered: z.string().nullable(),
  /** When it was answered or withdrawn, else null. */
  closed: z.string().nullable(),
  response: z.string(),
  links: z.array(RequestLink),
  history: z.array(RequestChange),
});
export type InspectorRequest = z.infer<typeof InspectorRequest>;

const Fields = {
  text: z.string().trim().min(1).max(REQUEST_LIMITS.text),
  inspector: z.string().trim().min(1).max(REQUEST_LIMITS.inspector),
  received: IsoTime,
  due: IsoTime.nullable(),
  priority: z.enum(REQUEST_PRIORITIES),
  owner: z.string().trim().max(REQUEST_LIMITS.owner),
  frameworkId: z.string().max(100).nullable(),
  judgementId: z.string().max(100).nullable(),
  response: z.string().max(REQUEST_LIMITS.response),
};

const Id = z.object({ id: z.number().int().positive() }).strict();

export const requestMethods = {
  /** Requests, newest received first; optionally of some statuses. */
  'requests.list': { input: z.object({ statuses: z.array(z.enum(REQUEST_STATUSES)).max(4).optional() }).strict(), output: z.array(InspectorRequest) },
  'requests.get': { input: Id, output: InspectorRequest },
  /** Logs a request (received defaults to now, priority to normal). */
  'requests.add': {
    input: z
      .object({
        text: Fields.text,
        inspector: Fields.inspector,
        received: Fields.received.optional(),
        due: Fields.due.optional(),
        priority: Fields.priority.default('normal'),
        owner: Fields.owner.default(''),
        frameworkId: Fields.frameworkId.optional(),
        judgementId: Fields.judgementId.optional(),
      })
      .strict(),
    output: InspectorRequest,
  },
  /** Changes a request's fields (each change kept in its history). */
  'requests.update': {
    input: z.object({ id: z.number().int().positive(), fields: z.object(Fields).partial().strict() }).strict(),
    output: InspectorRequest,
  },
  /** Moves a request to a status (answered records the time; reopening clears it). */
  'requests.setStatus': { input: z.object({ id: z.number().int().positive(), status: z.enum(REQUEST_STATUSES) }).strict(), output: InspectorRequest },
  'requests.link': { input: z.object({ id: z.number().int().positive(), link: RequestLinkInput }).strict(), output: InspectorRequest },
  'requests.unlink': { input: z.object({ id: z.number().int().positive(), linkId: z.number().int().positive() }).strict(), output: InspectorRequest },
  /** Writes the response, links documents by path if given, and marks it answered. */
  'requests.answer': {
    input: z
      .object({ id: z.number().int().positive(), response: Fields.response, documentPaths: z.array(z.string().min(1).max(4096)).max(100).default([]) })
      .strict(),
    output: InspectorRequest,
  },
  /** The log as an Excel workbook (binary): one row per request, every field, links as paths. */
  'requests.export': { input: z.object({}).strict(), output: z.instanceof(Uint8Array) },
  /**
   * A request's answer as a small folder for the shared drive (the linked files and a note, with a
   * manifest), written by the pack's safe, verified writer: created, or an earlier answer folder replaced.
   */
  'requests.exportAnswer': {
    input: z.object({ id: z.number().int().positive(), destination: z.string().min(1).max(4096) }).strict(),
    output: z.object({ folder: z.string(), files: z.number().int(), bytes: z.number().int(), ok: z.boolean() }),
  },
} as const;
