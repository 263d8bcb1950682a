// The preload: exposes the contract to the renderer, method by method, through
// contextBridge. ipcRenderer itself is never exposed.
import { contextBridge, ipcRenderer } from 'electron';
import { buildClient } from '../shared/client';
import type { EventEnvelope } from '../shared/contract';
import { IPC_EVENT_CHANNEL, ipcChannelFor } from '../shared/contract';

const client = buildClient({
  call: (method, input) => ipcRenderer.invoke(ipcChannelFor(method), input),
  listen: (listener) => {
    const forward = (_event: unknown, envelope: EventEnvelope): void => listener(envelope);
    ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
    };
  },
});

contextBridge.exposeInMainWorld('marginalia', client);
