// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpApi } from '../../renderer/src/api/http-client.ts';
import { ApiCallError } from '../../renderer/src/api/errors.ts';
import { EventHub } from '../../renderer/src/api/event-hub.ts';
import { TOKEN_KEY, forgetLaunchToken, takeLaunchToken, type TokenPlace } from '../../renderer/src/api/launch-token.ts';
import { createSseParser } from '../../renderer/src/api/sse.ts';

/** A stand-in for the network boundary: records requests, answers with the given response. */
function stubFetch(answer: () => Response) {
  return vi.fn<typeof globalThis.fetch>(async () => answer());
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** An HTTP client with a known token and no event stream. */
const client = (fetch: typeof globalThis.fetch, onUnauthorized = () => {}) => createHttpApi({ fetch, token: 'T0KEN', events: false, onUnauthorized });

describe('HTTP client (browser mode)', () => {
  it('POSTs JSON to /api/<method> with the bearer token and the request header the server requires, and no cookies', async () => {
    const fetch = stubFetch(() => json({ ok: true, data: [] }));
    await expect(client(fetch).call('roots.list', {})).resolves.toEqual([]);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/roots.list');
    expect(init?.method).toBe('POST');
    const headers = new Headers(init?.headers);
    expect(headers.get('authorization')).toBe('Bearer T0KEN');
    expect(headers.get('x-evidence-request')).toBe('1');
    expect(headers.get('content-type')).toBe('application/json');
    expect(init?.credentials).toBe('omit');
    expect(JSON.parse(String(init?.body))).toEqual({});
  });

  it('sends the input as the body', async () => {
    const fetch = stubFetch(() => json({ ok: true, data: { ok: true } }));
    await client(fetch).call('roots.scan', { rootId: 7 });
    expect(JSON.parse(String(fetch.mock.calls[0][1]?.body))).toEqual({ rootId: 7 });
  });

  it('turns {ok:false} into an ApiCallError with the contract code, message and refused field', async () => {
    const fetch = stubFetch(() => json({ ok: false, error: { code: 'invalid-argument', message: 'That folder does not exist', field: 'path' } }, 400));
    const error = await client(fetch)
      .call('roots.add', { path: 'C:\\Nope' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'invalid-argument', message: 'That folder does not exist', field: 'path' });
  });

  it.each([
    ['cancelled', 409, 'A newer search replaced this one.'],
    ['locked', 423, 'The index is encrypted and still locked: enter its passphrase to unlock it first.'],
  ])('keeps the contract code %s, so the page can act on it (a replaced search is ignored, a locked index asks)', async (code, status, message) => {
    const fetch = stubFetch(() => json({ ok: false, error: { code, message } }, status));
    await expect(client(fetch).call('search.query', { query: 'care' })).rejects.toMatchObject({ code, message });
  });

  it('turns a code the contract does not know into "internal"', async () => {
    const fetch = stubFetch(() => json({ ok: false, error: { code: 'exploded', message: 'Something else' } }, 500));
    await expect(client(fetch).call('roots.list', {})).rejects.toMatchObject({ code: 'internal', message: 'Something else' });
  });

  it('maps a plain-text 401 (token refused) to a forbidden error a user can act on, and reports it', async () => {
    const fetch = stubFetch(() => new Response('Unauthorized', { status: 401, headers: { 'content-type': 'text/plain' } }));
    const onUnauthorized = vi.fn();
    const error = await client(fetch, onUnauthorized)
      .call('roots.list', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect((error as ApiCallError).code).toBe('forbidden');
    expect((error as ApiCallError).message).toMatch(/address Evidence Store printed/u);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('maps a network failure to "unavailable"', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(client(fetch).call('app.info', {})).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('reads binary methods as bytes', async () => {
    const fetch = stubFetch(() => new Response(new Uint8Array([37, 80, 68, 70]), { headers: { 'content-type': 'application/octet-stream' } }));
    const bytes = await client(fetch).call('documents.file', { documentId: 1 });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([37, 80, 68, 70]);
  });

  it('passes the abort signal so a stale search is cancelled', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>((_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')))));
    const controller = new AbortController();
    const pending = client(fetch).call('search.query', { query: 'car' }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});

/** A window-like place for the token: an address, a history that records replaceState, and storage. */
function place(hash: string, stored: Record<string, string> = {}, path = '/'): TokenPlace & { address: () => string; stored: Record<string, string> } {
  const location = { hash, pathname: path, search: '' };
  return {
    location,
    history: {
      state: { kept: true },
      replaceState: vi.fn((_state: unknown, _title: string, url?: string | URL | null) => {
        location.hash = new URL(String(url), 'http://127.0.0.1').hash;
      }),
    },
    storage: {
      getItem: (k) => stored[k] ?? null,
      setItem: (k, v) => void (stored[k] = v),
      removeItem: (k) => void delete stored[k],
    },
    address: () => location.pathname + location.search + location.hash,
    stored,
  };
}

describe('launch token', () => {
  it('is read from the fragment, stored for this tab, and removed from the address bar', () => {
    const p = place('#token=abc-123_XYZ');
    expect(takeLaunchToken(p)).toBe('abc-123_XYZ');
    expect(p.stored[TOKEN_KEY]).toBe('abc-123_XYZ');
    expect(p.history.replaceState).toHaveBeenCalledWith({ kept: true }, '', '/');
    expect(p.address()).toBe('/');
    // a reload of the tab finds it in storage
    expect(takeLaunchToken(p)).toBe('abc-123_XYZ');
  });

  it('keeps the rest of the fragment, and a newer launch address replaces a stored token', () => {
    const p = place('#token=new&view=x', { [TOKEN_KEY]: 'old' });
    expect(takeLaunchToken(p)).toBe('new');
    expect(p.address()).toBe('/#view=x');
    expect(p.stored[TOKEN_KEY]).toBe('new');
  });

  it('is null for a tab never opened with the launch address, and after being forgotten', () => {
    expect(takeLaunchToken(place(''))).toBeNull();
    expect(takeLaunchToken(place('#token='))).toBeNull();
    const p = place('', { [TOKEN_KEY]: 'old' });
    forgetLaunchToken(p);
    expect(takeLaunchToken(p)).toBeNull();
  });

  it('still works for this page when the browser refuses storage', () => {
    const p = place('#token=abc');
    p.storage = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      removeItem: () => {},
    };
    expect(takeLaunchToken(p)).toBe('abc');
    expect(p.address()).toBe('/');
    expect(takeLaunchToken(p)).toBeNull();
  });

  it('the real page: the default client takes the token from the address, stores it, clears the address and sends it', async () => {
    window.history.replaceState(null, '', '/#token=from-the-fragment');
    const fetch = stubFetch(() => json({ ok: true, data: [] }));
    const api = createHttpApi({ fetch, events: false });
    expect(window.location.href).toBe(`${window.location.origin}/`);
    expect(window.sessionStorage.getItem(TOKEN_KEY)).toBe('from-the-fragment');
    await api.call('roots.list', {});
    expect(new Headers(fetch.mock.calls[0][1]?.headers).get('authorization')).toBe('Bearer from-the-fragment');
  });
});

describe('SSE parser', () => {
  it('reads named events with JSON data and skips comments', () => {
    const parser = createSseParser();
    expect(parser.push(': connected\n\nevent: scan.progress\ndata: {"done":1}\n\n: ping\n\n')).toEqual([{ event: 'scan.progress', data: '{"done":1}' }]);
  });

  it('joins frames split anywhere across chunks, including inside a CRLF', () => {
    const parser = createSseParser();
    const text = 'event: roots.changed\r\ndata: {"a":1}\r\n\r\nevent: scan.progress\r\ndata: {"b":2}\r\n\r\n';
    const out = [];
    for (const ch of text) out.push(...parser.push(ch));
    expect(out).toEqual([
      { event: 'roots.changed', data: '{"a":1}' },
      { event: 'scan.progress', data: '{"b":2}' },
    ]);
    const split = createSseParser();
    expect(split.push('data: x\r')).toEqual([]);
    expect(split.push('\n\r\n')).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('joins several data lines, keeps colons in values, ignores id and retry, and drops frames without data', () => {
    const parser = createSseParser();
    expect(parser.push('\uFEFFid: 7\nretry: 10\nevent: e\n\ndata: a:b\ndata:c\ndata\n\n')).toEqual([{ event: 'message', data: 'a:b\nc\n' }]);
  });

  it('waits for the blank line that ends a frame', () => {
    const parser = createSseParser();
    expect(parser.push('event: scan.progress\ndata: {}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'scan.progress', data: '{}' }]);
  });
});

/** A streamed response body the test writes to. */
function stream() {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return { response: new Response(body, { headers: { 'content-type': 'text/event-stream' } }), write: (text: string) => controller.enqueue(encoder.encode(text)), end: () => controller.close() };
}

describe('event stream', () => {
  let hub: EventHub | null = null;
  afterEach(async () => {
    await hub?.close();
    hub = null;
  });

  it('reads /api/events with the token, delivers events to their listeners, and reopens after a pause when dropped', async () => {
    const first = stream();
    const second = stream();
    const answers = [first.response, second.response];
    const fetch = vi.fn<typeof globalThis.fetch>(async () => answers.shift()!);
    let resume!: () => void;
    const waited: number[] = [];
    const wait = vi.fn((ms: number) => {
      waited.push(ms);
      return new Promise<void>((r) => (resume = r));
    });
    hub = new EventHub({ fetch, headers: () => ({ authorization: 'Bearer T0KEN', 'x-evidence-request': '1' }), onUnauthorized: () => {}, reconnectMs: 3000, wait });
    const progress: unknown[] = [];
    const roots: unknown[] = [];
    hub.on('scan.progress', (p) => progress.push(p));
    hub.on('roots.changed', (p) => roots.push(p));
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/events');
    const headers = new Headers(init?.headers);
    expect(headers.get('authorization')).toBe('Bearer T0KEN');
    expect(headers.get('x-evidence-request')).toBe('1');
    expect(init?.credentials).toBe('omit');

    first.write(': connected\n\nevent: scan.progress\ndata: {"state":"idle"');
    first.write('}\n\nevent: unknown.event\ndata: {}\n\nevent: roots.changed\ndata: not json\n\n');
    await vi.waitFor(() => expect(progress).toEqual([{ state: 'idle' }]));
    expect(roots).toEqual([]);

    // The server drops the stream: one pause, then a new request.
    first.end();
    await vi.waitFor(() => expect(wait).toHaveBeenCalledTimes(1));
    expect(waited).toEqual([3000]);
    expect(fetch).toHaveBeenCalledTimes(1);
    resume();
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    second.write('event: roots.changed\ndata: {"n":2}\n\n');
    await vi.waitFor(() => expect(roots).toEqual([{ n: 2 }]));
  });

  it('retries after a pause when the app is not answering', async () => {
    const live = stream();
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(live.response);
    const wait = vi.fn(async () => {});
    hub = new EventHub({ fetch, headers: () => ({}), onUnauthorized: () => {}, reconnectMs: 3000, wait });
    const seen: unknown[] = [];
    hub.on('scan.progress', (p) => seen.push(p));
    live.write('event: scan.progress\ndata: 1\n\n');
    await vi.waitFor(() => expect(seen).toEqual([1]));
    expect(wait).toHaveBeenCalledTimes(1);
  });

  it('stops for good when the token is refused, and says so', async () => {
    const fetch = stubFetch(() => new Response('Unauthorized', { status: 401 }));
    const onUnauthorized = vi.fn();
    const wait = vi.fn(async () => {});
    hub = new EventHub({ fetch, headers: () => ({}), onUnauthorized, reconnectMs: 3000, wait });
    hub.on('scan.progress', () => {});
    await vi.waitFor(() => expect(onUnauthorized).toHaveBeenCalledTimes(1));
    await hub.close();
    expect(wait).not.toHaveBeenCalled();
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
