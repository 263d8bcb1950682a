// The browser host's transport: contract calls are POSTs to /api/call/METHOD, pushed
// events arrive over one EventSource. The per-run token travels as a same-site cookie
// that the host set when the page was first opened.
import type { ClientTransport } from '../../../shared/client';
import { buildClient } from '../../../shared/client';
import type { EventEnvelope, MarginaliaClient } from '../../../shared/contract';
import { fail } from '../../../shared/result';

/** What a person can do when the host stopped: it is their terminal's `npm run serve` that went away. */
export const SERVER_GONE =
  "Marginalia's server (the browser host) has stopped or can't be reached. Start it again with `npm run serve` in a terminal and open the new URL it prints.";

export function createHttpClient(): MarginaliaClient {
  const listeners = new Set<(envelope: EventEnvelope) => void>();
  let source: EventSource | undefined;
  const transport: ClientTransport = {
    call: async (method, input) => {
      const body = JSON.stringify(input);
      let response: Response;
      try {
        response = await fetch(`/api/call/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body,
          // Lets a note saved as the tab closes still arrive; browsers allow it for small bodies only.
          keepalive: body.length < 60_000,
        });
      } catch {
        // fetch rejects only when nothing answered: the host process has stopped or the network is gone.
        return fail('INTERNAL', SERVER_GONE);
      }
      if (response.status === 401 || response.status === 403) {
        return fail(
          'UNAUTHORIZED',
          'This page is no longer connected to Marginalia. Open the URL that `marginalia serve` printed.',
        );
      }
      // Anything but the host's own JSON (a proxy's error page, a cut-off answer) means the host is not there to ask.
      return response.json().catch(() => fail('INTERNAL', SERVER_GONE));
    },
    listen: (listener) => {
      listeners.add(listener);
      if (!source) {
        source = new EventSource('/api/events');
        source.onmessage = (message: MessageEvent<string>) => {
          const envelope = JSON.parse(message.data) as EventEnvelope;
          for (const each of [...listeners]) each(envelope);
        };
      }
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return buildClient(transport);
}
