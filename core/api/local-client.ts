/**
 * The contract's Api in the same process as the core: for the CLI (and tests), so a command goes
 * through exactly the dispatch, validation and handlers the desktop app and browser mode use.
 */
import type { Api, EventName, EventPayload, Input, MethodName, Output } from '../../shared/contract.ts';
import { ApiCallError } from '../../shared/api-error.ts';
import type { Dispatch } from './dispatch.ts';

type Subscribe = (listener: (event: EventName, payload: unknown) => void) => () => void;

export function createLocalApi(dispatch: Dispatch, subscribe: Subscribe): Api {
  return {
    async call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
      const result = await dispatch(method, input);
      if (!result.ok) throw ApiCallError.from(result.error);
      return result.data as Output<M>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return subscribe((name, payload) => {
        if (name === event) listener(payload as EventPayload<E>);
      });
    },
  };
}
