// Finds the built renderer's files for a URL path, for both hosts that serve them (the
// desktop app's app:// protocol and the browser host), and never outside the folder.
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
}

/** A URL path with its percent-escapes decoded, or undefined when one is malformed ("/%", "/%zz"). */
export function decodeUrlPath(urlPath: string): string | undefined {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
}

/**
 * The file a URL path names inside `root` ("/" names index.html), or undefined when it
 * would leave it or cannot be decoded.
 */
export function rendererFilePath(root: string, urlPath: string): string | undefined {
  const resolvedRoot = resolve(root);
  const decoded = decodeUrlPath(urlPath);
  if (decoded === undefined) return undefined;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const filePath = resolve(join(resolvedRoot, relative === '' ? 'index.html' : relative));
  return filePath === resolvedRoot || filePath.startsWith(resolvedRoot + sep) ? filePath : undefined;
}
