// The one boundary every transport goes through: checks the method name, validates the
// input with the contract's zod schema, runs the handler and turns any failure into a
// serializable Result. Nothing thrown ever crosses a transport.
import * as z from 'zod';
import type { ContractHandlers, MethodName } from '../shared/contract';
import { isMethodName } from '../shared/contract';
import { inputSchemaFor } from '../shared/contract-schemas';
import type { Result } from '../shared/result';
import { UserFacingError, fail, ok } from '../shared/result';

export async function dispatch(handlers: ContractHandlers, method: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return fail('UNKNOWN_METHOD', `Marginalia has no method called ${JSON.stringify(String(method)).slice(0, 100)}.`);
  }
  const parsed = inputSchemaFor(method).safeParse(input ?? {});
  if (!parsed.success) {
    return fail('INVALID_INPUT', `Invalid input for ${method}: ${z.prettifyError(parsed.error)}`);
  }
  try {
    const handler = handlers[method] as (value: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    return failureFrom(method, error);
  }
}

/** A method's name as words a person reads: "importBundle" → "import bundle". */
function actionOf(method: string): string {
  return method
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .slice(0, 80);
}

const WHAT_TO_DO_AFTER_A_FAULT =
  'Try again; if it fails again, restart Marginalia and report the problem (the details are in its log).';

/**
 * A failure as a Result. A person's own mistake keeps its message; anything else was a
 * fault inside Marginalia, and says what failed and what to do: its details (a stack, an
 * SQL constraint) go to the log, never to the person.
 */
export function failureFrom(method: MethodName | string, error: unknown): Result<never> {
  if (error instanceof UserFacingError) return fail(error.code, error.message);
  console.error(`marginalia: ${method} failed`, error);
  const whatFailed = `Marginalia could not ${actionOf(String(method))} because of a fault inside Marginalia, not anything you did.`;
  return fail('INTERNAL', `${whatFailed} ${WHAT_TO_DO_AFTER_A_FAULT}`);
}
