// The renderer's contract client over Electron IPC: one invoke channel per method, one
// channel for pushed events. Takes ipcRenderer as an argument so tests can run it over
// an in-memory stand-in.
import { buildClient } from '../shared/client';
import type { EventEnvelope, MarginaliaClient } from '../shared/contract';
import { IPC_EVENT_CHANNEL, ipcChannelFor } from '../shared/contract';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createIpcClient(ipcRenderer: IpcRendererLike): MarginaliaClient {
  return buildClient({
    call: (method, input) => ipcRenderer.invoke(ipcChannelFor(method), input),
    listen: (listener) => {
      const forward = (_event: unknown, envelope: unknown): void => listener(envelope as EventEnvelope);
      ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
      return () => {
        ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
      };
    },
  });
}
