/**
 * `audit`: the audit log (exports, Annex A imports and deletions, folders removed), newest first,
 * or written to a CSV file. The same API methods as the Audit log in Settings.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AUDIT_ACTIONS, AUDIT_PAGE_MAX, auditTime, auditWhat, type AuditAction, type AuditEntry } from '../../shared/audit.ts';
import type { Api } from '../../shared/contract.ts';
import { UsageError } from '../args.ts';

export interface AuditOptions {
  action?: string;
  csv?: string;
  json: boolean;
}

const USAGE = 'Usage: evidence-store audit [--action NAME] [--json] [--csv FILE]';

function actionOf(text: string | undefined): AuditAction | undefined {
  if (text === undefined) return undefined;
  if (!Object.hasOwn(AUDIT_ACTIONS, text)) throw new UsageError(`--action is one of ${Object.keys(AUDIT_ACTIONS).join(', ')}, not “${text}”.\n${USAGE}`);
  return text as AuditAction;
}

export async function runAudit(api: Api, options: AuditOptions): Promise<number> {
  const action = actionOf(options.action);
  if (options.csv !== undefined) {
    const out = resolve(options.csv);
    const { csv, entries } = await api.call('audit.export', action ? { action } : {});
    await writeFile(out, csv, 'utf8');
    console.log(options.json ? JSON.stringify({ file: out, entries }) : `Wrote ${out}: ${entries} ${entries === 1 ? 'entry' : 'entries'}.`);
    return 0;
  }
  const entries: AuditEntry[] = [];
  for (let total = Infinity; entries.length < total; ) {
    const page = await api.call('audit.list', { action, offset: entries.length, limit: AUDIT_PAGE_MAX });
    total = page.total;
    if (!page.entries.length) break;
    entries.push(...page.entries);
  }
  if (options.json) console.log(JSON.stringify({ entries }));
  else if (!entries.length) console.log('The audit log is empty: nothing has been exported, imported into Annex A or deleted yet.');
  else for (const e of entries) console.log(`${auditTime(e.at)}  ${e.user}  ${auditWhat(e)}: ${e.detail}`);
  return 0;
}
