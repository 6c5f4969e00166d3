/**
 * The "Make this evidence" form: what it starts with, what it checks, and which fields a save
 * sends (only those that changed, so the history records what someone actually did).
 */
import { DATE_HINT } from '../../../shared/dates.ts';
import type { EvidenceFields, EvidenceItem } from '../../../shared/contract.ts';
import { EVIDENCE_LIMITS, EVIDENCE_STATUS_LABELS } from '../../../shared/evidence.ts';

export type EvidenceStatus = EvidenceItem['status'];

export interface EvidenceForm {
  title: string;
  summary: string;
  team: string;
  /** YYYY-MM-DD or '' for none. */
  evidenceDate: string;
  reviewBy: string;
  status: EvidenceStatus;
  personalData: boolean;
}

/** What a save sends: the contract's fields, any subset. */
export type EvidenceFieldsToSave = EvidenceFields;

/** The statuses' names, defined once in shared/evidence.ts (the Evidence area and its facets say the same). */
export const STATUS_LABELS: Record<EvidenceStatus, string> = EVIDENCE_STATUS_LABELS;

/** The form for an evidence item, or for a document that is not evidence yet (titled after it). */
export function formFor(item: EvidenceItem | null, documentTitle: string): EvidenceForm {
  if (!item) return { title: documentTitle, summary: '', team: '', evidenceDate: '', reviewBy: '', status: 'draft', personalData: false };
  return {
    title: item.title,
    summary: item.summary,
    team: item.team,
    evidenceDate: item.evidenceDate ?? '',
    reviewBy: item.reviewBy ?? '',
    status: item.status,
    personalData: item.personalData,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/u;
/** A date field holds text that is not a date (BritishDateField passes it on so it is not lost). */
const NOT_A_DATE = `${DATE_HINT}, or leave it empty.`;
const count = (n: number) => n.toLocaleString('en-GB');

/** Problems to show beside the fields, keyed by field; empty when the form can be saved. */
export function validateForm(form: EvidenceForm): Partial<Record<keyof EvidenceForm, string>> {
  const problems: Partial<Record<keyof EvidenceForm, string>> = {};
  if (!form.title.trim()) problems.title = 'Give the evidence a title.';
  else if (form.title.trim().length > EVIDENCE_LIMITS.title) problems.title = `Keep the title under ${count(EVIDENCE_LIMITS.title)} characters.`;
  if (form.summary.length > EVIDENCE_LIMITS.summary) problems.summary = `Keep this under ${count(EVIDENCE_LIMITS.summary)} characters.`;
  if (form.team.length > EVIDENCE_LIMITS.team) problems.team = `Keep the team name under ${count(EVIDENCE_LIMITS.team)} characters.`;
  if (form.evidenceDate && !DATE.test(form.evidenceDate)) problems.evidenceDate = NOT_A_DATE;
  if (form.reviewBy && !DATE.test(form.reviewBy)) problems.reviewBy = NOT_A_DATE;
  else if (form.reviewBy && form.evidenceDate && DATE.test(form.evidenceDate) && form.reviewBy < form.evidenceDate) {
    problems.reviewBy = 'The review-by date is before the evidence date.';
  }
  return problems;
}

/** The fields to send: all of them for new evidence, else only what changed. */
export function fieldsToSave(form: EvidenceForm, item: EvidenceItem | null): EvidenceFieldsToSave {
  const next: Required<EvidenceFieldsToSave> = {
    title: form.title.trim(),
    summary: form.summary,
    team: form.team.trim(),
    evidenceDate: form.evidenceDate || null,
    reviewBy: form.reviewBy || null,
    status: form.status,
    personalData: form.personalData,
  };
  if (!item) return next;
  const out: EvidenceFieldsToSave = {};
  for (const key of Object.keys(next) as (keyof EvidenceFieldsToSave)[]) {
    if (next[key] !== item[key]) (out as Record<string, unknown>)[key] = next[key];
  }
  return out;
}

export function isDirty(form: EvidenceForm, item: EvidenceItem | null): boolean {
  return item === null || Object.keys(fieldsToSave(form, item)).length > 0;
}
