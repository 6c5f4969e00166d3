/**
 * The pack for the shared drive, in the API contract: what the Export area, the CLI and the tests
 * send and get back. `shared/contract.ts` lists the methods; the shapes live here.
 *
 * A pack is a folder anyone opens without the app: `index.html` (searchable, works from a UNC
 * path), the evidence files, `Evidence index.xlsx`, optionally the Annex A workbook and the
 * self-evaluation, `pack.json` and `manifest-sha256.txt`.
 */
import { z } from 'zod';
import { EVIDENCE_STATUSES } from './evidence.ts';

/** The file names a pack always has, written by the core and read by `verify` and the site. */
export const PACK_FILES = {
  manifest: 'manifest-sha256.txt',
  meta: 'pack.json',
  index: 'index.html',
  workbook: 'Evidence index.xlsx',
  selfEvaluation: 'self-evaluation.docx',
  /** Folders. */
  evidence: 'evidence',
  annexa: 'annex-a',
  assets: 'assets',
} as const;

/** `pack.json`'s `schema`: a folder holding it is a pack, which an export may replace. */
export const PACK_SCHEMA = 'evidence-store/pack@1';

/** Extras a pack may hold besides the evidence. */
export const PACK_EXTRAS = ['annexa', 'self-evaluation'] as const;
export type PackExtra = (typeof PACK_EXTRAS)[number];

const Id = z.string().min(1).max(100);

/** Which evidence goes in: one framework, some (or all) of its judgements, items of some statuses. */
export const PackScope = z
  .object({
    /** The framework; the default framework when left out. */
    frameworkId: Id.optional(),
    /** Judgements to include; all of the framework's when empty. */
    judgementIds: z.array(Id).max(100).default([]),
    /** Statuses to include; approved only unless asked. */
    statuses: z.array(z.enum(EVIDENCE_STATUSES)).min(1).max(3).default(['approved']),
  })
  .strict();
export type PackScope = z.input<typeof PackScope>;

export const PackOptions = z
  .object({
    scope: PackScope.default({ judgementIds: [], statuses: ['approved'] }),
    include: z.array(z.enum(PACK_EXTRAS)).max(PACK_EXTRAS.length).default([]),
    /**
     * Who the pack is for, which decides the Annex A workbook: the pseudonymised copy for anyone
     * ('shared'), the child-level workbook only for the inspection team.
     */
    audience: z.enum(['shared', 'inspection-team']).default('shared'),
  })
  .strict();
export type PackOptions = z.input<typeof PackOptions>;

/** What an export would write, worked out before anything is written. */
export const PackPreview = z.object({
  framework: z.object({ id: z.string(), title: z.string(), version: z.string().nullable() }),
  judgements: z.array(z.object({ id: z.string(), title: z.string(), evidence: z.number().int(), criteria: z.number().int() })),
  /** Evidence items in scope, and how many of them have a file to copy. */
  evidence: z.number().int(),
  files: z.number().int(),
  /** Bytes of evidence files (the index, workbook and extras add a little). */
  bytes: z.number().int(),
  /** Items left out because no file holds their content any more. */
  missing: z.array(z.object({ evidenceId: z.number().int(), title: z.string() })),
  /** Items whose file changed after it was tagged: included, and marked so in the pack. */
  changedSinceTagged: z.number().int(),
  /** Files whose name had to change to be safe on Windows (reserved names, characters, clashes, length). */
  renamed: z.number().int(),
  /** Items marked as holding personal data: the pack goes to a shared drive, so the Export area says so. */
  personalData: z.number().int(),
  /** Whether the extras can be included now. */
  annexa: z.object({ importedAt: z.string(), inspectionDate: z.string() }).nullable(),
  selfEvaluation: z.boolean(),
});
export type PackPreview = z.infer<typeof PackPreview>;

/** What `verify` finds: paths are inside the pack, with `/`. */
export const PackVerifyResult = z.object({
  ok: z.boolean(),
  files: z.number().int(),
  missing: z.array(z.string()),
  changed: z.array(z.string()),
  extra: z.array(z.string()),
  /** Lines of the manifest that could not be read or trusted (ok is then false). */
  problems: z.array(z.string()),
});
export type PackVerifyResult = z.infer<typeof PackVerifyResult>;

export const PackExportResult = z.object({
  pack: z.string(),
  files: z.number().int(),
  evidence: z.number().int(),
  bytes: z.number().int(),
  seconds: z.number(),
  /** Evidence files copied from their folders, and those kept from the previous pack at this place because they had not changed. */
  copied: z.number().int(),
  reused: z.number().int(),
  verify: PackVerifyResult,
});
export type PackExportResult = z.infer<typeof PackExportResult>;

export const PackProgress = z.object({
  phase: z.enum(['preparing', 'copying', 'writing', 'verifying', 'done', 'failed', 'cancelled']),
  /** Bytes done of `total` in this phase. */
  done: z.number(),
  total: z.number(),
  files: z.number().int(),
  secondsLeft: z.number().nullable(),
  message: z.string().nullable(),
});
export type PackProgress = z.infer<typeof PackProgress>;

/** One export, as the log shows it. */
export const PackLogEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  user: z.string(),
  destination: z.string(),
  frameworkId: z.string(),
  judgementIds: z.array(z.string()),
  statuses: z.array(z.string()),
  include: z.array(z.string()),
  audience: z.string(),
  outcome: z.enum(['done', 'failed', 'cancelled']),
  evidence: z.number().int(),
  files: z.number().int(),
  bytes: z.number().int(),
  seconds: z.number(),
  message: z.string().nullable(),
});
export type PackLogEntry = z.infer<typeof PackLogEntry>;

const Destination = z.string().min(1).max(4096);

export const packMethods = {
  /** What an export of this scope would hold, before anything is written. */
  'pack.preview': { input: PackOptions, output: PackPreview },
  /**
   * Writes the pack to `destination` (a folder: created, or a previous pack there replaced once the
   * new one is verified); answers when done, progress arriving as `pack.progress` events.
   */
  'pack.export': { input: PackOptions.extend({ destination: Destination }).strict(), output: PackExportResult },
  /** Stops the export in progress; the destination is left as it was. */
  'pack.cancel': { input: z.object({}).strict(), output: z.object({ ok: z.literal(true) }) },
  /** Re-hashes every file of a pack against its manifest. */
  'pack.verify': { input: z.object({ path: Destination }).strict(), output: PackVerifyResult },
  /** Every export made from this index, newest first. */
  'pack.log': { input: z.object({}).strict(), output: z.array(PackLogEntry) },
} as const;
