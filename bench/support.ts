// Shared helpers for benchmarks: statistics, a seeded generator, result files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { join } from 'node:path';
import type { AnnotationRow } from '../src/core/annotations';

export const RESULTS_DIR = join(import.meta.dirname, 'results');

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Mulberry32: a small seeded generator so every run benchmarks the same input. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'the militia council reported that fighters entered the coastal city before dawn while residents sheltered near',
  'the hospital and officials said the security directorate was seized after heavy clashes with local brigades',
  'who had raided buildings south of the town according to witnesses and wire reports',
]
  .join(' ')
  .split(' ');

export function sentence(random: () => number, words: number): string {
  const parts = Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]!);
  const text = parts.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

export function writeResult(name: string, result: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const path = join(RESULTS_DIR, `${name}-${stamp}.json`);
  const body = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(path, body);
  writeFileSync(join(RESULTS_DIR, `${name}-latest.json`), body);
  return path;
}

export const SENTINEL = 'Sentinel closing paragraph of the benchmark document.';

/** A 1 MB article of about 2,000 paragraphs with a section heading every 150, as HTML. */
export function generateArticle(seed = 2026): { html: string; paragraphs: string[] } {
  const random = seededRandom(seed);
  const paragraphs: string[] = [];
  let size = 0;
  while (size < 1_000_000) {
    const paragraph = Array.from({ length: 4 }, () => sentence(random, 14 + Math.floor(random() * 8))).join(' ');
    paragraphs.push(paragraph);
    size += paragraph.length;
  }
  paragraphs.push(SENTINEL);
  const body = paragraphs
    .map((text, index) =>
      index % 150 === 0 ? `<h2>Section ${index / 150 + 1}</h2>\n<p>${text}</p>` : `<p>${text}</p>`,
    )
    .join('\n');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Benchmark report on coastal clashes</title>
<meta name="author" content="Bench Writer"></head><body><header><nav><a href="/">Home</a></nav></header>
<article><h1>Benchmark report on coastal clashes</h1>${body}</article><footer>Footer text</footer></body></html>`;
  return { html, paragraphs };
}

/** Installed before any page script: records when the sentinel paragraph is first painted. */
export const PAINT_PROBE = `
  (() => {
    const sentinel = ${JSON.stringify(SENTINEL)};
    const observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) {
        if (node.textContent && node.textContent.includes(sentinel)) {
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => { window.__paintedAt = performance.now(); }, 0));
          return;
        }
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  })();
`;

/** Serves a canonical text as a plain static HTML page on loopback: the reader's baseline. */
export async function serveStaticText(text: string): Promise<{ url: string; close: () => void }> {
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>static</title>
<style>body{max-width:68ch;margin:0 auto;font:19px/1.6 Georgia,serif}</style></head><body>
${text
  .split('\n\n')
  .map((paragraph) => `<p>${paragraph.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
  .join('\n')}</body></html>`;
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => server.close() };
}

/** Opens a URL fresh and returns when its sentinel paragraph was painted (PAINT_PROBE installed). */
export async function paintTimeOf(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __paintedAt?: number }).__paintedAt !== undefined, null, {
    timeout: 60_000,
  });
  return page.evaluate(() => (window as unknown as { __paintedAt: number }).__paintedAt);
}

/** A highlight row as the store keeps it, for benches that fill a library straight through the repository. */
export function highlightRow(fields: {
  id: string;
  documentId: string;
  start: number;
  end: number;
  quote: { exact: string; prefix: string; suffix: string };
  textSha256: string;
  anchorStatus: AnnotationRow['anchor_status'];
  color: string;
  note: string;
  author: { id: string; name: string };
  at: string;
}): AnnotationRow {
  return {
    id: fields.id,
    document_id: fields.documentId,
    kind: 'highlight',
    start_offset: fields.start,
    end_offset: fields.end,
    exact: fields.quote.exact,
    prefix: fields.quote.prefix,
    suffix: fields.quote.suffix,
    text_sha256: fields.textSha256,
    anchor_status: fields.anchorStatus,
    anchor_score: 1,
    color: fields.color,
    note_json: '',
    note_text: fields.note,
    note_markdown: fields.note,
    author_id: fields.author.id,
    author_name: fields.author.name,
    created_at: fields.at,
    updated_at: fields.at,
  };
}
