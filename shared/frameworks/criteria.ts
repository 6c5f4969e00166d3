/**
 * A framework's criteria as one flat list, and finding one by id: the single definition the core
 * (coverage, suggestions, tagging), the CLI (through the API) and the UI (pickers, coverage) share.
 *
 * Works on the structural shape both a full framework file and the API's FrameworkView have, so it
 * needs neither the schema library nor the built-in data.
 */

export interface CriterionShape {
  id: string;
  title: string;
  description?: string;
  keywords?: string[];
  children?: CriterionShape[];
}

export interface FrameworkShape {
  judgements: { id: string; title: string; shortTitle?: string; criteria: CriterionShape[] }[];
}

/** A criterion with where it sits: its judgement and, for a sub-criterion, its parent. */
export interface FlatCriterion {
  id: string;
  title: string;
  description: string;
  keywords: string[];
  judgementId: string;
  judgementTitle: string;
  /** The judgement's short name where it has one ("Children in care"). */
  judgementShort: string;
  /** The parent criterion's id for a sub-criterion (an action under a recommendation); null at the top. */
  parentId: string | null;
  /** 0 for a criterion, 1 for a sub-criterion. */
  depth: number;
}

/** Every criterion and sub-criterion, in file order, each sub-criterion straight after its parent. */
export function flattenCriteria(framework: FrameworkShape): FlatCriterion[] {
  const out: FlatCriterion[] = [];
  for (const j of framework.judgements) {
    const visit = (c: CriterionShape, parentId: string | null, depth: number) => {
      out.push({
        id: c.id,
        title: c.title,
        description: c.description ?? '',
        keywords: c.keywords ?? [],
        judgementId: j.id,
        judgementTitle: j.title,
        judgementShort: j.shortTitle ?? j.title,
        parentId,
        depth,
      });
      for (const child of c.children ?? []) visit(child, c.id, depth + 1);
    };
    for (const c of j.criteria) visit(c, null, 0);
  }
  return out;
}

/**
 * A criterion by id, ignoring case ("cl02" finds "CL02"), as people type ids from reports and
 * spreadsheets. The schema refuses ids that differ only in case, so at most one can match.
 */
export function findCriterion(framework: FrameworkShape, id: string): FlatCriterion | undefined {
  const wanted = id.trim().toLowerCase();
  return flattenCriteria(framework).find((c) => c.id.toLowerCase() === wanted);
}
