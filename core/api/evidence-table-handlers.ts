/**
 * The Evidence area's methods of the contract: the table and the bulk status change, thin calls
 * into core/evidence, each change made as the OS user (recorded in the items' history).
 */
import type { Input, MethodName, Output } from '../../shared/contract.ts';
import { flattenCriteria } from '../../shared/frameworks/index.ts';
import { MissingEvidence, setStatuses } from '../evidence/bulk-status.ts';
import { evidenceTable } from '../evidence/evidence-table.ts';
import type { FrameworkRegistry } from '../evidence/frameworks.ts';
import { currentUser } from '../evidence/user.ts';
import type { Db } from '../store/database.ts';
import { ApiFailure } from './errors.ts';
import { EvidenceTableQuery } from '../../shared/evidence-table.ts';

type TableMethod = 'evidence.table' | 'evidence.setStatus';
export type EvidenceTableHandlers = { [M in Extract<MethodName, TableMethod>]: (input: Input<M>) => Promise<Output<M>> };

export function createEvidenceTableHandlers(db: Db, frameworks: FrameworkRegistry): EvidenceTableHandlers {
  /** Judgement and criterion names from every framework (tags may be against any of them). */
  const labels = () => {
    const judgements = new Map<string, string>();
    const criteria = new Map<string, string>();
    for (const f of frameworks.all()) {
      for (const j of f.judgements) if (!judgements.has(j.id)) judgements.set(j.id, j.shortTitle ?? j.title);
      for (const c of flattenCriteria(f)) if (!criteria.has(c.id)) criteria.set(c.id, `${c.id} ${c.title}`);
    }
    return { judgement: (id: string) => judgements.get(id) ?? id, criterion: (id: string) => criteria.get(id) ?? id };
  };
  return {
    // Defaults filled in by the schema (the shells parse before calling; tests may not).
    'evidence.table': async (input) => evidenceTable(db, EvidenceTableQuery.parse(input), labels()),
    'evidence.setStatus': async ({ changes }) => {
      try {
        return { changed: setStatuses(db, changes, currentUser()) };
      } catch (error) {
        if (error instanceof MissingEvidence) throw new ApiFailure('not-found', `${error.message} Nothing was changed: refresh the table and try again.`, 'changes');
        throw error;
      }
    },
  };
}
