/**
 * The frameworks the app knows, the one the user is working with (remembered on this computer),
 * and each framework's judgements and criteria, fetched once and shared by every screen.
 *
 * Module-level stores rather than a provider, so any screen (the top bar's picker, the document's
 * evidence panel, the Frameworks area) reads the same state without threading props.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { FrameworkSummary, FrameworkView } from '../../../shared/contract.ts';
import { useApi } from '../api/ApiContext.tsx';
import { errorMessage } from '../api/client.ts';
import type { ClientApi } from '../api/types.ts';

const STORAGE_KEY = 'evidence-store.activeFramework';

type Listener = () => void;

function createStore<T>(initial: T) {
  let value = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => value,
    set(next: T) {
      if (Object.is(next, value)) return;
      value = next;
      for (const l of listeners) l();
    },
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

interface ListState {
  list: FrameworkSummary[] | null;
  error: string | null;
}

const listStore = createStore<ListState>({ list: null, error: null });
const chosenStore = createStore<string | null>(typeof window === 'undefined' ? null : readStored());
let listLoading: Promise<void> | null = null;

function loadList(api: ClientApi): Promise<void> {
  listLoading ??= api.call('frameworks.list', {}).then(
    (list) => listStore.set({ list, error: null }),
    (error) => listStore.set({ list: listStore.get().list, error: errorMessage(error) }),
  ).finally(() => {
    listLoading = null;
  });
  return listLoading;
}

/** The framework to use: the one chosen, if it still exists; else the default (ILACS 2026). */
export function resolveActive(list: readonly FrameworkSummary[] | null, chosen: string | null): string | null {
  if (!list?.length) return null;
  if (chosen && list.some((f) => f.id === chosen)) return chosen;
  return (list.find((f) => f.isDefault) ?? list[0]).id;
}

export interface FrameworksState {
  list: FrameworkSummary[] | null;
  error: string | null;
  /** The active framework's id (null until the list has loaded). */
  activeId: string | null;
  active: FrameworkSummary | null;
  setActive(id: string): void;
  /** Reload the list (after an import or a delete). */
  refresh(): Promise<void>;
}

export function useFrameworks(): FrameworksState {
  const api = useApi();
  const { list, error } = useSyncExternalStore(listStore.subscribe, listStore.get);
  const chosen = useSyncExternalStore(chosenStore.subscribe, chosenStore.get);
  useEffect(() => {
    if (!listStore.get().list) void loadList(api);
  }, [api]);
  const activeId = resolveActive(list, chosen);
  const setActive = useCallback((id: string) => {
    chosenStore.set(id);
    try {
      window.localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // Private windows may refuse storage; the choice then lasts this session only.
    }
  }, []);
  const refresh = useCallback(() => {
    viewCache.clear();
    viewVersion.set(viewVersion.get() + 1);
    return loadList(api);
  }, [api]);
  return { list, error, activeId, active: list?.find((f) => f.id === activeId) ?? null, setActive, refresh };
}

// ---------- one framework's judgements and criteria ----------

const viewCache = new Map<string, Promise<{ framework: FrameworkView; json: string }>>();
const viewVersion = createStore(0);

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/** `frameworks.get`, cached per id (a failed fetch is forgotten, so the next screen retries). */
export function fetchFramework(api: ClientApi, frameworkId: string): Promise<{ framework: FrameworkView; json: string }> {
  let p = viewCache.get(frameworkId);
  if (!p) {
    p = api.call('frameworks.get', { frameworkId });
    viewCache.set(frameworkId, p);
    p.catch(() => viewCache.delete(frameworkId));
  }
  return p;
}

export function useFrameworkView(frameworkId: string | null): Loaded<FrameworkView> {
  const api = useApi();
  const version = useSyncExternalStore(viewVersion.subscribe, viewVersion.get);
  const [state, setState] = useState<Loaded<FrameworkView>>({ status: 'loading' });
  useEffect(() => {
    if (!frameworkId) return;
    let live = true;
    setState({ status: 'loading' });
    fetchFramework(api, frameworkId).then(
      (r) => live && setState({ status: 'ready', value: r.framework }),
      (error) => live && setState({ status: 'error', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, frameworkId, version]);
  return state;
}
