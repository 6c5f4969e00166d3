/**
 * The frameworks shipped with the app, and the framework file format, from shared/frameworks.
 */
import { BUILT_IN_FRAMEWORKS } from '../../shared/frameworks/index.ts';
import { parseFramework, formatErrors, serializeFramework } from '../../shared/frameworks/parse.ts';
import type { FrameworkSource, FrameworkDefinition } from './frameworks.ts';
import type { Framework } from '../../shared/frameworks/schema.ts';

export const builtInFrameworkSource: FrameworkSource = {
  builtIn: BUILT_IN_FRAMEWORKS,
  parse(text) {
    const r = parseFramework(text);
    return r.ok ? { ok: true, framework: r.framework } : { ok: false, message: formatErrors(r.errors) };
  },
  serialize: (f: FrameworkDefinition) => serializeFramework(f as Framework),
};
