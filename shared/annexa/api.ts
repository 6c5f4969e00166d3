/**
 * The Annex A part of the API contract: what the app screen, the CLI and the tests send and get
 * back. `shared/contract.ts` lists the methods; the shapes live here beside the spec they follow.
 */
import { z } from 'zod';
import { AnnexASummaries } from './summaries.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u, 'a date as YYYY-MM-DD');

/** A specification version the user can choose. */
export const AnnexaSpecSummary = z.object({
  id: z.string(),
  title: z.string(),
  source: z.string(),
  basedOn: z.string().nullable(),
  isDefault: z.boolean(),
});
export type AnnexaSpecSummary = z.infer<typeof AnnexaSpecSummary>;

/** A file to import: a path the app can read (desktop, CLI, a typed path), or one handed over with annexa.stage (a browser upload). */
export const AnnexaFileRef = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ staged: z.string().min(1).max(100) }).strict(),
]);
export type AnnexaFileRef = z.infer<typeof AnnexaFileRef>;

/** How one list of the template is filled from a table of an extract. */
export const AnnexaMappedColumn = z.object({
  /** The column's key in the spec. */
  column: z.string(),
  /** The template's header for it. */
  header: z.string(),
  required: z.boolean(),
  /** The extract's header that feeds it, or null when none does. */
  from: z.string().nullable(),
  /** A few values from that column, as the extract has them, so a person can see the mapping is right. */
  samples: z.array(z.string()),
});

export const AnnexaListReport = z.object({
  /** The list's key ("list7"), number and name. */
  list: z.string(),
  number: z.number().int(),
  name: z.string(),
  /** Where it came from: "contacts.csv" or "annexa.xlsx: List_1". */
  source: z.string(),
  rows: z.number().int(),
  /** How sure recognition was, 0-1. */
  confidence: z.number(),
  /** The table's headers, in order (what a column can be mapped from). */
  headers: z.array(z.string()),
  /** A few values under each of those headers, in the same order, so a person choosing one sees what it holds. */
  headerSamples: z.array(z.array(z.string())),
  columns: z.array(AnnexaMappedColumn),
  /** Extract headers that feed no column: dropped from the lists. */
  dropped: z.array(z.string()),
  /** What a person checking the mapping should know (a header used twice, another template version's column). */
  notes: z.array(z.string()),
});
export type AnnexaListReport = z.infer<typeof AnnexaListReport>;

export const AnnexaImportReport = z.object({
  specId: z.string(),
  inspectionDate: IsoDate,
  importedAt: z.string(),
  /** Files that could not be read, and why. */
  unreadable: z.array(z.object({ file: z.string(), message: z.string() })),
  /** Tables that are not any list (a front sheet, guidance), or could not be recognised, and why. */
  unrecognised: z.array(z.object({ source: z.string(), reason: z.string() })),
  lists: z.array(AnnexaListReport),
  /** Lists of the template no table gave. */
  missingLists: z.array(z.string()),
  rows: z.number().int(),
  changes: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  seconds: z.number(),
});
export type AnnexaImportReport = z.infer<typeof AnnexaImportReport>;

export const AnnexaFinding = z.object({
  list: z.string(),
  source: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
});
export type AnnexaFinding = z.infer<typeof AnnexaFinding>;

export const AnnexaChange = z.object({
  list: z.string(),
  source: z.string(),
  row: z.number().int(),
  column: z.string(),
  from: z.string(),
  to: z.string(),
  why: z.string(),
});
export type AnnexaChange = z.infer<typeof AnnexaChange>;

export const AnnexaProgress = z.object({
  phase: z.enum(['reading', 'validating', 'storing', 'building', 'done', 'failed']),
  /** Rows (or files, while reading starts) done so far, of `total` when it is known. */
  done: z.number().int(),
  total: z.number().int().nullable(),
  secondsLeft: z.number().nullable(),
  message: z.string().nullable(),
});
export type AnnexaProgress = z.infer<typeof AnnexaProgress>;

const Page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) };

export const annexaMethods = {
  /** The specification versions, the default first. */
  'annexa.specs': { input: z.object({}).strict(), output: z.array(AnnexaSpecSummary) },
  /**
   * Hands over a file's bytes (a browser upload) for the next import; it is kept in memory only,
   * and dropped after the import or after an hour.
   */
  'annexa.stage': {
    input: z.object({ name: z.string().min(1).max(300), base64: z.string().max(150_000_000) }).strict(),
    output: z.object({ staged: z.string() }),
  },
  /** Reads extracts (files, or workbooks of lists), recognises the lists, normalises, validates and replaces the stored import. */
  'annexa.import': {
    input: z
      .object({
        files: z.array(AnnexaFileRef).min(1).max(100),
        inspectionDate: IsoDate,
        specId: z.string().optional(),
        /** A saved mapping's source system, or a mapping file's text, to map columns with. */
        system: z.string().max(100).optional(),
        mapping: z.string().max(1_000_000).optional(),
      })
      .strict(),
    output: AnnexaImportReport,
  },
  /** The stored import's report, or null when there is none. */
  'annexa.status': { input: z.object({}).strict(), output: AnnexaImportReport.nullable() },
  'annexa.findings': {
    input: z
      .object({
        list: z.string().optional(),
        rule: z.string().optional(),
        severity: z.enum(['error', 'warning']).optional(),
        /** Only the findings about one source row. */
        source: z.string().optional(),
        row: z.number().int().positive().optional(),
        ...Page,
      })
      .strict(),
    output: z.object({
      total: z.number().int(),
      findings: z.array(AnnexaFinding),
      /** Counts per list, rule and severity over all findings, for the filters. */
      counts: z.array(z.object({ list: z.string(), rule: z.string(), severity: z.enum(['error', 'warning']), count: z.number().int() })),
    }),
  },
  'annexa.changes': {
    input: z.object({ list: z.string().optional(), source: z.string().optional(), row: z.number().int().positive().optional(), ...Page }).strict(),
    output: z.object({ total: z.number().int(), changes: z.array(AnnexaChange) }),
  },
  /** One row of an extract, as imported, with the template's headers: what a finding is about. */
  'annexa.row': {
    input: z.object({ source: z.string(), row: z.number().int().positive() }).strict(),
    output: z.object({
      list: z.string(),
      source: z.string(),
      row: z.number().int(),
      cells: z.array(z.object({ column: z.string(), header: z.string(), value: z.union([z.string(), z.number(), z.null()]) })),
    }),
  },
  /** ChAT-style summaries of the stored import, per list; null when there is none. */
  'annexa.summary': { input: z.object({}).strict(), output: AnnexASummaries.nullable() },
  /** The Annex A workbook of the stored import, in Ofsted's layout (binary); pseudonymised on request. */
  'annexa.workbook': { input: z.object({ pseudonymise: z.boolean().default(false) }).strict(), output: z.instanceof(Uint8Array) },
  /** Deletes every child's data: the stored import and its file. */
  'annexa.clear': { input: z.object({}).strict(), output: z.object({ ok: z.literal(true) }) },
  /** Saved column mappings, by source system. */
  'annexa.mappings': { input: z.object({}).strict(), output: z.array(z.object({ system: z.string(), savedAt: z.string(), json: z.string() })) },
  'annexa.saveMapping': { input: z.object({ system: z.string().min(1).max(100), json: z.string().max(1_000_000) }).strict(), output: z.object({ ok: z.literal(true) }) },
} as const;
