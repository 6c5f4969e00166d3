import type { ApiError } from '../../../shared/contract.ts';

export type ApiErrorCode = ApiError['code'];

/** A failed API call, carrying the contract's error code and a message a user can act on. */
export class ApiCallError extends Error {
  readonly code: ApiErrorCode;
  /** The argument's field the app refused (dotted path), when it named one. */
  readonly field: string | undefined;

  constructor(code: ApiErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
    this.field = field;
  }
}

/** Thrown when a call was cancelled because a newer one replaced it; callers ignore it. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The text to show for any error thrown by an API call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong inside Evidence Store.';
}
