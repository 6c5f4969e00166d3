/** Desktop mode: the contract over Electron IPC, through the preload's `window.evidence`. */
import type { ApiError, Input, MethodName, Output } from '../../../shared/contract.ts';
import { ApiCallError } from './errors.ts';
import type { CallOptions, ClientApi } from './types.ts';
import type { EvidenceBridge } from './window.d.ts';

export function createIpcApi(bridge: EvidenceBridge): ClientApi {
  async function call<M extends MethodName>(method: M, input: Input<M>, options: CallOptions = {}): Promise<Output<M>> {
    const invoke = bridge.methods[method] as (input: Input<M>) => Promise<{ ok: true; data: Output<M> } | { ok: false; error: ApiError }>;
    const result = await invoke(input);
    // IPC calls cannot be cancelled mid-flight; a stale answer is dropped here instead.
    options.signal?.throwIfAborted();
    if (result.ok) return result.data;
    throw new ApiCallError(result.error.code, result.error.message, result.error.field);
  }
  return {
    transport: 'ipc',
    call,
    on: (event, listener) => bridge.on(event, listener),
  };
}
