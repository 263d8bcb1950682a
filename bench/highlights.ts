// Highlights at scale (issue 3): a 1 MB document with 10,000 random, overlapping
// highlights under 30 tags, opened in the reader until every highlight is painted, beside
// the same document with none and the same text as static HTML, all in one run. Then the
// time from pressing h to the new highlight painted, and frame times while scrolling.
import { chromium } from '@playwright/test';
import { join } from 'node:path';
import { HIGHLIGHT_COLORS } from '../src/shared/annotations';
import { quoteSelectorFor } from '../src/shared/selectors';
import { MarginaliaCore } from '../src/core/core';
import { startBrowserHost } from '../src/server/browser-host';
import { CHROMIUM_ARGS, findChromium } from '../tests/support/browser';
import { makeTempDir } from '../tests/support/temp';
import {
  generateArticle,
  highlightRow,
  median,
  PAINT_PROBE,
  paintTimeOf,
  percentile,
  round,
  seededRandom,
  serveStaticText,
} from './support';

const APP_ROOT = join(import.meta.dirname, '..');
const HIGHLIGHTS = 10_000;
const TAGS = 30;
const RUNS = 5;
const CREATE_RUNS = 20;

/** Records when the reader says it has painted the open document's highlights. */
const HIGHLIGHT_PROBE = `
  (() => {
    const observer = new MutationObserver(() => {
      const article = document.querySelector('article[data-highlights-painted-for]');
      if (!article || window.__highlightsAt !== undefined) return;
      window.__highlightCount = Number(article.getAttribute('data-painted-highlights'));
      window.__knownCount = Number(article.getAttribute('data-known-highlights'));
      requestAnimationFrame(() => setTimeout(() => { window.__highlightsAt = performance.now(); }, 0));
    });
    observer.observe(document, { attributes: true, subtree: true, attributeFilter: ['data-highlights-painted-for'] });
  })();
`;

function seedHighlights(core: MarginaliaCore, documentId: string): void {
  const random = seededRandom(7);
  const text = core.documents.canonicalText(documentId);
  const hash = core.documents.detail(documentId).textSha256;
  const author = core.profile.read();
  core.db
    .transaction(() => {
      const tagIds: string[] = [];
      for (let index = 0; index < TAGS; index += 1) {
        const id = `bench-tag-${index}`;
        const now = new Date().toISOString();
        core.annotations.store.upsertTag({
          id,
          path: `Topic ${index % 6}/Tag ${index}`,
          color: '',
          description: '',
          created_at: now,
          updated_at: now,
        });
        tagIds.push(id);
      }
      const ids: string[] = [];
      for (let index = 0; index < HIGHLIGHTS; index += 1) {
        const start = Math.floor(random() * (text.length - 200));
        const end = start + 5 + Math.floor(random() * 115);
        const quote = quoteSelectorFor(text, start, end);
        const now = new Date(Date.UTC(2026, 0, 1, 0, 0, index)).toISOString();
        const row = highlightRow({
          id: `bench-${index}`,
          documentId: documentId,
          start: start,
          end: end,
          quote,
          textSha256: hash,
          anchorStatus: 'exact',
          color: HIGHLIGHT_COLORS[index % HIGHLIGHT_COLORS.length]!,
          note: '',
          author: { id: author.authorId, name: author.displayName },
          at: now,
        });
        core.annotations.store.insertRow(row);
        core.annotations.store.setTags(row.id, [tagIds[index % TAGS]!]);
        ids.push(row.id);
      }
      core.annotations.store.reindex(ids);
    })
    .immediate();
}

export async function runHighlightsBenchmark(): Promise<Record<string, unknown>> {
  const temp = makeTempDir('marginalia-bench-highlights-');
  const core = new MarginaliaCore({ dataDir: temp.path, host: 'browser', version: 'bench' });
  core.profile.rename('Bench Reader');
  const { html } = generateArticle();
  const annotated = core.importBytes('annotated.html', Buffer.from(html)).document.id;
  const plain = core.importBytes('plain.html', Buffer.from(`${html}<!-- a second copy -->`)).document.id;
  seedHighlights(core, annotated);
  const text = core.documents.canonicalText(annotated);

  const host = await startBrowserHost({ core, rendererDir: join(APP_ROOT, 'out', 'renderer') });
  const staticServer = await serveStaticText(text);
  const staticUrl = staticServer.url;

  const executablePath = findChromium();
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(PAINT_PROBE);
  await context.addInitScript(HIGHLIGHT_PROBE);
  const page = await context.newPage();
  await page.goto(host.url);
  await page.waitForFunction(
    () => (window as unknown as { __highlightsAt?: number }).__highlightsAt !== undefined,
    null,
    { timeout: 60_000 },
  );

  const openReader = async (documentId: string): Promise<{ ms: number; painted: number; known: number }> => {
    core.settings.update({ lastOpenedDocumentId: documentId });
    await page.goto('about:blank');
    await page.goto(`${host.origin}/`, { waitUntil: 'commit' });
    await page.waitForFunction(
      () => {
        const w = window as unknown as { __paintedAt?: number; __highlightsAt?: number };
        return w.__paintedAt !== undefined && w.__highlightsAt !== undefined;
      },
      null,
      { timeout: 60_000 },
    );
    return page.evaluate(() => {
      const w = window as unknown as {
        __paintedAt: number;
        __highlightsAt: number;
        __highlightCount: number;
        __knownCount: number;
      };
      return { ms: Math.max(w.__paintedAt, w.__highlightsAt), painted: w.__highlightCount, known: w.__knownCount };
    });
  };

  const withAll: number[] = [];
  const withNone: number[] = [];
  const staticTimes: number[] = [];
  let paintedCount = 0;
  let knownCount = 0;
  for (let run = 0; run < RUNS; run += 1) {
    staticTimes.push(await paintTimeOf(page, staticUrl));
    withNone.push((await openReader(plain)).ms);
    const opened = await openReader(annotated);
    withAll.push(opened.ms);
    paintedCount = opened.painted;
    knownCount = opened.known;
  }

  // Frame times while scrolling, with and without highlights.
  const scrollFrames = async (documentId: string) => {
    await openReader(documentId);
    await page.waitForTimeout(1500);
    return page.evaluate(async () => {
      const scroller = document.querySelector('main[aria-label="Reader"]') as HTMLElement;
      const deltas: number[] = [];
      let last = performance.now();
      for (let frame = 0; frame < 240; frame += 1) {
        scroller.scrollTop += 90;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const now = performance.now();
        deltas.push(now - last);
        last = now;
      }
      return deltas;
    });
  };
  const framesAll = await scrollFrames(annotated);
  const framesNone = await scrollFrames(plain);

  // Creating one highlight with 10,000 already painted: from the h keydown to the frame
  // after the new highlight is painted.
  await openReader(annotated);
  await page.waitForTimeout(1500);
  const random = seededRandom(99);
  const createTimes: number[] = [];
  for (let run = 0; run < CREATE_RUNS; run += 1) {
    const paragraph = 5 + Math.floor(random() * 1500);
    const selected = await page.evaluate((index) => {
      const blocks = document.querySelectorAll('[data-testid="reader-content"] > p');
      const block = blocks[index] as HTMLElement;
      block.scrollIntoView({ block: 'center' });
      const node = block.querySelector('span')?.firstChild as Text;
      const range = document.createRange();
      range.setStart(node, 10);
      range.setEnd(node, 40);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return node.data.slice(10, 40);
    }, paragraph);
    await page.getByRole('toolbar', { name: 'Annotate selection' }).waitFor();
    const before = await page.evaluate(() =>
      Number(document.querySelector('article')?.getAttribute('data-painted-highlights')),
    );
    // Both ends are stamped in the page: the keydown, and the frame after the painted count grows.
    await page.evaluate((count) => {
      const w = window as unknown as { __pressedAt?: number; __createdAt?: number };
      w.__pressedAt = undefined;
      w.__createdAt = undefined;
      window.addEventListener('keydown', () => (w.__pressedAt = performance.now()), { once: true, capture: true });
      const article = document.querySelector('article')!;
      const observer = new MutationObserver(() => {
        if (Number(article.getAttribute('data-painted-highlights')) <= count) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (w.__createdAt = performance.now()), 0));
      });
      observer.observe(article, { attributes: true, attributeFilter: ['data-painted-highlights'] });
    }, before);
    await page.getByRole('main', { name: 'Reader' }).press('h');
    await page.waitForFunction(() => (window as unknown as { __createdAt?: number }).__createdAt !== undefined, null, {
      timeout: 10_000,
    });
    const ms = await page.evaluate(() => {
      const w = window as unknown as { __pressedAt: number; __createdAt: number };
      return w.__createdAt - w.__pressedAt;
    });
    if (!selected) throw new Error('nothing selected');
    createTimes.push(ms);
    await page.waitForTimeout(300);
  }

  await browser.close();
  await host.close();
  staticServer.close();
  core.close();
  temp.remove();

  const all = median(withAll);
  const none = median(withNone);
  const flat = median(staticTimes);
  const frameStats = (deltas: number[]) => ({
    p50Ms: round(percentile(deltas, 50)),
    p95Ms: round(percentile(deltas, 95)),
    maxMs: round(Math.max(...deltas)),
    over33Ms: deltas.filter((delta) => delta > 33.4).length,
    frames: deltas.length,
  });
  return {
    method: 'CSS Custom Highlight API over the read-only Lexical DOM',
    document: {
      canonicalTextChars: text.length,
      highlights: HIGHLIGHTS,
      tags: TAGS,
      highlightsKnownToTheReader: knownCount,
      highlightsRegisteredAtOpen: paintedCount,
      note:
        'above 1,500 highlights the reader registers only those within a screen of the viewport; ' +
        'scrolling registers the rest as they approach (scrollFrames measures that)',
    },
    runs: RUNS,
    open: {
      metric: 'navigation start to the frame after the text and every highlight on screen are painted (median)',
      withHighlightsMs: round(all),
      withHighlightsRunsMs: withAll.map((value) => round(value)),
      noHighlightsMs: round(none),
      staticHtmlMs: round(flat),
      ratioVsNoHighlights: round(all / none, 2),
      targetVsNoHighlights: 1.5,
      ratioVsStatic: round(all / flat, 2),
      targetVsStatic: 2.5,
    },
    createOneHighlight: {
      metric: 'h keydown to the frame after the new highlight is painted, with 10,000 painted',
      runs: CREATE_RUNS,
      p50Ms: round(percentile(createTimes, 50)),
      p95Ms: round(percentile(createTimes, 95)),
      maxMs: round(Math.max(...createTimes)),
      targetP95Ms: 50,
    },
    scrollFrames: { withHighlights: frameStats(framesAll), noHighlights: frameStats(framesNone) },
  };
}
