/**
 * The `evidence-store` command line. Every command is a client of the app's one API (see
 * cli/session.ts): it behaves exactly as the desktop app does, because it is the same code.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiCallError } from '../shared/api-error.ts';
import { defaultDatabasePath } from '../core/paths.ts';
import { passphraseKey, PASSPHRASE_VARIABLE, storeEncryption, StoreKeyError } from '../core/core.ts';
import { parseArguments, UsageError, wholeNumber, type Values } from './args.ts';
import { NoIndexError, withApi } from './session.ts';
import { runIndex } from './commands/index-command.ts';
import { runSavedSearches, runSearch } from './commands/search-command.ts';
import { runStatus } from './commands/status-command.ts';
import { runServe } from './commands/serve-command.ts';
import { runCoverage, runFrameworks, runTag } from './commands/evidence-commands.ts';
import { runAnnexa } from './commands/annexa-command.ts';
import { runExport, runVerify } from './commands/pack-commands.ts';
import { runRequests } from './commands/request-commands.ts';
import { MissingPassphraseError, runEncrypt } from './commands/encrypt-command.ts';
import { runAudit } from './commands/audit-command.ts';
import { AUDIT_ACTIONS } from '../shared/audit.ts';
import { KINDS } from '../shared/formats.ts';

const HELP = `Evidence Store: index, search and curate inspection evidence, in place.

Usage:
  evidence-store index <folder>... [--db FILE] [--json] [--workers N] [--retry-failed] [--encrypt]
      Add the folders to the library (if new) and scan them. Exits 0 when every scan finished
      (or a folder could not be reached and was left as it was), even if some files could not be
      read: those are listed under "failed". Exits 1 when a scan could not finish.
      --retry-failed reads failed files again even if they have not changed.
      --encrypt makes a new index encrypted with the passphrase in ${PASSPHRASE_VARIABLE}
      (required with it); an existing unencrypted index is refused: use encrypt for that.
  evidence-store search <query> [--db FILE] [--limit N] [--json]
  evidence-store search --saved NAME [--db FILE] [--limit N] [--json]
      Search the index. Query language: words, "exact phrase", -exclude, OR, prefix*,
      type:KIND (${Object.keys(KINDS).join(', ')}; or an extension, type:csv),
      folder:NAME, modified:2024, modified:>2024-01-01.
      A query may start with "-": evidence-store search -draft care
      --saved runs a search saved in the app under that name (case ignored).
  evidence-store saved-searches [--db FILE] [--json]
      The searches saved in the app, by name, with their queries. --json prints
      {"savedSearches": [{"name", "query", …}]}.
  evidence-store status [--db FILE] [--json]
      The folders in the library, their counts and the index file.
  evidence-store serve [--db FILE] [--port N] [--open]
      Browser mode: serve the app on 127.0.0.1 and print its address (with this launch's token).
      An encrypted index without ${PASSPHRASE_VARIABLE} (or with a wrong one) is served locked:
      the page asks for the passphrase, and nothing else works until it is given.
  evidence-store frameworks [--db FILE] [--json]
      The inspection frameworks available (built in, and your own).
  evidence-store coverage [--framework ID] [--db FILE] [--json]
      Approved, draft and stale evidence per criterion of a framework (the default: ILACS 2026).
  evidence-store tag <path> <criterion-id>... [--framework ID] [--status approved] [--strength key]
      Make an indexed file evidence and tag it against criteria (ids in any case: cl07 is CL07).
  evidence-store annexa validate <file>... --inspection-date YYYY-MM-DD [--mapping FILE] [--spec ID] [--db FILE] [--json]
      Read Annex A extracts (CSV or XLSX, one file per list or a workbook of lists), recognise the
      lists by their headers, and check them. --json prints {"rows", "lists", "findings"}.
  evidence-store annexa build <file>... --inspection-date YYYY-MM-DD --out FILE.xlsx [--pseudonymise] [--mapping FILE] [--spec ID] [--db FILE] [--json]
      The same, then write Ofsted's Annex A workbook (or, with --pseudonymise, the copy for wider
      sharing). Both exit 0 whatever they find, 1 if a file could not be read. The child-level data
      stays in memory until the command ends: nothing of it is kept. Each run is recorded in the
      audit log of the index (--db, or the default) as the app records it (Annex A imported; for
      build, the workbook exported too); with no index there, no log is made and the command says
      its run was not recorded. --json adds "auditLog": the index recorded in, or null.
  evidence-store export --out DIR [--framework ID] [--judgement ID]... [--status approved[,draft,retired]]
                        [--include annexa,self-evaluation] [--audience shared|inspection-team] [--db FILE] [--json]
      Write the pack for the shared drive: evidence filed by judgement, index.html (searchable
      without the app), Evidence index.xlsx, the extras asked for, pack.json and
      manifest-sha256.txt. DIR is created, or a pack exported there before is replaced once the new
      one has verified; a folder holding anything else is refused. Approved evidence of every
      judgement of the default framework unless told otherwise. The Annex A workbook is the
      pseudonymised copy unless --audience inspection-team. --json prints
      {"pack", "files", "evidence", "bytes", "seconds"}.
  evidence-store encrypt [--db FILE] [--json]
  evidence-store decrypt [--db FILE] [--json]
      Encrypt the index and its Annex A data (annex-a.db beside it) in place with the passphrase
      in ${PASSPHRASE_VARIABLE}, or decrypt them with it. Close the app and browser mode first
      (it refuses a store in use). Safe to stop midway: each file is replaced only once its
      encrypted (or decrypted) copy is complete; run it again to finish. Shows progress and time left.
  evidence-store verify <pack> [--json]
      Re-hash every file of a pack against its manifest-sha256.txt. Exits 0 only when every file
      matches and nothing is missing or added; --json prints {"ok", "files", "missing", "changed",
      "extra"} with paths inside the pack. Needs no index.
  evidence-store requests add "<text>" --inspector NAME [--due YYYY-MM-DDTHH:MM] [--priority high|normal] [--owner NAME] [--json]
  evidence-store requests list [--status S] [--json]
  evidence-store requests answer <id> --note TEXT [--document PATH]... [--json]
  evidence-store requests export --out FILE.xlsx [--json]
      The onsite week's request log: log an inspector's request (times without a zone are this
      computer's local time; received is now), list them newest first (--status new, in-progress,
      answered, withdrawn; comma-separated), answer one with a response and indexed documents, and
      write the log to Excel. --json prints the request ({"id", "text", "inspector", "status",
      "received", "due", "answered", "links", "response", …}; times ISO 8601 UTC) or
      {"requests": [...]}; without it, times are dd/mm/yyyy HH:mm.
  evidence-store audit [--action NAME] [--json] [--csv FILE]
      The audit log, newest first: who exported a pack, a request's answer, the request log, the
      self-evaluation or the Annex A workbook, imported or deleted Annex A data, or removed a folder
      (and forgot its text), when (dd/mm/yyyy HH:mm, this computer's time) and what, failures too.
      --action keeps one kind: ${Object.keys(AUDIT_ACTIONS).join(', ')}.
      --csv FILE writes it as CSV for Excel instead. --json prints {"entries": [{"id", "at", "user", "action", "outcome",
      "detail"}]} with times ISO 8601 UTC. Nothing can change or delete an entry.

Options:
  --db FILE    The index file (default: ${defaultDatabasePath()}).
               Every command but index, serve, annexa and verify needs it to exist already
               (annexa uses it, for its audit log, when it exists and it can open it: an encrypted
               index needs ${PASSPHRASE_VARIABLE}; without it the run goes ahead, not recorded).
  --json       Machine-readable output on stdout.
  ${PASSPHRASE_VARIABLE}
               Environment variable: the passphrase of an encrypted index (SQLCipher 4). Every
               command that opens the index, and serve, use it; without it an encrypted index is
               refused (serve: the page asks for it instead), and with it an unencrypted one; an
               encrypted index is never replaced by a new empty one.
  --           Everything after this is words of the command, even if it starts with "-".
  -h, --help   This help.

Exit codes: 0 done; 1 it could not be done (the message says why); 2 the command was not understood.
`;

export async function main(argv: string[]): Promise<number> {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArguments(argv));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(HELP);
    return command || values.help ? 0 : 2;
  }
  const databasePath = resolve(values.db ?? defaultDatabasePath());
  const json = values.json ?? false;
  try {
    const key = passphraseKey();
    const reading = (run: Parameters<typeof withApi<number>>[1]) => withApi({ databasePath, mustExist: true, key }, run);
    switch (command) {
      case 'index': {
        const workers = wholeNumber('workers', values.workers);
        if (values.encrypt) {
          if (!key) throw new MissingPassphraseError('to encrypt the new index with');
          if (storeEncryption(databasePath) === 'plain') {
            throw new Error(`the index ${databasePath} already exists and is not encrypted. Close the app and run evidence-store encrypt --db "${databasePath}" to encrypt it in place.`);
          }
        }
        return await withApi({ databasePath, mustExist: false, workers, key }, (api) =>
          runIndex(api, { folders: rest, json, retryFailed: values['retry-failed'] ?? false }),
        );
      }
      case 'search': {
        const limit = wholeNumber('limit', values.limit);
        return await reading((api) => runSearch(api, { query: rest.join(' '), saved: values.saved, json, limit }));
      }
      case 'saved-searches':
        return await reading((api) => runSavedSearches(api, { json }));
      case 'status':
        return await reading((api) => runStatus(api, { json }));
      case 'frameworks':
        return await reading((api) => runFrameworks(api, { json }));
      case 'coverage':
        return await reading((api) => runCoverage(api, { json, framework: values.framework }));
      case 'tag':
        return await reading((api) =>
          runTag(api, { json, path: rest[0], criteria: rest.slice(1), framework: values.framework, status: values.status, strength: values.strength }),
        );
      case 'annexa': {
        // The child-level data stays in memory: no Annex A file is made or read. The audit log is the
        // index's when it can be opened, so a run here is recorded as an import or a download in the
        // app is; without one (none there, or encrypted and no passphrase given: the desktop app's
        // own key never leaves it), the run still goes ahead and says it was not recorded.
        const kind = storeEncryption(databasePath);
        const notRecorded =
          kind === 'missing' || !existsSync(databasePath)
            ? `there is no index at ${databasePath}. Give --db with your index to record runs in its audit log.`
            : kind === 'encrypted' && key === undefined
              ? `the index at ${databasePath} is encrypted and ${PASSPHRASE_VARIABLE} is not set. Set it to record runs in that index's audit log.`
              : null;
        return await withApi({ databasePath: notRecorded ? ':memory:' : databasePath, mustExist: false, key: notRecorded ? undefined : key, annexaPath: ':memory:' }, (api) =>
          runAnnexa(api, {
            auditLog: { index: databasePath, notRecorded },
            action: rest[0],
            files: rest.slice(1),
            inspectionDate: values['inspection-date'],
            mapping: values.mapping,
            spec: values.spec,
            out: values.out,
            pseudonymise: values.pseudonymise ?? false,
            json,
          }),
        );
      }
      case 'export':
        return await reading((api) =>
          runExport(api, {
            out: values.out,
            framework: values.framework,
            judgements: values.judgement ?? [],
            status: values.status,
            include: values.include,
            audience: values.audience,
            json,
          }),
        );
      case 'requests':
        return await reading((api) =>
          runRequests(api, {
            action: rest[0],
            words: rest.slice(1),
            inspector: values.inspector,
            due: values.due,
            priority: values.priority,
            owner: values.owner,
            status: values.status,
            note: values.note,
            documents: values.document ?? [],
            out: values.out,
            json,
          }),
        );
      case 'audit':
        return await reading((api) => runAudit(api, { action: values.action, csv: values.csv, json }));
      case 'verify':
        return await withApi({ databasePath: ':memory:', mustExist: false }, (api) => runVerify(api, { pack: rest[0], json }));
      case 'serve':
        return await runServe({ databasePath, port: wholeNumber('port', values.port), open: values.open ?? false, key });
      case 'encrypt':
      case 'decrypt':
        return runEncrypt({ databasePath, decrypt: command === 'decrypt', key, json });
      default:
        console.error(`Unknown command “${command}”.\n\n${HELP}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof NoIndexError || error instanceof MissingPassphraseError || error instanceof StoreKeyError) {
      console.error(`evidence-store ${command}: ${error.message}`);
      return 1;
    }
    if (error instanceof ApiCallError) {
      console.error(`evidence-store ${command}: ${error.message}`);
      return error.code === 'invalid-argument' ? 2 : 1;
    }
    console.error(`evidence-store ${command}: ${(error as Error).message}`);
    return 1;
  }
}
