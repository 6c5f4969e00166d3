/**
 * What a pack is made from, once the evidence in scope has been chosen and each file given its
 * place: the one description the site (index.html), the Excel index and pack.json are written from.
 *
 * Each evidence file is copied once, under the folder of the first judgement (in the framework's
 * order) it serves; the index and the workbook link to that one copy from every criterion the item
 * is tagged against. See docs/architecture.md ("The pack") for why.
 */
import type { EvidenceStatusName } from '../../shared/evidence.ts';

export interface PackItem {
  evidenceId: number;
  title: string;
  /** What it shows (the evidence form's summary). */
  summary: string;
  team: string;
  /** `YYYY-MM-DD`, or null. */
  evidenceDate: string | null;
  reviewBy: string | null;
  status: EvidenceStatusName;
  /** True when the review date has passed. */
  stale: boolean;
  /** The file changed after it was tagged: what it shows may no longer be what was approved. */
  changedSinceTagged: boolean;
  /** The copy's path inside the pack, with `/` (`evidence/1 Leadership/Plan.pdf`). */
  path: string;
  /** The original file's name and its format label (`PDF`, `Word`). */
  fileName: string;
  format: string;
  bytes: number;
  /** The start of the document's text (about 2 KB), for search; empty when it has none. */
  excerpt: string;
}

/** An item's link from one criterion. */
export interface PackLink {
  /** Index into PackContent.items. */
  item: number;
  strength: 'key' | 'supporting';
  note: string;
}

export interface PackCriterion {
  id: string;
  title: string;
  /** 0 for a top-level criterion, 1 for its children… */
  depth: number;
  links: PackLink[];
}

export interface PackJudgement {
  id: string;
  title: string;
  /** The folder its files are copied into (`evidence/1 Leadership`). */
  folder: string;
  criteria: PackCriterion[];
}

export interface PackContent {
  /** When the pack was made (ISO 8601). */
  createdAt: string;
  framework: { id: string; title: string; version: string | null };
  /** The judgements in scope, in the framework's order, each with all its criteria (gaps included). */
  judgements: PackJudgement[];
  statuses: EvidenceStatusName[];
  items: PackItem[];
  /** Paths inside the pack of the extras included. */
  extras: { annexa: { path: string; pseudonymised: boolean } | null; selfEvaluation: string | null };
  appVersion: string;
}
