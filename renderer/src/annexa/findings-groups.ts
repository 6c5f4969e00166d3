/**
 * The findings step's overview: the API's counts (per list, rule and severity, over every
 * finding) grouped by list and rule, errors before warnings, so the person fixing the extracts
 * sees what matters most first and how much of it there is.
 */
import { ANNEXA_RULES, type RuleLevel } from '../../../shared/annexa/rules.ts';

export type Severity = 'error' | 'warning';

export interface FindingCount {
  list: string;
  rule: string;
  severity: Severity;
  count: number;
}

export interface RuleGroup {
  rule: string;
  severity: Severity;
  count: number;
  /** The rule's one-line description, or the id for a rule this app does not know. */
  description: string;
  level: RuleLevel | null;
}

export interface ListGroup {
  list: string;
  /** "List 1: Contacts", or the key when the list is not in the spec. */
  title: string;
  errors: number;
  warnings: number;
  rules: RuleGroup[];
}

const RULE_INFO = new Map<string, { description: string; level: RuleLevel }>(ANNEXA_RULES.map((r) => [r.id, r]));

/** "list11" → 11, for ordering lists as the template numbers them. */
function listNumber(key: string): number {
  const m = /(\d+)$/u.exec(key);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1 };

export function groupFindingCounts(counts: readonly FindingCount[], listTitle: (list: string) => string): ListGroup[] {
  const byList = new Map<string, ListGroup>();
  for (const c of counts) {
    if (c.count <= 0) continue;
    let group = byList.get(c.list);
    if (!group) byList.set(c.list, (group = { list: c.list, title: listTitle(c.list), errors: 0, warnings: 0, rules: [] }));
    if (c.severity === 'error') group.errors += c.count;
    else group.warnings += c.count;
    const info = RULE_INFO.get(c.rule);
    group.rules.push({ rule: c.rule, severity: c.severity, count: c.count, description: info?.description ?? c.rule, level: info?.level ?? null });
  }
  const groups = [...byList.values()].sort((a, b) => listNumber(a.list) - listNumber(b.list) || a.list.localeCompare(b.list));
  for (const g of groups) {
    g.rules.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count || a.rule.localeCompare(b.rule));
  }
  return groups;
}

export function totals(counts: readonly FindingCount[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const c of counts) {
    if (c.severity === 'error') errors += c.count;
    else warnings += c.count;
  }
  return { errors, warnings };
}

/** The rules that occur (for the rule filter), errors first, each once. */
export function rulesPresent(counts: readonly FindingCount[]): { rule: string; severity: Severity; count: number }[] {
  const byRule = new Map<string, { rule: string; severity: Severity; count: number }>();
  for (const c of counts) {
    const r = byRule.get(c.rule);
    if (r) r.count += c.count;
    else byRule.set(c.rule, { rule: c.rule, severity: c.severity, count: c.count });
  }
  return [...byRule.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count || a.rule.localeCompare(b.rule));
}

/** "Findings 51–100 of 1,234". */
export function pageLabel(offset: number, shown: number, total: number, what = 'Findings'): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  if (total === 0) return `No ${what.toLowerCase()}`;
  return `${what} ${n(offset + 1)}–${n(offset + shown)} of ${n(total)}`;
}
