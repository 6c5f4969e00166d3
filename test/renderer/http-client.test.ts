import { describe, expect, it, vi } from 'vitest';
import { createHttpApi } from '../../renderer/src/api/http-client.ts';
import { ApiCallError } from '../../renderer/src/api/errors.ts';

/** A stand-in for the network boundary: records requests, answers with the given response. */
function stubFetch(answer: () => Response) {
  return vi.fn<typeof globalThis.fetch>(async () => answer());
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('HTTP client (browser mode)', () => {
  it('POSTs JSON to /api/<method> with the request header the server requires', async () => {
    const fetch = stubFetch(() => json({ ok: true, data: [] }));
    const api = createHttpApi({ fetch, EventSource: null });
    await expect(api.call('roots.list', {})).resolves.toEqual([]);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/roots.list');
    expect(init?.method).toBe('POST');
    const headers = new Headers(init?.headers);
    expect(headers.get('x-evidence-request')).toBe('1');
    expect(headers.get('content-type')).toBe('application/json');
    expect(init?.credentials).toBe('same-origin');
    expect(JSON.parse(String(init?.body))).toEqual({});
  });

  it('sends the input as the body', async () => {
    const fetch = stubFetch(() => json({ ok: true, data: { ok: true } }));
    await createHttpApi({ fetch, EventSource: null }).call('roots.scan', { rootId: 7 });
    expect(JSON.parse(String(fetch.mock.calls[0][1]?.body))).toEqual({ rootId: 7 });
  });

  it('turns {ok:false} into an ApiCallError with the contract code and message', async () => {
    const fetch = stubFetch(() => json({ ok: false, error: { code: 'invalid-argument', message: 'That folder does not exist' } }, 400));
    const error = await createHttpApi({ fetch, EventSource: null })
      .call('roots.add', { path: 'C:\\Nope' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ code: 'invalid-argument', message: 'That folder does not exist' });
  });

  it('maps a plain-text 401 (no session) to a forbidden error a user can act on', async () => {
    const fetch = stubFetch(() => new Response('Unauthorized', { status: 401, headers: { 'content-type': 'text/plain' } }));
    const error = await createHttpApi({ fetch, EventSource: null })
      .call('roots.list', {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect((error as ApiCallError).code).toBe('forbidden');
    expect((error as ApiCallError).message).toMatch(/address Evidence Store printed/u);
  });

  it('maps a network failure to "unavailable"', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(createHttpApi({ fetch, EventSource: null }).call('app.info', {})).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('reads binary methods as bytes', async () => {
    const fetch = stubFetch(() => new Response(new Uint8Array([37, 80, 68, 70]), { headers: { 'content-type': 'application/octet-stream' } }));
    const bytes = await createHttpApi({ fetch, EventSource: null }).call('documents.file', { documentId: 1 });
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([37, 80, 68, 70]);
  });

  it('passes the abort signal so a stale search is cancelled', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>((_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')))));
    const controller = new AbortController();
    const pending = createHttpApi({ fetch, EventSource: null }).call('search.query', { query: 'car' }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
