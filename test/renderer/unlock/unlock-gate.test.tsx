// @vitest-environment jsdom
/**
 * The Unlock screen against a real store gate (a real encrypted index in a temp folder, called in
 * process through the contract): shown before anything else while the index is locked, a wrong
 * passphrase answered in words with the field kept and focused, the right one shows the app; a
 * plain index goes straight to the app.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { join } from 'node:path';
import { openCore } from '../../../core/core.ts';
import { openStoreGate } from '../../../core/api/store-gate.ts';
import { createLocalApi } from '../../../core/api/local-client.ts';
import { ApiProvider } from '../../../renderer/src/api/ApiContext.tsx';
import type { ClientApi } from '../../../renderer/src/api/types.ts';
import { UnlockGate } from '../../../renderer/src/unlock/UnlockGate.tsx';
import { testHost } from '../../helpers/core.ts';
import { whenDone } from '../../helpers/cleanup.ts';
import { tempDir } from '../../helpers/temp.ts';

const PASSPHRASE = 'Kestrel meadow 42';

afterEach(cleanup);

/** Holds each store.unlock until `release` is called, to see the screen while the passphrase is being checked. */
function heldUnlock(api: ClientApi): { api: ClientApi; release: () => void } {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  return {
    api: {
      ...api,
      call: (async (method: string, input: unknown) => {
        if (method === 'store.unlock') await held;
        return (api.call as (m: string, i: unknown) => Promise<unknown>)(method, input);
      }) as ClientApi['call'],
    },
    release: () => release(),
  };
}

async function appOn(encrypted: boolean, wrap: (api: ClientApi) => ClientApi = (api) => api): Promise<{ file: string }> {
  const file = join(tempDir(), 'index.db');
  await openCore({ databasePath: file, workers: 1, key: encrypted ? { passphrase: PASSPHRASE } : undefined }).close();
  const gate = openStoreGate({ databasePath: file, workers: 1 }, { host: { ...testHost, databasePath: file } });
  whenDone(() => gate.close());
  const api = wrap({ ...createLocalApi(gate.dispatch, gate.subscribe), transport: 'ipc' });
  render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider value={api}>
        <UnlockGate>
          <p>The app itself</p>
        </UnlockGate>
      </ApiProvider>
    </FluentProvider>,
  );
  return { file };
}

const passphraseField = () => screen.getByLabelText(/^Passphrase/u) as HTMLInputElement;

describe('the Unlock screen', () => {
  it('is shown before anything else while the index is locked, saying what happened in plain words', async () => {
    const { file } = await appOn(true);
    expect(await screen.findByRole('heading', { name: 'This index is encrypted: enter its passphrase' })).toBeTruthy();
    expect(screen.getByTestId('unlock-reason').textContent).toContain(`The index ${file} is encrypted`);
    expect(screen.getByTestId('unlock-screen').textContent).toContain('Your documents themselves are untouched');
    expect(passphraseField().type).toBe('password');
    expect(document.activeElement).toBe(passphraseField());
    expect(screen.queryByText('The app itself')).toBeNull();
  });

  it('answers a wrong passphrase in words, keeping it in the field and the focus there; the right one shows the app', async () => {
    await appOn(true);
    const input = await waitFor(passphraseField);
    fireEvent.change(input, { target: { value: 'kestrel meadow 42' } });
    // Enter in the field submits the form.
    fireEvent.submit(input.form!);
    expect(await screen.findByText(/^That passphrase does not open this index/u)).toBeTruthy();
    expect(passphraseField().value).toBe('kestrel meadow 42');
    expect(passphraseField().getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(passphraseField());
    expect(screen.queryByText('The app itself')).toBeNull();

    fireEvent.change(passphraseField(), { target: { value: PASSPHRASE } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('The app itself')).toBeTruthy();
    expect(screen.queryByTestId('unlock-screen')).toBeNull();
  });

  it('shows that it is busy while the passphrase is checked, and cannot be sent twice meanwhile', async () => {
    let release = () => {};
    await appOn(true, (api) => {
      const held = heldUnlock(api);
      release = held.release;
      return held.api;
    });
    fireEvent.change(await waitFor(passphraseField), { target: { value: PASSPHRASE } });
    fireEvent.submit(passphraseField().form!);
    const button = await screen.findByRole('button', { name: 'Unlocking…' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('unlock-progress').textContent).toBe('Opening the index: this takes a moment.');
    release();
    expect(await screen.findByText('The app itself')).toBeTruthy();
  });

  it('asks for the passphrase when Unlock is pressed with the field empty, without calling the app', async () => {
    await appOn(true);
    await waitFor(passphraseField);
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('Enter the passphrase the index was encrypted with.')).toBeTruthy();
  });

  it('is not shown for an index that is not encrypted', async () => {
    await appOn(false);
    expect(await screen.findByText('The app itself')).toBeTruthy();
    expect(screen.queryByTestId('unlock-screen')).toBeNull();
  });
});
