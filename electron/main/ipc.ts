/**
 * Serving the API contract over IPC: one handler per method name, each checking who is asking
 * before the shared dispatch validates the argument and runs the core.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { METHOD_NAMES, IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL } from '../../shared/channels.ts';
import type { Dispatch } from '../../core/api/dispatch.ts';
import type { EventName } from '../../shared/contract.ts';
import { isTrustedSender } from './security.ts';

export function registerIpc(dispatch: Dispatch): void {
  for (const method of METHOD_NAMES) {
    const channel = IPC_CHANNEL_PREFIX + method;
    ipcMain.removeHandler(channel);
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'forbidden', message: 'Only the Evidence Store window may call the app.' } };
      }
      return dispatch(method, input);
    });
  }
}

/** Forwards app events to the window. */
export function forwardEvents(window: BrowserWindow, subscribe: (l: (event: EventName, payload: unknown) => void) => () => void): void {
  const unsubscribe = subscribe((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
  });
  window.on('closed', unsubscribe);
}
