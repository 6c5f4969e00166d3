/**
 * Reading a cell as one value of a code set: the template's exact value, or the forms systems
 * export instead: another case or spacing (`A)WBRI`), the bare code (`WBRI`, `RC8`, `C1`), the
 * value without its letter (`Male`), an alias the spec lists (`M`, `Y`, `TRUE`), the code at the
 * start of a longer label (`WBRI - White British`), or a wrong letter (`b) WBRI`, corrected and
 * reported). Anything else is not guessed at.
 *
 * Built once per code set: every form is a key in one map, so a cell costs a lookup or two.
 */
import { normaliseHeader } from '../../../shared/annexa/index.ts';
import type { CodeSet, CodeValue } from '../../../shared/annexa/spec-schema.ts';

/**
 * The form values are compared in: the spec loader's own (lower case, straight quotes, letters and
 * digits only), so its proof that no alias or code can be read two ways holds here too.
 */
const squash = normaliseHeader;

/** The template's letter prefix of a value ("a) ", "p1) ", "zz) "), and the rest. */
const PREFIX = /^\s*([a-z]{1,2}\d?)\s*\)\s*(.+)$/iu;

/** What a cell matched, and how, in words for the list of changes. */
export type CodeMatch =
  | { kind: 'exact'; value: string }
  | { kind: 'matched'; value: string; why: string }
  /** Matched once its letter prefix was set right: changed, and reported for a person to check. */
  | { kind: 'wrong-prefix'; value: string; written: string; why: string }
  /** Could be any of these (a label several codes share): not guessed. */
  | { kind: 'ambiguous'; values: string[] }
  | { kind: 'none' };

/** How a form was found, best first: a real value beats a code, a code beats an alias, an alias beats a label. */
const FORM_RANK = { value: 0, code: 1, alias: 2, unprefixed: 3, label: 4 } as const;
type Form = keyof typeof FORM_RANK;

/** What one squashed form stands for: the values of its best form (several: ambiguous). */
interface Resolved {
  values: CodeValue[];
  form: Form;
}

/** Distinct cells remembered per code set; a column holds few ("M", "F", "Male"), so this is plenty. */
const CACHE_LIMIT = 10_000;

export interface CodeMatcher {
  set: CodeSet;
  /** The set's value by its exact spelling. */
  byValue: Map<string, CodeValue>;
  match(text: string): CodeMatch;
}

function prefixOf(value: string): string | null {
  return PREFIX.exec(value)?.[1].toLowerCase() ?? null;
}

/** A value without its letter prefix ("a) 1A: Individual" → "1A: Individual"). */
function unprefixed(value: string): string | null {
  const m = PREFIX.exec(value);
  return m ? m[2] : null;
}

/** A value's label without its prefix and code ("a) 1A: Individual" → "Individual", "N1 - Abuse or neglect" → "Abuse or neglect"). */
function labelOf(v: CodeValue): string | null {
  if (!v.code) return null;
  const rest = unprefixed(v.value) ?? v.value;
  const i = rest.indexOf(v.code);
  if (i !== 0) return null;
  const label = rest.slice(v.code.length).replace(/^[\s:\-–.]+/u, '');
  return label && label !== rest ? label : null;
}

const WHY: Record<Form, (written: string, v: CodeValue, set: CodeSet) => string> = {
  value: (_w, _v, set) => `${set.label} written with different case, spacing or punctuation: spelt as the template spells it`,
  code: (w, _v, set) => `the bare ${set.label} code ${w} was given its full value`,
  alias: (w, _v, set) => `"${w}" is another way systems write this ${set.label} value`,
  unprefixed: (_w, _v, set) => `${set.label} value given the letter prefix the template uses`,
  label: (_w, _v, set) => `${set.label} label given its code, as the template spells it`,
};

export function codeMatcher(set: CodeSet): CodeMatcher {
  const byValue = new Map(set.values.map((v) => [v.value, v]));
  const forms = new Map<string, { value: CodeValue; form: Form }[]>();
  const codes = new Map<string, CodeValue[]>();
  const add = (key: string, value: CodeValue, form: Form) => {
    if (!key) return;
    const list = forms.get(key) ?? [];
    list.push({ value, form });
    forms.set(key, list);
  };
  for (const v of set.values) {
    add(squash(v.value), v, 'value');
    if (v.code) {
      add(squash(v.code), v, 'code');
      codes.set(squash(v.code), [...(codes.get(squash(v.code)) ?? []), v]);
    }
    for (const a of v.aliases) add(squash(a), v, 'alias');
    const bare = unprefixed(v.value);
    if (bare) add(squash(bare), v, 'unprefixed');
    const label = labelOf(v);
    if (label) add(squash(label), v, 'label');
  }
  const resolved = new Map<string, Resolved>();
  for (const [key, found] of forms) {
    const best = Math.min(...found.map((c) => FORM_RANK[c.form]));
    const values = [...new Set(found.filter((c) => FORM_RANK[c.form] === best).map((c) => c.value))];
    resolved.set(key, { values, form: found.find((c) => FORM_RANK[c.form] === best)!.form });
  }
  const cache = new Map<string, CodeMatch>();

  function match(text: string): CodeMatch {
    let m = cache.get(text);
    if (m === undefined) {
      m = matchUncached(text);
      if (cache.size < CACHE_LIMIT) cache.set(text, m);
    }
    return m;
  }

  function matchUncached(text: string): CodeMatch {
    if (byValue.has(text)) return { kind: 'exact', value: text };
    const found = resolved.get(squash(text));
    if (found) {
      if (found.values.length > 1) return { kind: 'ambiguous', values: found.values.map((v) => v.value) };
      const v = found.values[0];
      return { kind: 'matched', value: v.value, why: WHY[found.form](text, v, set) };
    }
    // A letter prefix the set does not use for this value: `b) WBRI`, or `a) C1: ICO` where the set has no letters.
    const prefixed = PREFIX.exec(text);
    if (prefixed) {
      const rest = resolved.get(squash(prefixed[2]));
      if (rest && rest.values.length === 1 && prefixOf(rest.values[0].value) !== prefixed[1].toLowerCase()) {
        const v = rest.values[0].value;
        const expected = prefixOf(v);
        const why = expected ? `the letter ${prefixed[1]}) was changed to ${expected}), the letter the template gives this value` : `the letter ${prefixed[1]}) was removed: the template writes this value without one`;
        return { kind: 'wrong-prefix', value: v, written: text, why };
      }
    }
    // The code at the start of a longer label: `WBRI - White British`, `U4 Foster placement long term`.
    const lead = /^([\p{L}\p{N}]{1,5})(\s*[:\-–.)]|\s|$)/u.exec(text);
    // A lone letter followed by a plain space is as likely a word ("B and B") as a code: only `B - …`, `B: …`.
    if (lead && !(lead[1].length === 1 && /\p{L}/u.test(lead[1]) && lead[2].trim() === '' && lead[2] !== '')) {
      const byCode = codes.get(squash(lead[1]));
      if (byCode && byCode.length === 1) {
        return { kind: 'matched', value: byCode[0].value, why: `"${text}" starts with the ${set.label} code ${lead[1]}: written as the template spells that code` };
      }
    }
    return { kind: 'none' };
  }

  return { set, byValue, match };
}
