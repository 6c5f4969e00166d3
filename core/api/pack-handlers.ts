/**
 * The pack methods of the contract: thin, like the rest of the handlers; the work is in
 * core/pack (service.ts puts it together).
 */
import type { Input, MethodName, Output } from '../../shared/contract.ts';
import type { PackService } from '../pack/service.ts';

type PackMethod = Extract<MethodName, `pack.${string}`>;
export type PackHandlers = { [M in PackMethod]: (input: Input<M>) => Promise<Output<M>> };

export function createPackHandlers(pack: () => PackService, appVersion: string): PackHandlers {
  return {
    'pack.preview': async (options) => pack().preview(options),
    'pack.export': async (options) => pack().export(options, appVersion),
    'pack.cancel': async () => {
      pack().cancel();
      return { ok: true };
    },
    'pack.verify': async ({ path }) => pack().verify(path),
    'pack.log': async () => pack().log(),
  };
}
