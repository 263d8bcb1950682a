// Builds a MarginaliaClient over any transport from two primitives: send a call, and
// listen to event envelopes. The preload (IPC) and the browser (HTTP) clients both use
// it, so the renderer sees the same object whichever host it runs in.
import type { EventEnvelope, EventName, MarginaliaClient, MarginaliaEvents, MethodName } from './contract';
import { METHOD_NAMES, isEventName } from './contract';
import type { Result } from './result';
import { fail, isContractError } from './result';

export interface ClientTransport {
  call(method: MethodName, input: unknown): Promise<unknown>;
  /** Delivers every envelope to the listener; returns the unsubscribe function. */
  listen(listener: (envelope: EventEnvelope) => void): () => void;
}

function asResult(value: unknown): Result<unknown> {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    const candidate = value as { ok: unknown; value?: unknown; error?: unknown };
    if (candidate.ok === true) return { ok: true, value: candidate.value };
    if (candidate.ok === false && isContractError(candidate.error)) return { ok: false, error: candidate.error };
  }
  return fail('INTERNAL', 'The transport returned something that is not a result.');
}

export function buildClient(transport: ClientTransport): MarginaliaClient {
  const client: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    client[method] = async (input: unknown) => {
      try {
        return asResult(await transport.call(method, input ?? {}));
      } catch (error) {
        return fail(
          'INTERNAL',
          `Could not reach Marginalia's core: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    };
  }
  client.on = <E extends EventName>(event: E, listener: (payload: MarginaliaEvents[E]) => void) =>
    transport.listen((envelope) => {
      if (isEventName(envelope.event) && envelope.event === event) listener(envelope.payload as MarginaliaEvents[E]);
    });
  return client as MarginaliaClient;
}

/** Unwraps a result for UI code that reports failures through one place. */
export class ContractCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ContractCallError';
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ContractCallError(result.error.code, result.error.message);
}
