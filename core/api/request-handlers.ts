/**
 * The request-log methods of the contract. (Being built: until core/requests lands they answer
 * "unavailable".)
 */
import type { Input, MethodName, Output } from '../../shared/contract.ts';
import { ApiFailure } from './errors.ts';

type RequestMethod = Extract<MethodName, `requests.${string}`>;
export type RequestHandlers = { [M in RequestMethod]: (input: Input<M>) => Promise<Output<M>> };

export function createRequestHandlers(): RequestHandlers {
  const notYet = async (): Promise<never> => {
    throw new ApiFailure('unavailable', 'The request log is not ready yet.');
  };
  return {
    'requests.list': notYet, 'requests.get': notYet, 'requests.add': notYet, 'requests.update': notYet, 'requests.setStatus': notYet,
    'requests.link': notYet, 'requests.unlink': notYet, 'requests.answer': notYet, 'requests.export': notYet, 'requests.exportAnswer': notYet,
  };
}
