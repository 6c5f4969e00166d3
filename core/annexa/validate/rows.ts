/**
 * Checks within one row: the spec's row rules (date order, columns filled in together, one
 * needing another, columns blank given a value), events before birth, and the age against the
 * date of birth.
 */
import { addMonths, ageAt, isIsoDate, ukDate } from '../dates.ts';
import type { ListRow } from '../model.ts';
import { header, OLDEST_PLAUSIBLE_AGE, PREGNANCY_MONTHS, report, shownValue, type ListPlan, type ValidationContext } from './plan.ts';

const filled = (value: unknown): boolean => value !== null && value !== undefined;

export function checkRow(context: ValidationContext, plan: ListPlan, row: ListRow): void {
  const v = row.values;
  const { rules } = plan.list;
  const col = (key: string) => plan.columns.get(key)!;
  const given = plan.roles.dob === null ? null : v[plan.roles.dob];
  // A date of birth the cell checks report (not a date, or after the inspection where it cannot be)
  // is the one thing wrong: the checks that lean on it would only repeat it for every date in the row.
  const dob = isIsoDate(given) && given <= (plan.roles.unbornAllowed ? plan.latestExpectedBirth : context.inspectionDate) ? given : null;

  for (const [a, b] of rules.order) {
    const first = v[a];
    const then = v[b];
    if (!isIsoDate(first) || !isIsoDate(then) || then >= first) continue;
    if (a === plan.roles.dob) {
      if (dob === null) continue;
      report(context, plan, row, b, 'before-birth', `${header(col(b))} (${ukDate(then)}) is before the date of birth (${ukDate(first)}): correct whichever date is wrong.`);
    } else {
      report(context, plan, row, b, 'date-order', `${header(col(b))} (${ukDate(then)}) is before ${header(col(a))} (${ukDate(first)}), which cannot be: correct whichever date is wrong.`);
    }
  }

  for (const [a, b] of rules.together) {
    if (filled(v[a]) === filled(v[b])) continue;
    const [given, missing] = filled(v[a]) ? [a, b] : [b, a];
    report(context, plan, row, missing, 'together', `${header(col(given))} is filled in but ${header(col(missing))} is blank: they go together, so fill in ${header(col(missing))} or clear ${header(col(given))}.`);
  }

  for (const { if: given, then } of rules.requires) {
    if (filled(v[given]) && !filled(v[then])) {
      report(context, plan, row, then, 'requires', `${header(col(given))} is filled in, so ${header(col(then))} must be too: fill it in, or clear ${header(col(given))}.`);
    }
  }

  for (const { column, values, blank } of rules.blankWhen) {
    const value = v[column];
    if (!filled(value) || !values.includes(String(value))) continue;
    for (const key of blank) {
      if (filled(v[key])) {
        report(context, plan, row, key, 'blank-when', `${header(col(key))} must be blank when ${header(col(column))} is "${value}": clear it, or correct ${header(col(column))}.`);
      }
    }
  }

  if (isIsoDate(dob)) {
    // Work before a birth (a pre-birth referral, assessment or plan) is normal where a list may hold
    // unborn children; before conception it is a wrong date.
    let earliest: string | null = null;
    for (const c of plan.afterBirth) {
      const value = v[c.key];
      if (!isIsoDate(value) || value >= dob) continue;
      earliest ??= plan.roles.unbornAllowed ? addMonths(dob, -PREGNANCY_MONTHS) : dob;
      if (value >= earliest) continue;
      const how = plan.roles.unbornAllowed ? 'more than ten months before the date of birth' : 'before the date of birth';
      report(context, plan, row, c.key, 'before-birth', `${header(c)} (${ukDate(value)}) is ${how} (${ukDate(dob)}): correct whichever date is wrong.`);
    }
  }

  const age = plan.roles.age === null ? null : v[plan.roles.age];
  if (typeof age === 'number' && Number.isInteger(age)) {
    const ageKey = plan.roles.age!;
    if (isIsoDate(dob)) {
      const atInspection = ageAt(dob, context.inspectionDate);
      // The lists may be prepared a little before the inspection: a birthday in between is no error.
      const own = plan.rowDate === null ? null : v[plan.rowDate];
      if (age !== atInspection && age !== ageAt(dob, plan.extractDate) && !(isIsoDate(own) && age === ageAt(dob, own))) {
        const expected = atInspection < 0 ? 'unborn (age -1)' : `${atInspection}`;
        report(context, plan, row, ageKey, 'age-mismatch', `${header(col(ageKey))} is ${age}, but the date of birth (${ukDate(dob)}) makes the ${plan.noun} ${expected} at the inspection date (${ukDate(context.inspectionDate)}): correct the age or the date of birth.`);
      }
    }
    if (age > OLDEST_PLAUSIBLE_AGE) {
      report(context, plan, row, ageKey, 'age-implausible', `${header(col(ageKey))} is ${age}, older than anyone on these lists can be (care leavers are at most ${OLDEST_PLAUSIBLE_AGE}): check the date of birth (${shownValue(given ?? null)}) and the age.`);
    }
  }
}
