/**
 * Before anything else: is the index open, or encrypted and waiting for its passphrase? A locked
 * index answers nothing but store.status and store.unlock, so the app is shown only once it is
 * open; until then the Unlock screen asks for the passphrase.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { StoreStatus } from '../../../shared/store-lock.ts';
import { useApi } from '../api/ApiContext.tsx';
import { UnlockScreen } from './UnlockScreen.tsx';

type GateState = { kind: 'checking' } | { kind: 'locked'; status: StoreStatus } | { kind: 'open' };

export function UnlockGate({ children }: { children: ReactNode }) {
  const api = useApi();
  const [state, setState] = useState<GateState>({ kind: 'checking' });

  useEffect(() => {
    let live = true;
    api.call('store.status', {}).then(
      (status) => live && setState(status.locked ? { kind: 'locked', status } : { kind: 'open' }),
      // The app itself says what is wrong when Evidence Store does not answer (each area shows its error).
      () => live && setState({ kind: 'open' }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (state.kind === 'open') return children;
  if (state.kind === 'locked') return <UnlockScreen status={state.status} onUnlocked={() => setState({ kind: 'open' })} />;
  // Asking takes a moment: an empty page rather than a flash of a spinner.
  return <div aria-busy="true" style={{ height: '100%' }} />;
}
