/**
 * The frameworks shipped with the app, checked against the schema when this module loads (a broken
 * built-in file fails at once, with its line numbers), and helpers for finding criteria.
 *
 * Runs in the browser too: the data files are imported, never read from disk.
 */
import ilacs2026 from './data/ilacs-2026.json' with { type: 'json' };
import ilacs2023 from './data/ilacs-2023.json' with { type: 'json' };
import ilacs2018 from './data/ilacs-2018.json' with { type: 'json' };
import sif2013 from './data/sif-2013.json' with { type: 'json' };
import cscNf2023 from './data/csc-nf-2023.json' with { type: 'json' };
import areaSend2023 from './data/area-send-2023.json' with { type: 'json' };
import jtai2022 from './data/jtai-2022.json' with { type: 'json' };
import { formatErrors, parseFramework } from './parse.ts';
import type { Framework } from './schema.ts';
import { flattenCriteria } from './criteria.ts';

export type { Criterion, CriterionLeaf, Framework, FrameworkKind, Grade, Judgement, Source } from './schema.ts';
export { flattenCriteria, findCriterion, type FlatCriterion } from './criteria.ts';

/** The framework new tags and coverage use unless the user picks another. */
export const DEFAULT_FRAMEWORK_ID = 'ilacs-2026';

/** Built-in files give every criterion between 4 and 12 search keywords (user files may give fewer). */
export const BUILT_IN_KEYWORDS = { min: 4, max: 12 } as const;

/** Checks a built-in file; throws with the file name and its problems. */
export function loadBuiltIn(name: string, data: unknown): Framework {
  const text = `${JSON.stringify(data, null, 2)}\n`;
  const r = parseFramework(text);
  const problems: string[] = r.ok ? [] : [formatErrors(r.errors)];
  if (r.ok) {
    const f = r.framework;
    if (f.builtIn !== true) problems.push('"builtIn" should be true.');
    if (`${f.id}.json` !== name) problems.push(`the id "${f.id}" does not match the file name.`);
    for (const c of flattenCriteria(f)) {
      const n = c.keywords.length;
      if (n < BUILT_IN_KEYWORDS.min || n > BUILT_IN_KEYWORDS.max) {
        problems.push(`criterion "${c.id}" has ${n} keywords; built-in criteria need ${BUILT_IN_KEYWORDS.min} to ${BUILT_IN_KEYWORDS.max}.`);
      }
    }
  }
  if (problems.length) throw new Error(`Built-in framework ${name} is invalid:\n${problems.join('\n')}`);
  return (r as { ok: true; framework: Framework }).framework;
}

/** Every built-in framework, the default (ILACS from April 2026) first. */
export const BUILT_IN_FRAMEWORKS: Framework[] = [
  loadBuiltIn('ilacs-2026.json', ilacs2026),
  loadBuiltIn('ilacs-2023.json', ilacs2023),
  loadBuiltIn('ilacs-2018.json', ilacs2018),
  loadBuiltIn('sif-2013.json', sif2013),
  loadBuiltIn('csc-nf-2023.json', cscNf2023),
  loadBuiltIn('area-send-2023.json', areaSend2023),
  loadBuiltIn('jtai-2022.json', jtai2022),
];

{
  const defaults = BUILT_IN_FRAMEWORKS.filter((f) => f.default);
  if (defaults.length !== 1 || defaults[0].id !== DEFAULT_FRAMEWORK_ID) {
    throw new Error(`Exactly one built-in framework, "${DEFAULT_FRAMEWORK_ID}", should have "default": true.`);
  }
}

/** A built-in framework by id. */
export function builtInFramework(id: string): Framework | undefined {
  return BUILT_IN_FRAMEWORKS.find((f) => f.id === id);
}
