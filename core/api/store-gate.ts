/**
 * The store gate: what every long-running shell (the desktop app, browser mode) puts in front of
 * the core, so that an encrypted index opened without its key (or with a wrong one) makes the app
 * ask for the passphrase instead of failing or, worse, opening a new empty store.
 *
 * Opening an index that is encrypted and that the key given does not open leaves the gate locked:
 * its dispatch answers only store.status and store.unlock, and refuses every other method with
 * the API error 'locked'. The right passphrase opens the core, and from then on the gate passes
 * every call (and every event) to it. A wrong passphrase is refused in words and changes nothing
 * on disk. Any other reason the index cannot be opened (a newer version, locked by another
 * program, not a database…) is thrown by openStoreGate as the core's IndexOpenError, as before.
 */
import type { EventName } from '../../shared/contract.ts';
import { WHILE_LOCKED, type StoreStatus } from '../../shared/store-lock.ts';
import { openCore, type Core, type CoreOptions } from '../core.ts';
import { fileKind, StoreKeyError, typedPassphraseKey } from '../store/cipher.ts';
import { IndexOpenError } from '../store/open-error.ts';
import { routedDispatch, type Dispatch, type Handler } from './dispatch.ts';
import { ApiFailure } from './errors.ts';
import type { Handlers, Host } from './handlers.ts';
import { openStoreStatus, type StoreHandlers } from './store-handlers.ts';

type Listener = (event: EventName, payload: unknown) => void;

export interface StoreGateOptions {
  /** What only the shell can do (the core's API is made with it once the index is open). */
  host: Host;
  /** Called once, when the core opens (at once, or on the right passphrase): start background work here. */
  onOpen?: (core: Core) => void;
  /**
   * Start locked without trying the key at all, for this reason in words (the desktop app: the key
   * the operating system keeps could not be read). Only a passphrase can open the index then.
   */
  lockedBecause?: string;
}

export interface StoreGate {
  /** The contract's dispatch: the core's once open; only store.status and store.unlock while locked. */
  dispatch: Dispatch;
  /** App events, from the core once it is open (a subscription made while locked starts then). */
  subscribe(listener: Listener): () => void;
  /** The core, or null while locked. */
  core(): Core | null;
  status(): StoreStatus;
  /** Closes the core if it is open; the gate answers nothing after. */
  close(): Promise<void>;
}

export const LOCKED_MESSAGE =
  'The index is encrypted and still locked: enter its passphrase to unlock it first. Nothing else can be done until then.';

export function wrongPassphraseMessage(file: string): string {
  return (
    `That passphrase does not open this index (${file}). Check it and try again: passphrases are case-sensitive. ` +
    'The index has been left exactly as it was.'
  );
}

export function openStoreGate(options: CoreOptions, gateOptions: StoreGateOptions): StoreGate {
  const file = options.databasePath;
  const listeners = new Set<Listener>();
  let opened: { core: Core; handlers: Handlers; unsubscribe: () => void } | null = null;
  let lockedReason: string | null = gateOptions.lockedBecause ?? null;
  let closed = false;

  const open = (key: CoreOptions['key']) => {
    const core = openCore({ ...options, key });
    let handlers: Handlers;
    try {
      ({ handlers } = core.api(gateOptions.host));
    } catch (error) {
      // Opened but unusable: closed again, so the gate stays locked with nothing open behind it.
      void core.close().catch(() => {});
      throw error;
    }
    const unsubscribe = core.subscribe((event, payload) => {
      for (const listener of listeners) listener(event, payload);
    });
    opened = { core, handlers, unsubscribe };
    lockedReason = null;
    // The index is open whatever the shell's start-up work does; its failure is the shell's to report.
    try {
      gateOptions.onOpen?.(core);
    } catch (error) {
      console.error('Starting background work after unlocking failed:', error);
    }
  };

  if (lockedReason === null) {
    try {
      open(options.key);
    } catch (error) {
      if (!(error instanceof IndexOpenError && error.kind === 'encrypted')) throw error;
      lockedReason = lockedReasonFor(file, options.key !== undefined);
    }
  }

  const status = (): StoreStatus => (lockedReason === null ? openStoreStatus(file) : { locked: true, file, reason: lockedReason });

  const unlock = async (passphrase: string): Promise<StoreStatus> => {
    if (closed) throw new ApiFailure('unavailable', 'Evidence Store is closing.');
    if (opened) return status();
    let key;
    try {
      key = typedPassphraseKey(passphrase);
    } catch (error) {
      if (error instanceof StoreKeyError) throw new ApiFailure('invalid-argument', `${error.message} It cannot be the passphrase of this index.`, 'passphrase');
      throw error;
    }
    // With a key, a missing file would be made anew (encrypted, and empty): never in place of the user's index.
    if (fileKind(file) === 'missing') {
      throw new ApiFailure(
        'not-found',
        `The index ${file} is no longer there (it was moved, renamed or deleted while Evidence Store was waiting for its passphrase). ` +
          'Nothing has been made in its place. Put it back, then enter the passphrase again.',
      );
    }
    try {
      open(key);
    } catch (error) {
      if (error instanceof IndexOpenError && error.kind === 'encrypted') throw new ApiFailure('invalid-argument', wrongPassphraseMessage(file), 'passphrase');
      // Any other reason (locked by another program, decrypted meanwhile, a newer version): its own words.
      if (error instanceof IndexOpenError) throw new ApiFailure('unavailable', error.message);
      throw error;
    }
    return status();
  };

  // While locked: the gate's own answers to the two store methods; everything else is refused.
  const whileLocked: StoreHandlers = {
    'store.status': async () => status(),
    'store.unlock': async ({ passphrase }) => unlock(passphrase),
  };

  const dispatch = routedDispatch((method) => {
    if (closed) throw new ApiFailure('unavailable', 'Evidence Store is closing.');
    if (opened) return opened.handlers[method] as Handler;
    if (WHILE_LOCKED.has(method)) return whileLocked[method as keyof StoreHandlers] as Handler;
    throw new ApiFailure('locked', LOCKED_MESSAGE);
  });

  return {
    dispatch,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    core: () => opened?.core ?? null,
    status,
    async close() {
      closed = true;
      const was = opened;
      opened = null;
      listeners.clear();
      if (was) {
        was.unsubscribe();
        await was.core.close();
      }
    },
  };
}

function lockedReasonFor(file: string, keyGiven: boolean): string {
  return keyGiven
    ? `The index ${file} is encrypted, and the key Evidence Store was started with does not open it. Enter the passphrase it was encrypted with.`
    : `The index ${file} is encrypted, and Evidence Store was started without its passphrase. Enter the passphrase it was encrypted with.`;
}
