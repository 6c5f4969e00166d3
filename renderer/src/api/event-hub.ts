/**
 * Browser mode's app events: one `/api/events` stream shared by every subscriber, read with fetch
 * (so it can carry the bearer token, which EventSource cannot) and reopened after a pause when the
 * server drops it, as EventSource would. A refused token ends it for good: the page says why.
 */
import type { EventName, EventPayload } from '../../../shared/contract.ts';
import { EVENT_NAMES, HTTP_API_PREFIX } from '../../../shared/channels.ts';
import { createSseParser } from './sse.ts';

export interface EventHubOptions {
  fetch: typeof fetch;
  /** The headers every API request carries (token and request header). */
  headers: () => Record<string, string>;
  /** Called when the server refuses the token. */
  onUnauthorized: () => void;
  /** The pause before reopening a dropped stream. */
  reconnectMs: number;
  /** Waits before a reconnect; tests pass one they control. */
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}

type Listener = (payload: unknown) => void;

const KNOWN: ReadonlySet<string> = new Set(EVENT_NAMES);

export class EventHub {
  private readonly listeners = new Map<EventName, Set<Listener>>();
  private readonly options: EventHubOptions;
  private readonly wait: NonNullable<EventHubOptions['wait']>;
  private controller: AbortController | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(options: EventHubOptions) {
    this.options = options;
    this.wait = options.wait ?? pause;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener);
    this.start();
    return () => {
      set.delete(listener as Listener);
    };
  }

  /** Stops reading and reconnecting, resolving once stopped (tests; the page keeps its stream for its lifetime). */
  close(): Promise<void> {
    this.controller?.abort();
    return this.running;
  }

  private start(): void {
    if (this.controller) return;
    const controller = new AbortController();
    this.controller = controller;
    this.running = this.run(controller.signal);
  }

  private async run(signal: AbortSignal): Promise<void> {
    // One promise for the whole run, so reconnecting for hours adds no listeners.
    const aborted = whenAborted(signal);
    while (!signal.aborted) {
      if ((await this.readOnce(signal)) === 'refused') break;
      await Promise.race([this.wait(this.options.reconnectMs, signal), aborted]).catch(() => undefined);
    }
  }

  private async readOnce(signal: AbortSignal): Promise<'ended' | 'refused'> {
    let response: Response;
    try {
      response = await this.options.fetch(HTTP_API_PREFIX + 'events', {
        method: 'GET',
        headers: { ...this.options.headers(), accept: 'text/event-stream' },
        credentials: 'omit',
        cache: 'no-store',
        signal,
      });
    } catch {
      return 'ended';
    }
    if (response.status === 401) {
      this.options.onUnauthorized();
      return 'refused';
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      return 'ended';
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parser = createSseParser();
    // close() must end a read that is waiting for the next event, whatever the fetch does on abort.
    const stop = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', stop, { once: true });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const message of parser.push(decoder.decode(value, { stream: true }))) this.emit(message.event, message.data);
      }
    } catch {
      // The connection dropped (server stopped, network, or close()): reconnect unless closed.
    } finally {
      signal.removeEventListener('abort', stop);
    }
    return 'ended';
  }

  private emit(event: string, data: string): void {
    if (!KNOWN.has(event)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const listener of this.listeners.get(event as EventName) ?? []) listener(payload);
  }
}

function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
