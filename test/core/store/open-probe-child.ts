/**
 * Opens the index named on the command line, as an app starting up would, and prints the outcome
 * as JSON. open-errors.test.ts runs it as an ordinary user, since file permissions do not apply
 * to root (which the tests may be running as).
 */
import { openDatabase } from '../../../core/store/database.ts';

export type ProbeOutcome = { ok: true } | { ok: false; kind: string; file: string; message: string };

let outcome: ProbeOutcome;
try {
  openDatabase(process.argv[2]).close();
  outcome = { ok: true };
} catch (error) {
  const e = error as { kind?: string; file?: string; message: string };
  outcome = { ok: false, kind: e.kind ?? '', file: e.file ?? '', message: e.message };
}
process.stdout.write(JSON.stringify(outcome));
