/**
 * Every rule an Annex A finding can come from, with its stable id, severity and what it checks in
 * one line. The ids appear in the CLI's JSON and in the app's filters, so they never change; a rule
 * that goes away keeps its id unused. In shared/ because the validator and the app's filters both
 * read it.
 *
 * Severity: an error is something wrong that would reach the inspectors; a warning is something a
 * person should look at (correct data can raise one, and then the person knows why).
 */

export type RuleLevel = 'cell' | 'row' | 'list' | 'across lists';

export interface RuleInfo {
  id: string;
  severity: 'error' | 'warning';
  level: RuleLevel;
  description: string;
}

function rule<Id extends string, S extends RuleInfo['severity']>(id: Id, severity: S, level: RuleLevel, description: string) {
  return { id, severity, level, description } as const;
}

export const ANNEXA_RULES = [
  rule('mandatory-blank', 'error', 'cell', 'A column the template needs filled in is blank.'),
  rule('date-invalid', 'error', 'cell', 'A date that cannot be read, or that does not exist (31/02/2024, 13/13/2024).'),
  rule('date-future', 'error', 'cell', 'A date after the inspection date; only an unborn child’s expected date of birth may be, and by at most ten months.'),
  rule('code-unknown', 'error', 'cell', 'A value that is not one of the column’s codes, even allowing for case, spacing, bare codes and known aliases.'),
  rule('code-prefix', 'warning', 'cell', 'A code written with the wrong letter prefix (b) WBRI): corrected to the prefix the template uses, to be checked.'),
  rule('code-discouraged', 'warning', 'cell', 'A code the template lists but that Ofsted asks councils not to use, or a variant it may not accept.'),
  rule('integer-invalid', 'error', 'cell', 'A count or age that is not a whole number.'),
  rule('integer-below-min', 'error', 'cell', 'A count or age below the smallest value that makes sense (a negative count, no placements).'),
  rule('postcode-shape', 'error', 'cell', 'A postcode that is not shaped like a UK postcode (outward code, space, inward code).'),
  rule('id-scientific', 'error', 'cell', 'An identifier a spreadsheet has turned into a rounded number (1.23457E+11): the real id is lost.'),
  rule('date-order', 'error', 'row', 'Two dates of one row in the wrong order (an end before its start, an ICPC before its strategy discussion).'),
  rule('together', 'error', 'row', 'One of two columns that go together is filled in without the other (a closure reason with no closure date).'),
  rule('requires', 'error', 'row', 'A column that needs another filled in when it is (an ICPC outcome with no ICPC date).'),
  rule('blank-when', 'error', 'row', 'A column that must be blank given another column’s value (accommodation for a care leaver not in touch).'),
  rule('before-birth', 'error', 'row', 'An event dated before the child was born (beyond the months of pre-birth work where the list allows unborn children).'),
  rule('age-mismatch', 'error', 'row', 'An age that does not agree with the date of birth at the inspection date (or at the row’s own date, as some systems give it).'),
  rule('age-implausible', 'warning', 'row', 'An age over 25 (the oldest care leavers): usually a wrong date of birth.'),
  rule('blank-row', 'warning', 'row', 'A row with nothing in it.'),
  rule('outside-window', 'warning', 'list', 'A row outside the list’s period (six or twelve months before the inspection, or open at it).'),
  rule('one-per-person', 'error', 'list', 'A child (or adopter) on more than one row of a list that has one row each.'),
  rule('duplicate-row', 'warning', 'list', 'Two rows alike on every column that identifies a row (same child, same date, same source).'),
  rule('count-inconsistent', 'warning', 'list', 'A per-child count (referrals, section 47 enquiries, ICPCs in the last 12 months) that differs between the child’s rows.'),
  rule('same-person', 'error', 'across lists', 'One child with a different sex, ethnicity or date of birth on different rows or lists.'),
  rule('appears-in', 'error', 'across lists', 'A child missing from a list their row says they must be on (an ICPC that led to a plan, with no List 7 row).'),
  rule('case-status', 'error', 'across lists', 'A case status that contradicts the other lists (open on List 8 but not recorded as looked after).'),
] as const;

export type RuleId = (typeof ANNEXA_RULES)[number]['id'];

/** A rule's entry by id. */
export const RULES: { readonly [Id in RuleId]: Extract<(typeof ANNEXA_RULES)[number], { id: Id }> } = Object.fromEntries(
  ANNEXA_RULES.map((r) => [r.id, r]),
) as never;
