/**
 * Browser mode: the contract over same-origin HTTP. Every request carries this launch's token as a
 * bearer header (see launch-token.ts for where the page gets it) and never relies on cookies,
 * which would be shared with every other port of 127.0.0.1.
 */
import { ApiError, binaryMethods, type Input, type MethodName, type Output } from '../../../shared/contract.ts';
import { HTTP_API_PREFIX, HTTP_REQUEST_HEADER } from '../../../shared/channels.ts';
import { ApiCallError } from './errors.ts';
import { EventHub, type EventHubOptions } from './event-hub.ts';
import { sessionRefused, sessionToken } from './session.ts';
import type { CallOptions, ClientApi } from './types.ts';

export interface HttpApiOptions {
  fetch?: typeof fetch;
  /** The launch token; this page's own (from the address, or this tab's storage) by default. */
  token?: string | null;
  /** Called when the app refuses the token; marks this page's session refused by default. */
  onUnauthorized?: () => void;
  /** False disables events (tests). */
  events?: boolean;
  /** Delay before reopening the event stream after the server closed it. */
  reconnectMs?: number;
  /** The event stream's wait before reconnecting (tests). */
  wait?: EventHubOptions['wait'];
}

/** Every code the contract knows (a search replaced by a newer one is 'cancelled', a locked index 'locked'); anything else is 'internal'. */
const CODES: ReadonlySet<string> = new Set<ApiError['code']>(ApiError.shape.code.options);

export function createHttpApi(options: HttpApiOptions = {}): ClientApi {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const token = options.token === undefined ? sessionToken() : options.token;
  const onUnauthorized = options.onUnauthorized ?? sessionRefused;
  const headers = (): Record<string, string> => ({
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    [HTTP_REQUEST_HEADER]: '1',
  });
  const events =
    options.events === false
      ? null
      : new EventHub({ fetch: doFetch, headers, onUnauthorized, reconnectMs: options.reconnectMs ?? 3000, wait: options.wait });

  async function call<M extends MethodName>(method: M, input: Input<M>, callOptions: CallOptions = {}): Promise<Output<M>> {
    let response: Response;
    try {
      response = await doFetch(HTTP_API_PREFIX + method, {
        method: 'POST',
        headers: { ...headers(), 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        // The token travels in the header; no cookie is needed or wanted.
        credentials: 'omit',
        signal: callOptions.signal,
      });
    } catch (error) {
      if (callOptions.signal?.aborted) throw error;
      throw new ApiCallError('unavailable', 'Evidence Store is not answering. Check that it is still running, then try again.');
    }
    if (response.status === 401) onUnauthorized();
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
    on: (event, listener) => (events ? events.on(event, listener) : () => {}),
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
    return new ApiCallError('forbidden', 'Evidence Store did not recognise this page: it may have restarted. Open it again with the address Evidence Store printed when it started.');
  }
  if (status === 403) return new ApiCallError('forbidden', 'Evidence Store refused the request.');
  return new ApiCallError(status >= 500 ? 'internal' : 'invalid-argument', `Evidence Store answered with an unexpected response (HTTP ${status}).`);
}
