// Files and servers for the import-jobs tests: a PDF of many plain pages (long enough to
// cancel mid-read), an encrypted copy made with qpdf, and a web server on 127.0.0.1 that
// serves pages, a PDF, a redirect, a 404, an oversized body and a slow page (or one scan alone).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { sentences } from './pdf-fixtures';

/** Page `page`'s known text (ligatures spelt out: pdfkit's standard fonts cannot draw them). */
export function pageText(page: number): string {
  return sentences(page, 4).replace(/ﬁ/g, 'fi').replace(/ﬂ/g, 'fl');
}

/** A PDF of `pages` pages, each with a heading and a paragraph of known text. */
export async function manyPagePdf(pages: number, title = 'Harbour Survey Log'): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 72, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (let page = 1; page <= pages; page++) {
    if (page > 1) doc.addPage();
    doc.fontSize(16).text(`Day ${page} at the harbour`);
    doc.fontSize(11).moveDown().text(pageText(page));
  }
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/** `bytes` encrypted with AES-256 by qpdf: `user` opens it. */
export function encryptWithQpdf(bytes: Uint8Array, dir: string, user: string): Uint8Array {
  const plain = join(dir, 'plain.pdf');
  const locked = join(dir, 'locked.pdf');
  writeFileSync(plain, bytes);
  execFileSync('qpdf', ['--encrypt', user, `${user}-owner`, '256', '--', plain, locked]);
  return new Uint8Array(readFileSync(locked));
}

export interface TestSite {
  origin: string;
  /** How many requests each path got. */
  hits: Map<string, number>;
  close: () => Promise<void>;
}

export const ARTICLE_HTML = `<!doctype html><html><head><title>Notes from the quay</title></head><body>
<article><h1>Notes from the quay</h1>
<p>${sentences(7, 6)}</p><p>${sentences(8, 6)}</p><p>${sentences(9, 6)}</p></article></body></html>`;

/** A page with links relative to its address, one within the page, and one no reader may follow. */
export const LINKED_HTML = `<!doctype html><html><head><title>Linked notes</title></head><body>
<article><h1>Linked notes</h1>
<p>${sentences(10, 4)} See <a href="annex.html">the annex</a>, <a href="/maps/quay?v=2">the quay map</a>,
<a href="//example.org/elsewhere">another site</a>, <a href="#top">the top</a>, <a href="mailto:ada@example.org">Ada</a>
and <a href="javascript:alert(1)">a script</a>.</p><p>${sentences(11, 6)}</p></article></body></html>`;

/** Serves `routes` (path → status, type, body) on 127.0.0.1; /slow answers after `slowMs`, /huge never ends by itself. */
export async function startTestSite(pdf: Uint8Array, slowMs = 5000): Promise<TestSite> {
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/article')
      return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE_HTML);
    if (path === '/notes/linked')
      return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(LINKED_HTML);
    if (path === '/report') return void response.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
    if (path === '/moved') return void response.writeHead(302, { location: '/article' }).end();
    if (path === '/loop') return void response.writeHead(301, { location: '/loop' }).end();
    if (path === '/elsewhere') return void response.writeHead(302, { location: 'ftp://127.0.0.1/file' }).end();
    if (path === '/huge') {
      // No Content-Length: the size is only found out while reading, and the reader must stop.
      response.writeHead(200, { 'content-type': 'text/html' });
      const block = Buffer.alloc(64 * 1024, 'a');
      const pump = (): void => {
        while (!response.destroyed && response.write(block));
        if (!response.destroyed) response.once('drain', pump);
      };
      return pump();
    }
    if (path === '/slow') return void setTimeout(() => response.writeHead(200).end(ARTICLE_HTML), slowMs);
    response.writeHead(404, { 'content-type': 'text/plain' }).end('no such page');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound and released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Serves one file's `bytes` as `type` at every path on 127.0.0.1 (a scan behind a web address). */
export async function serveOneFile(
  bytes: Uint8Array,
  type: string,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer(
    (_request, response) => void response.writeHead(200, { 'content-type': type }).end(bytes),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
