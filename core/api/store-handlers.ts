/**
 * store.status and store.unlock on an index that is open: it is not locked, so there is nothing
 * to unlock. While an encrypted index waits for its passphrase, the store gate (store-gate.ts)
 * answers these two methods itself and nothing reaches these handlers.
 */
import type { Input, MethodName, Output } from '../../shared/contract.ts';
import type { StoreStatus } from '../../shared/store-lock.ts';

type StoreMethod = Extract<MethodName, `store.${string}`>;
export type StoreHandlers = { [M in StoreMethod]: (input: Input<M>) => Promise<Output<M>> };

export function openStoreStatus(file: string): StoreStatus {
  return { locked: false, file, reason: null };
}

export function createStoreHandlers(file: string): StoreHandlers {
  return {
    'store.status': async () => openStoreStatus(file),
    // Already open: the passphrase is not needed, and is not checked.
    'store.unlock': async () => openStoreStatus(file),
  };
}
