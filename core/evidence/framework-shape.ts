/**
 * The parts of a framework the core works with. The full schema lives in shared/frameworks; this
 * structural view keeps coverage and suggestions independent of fields they do not use.
 */
export interface CriterionShape {
  id: string;
  title: string;
  description?: string;
  keywords?: string[];
  children?: CriterionShape[];
}

export interface JudgementShape {
  id: string;
  title: string;
  shortTitle?: string;
  graded?: boolean;
  criteria: CriterionShape[];
}

export interface FrameworkShape {
  id: string;
  title: string;
  shortTitle?: string;
  gradeScale?: { id: string; label: string }[];
  judgements: JudgementShape[];
}

export interface FlatCriterion {
  id: string;
  title: string;
  description: string;
  keywords: string[];
  judgementId: string;
  judgementTitle: string;
  parentId: string | null;
  depth: number;
}

/** Every criterion of a framework, in order, children after their parent. */
export function flattenCriteria(framework: FrameworkShape): FlatCriterion[] {
  const out: FlatCriterion[] = [];
  const visit = (c: CriterionShape, j: JudgementShape, parentId: string | null, depth: number) => {
    out.push({
      id: c.id, title: c.title, description: c.description ?? '', keywords: c.keywords ?? [],
      judgementId: j.id, judgementTitle: j.title, parentId, depth,
    });
    for (const child of c.children ?? []) visit(child, j, c.id, depth + 1);
  };
  for (const j of framework.judgements) for (const c of j.criteria) visit(c, j, null, 0);
  return out;
}
