/**
 * Where the search results are while a document is open, shared by the document view (which
 * decides, see layout.ts) and the results list (which hides itself or opens over the document).
 * They are siblings in the app's layout, so this small store joins them.
 */
import { useSyncExternalStore } from 'react';
import type { ResultsPlacement } from './layout.ts';

interface ResultsPanelState {
  /** Where the list is now (published by the document view; 'beside' when no document is open). */
  placement: ResultsPlacement;
  /** The user opened the list over the document (or a new search did). */
  overlayOpen: boolean;
}

/** Marks the results list's outermost element, so the document view can tell focus left inside it. */
export const RESULTS_PANEL_ATTRIBUTE = 'data-results-panel';

let state: ResultsPanelState = { placement: 'beside', overlayOpen: false };
const listeners = new Set<() => void>();

function update(next: Partial<ResultsPanelState>): void {
  if (Object.entries(next).every(([key, value]) => state[key as keyof ResultsPanelState] === value)) return;
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setResultsPlacement(placement: ResultsPlacement): void {
  update({ placement });
}

export function setResultsOverlayOpen(overlayOpen: boolean): void {
  update({ overlayOpen });
}

/**
 * Esc with a document open: puts away the results list shown over it and answers true, or answers
 * false when the list is not over the document (then Esc closes the document itself).
 */
export function closeResultsOverlay(): boolean {
  if (state.placement !== 'overlay') return false;
  update({ overlayOpen: false });
  return true;
}

export function useResultsPlacement(): ResultsPlacement {
  return useSyncExternalStore(subscribe, () => state.placement);
}

export function useResultsOverlayOpen(): boolean {
  return useSyncExternalStore(subscribe, () => state.overlayOpen);
}
