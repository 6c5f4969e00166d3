/**
 * `serve`: browser mode. Like the desktop app, a shell of its own: it opens the core, serves the
 * contract over loopback HTTP, and keeps the library up to date while it runs. An encrypted index
 * it has no passphrase for (or a wrong one) is served locked: the page asks for the passphrase.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PASSPHRASE_VARIABLE, type StoreKey } from '../../core/core.ts';
import { openStoreGate } from '../../core/api/store-gate.ts';
import { startServer } from '../../electron/server/server.ts';
import { openPath, revealPath } from '../../electron/server/os-host.ts';
import { VERSION } from '../session.ts';

export interface ServeOptions {
  databasePath: string;
  port?: number;
  /** Open the address in the default browser too. */
  open: boolean;
  /** The store's key (from EVIDENCE_STORE_PASSPHRASE), if it is encrypted. */
  key?: StoreKey;
}

export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

export async function runServe(options: ServeOptions): Promise<number> {
  if (!existsSync(RENDERER_DIR + 'index.html')) {
    // The API still works (for scripts); the page will say how to build the UI.
    console.error('Note: the app UI has not been built yet: run `npm run build:renderer` (or `npm start`, which does it).');
  }
  // An encrypted index without its passphrase (or with a wrong one) starts locked: the page asks for it.
  const gate = openStoreGate(
    { databasePath: options.databasePath, key: options.key },
    {
      host: { mode: 'browser', version: VERSION, databasePath: options.databasePath, openPath, revealPath, pickFolder: null },
      // Bring the library up to date now and keep it so, as the desktop app does.
      onOpen: (core) => core.startBackgroundSync(),
    },
  );
  let server;
  try {
    server = await startServer({ dispatch: gate.dispatch, subscribe: gate.subscribe, staticDir: RENDERER_DIR, port: options.port });
  } catch (error) {
    await gate.close();
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'EADDRINUSE' ? `port ${options.port} is in use; choose another with --port, or 0 for any free port.` : (error as Error).message, { cause: error });
  }
  console.log(`Evidence Store is running at ${server.url}`);
  console.log(`Index: ${options.databasePath}`);
  if (gate.status().locked) {
    console.log(`The index is encrypted and ${options.key ? 'the passphrase in ' + PASSPHRASE_VARIABLE + ' does not open it' : 'no passphrase was given'}: the page asks for it.`);
  }
  console.log('Only this computer can connect, and only with the address above. Press Ctrl+C to stop.');
  if (options.open) openPath(server.url).catch(() => console.log('Could not open a browser here: copy the address above into one.'));

  await new Promise<void>((resolvePromise) => {
    const stop = () => resolvePromise();
    // A closed terminal (SIGHUP) stops it as tidily as Ctrl+C: the scan's transaction ends, workers stop.
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    process.once('SIGHUP', stop);
  });
  await server.close();
  await gate.close();
  return 0;
}
