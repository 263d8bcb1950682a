// The Electron side of the contract: one ipcMain handler per method, each checking that
// the calling frame belongs to the app before handing the input to core, and a single
// channel for pushed events. Generic over the contract: it never names a method.
import type { EventEnvelope, MethodName } from '../shared/contract';
import { IPC_EVENT_CHANNEL, METHOD_NAMES, ipcChannelFor } from '../shared/contract';
import type { Result } from '../shared/result';
import { fail } from '../shared/result';

export interface IpcInvokeEvent {
  senderFrame: { url: string } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface ContractServer {
  call(method: MethodName, input: unknown): Promise<Result<unknown>>;
  events: { subscribe(listener: (envelope: EventEnvelope) => void): () => void };
}

export function serveContractOverIpc(
  ipcMain: IpcMainLike,
  server: ContractServer,
  isTrustedSender: (frameUrl: string | undefined) => boolean,
  sendToRenderers: (channel: string, envelope: EventEnvelope) => void,
): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannelFor(method), async (event, input) => {
      if (!isTrustedSender(event.senderFrame?.url)) {
        return fail('UNAUTHORIZED', `${method} refused: the request did not come from Marginalia's own window.`);
      }
      return server.call(method, input);
    });
  }
  const unsubscribe = server.events.subscribe((envelope) => sendToRenderers(IPC_EVENT_CHANNEL, envelope));
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(ipcChannelFor(method));
    unsubscribe();
  };
}
