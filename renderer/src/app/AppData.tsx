/**
 * Library-wide state every area reads: what the app is (desktop/browser), the folders in the
 * library and the indexer's progress. Kept fresh by events, with a slow poll as a safety net in
 * case the event stream dropped a message while reconnecting.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { AppInfo, Root, ScanProgress } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';

export interface AppData {
  info: AppInfo | null;
  roots: Root[] | null;
  progress: ScanProgress | null;
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
    const poll = () => api.call('scan.status', {}).then(onProgress, () => undefined);
    void poll();
    const offProgress = api.on('scan.progress', onProgress);
    const offRoots = api.on('roots.changed', () => void refreshRoots());
    const timer = setInterval(() => {
      void poll();
      void refreshRoots();
    }, SAFETY_POLL_MS);
    return () => {
      offProgress();
      offRoots();
      clearInterval(timer);
    };
  }, [api, onProgress, refreshRoots]);

  return <AppDataContext.Provider value={{ info, roots, progress, loadError, refreshRoots }}>{children}</AppDataContext.Provider>;
}

export function useAppData(): AppData {
  const data = useContext(AppDataContext);
  if (!data) throw new Error('useAppData needs an <AppDataProvider>.');
  return data;
}
