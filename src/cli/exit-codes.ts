// The marginalia command's exit codes: 0 success, 1 the user's error (message on stderr),
// 2 an internal error.
import type { ErrorCode } from '../shared/result';

export const EXIT_OK = 0;
export const EXIT_USER_ERROR = 1;
export const EXIT_INTERNAL_ERROR = 2;

/** A failed contract call's exit code: a fault inside Marginalia is 2, anything the user can fix is 1. */
export function exitCodeFor(code: ErrorCode | string): number {
  return code === 'INTERNAL' || code === 'UNKNOWN_METHOD' ? EXIT_INTERNAL_ERROR : EXIT_USER_ERROR;
}
