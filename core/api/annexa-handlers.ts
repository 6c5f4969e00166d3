/**
 * The Annex A methods of the contract: thin, like the rest of the handlers; the work is in
 * core/annexa/service.ts, which runs imports and builds off the main thread.
 */
import type { Input, MethodName, Output } from '../../shared/contract.ts';
import type { AnnexaService } from '../annexa/service.ts';
import type { Db } from '../store/database.ts';
import { annexaMappings, saveAnnexaMapping } from '../store/annexa-mappings.ts';
import { ApiFailure } from './errors.ts';

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
    'annexa.import': async ({ files, inspectionDate, specId, system, mapping }) =>
      annexa().import({ files, inspectionDate, specId, mapping: mappingFor(system, mapping) }),
    'annexa.status': async () => annexa().status(),
    'annexa.summary': async () => annexa().summary(),
    'annexa.findings': async (filter) => annexa().findings(filter),
    'annexa.changes': async (filter) => annexa().changes(filter),
    'annexa.row': async ({ source, row }) => {
      const found = annexa().row(source, row);
      if (!found) throw new ApiFailure('not-found', `Row ${row} of “${source}” is not in the imported lists (import again if the extract changed).`);
      return found;
    },
    'annexa.workbook': async ({ pseudonymise }) => annexa().workbook({ pseudonymise: pseudonymise ?? false }),
    'annexa.clear': async () => {
      await annexa().clear();
      return { ok: true };
    },
    'annexa.mappings': async () => annexaMappings(db),
    'annexa.saveMapping': async ({ system, json }) => {
      annexa().checkMapping(json);
      saveAnnexaMapping(db, system.trim(), json);
      return { ok: true };
    },
  };
}
