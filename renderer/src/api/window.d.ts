/**
 * What the Electron preload puts on `window.evidence`. In browser mode it is absent and the UI
 * talks HTTP to the app's own loopback server instead (see client.ts).
 */
import type { EventName, EventPayload, Input, MethodName, Output, Result } from '../../../shared/contract.ts';

export interface EvidenceBridge {
  methods: { [M in MethodName]: (input: Input<M>) => Promise<Result<Output<M>>> };
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** The file system path of a dropped File (Electron's webUtils.getPathForFile). */
  pathForFile(file: File): string;
}

declare global {
  interface Window {
    evidence?: EvidenceBridge;
  }
}
