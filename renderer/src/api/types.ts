import type { Api, Input, MethodName, Output } from '../../../shared/contract.ts';

export interface CallOptions {
  /** Aborting rejects the call with an AbortError (and cancels the HTTP request in browser mode). */
  signal?: AbortSignal;
}

/** The contract's Api, plus cancellation for calls a newer one makes stale (search as you type). */
export interface ClientApi extends Api {
  call<M extends MethodName>(method: M, input: Input<M>, options?: CallOptions): Promise<Output<M>>;
  /** Which transport this is; browser mode cannot read paths of dropped folders. */
  readonly transport: 'ipc' | 'http';
}
