/**
 * The shape of an Annex A specification file: Ofsted's child-level lists as data. A version of the
 * template (August 2019, the later additions, a future change) is one JSON file in
 * shared/annexa/data/, checked against this schema when it loads; code never hard-codes a list,
 * a column, a code or a rule.
 *
 * Runs in the browser too: no Node built-ins here.
 */
import { z } from 'zod';

/** A stable name for a column or code set, used by code and storage ("childId", "dateOfContact"). */
const Key = z.string().regex(/^[a-z][A-Za-z0-9]*$/u, 'a camelCase key such as "dateOfContact"');

/**
 * How a column's values are read and written:
 * - `id`: an identifier (child, adopter, family); `123456.0` from a spreadsheet reads as `123456`.
 * - `string`: free text (a team, a worker's name, an organisation).
 * - `date`: a calendar date, stored as `YYYY-MM-DD`, written as a real Excel date shown dd/mm/yyyy.
 * - `integer`: a whole number (an age, a count).
 * - `code`: one value of a code set, written exactly as the set spells it (prefix included).
 * - `postcode`: a UK postcode, written `OUTWARD INWARD`.
 */
export const ColumnType = z.enum(['id', 'string', 'date', 'integer', 'code', 'postcode']);
export type ColumnType = z.infer<typeof ColumnType>;

/**
 * What the pseudonymised copy does with a column: `person-id` and `family-id` are replaced by new
 * ids (the same person keeps one new id across every list), `dob` goes to the first of its month,
 * `postcode` to its sector, `remove` blanks the column (names of workers, free text).
 */
export const Personal = z.enum(['person-id', 'family-id', 'dob', 'postcode', 'remove']);
export type Personal = z.infer<typeof Personal>;

export const CodeValue = z
  .object({
    /** Exactly as the template spells it, prefix included: "a) Male", "C1: ICO", "RC8 - Case closed after assessment, no further action". */
    value: z.string().min(1),
    /** The code inside the value that case-management systems export on its own ("WBRI", "1A", "RC8", "C1", "U4", "N1"), where there is one. */
    code: z.string().min(1).optional(),
    /** Other spellings systems export for this value, matched ignoring case, spaces and punctuation ("Male", "M", "1"). */
    aliases: z.array(z.string().min(1)).default([]),
    /** Accepted on import but reported as a warning (a code Ofsted lists only for completeness, or a non-Ofsted variant). */
    discouraged: z.string().optional(),
  })
  .strict();
export type CodeValue = z.infer<typeof CodeValue>;

export const CodeSet = z
  .object({
    key: Key,
    label: z.string().min(1),
    values: z.array(CodeValue).min(1),
    /** Free values are allowed besides the codes (List 8 "LA of Placement": an LA's name, or one of the codes). */
    open: z.boolean().default(false),
  })
  .strict();
export type CodeSet = z.infer<typeof CodeSet>;

export const ColumnSpec = z
  .object({
    key: Key,
    /** The header exactly as the template spells it, quirks included (trailing spaces, curly quotes). */
    header: z.string().min(1),
    type: ColumnType,
    /** For `code` columns: the key of a code set in this file. */
    codeSet: Key.optional(),
    /** Must be filled in (guidance wording, and what tools in use treat as mandatory). */
    required: z.boolean(),
    /** Other headers case-management exports use for this column ("ChildID", "DOB", "Sex", "LAC ID"). */
    synonyms: z.array(z.string().min(1)).default([]),
    personal: Personal.optional(),
    /** For `integer` columns: the smallest value that makes sense (-1 for an unborn child's age, 1 placement …). */
    min: z.number().int().optional(),
    /** The guidance for this column, in a sentence, for the mapping screen. */
    help: z.string().optional(),
  })
  .strict();
export type ColumnSpec = z.infer<typeof ColumnSpec>;

/** Which rows belong in the list, relative to the inspection date. */
export const ListWindow = z.discriminatedUnion('kind', [
  /** Events in the months before the inspection (contacts, referrals): `column` within `months`. */
  z.object({ kind: z.literal('events'), column: Key, months: z.number().int().positive() }).strict(),
  /**
   * Episodes open at the inspection or closed in the months before it (CIN, CP, children in care):
   * started on or before the inspection date, and `end` blank or within `months`.
   */
  z.object({ kind: z.literal('open-or-closed'), start: Key, end: Key, months: z.number().int().positive() }).strict(),
  /**
   * Any of `columns` within `months` (adoption: a decision, an order or a reversal in the last 12
   * months). With `openWhileBlank`, a row with every one of those columns blank is in the window
   * too: a process not finished yet (a child waiting for an adoption order since a decision two years
   * ago, an approved adopter still waiting for a match) is current, however old its last event.
   */
  z
    .object({
      kind: z.literal('any-event'),
      columns: z.array(Key).min(1),
      months: z.number().int().positive(),
      openWhileBlank: z.array(Key).min(1).optional(),
    })
    .strict(),
  /** Everyone current at the inspection; no date decides (care leavers). */
  z.object({ kind: z.literal('current') }).strict(),
]);
export type ListWindow = z.infer<typeof ListWindow>;

/**
 * The rules of section 7.4 of the research notes that are about one row, as data, so a new
 * template version can change them without code:
 * - `order`: dates that must not go backwards (`[a, b]`: b on or after a, when both are given).
 * - `together`: columns filled in together (a closure reason if and only if a closure date).
 * - `requires`: when `if` is filled in, `then` must be too.
 * - `blankWhen`: when `column` holds one of `values`, the `blank` columns must be empty.
 */
export const RowRules = z
  .object({
    order: z.array(z.tuple([Key, Key])).default([]),
    together: z.array(z.tuple([Key, Key])).default([]),
    requires: z.array(z.object({ if: Key, then: Key }).strict()).default([]),
    blankWhen: z.array(z.object({ column: Key, values: z.array(z.string()).min(1), blank: z.array(Key).min(1) }).strict()).default([]),
  })
  .strict();
export type RowRules = z.infer<typeof RowRules>;

export const ListSpec = z
  .object({
    /** "list1" … "list11". */
    key: Key,
    number: z.number().int().min(1),
    /** "Contacts". */
    name: z.string().min(1),
    /** The sheet name the template uses: "List_1". */
    sheet: z.string().min(1),
    /** Row 1 of the sheet: "List 1: Contacts". */
    title: z.string().min(1),
    /** What the list holds, as the guidance says it, for the screen. */
    scope: z.string().min(1),
    window: ListWindow,
    /** The column that says whose row it is (child or adopter id). */
    person: Key,
    /** One row per person (lists 6-10: per child; 11: per adopter); false when a person may have many rows. */
    onePerPerson: z.boolean(),
    /** Columns that together identify a row; two rows alike on all of them are duplicates. */
    rowKey: z.array(Key).min(1),
    columns: z.array(ColumnSpec).min(1),
    rules: RowRules.default({ order: [], together: [], requires: [], blankWhen: [] }),
  })
  .strict();
export type ListSpec = z.infer<typeof ListSpec>;

/**
 * Rules across lists, as data:
 * - `samePerson`: columns that must agree for one person wherever they appear (sex, ethnicity, date of birth).
 *   A person is an id in a list's `person` column, compared only between lists whose `person` is the
 *   same key: child 1001 and adopter 1001 are different people.
 * - `appearsIn`: a person on `list` (where `when` holds, if given) must have a row on `in`; with
 *   `openIn`, that row must have `openIn` blank (a child protection plan with no end date).
 */
export const CrossRules = z
  .object({
    samePerson: z.array(Key).default([]),
    appearsIn: z
      .array(
        z
          .object({
            list: Key,
            when: z.object({ column: Key, values: z.array(z.string()).min(1) }).strict().optional(),
            in: Key,
            openIn: Key.optional(),
            /** The finding's message, in plain words. */
            message: z.string().min(1),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type CrossRules = z.infer<typeof CrossRules>;

export const AnnexASpec = z
  .object({
    schema: z.literal('evidence-store/annex-a@1'),
    /** "annex-a-2019", "annex-a-2024". */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u),
    title: z.string().min(1),
    /** The version this one changes, if any (for the screen: "adds four List 9 columns"). */
    basedOn: z.string().optional(),
    /** Where the content comes from, and what is unverified. */
    source: z.string().min(1),
    /** True for the version a new install uses. */
    default: z.boolean().default(false),
    codeSets: z.array(CodeSet).min(1),
    lists: z.array(ListSpec).length(11),
    crossRules: CrossRules.default({ samePerson: [], appearsIn: [] }),
  })
  .strict();
export type AnnexASpec = z.infer<typeof AnnexASpec>;
