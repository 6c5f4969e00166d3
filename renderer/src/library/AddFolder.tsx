/**
 * Adding a folder, from wherever it starts: the Library's button, the empty state, or a folder
 * dropped anywhere on the window. Desktop mode uses the system folder picker; browser mode asks for
 * the path in a dialog.
 */
import { Toast, ToastTitle, useToastController } from '@fluentui/react-components';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import { useAppData } from '../app/AppData.tsx';
import { AddFolderDialog } from './AddFolderDialog.tsx';

export const TOASTER_ID = 'app-toaster';

export interface AddFolder {
  /** Picker (desktop) or path dialog (browser). */
  start(reason?: string): Promise<void>;
  /** Adds a known path; resolves to an error message, or null when added. */
  addPath(path: string): Promise<string | null>;
  /** The last error from a picker or drop, shown in the Library. */
  error: string | null;
  setError(message: string | null): void;
}

const AddFolderContext = createContext<AddFolder | null>(null);

export function AddFolderProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { info, refreshRoots } = useAppData();
  const { dispatchToast } = useToastController(TOASTER_ID);
  const [dialog, setDialog] = useState<{ reason: string | null } | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const addPath = useCallback(
    async (path: string): Promise<string | null> => {
      try {
        const root = await api.call('roots.add', { path });
        await refreshRoots();
        dispatchToast(
          <Toast>
            <ToastTitle>Added “{root.label}”. Indexing has started.</ToastTitle>
          </Toast>,
          { intent: 'success' },
        );
        return null;
      } catch (e) {
        return errorMessage(e);
      }
    },
    [api, refreshRoots, dispatchToast],
  );

  const start = useCallback(
    async (reason?: string) => {
      setError(null);
      if (info?.canPickFolders) {
        try {
          const { path } = await api.call('dialog.pickFolder', {});
          if (path) setError(await addPath(path));
        } catch (e) {
          setError(errorMessage(e));
        }
        return;
      }
      setDialogError(null);
      setDialog({ reason: reason ?? null });
    },
    [api, info, addPath],
  );

  const submit = async (path: string) => {
    setBusy(true);
    const message = await addPath(path);
    setBusy(false);
    if (message) setDialogError(message);
    else setDialog(null);
  };

  const value = useMemo(() => ({ start, addPath, error, setError }), [start, addPath, error]);
  return (
    <AddFolderContext.Provider value={value}>
      {children}
      <AddFolderDialog open={dialog !== null} reason={dialog?.reason ?? null} busy={busy} error={dialogError} onSubmit={submit} onCancel={() => setDialog(null)} />
    </AddFolderContext.Provider>
  );
}

export function useAddFolder(): AddFolder {
  const value = useContext(AddFolderContext);
  if (!value) throw new Error('useAddFolder needs an <AddFolderProvider>.');
  return value;
}
