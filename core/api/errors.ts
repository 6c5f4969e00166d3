import type { ApiError } from '../../shared/contract.ts';

/** An error the core means the user to see: a code the UI can act on and a message that says what to do. */
export class ApiFailure extends Error {
  readonly code: ApiError['code'];
  /** The argument's field at fault (dotted path), for 'invalid-argument'. */
  readonly field: string | undefined;
  constructor(code: ApiError['code'], message: string, field?: string) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    this.field = field;
  }
}

/** Turns anything thrown by a handler into the contract's error shape, without leaking stack traces. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return error.field === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, field: error.field };
  return { code: 'internal', message: 'Something went wrong inside Evidence Store. The details are in the log; try again, and report it if it keeps happening.' };
}
