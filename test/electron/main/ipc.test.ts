import { beforeEach, describe, expect, it, vi } from 'vitest';

// The Electron binary is not available in tests; the main-process modules only need ipcMain.
const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
  app: {},
  session: {},
  shell: {},
  protocol: {},
  net: {},
}));

const { registerIpc } = await import('../../../electron/main/ipc.ts');
const { METHOD_NAMES, IPC_CHANNEL_PREFIX } = await import('../../../shared/channels.ts');

const topFrame = { url: 'app://evidence/index.html', parent: null };

describe('IPC registration', () => {
  const dispatch = vi.fn(async (method: string, input: unknown) => ({ ok: true as const, data: { method, input } }));

  beforeEach(() => {
    handlers.clear();
    dispatch.mockClear();
    registerIpc(dispatch);
  });

  it('registers one channel per contract method and nothing else', () => {
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => IPC_CHANNEL_PREFIX + m).sort());
  });

  it('passes calls from the app’s own top frame to the dispatcher', async () => {
    const result = await handlers.get(IPC_CHANNEL_PREFIX + 'search.query')!({ senderFrame: topFrame }, { query: 'care' });
    expect(result).toEqual({ ok: true, data: { method: 'search.query', input: { query: 'care' } } });
  });

  it.each([
    ['a sub-frame', { url: 'app://evidence/index.html', parent: topFrame }],
    ['another origin', { url: 'https://example.org/', parent: null }],
    ['a look-alike app:// address', { url: 'app://evidence.example/index.html', parent: null }],
    ['an app:// address with a user name', { url: 'app://someone@evidence/index.html', parent: null }],
    ['a file:// page', { url: 'file:///tmp/x.html', parent: null }],
    ['a destroyed frame', null],
  ])('refuses calls from %s without reaching the core', async (_label, frame) => {
    const result = await handlers.get(IPC_CHANNEL_PREFIX + 'roots.list')!({ senderFrame: frame }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });
});
