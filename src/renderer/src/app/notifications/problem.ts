// What went wrong in a failed call, in the words and detail a person can act on or pass
// on: the contract's { code, message }, a thrown Error, or plain text all read the same.
import { isContractError } from '../../../../shared/result';

/** A failure in detail, as Show problem lays it out. */
export interface Problem {
  /** What the person was doing: "Couldn't save the note". */
  what: string;
  /** Why, as the core or the browser said it. */
  message: string;
  /** The contract's error code, when the failure came back from the core. */
  code?: string;
  /** When it happened, as an ISO timestamp. */
  at: string;
  /** A thrown error's stack, for a bug report. */
  trace?: string;
}

/** Turns whatever a failed call left (a contract error, an Error, text) into a Problem. */
export function describeProblem(what: string, error: unknown, at: Date = new Date()): Problem {
  const base = { what, at: at.toISOString() };
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    return {
      ...base,
      message: error.message || error.name,
      ...(code ? { code } : {}),
      ...(error.stack ? { trace: error.stack } : {}),
    };
  }
  if (isContractError(error)) return { ...base, message: error.message, code: error.code };
  return { ...base, message: typeof error === 'string' ? error : String(error) };
}

/** The problem as plain text, to copy into a message or a bug report. */
export function problemReport(problem: Problem): string {
  return [
    problem.what,
    problem.message,
    ...(problem.code ? [`Code: ${problem.code}`] : []),
    `When: ${problem.at}`,
    ...(problem.trace ? ['', problem.trace] : []),
  ].join('\n');
}
