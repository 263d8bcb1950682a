// The browser host: serves the renderer and carries the contract over loopback HTTP
// (POST /api/call/METHOD, JSON) with server-sent events for pushes. Listens on
// 127.0.0.1 only; every request needs the per-run token (query, header or cookie),
// and a Host header other than 127.0.0.1/localhost is refused (DNS rebinding).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import type { EventEnvelope } from '../shared/contract';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { isMethodName } from '../shared/contract';
import { fail, UserFacingError } from '../shared/result';
import type { MarginaliaCore } from '../core/core';
import { contentTypeOf, decodeUrlPath, rendererFilePath } from '../core/renderer-files';

export interface BrowserHostOptions {
  core: MarginaliaCore;
  /** The built renderer (index.html and assets). */
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface BrowserHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * The token cookie's name for the host on `port`. Browsers keep cookies per host name,
 * not per port, so every host on 127.0.0.1 needs its own name: with one shared name,
 * opening a second host (or a restarted one on another port) replaced the first one's
 * cookie and logged its tabs out.
 */
export function tokenCookieName(port: number): string {
  return `marginalia_token_${port}`;
}
export const MAX_BODY_BYTES = 64 * 1024 * 1024;
const SSE_HEARTBEAT_MS = 15_000;

function tokensMatch(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}`;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(data);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  response.end(`${text}\n`);
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RangeError('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Listens on 127.0.0.1; a port that is taken or not ours to use is the person's to change, not a crash. */
function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reasons: Record<string, string> = {
        EADDRINUSE: 'is in use by another program',
        EACCES: 'needs privileges this user does not have',
      };
      const reason = error.code === undefined ? undefined : reasons[error.code];
      rejectListen(
        reason
          ? new UserFacingError(
              'INVALID_INPUT',
              `Port ${port} on 127.0.0.1 ${reason}: choose another with --port N, or --port 0 for any free one.`,
            )
          : error,
      );
    });
    server.listen(port, '127.0.0.1', () => {
      server.removeAllListeners('error');
      resolveListen();
    });
  });
}

const STATIC_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/** Serves a file of the built renderer; the app is a single page, so unknown paths without an extension get index.html. */
async function serveStatic(rendererRoot: string, pathname: string, response: ServerResponse): Promise<void> {
  const filePath = rendererFilePath(rendererRoot, pathname);
  if (!filePath) {
    sendText(response, 404, 'Not found');
    return;
  }
  let target = filePath;
  const info = await stat(target).catch(() => undefined);
  if (!info || info.isDirectory()) {
    if (extname(filePath) !== '') {
      sendText(response, 404, 'Not found');
      return;
    }
    target = join(rendererRoot, 'index.html');
  }
  const body = await readFile(target);
  response.writeHead(200, { 'Content-Type': contentTypeOf(target), ...STATIC_HEADERS });
  response.end(body);
}

interface Refusal {
  status: number;
  message: string;
}

/** Why a request may not be answered (wrong Host, no token, another origin, a malformed path), or undefined when it may. */
function refusalOf(request: IncomingMessage, url: URL, port: number, token: string): Refusal | undefined {
  if (!isLoopbackHost(request.headers.host, port))
    return { status: 403, message: 'Forbidden: Marginalia only answers on 127.0.0.1 and localhost.' };
  const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  const given = url.searchParams.get('token') ?? bearer ?? cookieValue(request.headers.cookie, tokenCookieName(port));
  if (!tokensMatch(given, token))
    return { status: 401, message: 'Unauthorized: open the URL that `marginalia serve` printed, with its token.' };
  const origin = request.headers.origin;
  if (origin !== undefined && !isLoopbackHost(origin.replace(/^http:\/\//, ''), port))
    return { status: 403, message: 'Forbidden: cross-origin requests are refused.' };
  if (decodeUrlPath(url.pathname) === undefined)
    return { status: 400, message: 'Bad request: the address has a malformed percent-encoding.' };
  return undefined;
}

/**
 * The request's address. A path is appended to this host's origin rather than resolved against it,
 * so one that starts with `//` (say `//%zz`) stays a path instead of being read as another host.
 */
function requestUrl(target: string | undefined, port: number): URL {
  const origin = `http://127.0.0.1:${port}`;
  const path = target ?? '/';
  return URL.canParse(path) ? new URL(path) : new URL(`${origin}${path.startsWith('/') ? '' : '/'}${path}`);
}

/** Trades the token in the address bar for a same-site cookie, then sends the page back to its address without it. */
function exchangeTokenForCookie(url: URL, port: number, token: string, response: ServerResponse): void {
  url.searchParams.delete('token');
  response.writeHead(303, {
    'Set-Cookie': `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    Location: `${url.pathname}${url.search}`,
    'Cache-Control': 'no-store',
  });
  response.end();
}

/** Keeps the response open as a server-sent event stream, with a heartbeat, until the page goes away. */
function openEventStream(request: IncomingMessage, response: ServerResponse, clients: Set<ServerResponse>): void {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff',
  });
  response.write(': connected\n\n');
  clients.add(response);
  const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), SSE_HEARTBEAT_MS);
  request.on('close', () => {
    clearInterval(heartbeat);
    clients.delete(response);
  });
}

/** One contract call: a POST of JSON to /api/call/METHOD, answered with the core's Result. */
async function serveContractCall(
  core: MarginaliaCore,
  method: string,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== 'POST') {
    sendJson(response, 405, fail('INVALID_INPUT', 'Contract calls are POST requests.'));
    return;
  }
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    sendJson(response, 415, fail('INVALID_INPUT', 'Contract calls carry application/json.'));
    return;
  }
  if (!isMethodName(method)) {
    sendJson(response, 404, fail('UNKNOWN_METHOD', `Marginalia has no method called ${method}.`));
    return;
  }
  let input: unknown;
  try {
    const body = await readBody(request);
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch (error) {
    const tooLarge = error instanceof RangeError;
    sendJson(
      response,
      tooLarge ? 413 : 400,
      fail('INVALID_INPUT', tooLarge ? 'The request is too large.' : 'The request body is not valid JSON.'),
    );
    return;
  }
  sendJson(response, 200, await core.call(method, input));
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const { core } = options;
  // The page asks which host it runs in (Open after an export is the browser's); `serve` opened the library as the CLI.
  core.servedBy('browser');
  // It stays open for many imports: the next Word or PDF file finds its reader already loaded.
  core.warmReaders.keepWarm();
  const token = options.token ?? randomBytes(24).toString('base64url');
  const rendererRoot = resolve(options.rendererDir);
  const sseClients = new Set<ServerResponse>();
  let port = 0;

  const unsubscribe = core.events.subscribe((envelope: EventEnvelope) => {
    const frame = `data: ${JSON.stringify(envelope)}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = requestUrl(request.url, port);
    const refusal = refusalOf(request, url, port, token);
    if (refusal) {
      sendText(response, refusal.status, refusal.message);
      return;
    }
    const isPage = request.method === 'GET' && !url.pathname.startsWith('/api/');
    if (isPage && url.searchParams.has('token')) {
      exchangeTokenForCookie(url, port, token, response);
      return;
    }
    if (url.pathname === '/api/events' && request.method === 'GET') {
      openEventStream(request, response, sseClients);
      return;
    }
    const call = /^\/api\/call\/([A-Za-z]+)$/.exec(url.pathname);
    if (call) {
      await serveContractCall(core, call[1]!, request, response);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      sendJson(response, 404, fail('UNKNOWN_METHOD', `No such endpoint: ${url.pathname}`));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(response, 405, 'Method not allowed');
      return;
    }
    await serveStatic(rendererRoot, url.pathname, response);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('marginalia: browser host request failed', error);
      if (!response.headersSent) sendText(response, 500, 'Internal error');
      else response.end();
    });
  });

  try {
    await listen(server, options.port ?? 0);
  } catch (error) {
    unsubscribe();
    throw error;
  }
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolveClose) => {
        unsubscribe();
        for (const client of sseClients) client.end();
        sseClients.clear();
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}
