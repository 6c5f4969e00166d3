/**
 * The common edits to a framework, as pure functions from one framework to the next: add a
 * criterion, rename a criterion or a judgement, move either up or down, delete a criterion. They
 * never validate: the result is saved through `frameworks.save`, and the schema in
 * shared/frameworks is the one place that says what a framework may hold.
 */
import type { Criterion, Framework } from '../../../shared/frameworks/schema.ts';

export interface NewCriterion {
  id: string;
  title: string;
  description: string;
  /** Typed as one line, separated by commas or semicolons. */
  keywords: string;
}

/** "safeguarding, missing children; return interviews" → three keywords, blanks dropped. */
export function keywordList(text: string): string[] {
  return text
    .split(/[,;\n]/u)
    .map((k) => k.trim())
    .filter(Boolean);
}

export function addCriterion(f: Framework, judgementIndex: number, c: NewCriterion): Framework {
  const criterion: Criterion = { id: c.id.trim(), title: c.title.trim(), description: c.description.trim(), keywords: keywordList(c.keywords) };
  return withJudgement(f, judgementIndex, (j) => ({ ...j, criteria: [...j.criteria, criterion] }));
}

export function renameJudgement(f: Framework, judgementIndex: number, title: string): Framework {
  return withJudgement(f, judgementIndex, (j) => ({ ...j, title: title.trim() }));
}

export function renameCriterion(f: Framework, judgementIndex: number, criterionIndex: number, title: string): Framework {
  return withJudgement(f, judgementIndex, (j) => ({ ...j, criteria: j.criteria.map((c, i) => (i === criterionIndex ? { ...c, title: title.trim() } : c)) }));
}

export function deleteCriterion(f: Framework, judgementIndex: number, criterionIndex: number): Framework {
  return withJudgement(f, judgementIndex, (j) => ({ ...j, criteria: j.criteria.filter((_, i) => i !== criterionIndex) }));
}

/** Moves a judgement one place up (-1) or down (+1); at either end nothing changes. */
export function moveJudgement(f: Framework, judgementIndex: number, by: -1 | 1): Framework {
  return { ...f, judgements: moved(f.judgements, judgementIndex, by) };
}

export function moveCriterion(f: Framework, judgementIndex: number, criterionIndex: number, by: -1 | 1): Framework {
  return withJudgement(f, judgementIndex, (j) => ({ ...j, criteria: moved(j.criteria, criterionIndex, by) }));
}

/**
 * An id for a new criterion that follows the judgement's own ("HP07" after "HP06", "R1.3" after
 * "R1.2"), never one in use anywhere in the framework (ids are unique ignoring case).
 */
export function suggestCriterionId(f: Framework, judgementIndex: number): string {
  const used = new Set(f.judgements.flatMap((j) => j.criteria.flatMap((c) => [c.id, ...(c.children ?? []).map((k) => k.id)])).map((id) => id.toLowerCase()));
  const last = f.judgements[judgementIndex]?.criteria.at(-1)?.id;
  const m = last ? /^(.*?)(\d+)$/u.exec(last) : null;
  const prefix = m ? m[1] : `${f.judgements[judgementIndex]?.id ?? 'C'}-`;
  const width = m ? m[2].length : 2;
  let n = m ? Number(m[2]) + 1 : 1;
  while (used.has(`${prefix}${String(n).padStart(width, '0')}`.toLowerCase())) n++;
  return `${prefix}${String(n).padStart(width, '0')}`;
}

function withJudgement(f: Framework, index: number, change: (j: Framework['judgements'][number]) => Framework['judgements'][number]): Framework {
  return { ...f, judgements: f.judgements.map((j, i) => (i === index ? change(j) : j)) };
}

function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  const next = [...items];
  if (index < 0 || index >= items.length || to < 0 || to >= items.length) return next;
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}
