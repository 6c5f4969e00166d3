/**
 * The framework file format: an inspection framework (or a council's own improvement plan or peer
 * review findings) as data. Judgements hold criteria; a criterion may hold one further level of
 * children (an improvement plan's actions under a recommendation), never more.
 *
 * Runs in the browser too: no Node built-ins here.
 */
import { z } from 'zod';

export const FRAMEWORK_SCHEMA_ID = 'evidence-store/framework@1';

export const FRAMEWORK_KINDS = ['inspection', 'cross-cutting', 'improvement-plan', 'peer-review', 'other'] as const;
export type FrameworkKind = (typeof FRAMEWORK_KINDS)[number];

/** Size limits, so a pasted file cannot grow without bound. */
export const LIMITS = {
  judgements: 50,
  criteriaPerJudgement: 200,
  childrenPerCriterion: 100,
  keywordsPerCriterion: 12,
  grades: 12,
  sources: 50,
  criterionTitle: 80,
  criterionDescription: 300,
  judgementTitle: 200,
  judgementDescription: 600,
  shortTitle: 40,
  title: 200,
  notes: 4000,
} as const;

/** One line of text: trimmed, not empty, no line breaks. */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\r\n]*$/, { error: 'must be on one line (no line breaks)' });

/** A framework id: a slug such as "ilacs-2026". */
const Slug = z
  .string()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'should use only lower-case letters, digits and single hyphens (for example "ilacs-2026")',
  });

/** A judgement, criterion or grade id: letters, digits, dots, hyphens, underscores ("HP01", "R1.2"). */
const Id = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/, {
    error: 'should use only letters, digits, dots, hyphens or underscores, with no spaces (for example "HP01" or "R1.2")',
  });

/** A search word or phrase; stored in lower case. */
const Keyword = z.string().trim().toLowerCase().min(2).max(60).regex(/^[^\r\n]*$/, { error: 'must be on one line (no line breaks)' });

const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, {
  error: 'should be a date written as YYYY-MM or YYYY-MM-DD (for example "2026-04")',
});

const criterionFields = {
  id: Id,
  title: line(LIMITS.criterionTitle),
  description: line(LIMITS.criterionDescription),
  keywords: z.array(Keyword).min(1).max(LIMITS.keywordsPerCriterion),
};

/** A criterion's child (an action under a recommendation, say): the same fields, no further children. */
export const CriterionLeafSchema = z.object(criterionFields).strict();

export const CriterionSchema = z
  .object({ ...criterionFields, children: z.array(CriterionLeafSchema).max(LIMITS.childrenPerCriterion).optional() })
  .strict();

export const JudgementSchema = z
  .object({
    id: Id,
    title: line(LIMITS.judgementTitle),
    shortTitle: line(LIMITS.shortTitle).optional(),
    graded: z.boolean(),
    description: line(LIMITS.judgementDescription).optional(),
    criteria: z.array(CriterionSchema).min(1).max(LIMITS.criteriaPerJudgement),
  })
  .strict();

export const GradeSchema = z.object({ id: Id, label: line(80) }).strict();

export const SourceSchema = z
  .object({
    title: line(300),
    url: z.url({ protocol: /^https?$/, error: 'should be a web address starting with https://' }).max(500).optional(),
  })
  .strict();

const FrameworkObject = z
  .object({
    schema: z.literal(FRAMEWORK_SCHEMA_ID, {
      error: `should be "${FRAMEWORK_SCHEMA_ID}" (this tells Evidence Store which file format this is)`,
    }),
    id: Slug,
    title: line(LIMITS.title),
    shortTitle: line(LIMITS.shortTitle),
    owner: line(120),
    version: line(200),
    validFrom: YearMonth.optional(),
    validTo: YearMonth.optional(),
    kind: z.enum(FRAMEWORK_KINDS),
    builtIn: z.boolean().optional(),
    default: z.boolean().optional(),
    gradeScale: z.array(GradeSchema).max(LIMITS.grades),
    judgements: z.array(JudgementSchema).min(1).max(LIMITS.judgements),
    sources: z.array(SourceSchema).max(LIMITS.sources).optional(),
    notes: z.string().trim().max(LIMITS.notes).optional(),
  })
  .strict();

type Path = (string | number)[];

/** Parameters on a duplicate-id issue: where the first use is, so a message can name both lines. */
export interface DuplicateParams {
  duplicateOf: Path;
}

/** Cross-field rules: ids unique, graded judgements need a grade scale, dates in order. */
export const FrameworkSchema = FrameworkObject.superRefine((f, ctx) => {
  const dup = (what: string, id: string, path: Path, firstPath: Path) =>
    ctx.addIssue({
      code: 'custom',
      path,
      message: `${what} "${id}" is used twice`,
      params: { duplicateOf: firstPath } satisfies DuplicateParams,
    });

  const grades = new Map<string, Path>();
  f.gradeScale.forEach((g, i) => {
    const p: Path = ['gradeScale', i, 'id'];
    const first = grades.get(g.id);
    if (first) dup('grade id', g.id, p, first);
    else grades.set(g.id, p);
  });

  const judgements = new Map<string, Path>();
  const criteria = new Map<string, Path>();
  f.judgements.forEach((j, ji) => {
    const jp: Path = ['judgements', ji, 'id'];
    const firstJ = judgements.get(j.id);
    if (firstJ) dup('judgement id', j.id, jp, firstJ);
    else judgements.set(j.id, jp);

    // Ignoring case: people type ids ("cl02"), and findCriterion matches them whatever the case.
    const seeCriterion = (id: string, p: Path) => {
      const first = criteria.get(id.toLowerCase());
      if (first) dup('criterion id', id, p, first);
      else criteria.set(id.toLowerCase(), p);
    };
    j.criteria.forEach((c, ci) => {
      seeCriterion(c.id, ['judgements', ji, 'criteria', ci, 'id']);
      c.children?.forEach((k, ki) => seeCriterion(k.id, ['judgements', ji, 'criteria', ci, 'children', ki, 'id']));
    });

    if (j.graded && f.gradeScale.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['judgements', ji, 'graded'],
        message: `judgement "${j.id}" is graded but the framework has no "gradeScale"; add the grades or set "graded" to false`,
      });
    }
  });

  if (f.validFrom && f.validTo && f.validTo.slice(0, 7) < f.validFrom.slice(0, 7)) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: `"validTo" (${f.validTo}) is before "validFrom" (${f.validFrom})` });
  }
});

export type Framework = z.output<typeof FrameworkSchema>;
/** What a file may contain before defaults and trimming (the same shape, looser on case and spaces). */
export type FrameworkInput = z.input<typeof FrameworkSchema>;
export type Judgement = z.output<typeof JudgementSchema>;
export type Criterion = z.output<typeof CriterionSchema>;
export type CriterionLeaf = z.output<typeof CriterionLeafSchema>;
export type Grade = z.output<typeof GradeSchema>;
export type Source = z.output<typeof SourceSchema>;

/** The fields each kind of object may hold, for "did you mean" hints on unknown fields. */
export const FIELDS = {
  framework: Object.keys(FrameworkObject.shape),
  judgement: Object.keys(JudgementSchema.shape),
  criterion: Object.keys(CriterionSchema.shape),
  child: Object.keys(CriterionLeafSchema.shape),
  grade: Object.keys(GradeSchema.shape),
  source: Object.keys(SourceSchema.shape),
} as const;
