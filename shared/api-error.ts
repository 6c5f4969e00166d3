/**
 * A failed API call as every client sees it (the UI over IPC or HTTP, the CLI in process): the
 * contract's error code, a message a user can act on, and the refused field when there is one.
 */
import type { ApiError } from './contract.ts';

export type ApiErrorCode = ApiError['code'];

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

  static from(error: ApiError): ApiCallError {
    return new ApiCallError(error.code, error.message, error.field);
  }
}
