/**
 * `export` and `verify`: the pack for the shared drive, from scripts. The same API methods as the
 * app's Export area.
 */
import { resolve } from 'node:path';
import { EVIDENCE_STATUSES, type EvidenceStatusName } from '../../shared/evidence.ts';
import { PACK_EXTRAS, type PackExtra } from '../../shared/pack.ts';
import type { Api } from '../../shared/contract.ts';
import { ApiCallError } from '../../shared/api-error.ts';
import { UsageError } from '../args.ts';
import { formatSeconds } from '../progress.ts';

export interface ExportOptions {
  out?: string;
  framework?: string;
  judgements: string[];
  /** Comma-separated statuses (`approved,draft`). */
  status?: string;
  /** Comma-separated extras (`annexa,self-evaluation`). */
  include?: string;
  audience?: string;
  json: boolean;
}

const EXPORT_USAGE =
  'Usage: evidence-store export --out DIR [--framework ID] [--judgement ID]... [--status approved[,draft]] [--include annexa,self-evaluation] [--audience shared|inspection-team] [--json]';

function words<T extends string>(text: string | undefined, allowed: readonly T[], option: string): T[] | undefined {
  if (text === undefined) return undefined;
  const list = text.split(',').map((w) => w.trim()).filter(Boolean);
  const wrong = list.find((w) => !(allowed as readonly string[]).includes(w));
  if (wrong !== undefined || !list.length) throw new UsageError(`--${option} takes ${allowed.join(', ')} (comma-separated), not “${wrong ?? text}”.\n${EXPORT_USAGE}`);
  return list as T[];
}

const PHASES: Record<string, string> = { preparing: 'Preparing', copying: 'Copying evidence', writing: 'Writing the index', verifying: 'Verifying' };

export async function runExport(api: Api, options: ExportOptions): Promise<number> {
  if (!options.out) throw new UsageError(`--out DIR says where to write the pack.\n${EXPORT_USAGE}`);
  const statuses = words<EvidenceStatusName>(options.status, EVIDENCE_STATUSES, 'status');
  const include = words<PackExtra>(options.include, PACK_EXTRAS, 'include') ?? [];
  if (options.audience !== undefined && options.audience !== 'shared' && options.audience !== 'inspection-team') {
    throw new UsageError(`--audience is shared (the default: Annex A pseudonymised) or inspection-team (the child-level workbook).\n${EXPORT_USAGE}`);
  }
  // Progress on stderr for a person watching; nothing there for --json (stdout stays one JSON object).
  const off = options.json || !process.stderr.isTTY
    ? () => undefined
    : api.on('pack.progress', (p) => {
        const phase = PHASES[p.phase];
        if (!phase) return;
        const share = p.total > 0 ? ` ${Math.floor((p.done / p.total) * 100)}%` : '';
        const left = p.secondsLeft ? `, about ${formatSeconds(p.secondsLeft)} left` : '';
        process.stderr.write(`\r\x1b[2K${phase}${share}${left}`);
      });
  try {
    const result = await api.call('pack.export', {
      destination: resolve(options.out),
      scope: { frameworkId: options.framework, judgementIds: options.judgements, ...(statuses ? { statuses } : {}) },
      include,
      audience: options.audience === 'inspection-team' ? 'inspection-team' : 'shared',
    });
    if (!options.json && process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
    if (options.json) {
      console.log(JSON.stringify({ pack: result.pack, files: result.files, evidence: result.evidence, bytes: result.bytes, seconds: result.seconds }));
    } else {
      console.log(`Wrote ${result.pack}: ${result.evidence} evidence items, ${result.files} files, ${(result.bytes / 1048576).toFixed(1)} MB in ${result.seconds} s`);
      console.log(`  ${result.copied} copied, ${result.reused} unchanged from the pack that was there; all ${result.verify.files} files match the manifest.`);
    }
    return 0;
  } finally {
    off();
  }
}

export async function runVerify(api: Api, options: { pack?: string; json: boolean }): Promise<number> {
  if (!options.pack) throw new UsageError('Usage: evidence-store verify <pack> [--json]');
  let result;
  try {
    result = await api.call('pack.verify', { path: resolve(options.pack) });
  } catch (error) {
    // Not a pack, or not there: the folder's fault, not the command line's (exit 1, not 2).
    if (!(error instanceof ApiCallError)) throw error;
    console.error(`evidence-store verify: ${error.message}`);
    return 1;
  }
  // What the manifest itself got wrong goes to stderr; stdout keeps the five fields scripts expect.
  for (const problem of result.problems) console.error(`evidence-store verify: ${problem}`);
  if (options.json) console.log(JSON.stringify({ ok: result.ok, files: result.files, missing: result.missing, changed: result.changed, extra: result.extra }));
  else if (result.ok) console.log(`OK: all ${result.files} files match the manifest.`);
  else {
    console.log(`NOT OK: ${result.problems.length ? 'the manifest has lines that cannot be trusted; ' : ''}${result.changed.length} changed, ${result.missing.length} missing, ${result.extra.length} not in the manifest (of ${result.files} listed).`);
    for (const [label, paths] of [['changed', result.changed], ['missing', result.missing], ['extra', result.extra]] as const) for (const p of paths) console.log(`  ${label}: ${p}`);
  }
  return result.ok ? 0 : 1;
}
