// Fetches a web address to import: http and https only, within a time limit, the import
// limit (counted while the body streams in, so a huge or endless body stops there) and a few
// redirects, with every failure said in words: offline, an unknown name, a refusal by status.
import { UserFacingError } from '../../shared/result';
import { cancelledImport } from './import-jobs';
import { formatMegabytes } from './validate';

export interface FetchLimits {
  timeoutMs: number;
  maxRedirects: number;
  maxBytes: number;
  /** How this host's user raises the import limit; said when a page is over it. */
  limitHint: string;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 30_000;
export const MAX_REDIRECTS = 5;

export interface FetchedPage {
  /** The address asked for, and the one the bytes finally came from (after redirects). */
  requestedUrl: string;
  finalUrl: string;
  bytes: Uint8Array;
  /** The server's Content-Type, lower case, without parameters ("" when it sent none). */
  contentType: string;
  /** A file name for the importer, ending as the content type says (the bytes still decide). */
  fileName: string;
  capturedAt: string;
}

/** The address as a URL, refusing anything but http and https. */
export function webAddress(address: string): URL {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    throw new UserFacingError('INVALID_INPUT', `“${address}” is not a web address (one starts with https://).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserFacingError(
      'INVALID_INPUT',
      `Marginalia imports only http and https addresses, not ${url.protocol.replace(/:$/, '')}: (“${address}”).`,
    );
  }
  return url;
}

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

function causeCode(error: unknown): string {
  for (let at: unknown = error, depth = 0; at && depth < 4; depth++) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    at = (at as { cause?: unknown }).cause;
  }
  return '';
}

/** What went wrong reaching `url`, in words; a cancel stays a cancel. */
function fetchFailure(url: URL, error: unknown, signal: AbortSignal | undefined, timeoutMs: number): UserFacingError {
  if (signal?.aborted) return cancelledImport(url.href);
  if (error instanceof UserFacingError) return error;
  if ((error as { name?: unknown }).name === 'TimeoutError') {
    return new UserFacingError(
      'NETWORK',
      `${url.host} did not answer within ${Math.max(1, Math.round(timeoutMs / 1000))} s. Nothing was imported.`,
    );
  }
  const code = causeCode(error);
  // The machine was reached and said no: nothing listens at that port, or it turned us away.
  if (code === 'ECONNREFUSED') {
    return new UserFacingError(
      'NETWORK',
      `${url.host} refused the connection (ECONNREFUSED): no server is answering at that address and port. Nothing was imported.`,
    );
  }
  if (code === 'ECONNRESET') {
    return new UserFacingError(
      'NETWORK',
      `${url.host} closed the connection before answering (ECONNRESET). Nothing was imported.`,
    );
  }
  if (NETWORK_CODES.has(code) || error instanceof TypeError) {
    return new UserFacingError(
      'NETWORK',
      `Marginalia couldn't reach ${url.hostname}: this machine seems to be offline or the address is wrong. Nothing was imported.`,
    );
  }
  const why = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  return new UserFacingError('NETWORK', `Marginalia couldn't fetch ${url.href} (${why}). Nothing was imported.`);
}

function tooLarge(url: URL, limits: FetchLimits, size?: number): UserFacingError {
  const how = size === undefined ? 'more than' : `${formatMegabytes(size)}, over`;
  return new UserFacingError(
    'TOO_LARGE',
    `The page at ${url.href} is ${how} the import limit of ${formatMegabytes(limits.maxBytes)}. Nothing was imported. ${limits.limitHint}`.trim(),
  );
}

function statusFailure(url: URL, response: Response): UserFacingError {
  const said = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const code = response.status === 404 || response.status === 410 ? 'NOT_FOUND' : 'NETWORK';
  return new UserFacingError(code, `${url.href} answered ${said}. Nothing was imported.`);
}

/** The body, stopping as soon as it passes the limit. */
async function readBody(url: URL, response: Response, limits: FetchLimits): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel();
    throw tooLarge(url, limits, declared);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (reader === undefined) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limits.maxBytes) {
      await reader.cancel();
      throw tooLarge(url, limits);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Follows at most `maxRedirects` redirects, each to http or https; answers the last response. */
async function follow(start: URL, limits: FetchLimits, signal: AbortSignal): Promise<{ url: URL; response: Response }> {
  let url = start;
  for (let hops = 0; ; hops++) {
    const response = await fetch(url, { redirect: 'manual', signal, headers: { accept: '*/*' } });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || location === null) return { url, response };
    await response.body?.cancel();
    if (hops >= limits.maxRedirects) {
      throw new UserFacingError(
        'NETWORK',
        `${start.href} redirected more than ${limits.maxRedirects} times. Nothing was imported.`,
      );
    }
    url = webAddress(new URL(location, url).href);
  }
}

const EXTENSIONS: Record<string, string> = {
  'text/html': '.html',
  'application/xhtml+xml': '.html',
  'text/plain': '.txt',
  'text/markdown': '.md',
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/epub+zip': '.epub',
  'message/rfc822': '.eml',
  'multipart/related': '.mhtml',
  'application/x-mimearchive': '.mhtml',
};

/** A name for the fetched bytes: the address's last part (or its host), ending as its content type says. */
export function fileNameFor(url: URL, contentType: string, bytes: Uint8Array): string {
  const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
  let name: string;
  try {
    name = decodeURIComponent(last);
  } catch {
    name = last;
  }
  name = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 200) || url.hostname;
  const looksHtml = /^\s*(<!doctype html|<html)/i.test(Buffer.from(bytes.subarray(0, 512)).toString('latin1'));
  const ending = EXTENSIONS[contentType] ?? (looksHtml ? '.html' : '');
  return ending && !name.toLowerCase().endsWith(ending) ? `${name}${ending}` : name;
}

/** Fetches `address` within `limits`; `signal` is Cancel. */
export async function fetchUrl(address: string, limits: FetchLimits, signal?: AbortSignal): Promise<FetchedPage> {
  const start = webAddress(address);
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const { url, response } = await follow(start, limits, combined);
    if (!response.ok) {
      await response.body?.cancel();
      throw statusFailure(url, response);
    }
    const bytes = await readBody(url, response, limits);
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    return {
      requestedUrl: start.href,
      finalUrl: url.href,
      bytes,
      contentType,
      fileName: fileNameFor(url, contentType, bytes),
      capturedAt: new Date().toISOString(),
    };
  } catch (error) {
    throw fetchFailure(start, error, signal, limits.timeoutMs);
  }
}
