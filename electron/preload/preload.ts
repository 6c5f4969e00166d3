/**
 * The only bridge between the sandboxed page and the app: one named function per contract method,
 * an event subscription, and the path of a dropped file. The raw ipcRenderer is never exposed.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { METHOD_NAMES, EVENT_NAMES, IPC_CHANNEL_PREFIX, IPC_EVENT_CHANNEL } from '../../shared/channels.ts';

const methods = Object.fromEntries(
  METHOD_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL_PREFIX + name, input)]),
);

contextBridge.exposeInMainWorld('evidence', {
  methods,
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event ${event}`);
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
  },
  pathForFile: (file: File) => webUtils.getPathForFile(file),
});
