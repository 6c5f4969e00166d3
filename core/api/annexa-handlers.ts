/**
 * The Annex A methods of the contract: thin, like the rest of the handlers; the work is in
 * core/annexa/service.ts, which runs imports and builds off the main thread.
 */
import type { Input, MethodName, Output } from '../../shared/contract.ts';
import type { AnnexaService } from '../annexa/service.ts';
import type { Db } from '../store/database.ts';
import { annexaMappings, saveAnnexaMapping } from '../store/annexa-mappings.ts';
import { ApiFailure } from './errors.ts';
import { audited } from '../audit/audit-log.ts';
import { annexaAudience, annexaImportDetail, annexaImportFiles, failedDetail } from '../audit/details.ts';

/** A refusal before any work (a bad argument, nothing to export) did nothing worth an audit entry. */
const refused = (error: unknown) => error instanceof ApiFailure && (error.code === 'invalid-argument' || error.code === 'not-found');

type AnnexaMethod = Extract<MethodName, `annexa.${string}`>;
export type AnnexaHandlers = { [M in AnnexaMethod]: (input: Input<M>) => Promise<Output<M>> };

export function createAnnexaHandlers(db: Db, annexa: () => AnnexaService): AnnexaHandlers {
  const mappingFor = (system?: string, text?: string): string | undefined => {
    if (text !== undefined) return text;
    if (system === undefined) return undefined;
    const saved = annexaMappings(db).find((m) => m.system.toLowerCase() === system.toLowerCase());
    if (!saved) throw new ApiFailure('not-found', `There is no saved mapping for “${system}”. Import once and confirm the columns, then save the mapping under that name.`, 'system');
    return saved.json;
  };
  return {
    'annexa.specs': async () => annexa().specs(),
    'annexa.stage': async ({ name, base64 }) => ({ staged: annexa().stage(name, Buffer.from(base64, 'base64')) }),
    'annexa.import': async ({ files, inspectionDate, specId, system, mapping }) => {
      const mapped = mappingFor(system, mapping);
      return audited(
        db,
        'annexa.import',
        { done: annexaImportDetail, failed: (error) => failedDetail(null, `From ${annexaImportFiles(files)}: ${(error as Error).message}`) },
        () => annexa().import({ files, inspectionDate, specId, mapping: mapped }),
      );
    },
    'annexa.status': async () => annexa().status(),
    'annexa.summary': async () => annexa().summary(),
    'annexa.findings': async (filter) => annexa().findings(filter),
    'annexa.changes': async (filter) => annexa().changes(filter),
    'annexa.row': async ({ source, row }) => {
      const found = annexa().row(source, row);
      if (!found) throw new ApiFailure('not-found', `Row ${row} of “${source}” is not in the imported lists (import again if the extract changed).`);
      return found;
    },
    // The workbook's bytes go to the shell, which saves them where the user says (a download, or the
    // CLI's --out): the core records that it handed them over, and which copy.
    'annexa.workbook': async ({ pseudonymise }) =>
      audited(
        db,
        'annexa.workbook',
        {
          done: (bytes) => `The ${annexaAudience(pseudonymise ?? false)} workbook, ${bytes.byteLength.toLocaleString('en-GB')} bytes, handed over to be saved.`,
          failed: (error) => failedDetail(null, error),
          skip: refused,
        },
        () => annexa().workbook({ pseudonymise: pseudonymise ?? false }),
      ),
    'annexa.clear': async () =>
      audited(
        db,
        'annexa.clear',
        { done: () => 'Every child’s data deleted: the Annex A file (annex-a.db with its -wal and -shm) and uploads waiting to be imported. Saved column mappings kept (they hold no child data).', failed: (error) => failedDetail(null, error) },
        async () => {
          await annexa().clear();
          return { ok: true as const };
        },
      ),
    'annexa.mappings': async () => annexaMappings(db),
    'annexa.saveMapping': async ({ system, json }) => {
      annexa().checkMapping(json);
      saveAnnexaMapping(db, system.trim(), json);
      return { ok: true };
    },
  };
}
