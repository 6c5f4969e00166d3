/**
 * The `evidence-store` command line: the same core as the app, for scripts and benchmarks.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { runIndex } from './commands/index-command.ts';
import { runSearch } from './commands/search-command.ts';
import { runStatus } from './commands/status-command.ts';
import { runServe } from './commands/serve-command.ts';
import { runCoverage, runFrameworks, runTag } from './commands/evidence-commands.ts';
import { defaultDatabasePath } from '../core/paths.ts';

const HELP = `Evidence Store: index, search and curate inspection evidence, in place.

Usage:
  evidence-store index <folder>... [--db FILE] [--json] [--workers N] [--retry-failed]
      Add the folders to the library (if new) and scan them. Exits 0 when the run completed,
      even if some files could not be read; those are listed under "failed".
      --retry-failed reads failed files again even if they have not changed.
  evidence-store search <query> [--db FILE] [--limit N] [--json]
      Search the index. Query language: words, "exact phrase", -exclude, OR, prefix*,
      type:pdf, folder:NAME, modified:2024, modified:>2024-01-01.
  evidence-store status [--db FILE] [--json]
      The folders in the library, their counts and the index file.
  evidence-store serve [--db FILE] [--port N] [--open]
      Browser mode: serve the app on 127.0.0.1 and print its address (with this launch's token).
  evidence-store frameworks [--db FILE] [--json]
      The inspection frameworks available (built in, and your own).
  evidence-store coverage [--framework ID] [--db FILE] [--json]
      Approved, draft and stale evidence per criterion of a framework (the default: ILACS 2026).
  evidence-store tag <path> <criterion-id>... [--framework ID] [--status approved] [--strength key]
      Make an indexed file evidence and tag it against criteria.

Options:
  --db FILE    The index file (default: ${defaultDatabasePath()}).
  --json       Machine-readable output on stdout.
  -h, --help   This help.
`;

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
        limit: { type: 'string' },
        port: { type: 'string' },
        workers: { type: 'string' },
        open: { type: 'boolean', default: false },
        'retry-failed': { type: 'boolean', default: false },
        framework: { type: 'string' },
        status: { type: 'string' },
        strength: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(HELP);
    return command || values.help ? 0 : 2;
  }
  const databasePath = resolve(values.db ?? defaultDatabasePath());
  const number = (name: string, text: string | undefined): number | undefined => {
    if (text === undefined) return undefined;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} needs a whole number, not “${text}”.`);
    return n;
  };
  try {
    switch (command) {
      case 'index':
        return await runIndex({
          folders: rest, databasePath, json: values.json, workers: number('workers', values.workers), retryFailed: values['retry-failed'],
        });
      case 'search':
        return await runSearch({ query: rest.join(' '), databasePath, json: values.json, limit: number('limit', values.limit) });
      case 'status':
        return await runStatus({ databasePath, json: values.json });
      case 'frameworks':
        return runFrameworks({ databasePath, json: values.json });
      case 'coverage':
        return runCoverage({ databasePath, json: values.json, framework: values.framework });
      case 'tag':
        return runTag({
          databasePath, json: values.json, path: rest[0], criteria: rest.slice(1), framework: values.framework, status: values.status, strength: values.strength,
        });
      case 'serve':
        return await runServe({ databasePath, port: number('port', values.port), open: values.open });
      default:
        console.error(`Unknown command “${command}”.\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    console.error(`evidence-store ${command}: ${(error as Error).message}`);
    return 1;
  }
}

export class UsageError extends Error {}
