/**
 * An encrypted index whose key the app does not have: the app starts "locked" and asks for the
 * passphrase instead of failing (or, worse, opening a new empty store). While locked only these
 * two methods answer; every other one fails with the API error 'locked'.
 */
import { z } from 'zod';

export const StoreStatus = z.object({
  /** True until the right passphrase has opened the index. */
  locked: z.boolean(),
  /** The index file, as the app was asked to open it. */
  file: z.string(),
  /** Why it is locked, in words a user can act on; null once open. */
  reason: z.string().nullable(),
});
export type StoreStatus = z.infer<typeof StoreStatus>;

/** Long enough for any passphrase a person types or pastes, short enough that a runaway page cannot send megabytes. */
export const PASSPHRASE_MAX_LENGTH = 1024;

export const storeMethods = {
  /** Whether the index is open or waiting for its passphrase; answers in every state. */
  'store.status': { input: z.object({}).strict(), output: StoreStatus },
  /**
   * Opens a locked index with its passphrase. A wrong one is refused ('invalid-argument' on the
   * field 'passphrase') and nothing on disk changes. On an index that is already open it does
   * nothing and answers the status.
   */
  'store.unlock': { input: z.object({ passphrase: z.string().min(1).max(PASSPHRASE_MAX_LENGTH) }).strict(), output: StoreStatus },
} as const;

/** The methods a locked index answers. */
export const WHILE_LOCKED: ReadonlySet<string> = new Set(Object.keys(storeMethods));
