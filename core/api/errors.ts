import type { ApiError } from '../../shared/contract.ts';

/** An error the core means the user to see: a code the UI can act on and a message that says what to do. */
export class ApiFailure extends Error {
  readonly code: ApiError['code'];
  constructor(code: ApiError['code'], message: string) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
  }
}

/** Turns anything thrown by a handler into the contract's error shape, without leaking stack traces. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return { code: error.code, message: error.message };
  return { code: 'internal', message: 'Something went wrong inside Evidence Store. The details are in the log; try again, and report it if it keeps happening.' };
}
