/**
 * What the page and the search index both need to know about a pack beyond its model: every
 * criterion in order with its anchor, which criteria each item serves, the teams to filter by, and
 * the counts shown at the top. Worked out once, so the listing and the search agree.
 */
import { EVIDENCE_STATUSES } from '../../../shared/evidence.ts';
import type { PackContent, PackItem, PackLink } from '../model.ts';

export interface OutlineCriterion {
  /** Its index in PackOutline.criteria. */
  ref: number;
  /** Index into PackContent.judgements, and into that judgement's criteria. */
  judgement: number;
  index: number;
  id: string;
  title: string;
  depth: number;
  /** The element id of its place in the listing (`c2-5`). */
  anchor: string;
  links: PackLink[];
}

export interface OutlineJudgement {
  id: string;
  title: string;
  anchor: string;
  criteria: OutlineCriterion[];
  /** Distinct items under its criteria, and its criteria with and without evidence. */
  items: number;
  withEvidence: number;
  gaps: number;
}

/** One criterion an item serves, with how. */
export interface Serves {
  /** Index into PackOutline.criteria. */
  criterion: number;
  strength: PackLink['strength'];
}

export interface PackOutline {
  judgements: OutlineJudgement[];
  /** Every criterion of every judgement, in the framework's order. */
  criteria: OutlineCriterion[];
  /** Per item (PackContent.items' order): the criteria it serves, in order, each once. */
  serves: Serves[][];
  /** Distinct team names, sorted; items without a team are not among them. */
  teams: string[];
  /** Per item: its index in `teams`, or -1 when it has none. */
  teamOf: number[];
  /** Items no criterion in the pack links to (there should be none; they are still listed). */
  unlinked: number[];
  /** The statuses items have, in the app's order of statuses. */
  statuses: PackItem['status'][];
  totals: { items: number; files: number; criteria: number; withEvidence: number; gaps: number; stale: number; changed: number; noTeam: number };
}

const COLLATOR = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

export function outlinePack(content: PackContent): PackOutline {
  const criteria: OutlineCriterion[] = [];
  const serves: Serves[][] = content.items.map(() => []);
  const judgements = content.judgements.map((judgement, j): OutlineJudgement => {
    const own: OutlineCriterion[] = judgement.criteria.map((c, k) => ({
      ref: criteria.length + k,
      judgement: j,
      index: k,
      id: c.id,
      title: c.title,
      depth: c.depth,
      anchor: `c${j + 1}-${k + 1}`,
      links: c.links.filter((link) => link.item >= 0 && link.item < content.items.length),
    }));
    const items = new Set<number>();
    for (const c of own) {
      criteria.push(c);
      for (const link of c.links) {
        items.add(link.item);
        if (!serves[link.item].some((s) => s.criterion === c.ref)) serves[link.item].push({ criterion: c.ref, strength: link.strength });
      }
    }
    const withEvidence = own.filter((c) => c.links.length > 0).length;
    return { id: judgement.id, title: judgement.title, anchor: `j${j + 1}`, criteria: own, items: items.size, withEvidence, gaps: own.length - withEvidence };
  });

  const teams = [...new Set(content.items.map((item) => item.team).filter((team) => team.trim() !== ''))].sort(COLLATOR.compare);
  const teamIndex = new Map(teams.map((team, i) => [team, i]));
  const withEvidence = judgements.reduce((n, j) => n + j.withEvidence, 0);
  return {
    judgements,
    criteria,
    serves,
    teams,
    teamOf: content.items.map((item) => teamIndex.get(item.team) ?? -1),
    unlinked: serves.flatMap((s, i) => (s.length === 0 ? [i] : [])),
    statuses: EVIDENCE_STATUSES.filter((status) => content.items.some((item) => item.status === status)),
    totals: {
      items: content.items.length,
      files: new Set(content.items.map((item) => item.path).filter((path) => path !== '')).size,
      criteria: criteria.length,
      withEvidence,
      gaps: criteria.length - withEvidence,
      stale: content.items.filter((item) => item.stale).length,
      changed: content.items.filter((item) => item.changedSinceTagged).length,
      noTeam: content.items.filter((item) => !teamIndex.has(item.team)).length,
    },
  };
}
