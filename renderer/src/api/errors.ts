import { ApiCallError } from '../../../shared/api-error.ts';

export { ApiCallError, type ApiErrorCode } from '../../../shared/api-error.ts';

/** Thrown when a call was cancelled because a newer one replaced it; callers ignore it. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** The server stopped the call because a newer one on the same channel replaced it; ignore it too. */
export function isCancelled(error: unknown): boolean {
  return error instanceof ApiCallError && error.code === 'cancelled';
}

/** The text to show for any error thrown by an API call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong inside Evidence Store.';
}
