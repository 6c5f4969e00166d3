/**
 * The one Api the UI uses, chosen once at start: IPC inside Electron (the preload defined
 * `window.evidence`), HTTP in browser mode (the page came from the app's loopback server).
 */
import { createHttpApi } from './http-client.ts';
import { createIpcApi } from './ipc-client.ts';
import type { ClientApi } from './types.ts';

export { ApiCallError, errorMessage, isAbort, isCancelled } from './errors.ts';
export type { ClientApi, CallOptions } from './types.ts';

export function createApi(): ClientApi {
  return window.evidence ? createIpcApi(window.evidence) : createHttpApi();
}

/** The path of a dropped folder, when the shell can tell (Electron); null in browser mode. */
export function pathOfDroppedFile(file: File): string | null {
  const path = window.evidence?.pathForFile(file);
  return path ? path : null;
}
