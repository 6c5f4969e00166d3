/**
 * Checks of single cells of a normalised row: what is blank but needed, and values that are not
 * what their column holds (kept as written by the normaliser so they can be reported here).
 */
import { isIsoDate, readDate, ukDate } from '../dates.ts';
import type { ListRow } from '../model.ts';
import { isPostcode } from '../normalise/postcodes.ts';
import { header, report, shownValue, type ListPlan, type ValidationContext } from './plan.ts';

/** An id Excel has shown in scientific notation and rounded (1.23457E+11): the digits after the sixth are gone. */
const SCIENTIFIC = /^\d(?:\.\d+)?e\+?\d+$/iu;

/** Codes listed in full in a message when a set is this small; larger sets point to the template. */
const LIST_CODES_UP_TO = 8;

export function checkCells(context: ValidationContext, plan: ListPlan, row: ListRow): void {
  const v = row.values;
  const { inspectionDate } = context;

  for (const c of plan.required) {
    if (v[c.key] === null || v[c.key] === undefined) {
      report(context, plan, row, c.key, 'mandatory-blank', `${header(c)} is blank, but the template needs it on every row: fill it in from the case record.`);
    }
  }

  // A wrong date of birth is reported once: the age worked out from it is not reported again.
  let dobReported = false;
  for (const c of plan.dates) {
    const value = v[c.key];
    if (value === null || value === undefined) continue;
    if (!isIsoDate(value)) {
      if (c.key === plan.roles.dob) dobReported = true;
      const reading = readDate(value, { latestYear: context.latestYear });
      const why = reading.ok ? 'it was not read as a date' : reading.reason;
      report(context, plan, row, c.key, 'date-invalid', `${header(c)}: ${shownValue(value)} is not a real date (${why}). Correct it from the case record, written dd/mm/yyyy.`);
      continue;
    }
    if (value <= inspectionDate) continue;
    if (c.key === plan.roles.dob) {
      dobReported = !plan.roles.unbornAllowed || value > plan.latestExpectedBirth;
      if (!plan.roles.unbornAllowed) {
        report(context, plan, row, c.key, 'date-future', `${header(c)} ${ukDate(value)} is after the inspection date (${ukDate(inspectionDate)}), but everyone on this list is already born: correct the date of birth.`);
      } else if (value > plan.latestExpectedBirth) {
        report(context, plan, row, c.key, 'date-future', `${header(c)} ${ukDate(value)} is more than ten months after the inspection date (${ukDate(inspectionDate)}), too far ahead even for an unborn child's expected date of birth: correct it.`);
      }
      continue;
    }
    report(context, plan, row, c.key, 'date-future', `${header(c)} ${ukDate(value)} is after the inspection date (${ukDate(inspectionDate)}): a date in these lists cannot be in the future. Correct it, or check the inspection date.`);
  }

  for (const c of plan.integers) {
    const value = v[c.key];
    if (value === null || value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      report(context, plan, row, c.key, 'integer-invalid', `${header(c)}: ${shownValue(value)} is not a whole number. Write it as a whole number${c.key === plan.roles.age ? ' of years (-1 for an unborn child)' : ' (0 if none)'}.`);
    } else if (c.min !== undefined && value < c.min && !(c.key === plan.roles.age && dobReported)) {
      const why = c.key === plan.roles.age ? (c.min < 0 ? ' (-1 is for an unborn child)' : ' on this list') : c.min === 0 ? ': a count cannot be negative' : '';
      report(context, plan, row, c.key, 'integer-below-min', `${header(c)} is ${value}, but it cannot be less than ${c.min}${why}. Correct it from the case record.`);
    }
  }

  for (const { column: c, matcher } of plan.codes) {
    const value = v[c.key];
    if (value === null || value === undefined) continue;
    const text = String(value);
    const known = matcher.byValue.get(text);
    if (known) {
      if (known.discouraged) report(context, plan, row, c.key, 'code-discouraged', `${header(c)} is "${text}": ${known.discouraged}`);
      continue;
    }
    if (matcher.set.open) continue;
    const m = matcher.match(text);
    let hint: string;
    if (m.kind === 'ambiguous') hint = `It could be any of ${m.values.map((x) => `"${x}"`).join(', ')}: write the one that applies.`;
    else if ('value' in m) hint = `Write it as the template does: "${m.value}".`;
    else if (matcher.set.values.length <= LIST_CODES_UP_TO) hint = `Write one of ${matcher.set.values.map((x) => `"${x.value}"`).join(', ')}.`;
    else hint = `Write one of the template's ${matcher.set.label} codes, spelt as it spells them (such as "${matcher.set.values[0].value}").`;
    report(context, plan, row, c.key, 'code-unknown', `${header(c)}: "${text}" is not one of the ${matcher.set.label} codes. ${hint}`);
  }

  for (const c of plan.postcodes) {
    const value = v[c.key];
    if (value === null || value === undefined) continue;
    if (!isPostcode(String(value))) {
      report(context, plan, row, c.key, 'postcode-shape', `${header(c)}: "${value}" is not shaped like a UK postcode (such as B1 1AA or SW1A 2AA). Write the full postcode of the address.`);
    }
  }

  for (const c of plan.ids) {
    const value = v[c.key];
    if (typeof value === 'string' && SCIENTIFIC.test(value)) {
      report(context, plan, row, c.key, 'id-scientific', `${header(c)}: "${value}" is an id a spreadsheet has turned into a rounded number, so the real id is lost. Export the ids again as text (in Excel, format the column as Text before pasting).`);
    }
  }
}
