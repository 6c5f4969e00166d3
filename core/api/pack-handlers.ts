/**
 * The pack methods of the contract: thin; the work is in core/pack.
 * (Being built in this session: until core/pack/export.ts lands, they answer "unavailable".)
 */
import type { Input, MethodName, Output } from '../../shared/contract.ts';
import { ApiFailure } from './errors.ts';

type PackMethod = Extract<MethodName, `pack.${string}`>;
export type PackHandlers = { [M in PackMethod]: (input: Input<M>) => Promise<Output<M>> };

export function createPackHandlers(): PackHandlers {
  const notYet = async (): Promise<never> => {
    throw new ApiFailure('unavailable', 'Export is not ready yet.');
  };
  return { 'pack.preview': notYet, 'pack.export': notYet, 'pack.cancel': notYet, 'pack.verify': notYet, 'pack.log': notYet };
}
