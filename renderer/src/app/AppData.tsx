/**
 * Library-wide state every area reads: what the app is (desktop/browser), the folders in the
 * library, the indexer's progress and a folder removal's. Kept fresh by events, with a slow poll as a safety net in
 * case the event stream dropped a message while reconnecting.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppInfo, RemovalProgress, Root, ScanProgress } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';

export interface AppData {
  info: AppInfo | null;
  roots: Root[] | null;
  progress: ScanProgress | null;
  /** The folder removal running (forgetting its text), or the last one finished; null if none. */
  removal: RemovalProgress | null;
  /** Why the library could not be loaded (e.g. the server stopped), or null. */
  loadError: string | null;
  refreshRoots(): Promise<void>;
}

const AppDataContext = createContext<AppData | null>(null);

const SAFETY_POLL_MS = 10_000;

export function AppDataProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [roots, setRoots] = useState<Root[] | null>(null);
  const [progress, setProgress] = useState<ScanProgress | null>(null);
  const [removal, setRemoval] = useState<RemovalProgress | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const wasScanning = useRef(false);

  const refreshRoots = useCallback(async () => {
    try {
      setRoots(await api.call('roots.list', {}));
      setLoadError(null);
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }, [api]);

  const onProgress = useCallback(
    (p: ScanProgress) => {
      setProgress(p);
      // Counts on the folder cards change as a scan runs and when it ends.
      if (wasScanning.current && p.state === 'idle') void refreshRoots();
      wasScanning.current = p.state === 'scanning';
    },
    [refreshRoots],
  );

  useEffect(() => {
    api.call('app.info', {}).then(setInfo, (error) => setLoadError(errorMessage(error)));
    void refreshRoots();
    const poll = () => {
      void api.call('scan.status', {}).then(onProgress, () => undefined);
      void api.call('removal.status', {}).then(setRemoval, () => undefined);
    };
    poll();
    const offProgress = api.on('scan.progress', onProgress);
    const offRoots = api.on('roots.changed', () => void refreshRoots());
    const offRemoval = api.on('removal.progress', setRemoval);
    const timer = setInterval(() => {
      poll();
      void refreshRoots();
    }, SAFETY_POLL_MS);
    return () => {
      offProgress();
      offRoots();
      offRemoval();
      clearInterval(timer);
    };
  }, [api, onProgress, refreshRoots]);

  return <AppDataContext.Provider value={{ info, roots, progress, removal, loadError, refreshRoots }}>{children}</AppDataContext.Provider>;
}

export function useAppData(): AppData {
  const data = useContext(AppDataContext);
  if (!data) throw new Error('useAppData needs an <AppDataProvider>.');
  return data;
}
