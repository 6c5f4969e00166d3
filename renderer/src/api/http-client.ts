/**
 * Browser mode: the contract over same-origin HTTP. The launch URL set an HttpOnly cookie, so
 * fetch and EventSource are authenticated without the page ever seeing the token.
 */
import { binaryMethods, type ApiError, type EventName, type EventPayload, type Input, type MethodName, type Output } from '../../../shared/contract.ts';
import { EVENT_NAMES, HTTP_API_PREFIX, HTTP_REQUEST_HEADER } from '../../../shared/channels.ts';
import { ApiCallError } from './errors.ts';
import type { CallOptions, ClientApi } from './types.ts';

export interface HttpApiOptions {
  fetch?: typeof fetch;
  /** Null disables events (tests). */
  EventSource?: typeof EventSource | null;
  /** Delay before reopening the event stream after the server closed it. */
  reconnectMs?: number;
}

const CODES: ReadonlySet<string> = new Set<ApiError['code']>(['invalid-argument', 'not-found', 'unavailable', 'forbidden', 'internal']);

export function createHttpApi(options: HttpApiOptions = {}): ClientApi {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const events = new EventHub(options.EventSource === undefined ? globalThis.EventSource : options.EventSource, options.reconnectMs ?? 3000);

  async function call<M extends MethodName>(method: M, input: Input<M>, callOptions: CallOptions = {}): Promise<Output<M>> {
    let response: Response;
    try {
      response = await doFetch(HTTP_API_PREFIX + method, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [HTTP_REQUEST_HEADER]: '1' },
        body: JSON.stringify(input ?? {}),
        credentials: 'same-origin',
        signal: callOptions.signal,
      });
    } catch (error) {
      if (callOptions.signal?.aborted) throw error;
      throw new ApiCallError('unavailable', 'Evidence Store is not answering. Check that it is still running, then try again.');
    }
    if (response.ok && binaryMethods.has(method) && (response.headers.get('content-type') ?? '').startsWith('application/octet-stream')) {
      return new Uint8Array(await response.arrayBuffer()) as Output<M>;
    }
    const body = await readJson(response);
    if (isResult(body)) {
      if (body.ok) return body.data as Output<M>;
      throw new ApiCallError(CODES.has(body.error.code) ? body.error.code : 'internal', body.error.message, typeof body.error.field === 'string' ? body.error.field : undefined);
    }
    throw statusError(response.status);
  }

  return {
    transport: 'http',
    call,
    on: (event, listener) => events.on(event, listener),
  };
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function isResult(body: unknown): body is { ok: true; data: unknown } | { ok: false; error: { code: ApiError['code']; message: string; field?: unknown } } {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return false;
  if (body.ok === true) return 'data' in body;
  const error = (body as { error?: unknown }).error;
  return body.ok === false && typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/** The server answered without a Result body (auth and host checks answer in plain text). */
function statusError(status: number): ApiCallError {
  if (status === 401) {
    return new ApiCallError('forbidden', 'This window is no longer signed in to Evidence Store. Open it again with the address Evidence Store printed when it started.');
  }
  if (status === 403) return new ApiCallError('forbidden', 'Evidence Store refused the request.');
  return new ApiCallError(status >= 500 ? 'internal' : 'invalid-argument', `Evidence Store answered with an unexpected response (HTTP ${status}).`);
}

type Listener = (payload: unknown) => void;

/** One Server-Sent Events stream shared by every subscriber, reopened if the server drops it. */
class EventHub {
  private source: EventSource | null = null;
  private readonly listeners = new Map<EventName, Set<Listener>>();
  private retry: ReturnType<typeof setTimeout> | null = null;
  private readonly Source: typeof EventSource | null;
  private readonly reconnectMs: number;

  constructor(Source: typeof EventSource | null, reconnectMs: number) {
    this.Source = Source;
    this.reconnectMs = reconnectMs;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener);
    this.open();
    return () => {
      set.delete(listener as Listener);
    };
  }

  private open(): void {
    if (this.source || this.retry || !this.Source) return;
    const source = new this.Source(HTTP_API_PREFIX + 'events', { withCredentials: true });
    for (const name of EVENT_NAMES) {
      source.addEventListener(name, (message) => {
        let payload: unknown;
        try {
          payload = JSON.parse((message as MessageEvent<string>).data);
        } catch {
          return;
        }
        for (const listener of this.listeners.get(name) ?? []) listener(payload);
      });
    }
    source.addEventListener('error', () => {
      // EventSource retries by itself while CONNECTING; once CLOSED (e.g. the server restarted and
      // answered with an error) it gives up, so reopen it ourselves after a pause.
      if (source.readyState !== source.CLOSED) return;
      source.close();
      this.source = null;
      this.retry = setTimeout(() => {
        this.retry = null;
        this.open();
      }, this.reconnectMs);
    });
    this.source = source;
  }
}
