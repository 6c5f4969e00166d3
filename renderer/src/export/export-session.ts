/**
 * What the Export area holds while the app is open, outside any component: going to Search during
 * a long copy and coming back shows the same choices and the export still running (or how it
 * ended). In memory only, apart from the destination (remember.ts).
 */
import { useSyncExternalStore } from 'react';
import type { PackExportResult, PackProgress } from '../../../shared/pack.ts';
import { DEFAULT_CHOICES, type ExportChoices } from './export-choices.ts';
import { recallDestination } from './remember.ts';

export type ExportTab = 'new' | 'verify' | 'log';

/** One export, from the click to how it ended. */
export type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; destination: string; progress: PackProgress | null; cancelling: boolean; cancelError: string | null }
  | { kind: 'done'; result: PackExportResult }
  /** `field` is the argument the app refused ('destination': shown beside the folder field, not as an outcome). */
  | { kind: 'failed'; destination: string; message: string; field: string | null }
  | { kind: 'cancelled'; destination: string };

export interface ExportSession {
  tab: ExportTab;
  choices: ExportChoices;
  destination: string;
  verifyPath: string;
  run: RunState;
  /** Counts finished runs, so the log reloads after each one. */
  runsEnded: number;
}

function initial(): ExportSession {
  const destination = recallDestination();
  return { tab: 'new', choices: DEFAULT_CHOICES, destination, verifyPath: destination, run: { kind: 'idle' }, runsEnded: 0 };
}

let state: ExportSession = initial();
const listeners = new Set<() => void>();

export function getExportSession(): ExportSession {
  return state;
}

export function updateExportSession(patch: Partial<ExportSession> | ((s: ExportSession) => Partial<ExportSession>)): void {
  state = { ...state, ...(typeof patch === 'function' ? patch(state) : patch) };
  for (const l of listeners) l();
}

/** A fresh session (tests; nothing in the app forgets on purpose). */
export function resetExportSession(): void {
  state = initial();
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useExportSession(): ExportSession {
  return useSyncExternalStore(subscribe, getExportSession);
}
