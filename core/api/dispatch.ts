/**
 * The one entry point both shells call: check the method name, validate the argument against the
 * contract's schema, run the handler, and turn any failure into the contract's error shape.
 * Keeping this in one place means IPC and HTTP cannot drift apart in what they accept.
 */
import { methods, isMethodName, type MethodName, type Result } from '../../shared/contract.ts';
import type { Handlers } from './handlers.ts';
import { toApiError } from './errors.ts';

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

/** One method's handler, its argument already validated. */
export type Handler = (input: unknown) => Promise<unknown>;

export function createDispatch(handlers: Handlers, onInternalError: (method: string, error: unknown) => void = logError): Dispatch {
  return routedDispatch((method) => handlers[method] as Handler, onInternalError);
}

/**
 * A dispatch whose handler for a method is chosen at each call (the store gate: while an encrypted
 * index is locked, only store.status and store.unlock answer). `route` throws an ApiFailure to
 * refuse a method, before its argument is looked at.
 */
export function routedDispatch(route: (method: MethodName) => Handler, onInternalError: (method: string, error: unknown) => void = logError): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'invalid-argument', message: `There is no method called “${String(method).slice(0, 80)}”.` } };
    }
    let handler: Handler;
    try {
      handler = route(method);
    } catch (error) {
      return { ok: false, error: toApiError(error) };
    }
    const parsed = methods[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.length ? issue.path.join('.') : undefined;
      const where = field ? ` (${field})` : '';
      const message = `Invalid argument for ${method}${where}: ${issue?.message ?? 'not valid'}.`;
      return { ok: false, error: field ? { code: 'invalid-argument', message, field } : { code: 'invalid-argument', message } };
    }
    try {
      return { ok: true, data: await handler(parsed.data) };
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'internal') onInternalError(method, error);
      return { ok: false, error: apiError };
    }
  };
}

function logError(method: string, error: unknown): void {
  console.error(`[evidence-store] ${method} failed:`, error);
}
