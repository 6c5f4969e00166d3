/**
 * Reading the command line. Only the options below are options: anything else is a word of the
 * command, so a search for `-draft care` (a query that excludes a word) is a query, not an unknown
 * option. `--` ends the options.
 */
export const OPTIONS = {
  db: 'string',
  json: 'boolean',
  limit: 'string',
  port: 'string',
  workers: 'string',
  open: 'boolean',
  'retry-failed': 'boolean',
  encrypt: 'boolean',
  framework: 'string',
  status: 'string',
  strength: 'string',
  'inspection-date': 'string',
  mapping: 'string',
  spec: 'string',
  out: 'string',
  pseudonymise: 'boolean',
  judgement: 'list',
  include: 'string',
  audience: 'string',
  inspector: 'string',
  due: 'string',
  priority: 'string',
  owner: 'string',
  note: 'string',
  document: 'list',
  csv: 'string',
  action: 'string',
  saved: 'string',
  help: 'boolean',
} as const;

type OptionName = keyof typeof OPTIONS;
/** 'list' options may be given more than once (`--judgement L --judgement CIC`). */
export type Values = { [K in OptionName]?: (typeof OPTIONS)[K] extends 'string' ? string : (typeof OPTIONS)[K] extends 'list' ? string[] : boolean };

export class UsageError extends Error {}

export function parseArguments(argv: readonly string[]): { values: Values; positionals: string[] } {
  const values: Values = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      values.help = true;
      continue;
    }
    const m = /^--([a-z][a-z-]*)(?:=(.*))?$/su.exec(arg);
    if (!m) {
      positionals.push(arg);
      continue;
    }
    const name = m[1] as OptionName;
    const kind = OPTIONS[name];
    if (!kind) throw new UsageError(`Unknown option “--${m[1]}”. To search for text starting with “--”, put it after “--”.`);
    if (kind === 'boolean') {
      if (m[2] !== undefined) throw new UsageError(`--${name} takes no value.`);
      (values as Record<string, unknown>)[name] = true;
    } else {
      const value = m[2] ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value.`);
      const record = values as Record<string, unknown>;
      record[name] = kind === 'list' ? [...((record[name] as string[] | undefined) ?? []), value] : value;
    }
  }
  return { values, positionals };
}

/** A whole number from an option, or undefined when the option was not given. */
export function wholeNumber(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/u.test(text.trim()) || !Number.isSafeInteger(n)) throw new UsageError(`--${name} needs a whole number, not “${text}”.`);
  return n;
}
