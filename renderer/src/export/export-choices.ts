/**
 * What the person chose on the "New pack" tab, and how it becomes the contract's PackOptions.
 * Kept apart from React so the rules (what "all judgements" is sent as, when an extra may be
 * asked for) are one small function each, tested on their own.
 */
import { EVIDENCE_STATUSES, type EvidenceStatusName } from '../../../shared/evidence.ts';
import type { PackExtra, PackOptions, PackPreview } from '../../../shared/pack.ts';

export type Audience = NonNullable<PackOptions['audience']>;

export interface ExportChoices {
  /** null until the framework list has loaded (then the active framework, the default unless changed). */
  frameworkId: string | null;
  /**
   * 'all' is every judgement of the framework, and is what a newly chosen framework starts with;
   * otherwise the judgements ticked (possibly none, which cannot be exported).
   */
  judgementIds: 'all' | readonly string[];
  statuses: readonly EvidenceStatusName[];
  /** Wanted extras; each goes in only when the preview says it can (an import exists, a self-evaluation is written). */
  annexa: boolean;
  selfEvaluation: boolean;
  /** Decides which Annex A workbook goes in: pseudonymised for anyone, child-level for the inspection team only. */
  audience: Audience;
}

export const DEFAULT_CHOICES: ExportChoices = {
  frameworkId: null,
  judgementIds: 'all',
  statuses: ['approved'],
  // Annex A is personal data even pseudonymised, so it is a choice made, never a default;
  // the self-evaluation is what inspectors read first, so it goes in whenever there is one.
  annexa: false,
  selfEvaluation: true,
  audience: 'shared',
};

export const STATUS_WORDS: Record<EvidenceStatusName, { label: string; hint: string }> = {
  approved: { label: 'Approved', hint: 'signed off for the inspection' },
  draft: { label: 'Draft', hint: 'still being worked on' },
  retired: { label: 'Retired', hint: 'no longer in use' },
};

/** The extras the last preview said are possible; null before the first preview has answered. */
export type Availability = Pick<PackPreview, 'annexa' | 'selfEvaluation'> | null;

export function isTicked(choices: ExportChoices, judgementId: string): boolean {
  return choices.judgementIds === 'all' || choices.judgementIds.includes(judgementId);
}

/** Ticks or unticks one judgement, keeping the framework's order; ticking the last one left is 'all' again. */
export function toggleJudgement(choices: ExportChoices, judgementId: string, on: boolean, all: readonly string[]): ExportChoices['judgementIds'] {
  const current = choices.judgementIds === 'all' ? all : choices.judgementIds;
  const next = all.filter((id) => (id === judgementId ? on : current.includes(id)));
  return next.length === all.length ? 'all' : next;
}

/** Statuses in one order whatever order they were ticked in, so the same choice is the same request. */
export function toggleStatus(statuses: readonly EvidenceStatusName[], status: EvidenceStatusName, on: boolean): EvidenceStatusName[] {
  return EVIDENCE_STATUSES.filter((s) => (s === status ? on : statuses.includes(s)));
}

/** The extras to send: those wanted that the app can include now. */
export function includedExtras(choices: ExportChoices, available: Availability): PackExtra[] {
  const include: PackExtra[] = [];
  if (choices.annexa && available?.annexa) include.push('annexa');
  if (choices.selfEvaluation && available?.selfEvaluation) include.push('self-evaluation');
  return include;
}

/** Why these choices cannot be previewed or exported, in words; null when they can. */
export function choicesProblem(choices: ExportChoices): string | null {
  if (choices.frameworkId === null) return 'Choose a framework.';
  if (choices.judgementIds !== 'all' && choices.judgementIds.length === 0) return 'Choose at least one judgement to include.';
  if (choices.statuses.length === 0) return 'Choose at least one status: approved evidence is what most packs hold.';
  return null;
}

/**
 * The request for pack.preview and pack.export, or null when the choices cannot make a pack.
 * Every judgement ticked is sent as [] ("all of the framework's"), the contract's own word for it.
 */
export function toPackOptions(choices: ExportChoices, available: Availability, allJudgementIds: readonly string[]): PackOptions | null {
  if (choicesProblem(choices) || choices.frameworkId === null) return null;
  const ids = choices.judgementIds;
  const everyOne = ids === 'all' || (allJudgementIds.length > 0 && allJudgementIds.every((id) => ids.includes(id)));
  return {
    scope: { frameworkId: choices.frameworkId, judgementIds: everyOne ? [] : [...ids], statuses: [...choices.statuses] },
    include: includedExtras(choices, available),
    audience: choices.audience,
  };
}
