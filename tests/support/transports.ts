// The two contract transports as a renderer would use them, for one shared test suite:
// Electron IPC over an in-memory stand-in for ipcMain/ipcRenderer, and the browser
// host's HTTP + server-sent events.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MarginaliaCore } from '../../src/core/core';
import type { IpcInvokeEvent, IpcMainLike } from '../../src/main/ipc-transport';
import { serveContractOverIpc } from '../../src/main/ipc-transport';
import { APP_ENTRY_URL, APP_ORIGIN, isTrustedUrl } from '../../src/main/security';
import type { IpcRendererLike } from '../../src/preload/ipc-client';
import { createIpcClient } from '../../src/preload/ipc-client';
import { startBrowserHost } from '../../src/server/browser-host';
import { buildClient } from '../../src/shared/client';
import type { EventEnvelope, MarginaliaClient } from '../../src/shared/contract';

export interface TransportUnderTest {
  client: MarginaliaClient;
  close(): Promise<void>;
}

type Handler = (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>;
type RendererListener = (event: unknown, ...args: unknown[]) => void;

/** ipcMain and ipcRenderer joined in memory; values are structured-cloned as Electron does. */
export class InMemoryIpc {
  private readonly handlers = new Map<string, Handler>();
  private readonly rendererListeners = new Map<string, Set<RendererListener>>();

  constructor(private readonly frameUrl: string) {}

  readonly ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      this.handlers.delete(channel);
    },
  };

  readonly ipcRenderer: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      const handler = this.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return structuredClone(await handler({ senderFrame: { url: this.frameUrl } }, ...structuredClone(args)));
    },
    on: (channel, listener) => {
      const set = this.rendererListeners.get(channel) ?? new Set();
      set.add(listener);
      this.rendererListeners.set(channel, set);
    },
    removeListener: (channel, listener) => {
      this.rendererListeners.get(channel)?.delete(listener);
    },
  };

  sendToRenderer(channel: string, payload: unknown): void {
    for (const listener of this.rendererListeners.get(channel) ?? []) listener({}, structuredClone(payload));
  }

  get handlerCount(): number {
    return this.handlers.size;
  }
}

export function ipcTransport(
  core: MarginaliaCore,
  frameUrl: string = APP_ENTRY_URL,
): TransportUnderTest & { ipc: InMemoryIpc } {
  const ipc = new InMemoryIpc(frameUrl);
  const stop = serveContractOverIpc(
    ipc.ipcMain,
    core,
    (url) => isTrustedUrl(url, [APP_ORIGIN]),
    (channel, envelope) => ipc.sendToRenderer(channel, envelope),
  );
  return {
    ipc,
    client: createIpcClient(ipc.ipcRenderer),
    close: async () => stop(),
  };
}

/** Reads server-sent events from a fetch body (Node has no EventSource). */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEnvelope: (envelope: EventEnvelope) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }));
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf('\n\n');
    while (end !== -1) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      if (data) onEnvelope(JSON.parse(data) as EventEnvelope);
      end = buffer.indexOf('\n\n');
    }
  }
}

export async function httpTransport(
  core: MarginaliaCore,
  rendererDir: string,
): Promise<TransportUnderTest & { origin: string; token: string }> {
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>test</title>');
  const host = await startBrowserHost({ core, rendererDir });
  const headers = { Authorization: `Bearer ${host.token}` };
  const listeners = new Set<(envelope: EventEnvelope) => void>();
  const abort = new AbortController();
  const events = await fetch(`${host.origin}/api/events`, { headers, signal: abort.signal });
  if (!events.body) throw new Error('no event stream');
  void readEvents(events.body, (envelope) => listeners.forEach((listener) => listener(envelope)));
  const client = buildClient({
    call: async (method, input) => {
      const response = await fetch(`${host.origin}/api/call/${method}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(input),
      });
      return response.json();
    },
    listen: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  });
  return {
    client,
    origin: host.origin,
    token: host.token,
    close: async () => {
      abort.abort();
      await host.close();
    },
  };
}
