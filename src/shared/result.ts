// Serializable outcomes for calls that cross a process or network boundary:
// errors travel as plain {code, message} data, never as thrown objects.

export const ERROR_CODES = [
  'INVALID_INPUT',
  /** A search query that cannot be read; the message says why and how to write it. */
  'INVALID_QUERY',
  'NOT_FOUND',
  'EMPTY_FILE',
  'BINARY_FILE',
  'INVALID_UTF8',
  /** An encrypted file (PDF) was given without its password; the message says how to give it. */
  'PASSWORD_REQUIRED',
  /** An encrypted file's password did not open it. */
  'PASSWORD_WRONG',
  'UNSUPPORTED_TYPE',
  /** A format reader crashed, ran out of memory or time on a file; nothing was imported. */
  'READER_FAILED',
  /** The person cancelled a long import; nothing was imported. */
  'CANCELLED',
  'TOO_LARGE',
  /** A web address could not be fetched: the machine is offline, the name unknown, or the server said no. */
  'NETWORK',
  'NO_ARTICLE',
  'AMBIGUOUS',
  /** Something still uses what was to be deleted; the message names the uses and how to delete it anyway. */
  'IN_USE',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'WRITE_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ContractError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** Thrown inside core services and turned into a failed Result at the boundary. */
export class UserFacingError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = 'UserFacingError';
  }
}

export function isContractError(value: unknown): value is ContractError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
