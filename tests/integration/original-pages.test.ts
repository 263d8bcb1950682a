import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { Annotation } from '../../src/shared/annotations';
import type { DocumentDetail, OriginalPage } from '../../src/shared/model';
import { pageSpan } from '../../src/shared/page-map';
import type { ContractError } from '../../src/shared/result';
import {
  FONT_SIZE,
  PAGED_TITLE,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  bodyWidth,
  buildPagedPdf,
  pageLines,
} from '../support/paged-pdf';
import { buildFixturePdf } from '../support/pdf-fixtures';
import { makeTempDir } from '../support/temp';
import { PageWorker, renderInWorker } from '../../src/core/import';

// Pages of a PDF on real SQLite and a real reader worker: an annotation's page, search
// hits' pages, and the original page drawn as a PNG with the annotated words outlined
// where pdfkit drew them.

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let document: DocumentDetail;
let text: string;
let lines: Awaited<ReturnType<typeof buildPagedPdf>>['lines'];

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await core.call(method as never, input as never);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function failure(method: string, input: unknown): Promise<ContractError> {
  const result = await core.call(method as never, input as never);
  if (result.ok) throw new Error(`${method} succeeded`);
  return result.error;
}

async function annotate(quote: string): Promise<Annotation> {
  const start = text.indexOf(quote);
  expect(start).toBeGreaterThan(0);
  return call<Annotation>('createAnnotation', { documentId: document.id, start, end: start + quote.length });
}

/** The PNG's size from its IHDR chunk. */
function pngSize(base64: string): { width: number; height: number } {
  const bytes = Buffer.from(base64, 'base64');
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

beforeAll(async () => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
  const built = await buildPagedPdf();
  lines = built.lines;
  const outcome = await call<{ document: { id: string } }>('importDocument', {
    fileName: 'harbour.pdf',
    dataBase64: Buffer.from(built.bytes).toString('base64'),
  });
  document = await call<DocumentDetail>('getDocument', { id: outcome.document.id });
  text = (await call<{ text: string }>('getDocumentText', { id: document.id })).text;
}, 60_000);

afterAll(() => {
  core.close();
  temp.remove();
});

describe('pages of an imported PDF', () => {
  it('sends the page map with the document, so an annotation on page 3 knows it is on p. 3', async () => {
    expect(document.pageMap.map((entry) => entry.number)).toEqual([1, 2, 3, 4]);
    const onOne = await annotate(pageLines(1)[2]!);
    const onThree = await annotate(pageLines(3)[1]!);
    const span = (annotation: Annotation) =>
      pageSpan(document.pageMap, annotation.target!.position.start, annotation.target!.position.end)?.text;
    expect(span(onOne)).toBe('p. 1');
    expect(span(onThree)).toBe('p. 3');
    const from = text.indexOf(pageLines(2)[3]!);
    const across = await call<Annotation>('createAnnotation', {
      documentId: document.id,
      start: from,
      end: text.indexOf(pageLines(3)[0]!) + 10,
    });
    expect(span(across)).toBe('pp. 2–3');
  });

  it('gives a document without pages an empty page map', async () => {
    const outcome = await call<{ document: { id: string } }>('importDocument', {
      fileName: 'plain.txt',
      dataBase64: Buffer.from('Plain\nNo pages here.').toString('base64'),
    });
    expect((await call<DocumentDetail>('getDocument', { id: outcome.document.id })).pageMap).toEqual([]);
  });

  it('puts the page on search hits in the text and in annotations', async () => {
    await annotate('amphorae were logged in trench number 22');
    const results = await call<{ groups: Array<{ hits: Array<{ kind: string; page?: { text: string } }> }> }>(
      'search',
      { query: 'amphorae', documentId: document.id },
    );
    const hits = results.groups[0]!.hits;
    // The first is the annotation on page 1 made above, in reading order.
    expect(hits.filter((hit) => hit.kind === 'annotation').map((hit) => hit.page?.text)).toEqual(['p. 1', 'p. 2']);
    expect(hits.filter((hit) => hit.kind === 'text').map((hit) => hit.page?.text)).toEqual([
      'p. 1',
      'p. 2',
      'p. 3',
      'p. 4',
    ]);
  });
});

describe('the original page', () => {
  it('draws page 3 as a PNG of the page’s shape, with the annotated words outlined where they were drawn', async () => {
    const quote = 'day 3 measured the quay wall';
    const annotation = await annotate(quote);
    const page = await call<OriginalPage>('getOriginalPage', {
      documentId: document.id,
      page: 3,
      annotationId: annotation.id,
    });
    expect(page).toMatchObject({ page: 3, pageCount: 4 });
    expect(pngSize(page.pngBase64)).toEqual({ width: page.width, height: page.height });
    expect(Math.max(page.width, page.height)).toBe(1600);
    expect(page.width / page.height).toBeCloseTo(PAGE_WIDTH / PAGE_HEIGHT, 2);
    expect(page.regions).toHaveLength(1);
    const region = page.regions[0]!;
    const line = lines.find((drawn) => drawn.page === 3 && drawn.text.includes(quote))!;
    // pdfkit's y is the top of the line box; the words start after "The divers on ".
    expect(region.y * PAGE_HEIGHT).toBeGreaterThan(line.y - 4);
    expect(region.y * PAGE_HEIGHT).toBeLessThan(line.y + 6);
    expect(region.height * PAGE_HEIGHT).toBeGreaterThan(FONT_SIZE * 0.8);
    expect(region.height * PAGE_HEIGHT).toBeLessThan(FONT_SIZE * 2);
    // Across, the words run from after "The divers on " for the quote's own width (within a few points).
    const left = line.x + bodyWidth('The divers on ');
    expect(Math.abs(region.x * PAGE_WIDTH - left)).toBeLessThan(6);
    expect(Math.abs(region.width * PAGE_WIDTH - bodyWidth(quote))).toBeLessThan(8);
  }, 60_000);

  it('outlines nothing for an annotation on another page, and says which pages exist for a page past the end', async () => {
    const annotation = await annotate(pageLines(1)[0]!);
    const page = await call<OriginalPage>('getOriginalPage', {
      documentId: document.id,
      page: 2,
      annotationId: annotation.id,
    });
    expect(page.regions).toEqual([]);
    const error = await failure('getOriginalPage', { documentId: document.id, page: 9 });
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('“harbour.pdf” has 4 pages; there is no page 9.');
  }, 60_000);

  it('fails a damaged file or a page that takes too long with a message naming the page, in the worker', async () => {
    const job = { kind: 'renderPage' as const, fileName: 'torn.pdf', page: 1, maxSide: 800 };
    await expect(renderInWorker({ ...job, bytes: new TextEncoder().encode('%PDF-1.7\n1 0 obj <<') })).rejects.toThrow(
      /“torn\.pdf” could not be read as a PDF/,
    );
    const built = await buildPagedPdf(1);
    await expect(
      renderInWorker({ ...job, bytes: built.bytes }, { maxOldGenerationSizeMb: 256, timeoutMs: 1 }),
    ).rejects.toThrow(/^Page 1 of “torn\.pdf” could not be drawn: it took longer than [\d.]+ s\.$/);
  }, 60_000);

  it('keeps one worker for page after page, and a page that fails does not stop the next', async () => {
    const worker = new PageWorker();
    try {
      const built = await buildPagedPdf(2);
      const job = { kind: 'renderPage' as const, fileName: 'two.pdf', maxSide: 400 };
      await expect(worker.render({ ...job, page: 3, bytes: built.bytes })).rejects.toThrow(
        '“two.pdf” has 2 pages; there is no page 3.',
      );
      const [first, second] = await Promise.all([
        worker.render({ ...job, page: 1, bytes: built.bytes }),
        worker.render({ ...job, page: 2, bytes: built.bytes }),
      ]);
      expect([first.page, second.page]).toEqual([1, 2]);
      expect(Math.max(second.width, second.height)).toBe(400);
    } finally {
      worker.close();
    }
  }, 60_000);

  it('says a document from a text file has no original pages', async () => {
    const outcome = await call<{ document: { id: string } }>('importDocument', {
      fileName: 'notes.md',
      dataBase64: Buffer.from('# Notes\n\nA line.').toString('base64'),
    });
    const error = await failure('getOriginalPage', { documentId: outcome.document.id, page: 1 });
    expect(error).toEqual({
      code: 'UNSUPPORTED_TYPE',
      message: '“Notes” was imported from a MD file, which has no original pages to show.',
    });
  });
});

describe('pages after Edit text', () => {
  it('keeps each page starting at its own text when words are added on an earlier page', async () => {
    const edited = document.lexicalJson.replace('Section 1 opens with', 'Section 1, as corrected, opens with');
    expect(edited).not.toBe(document.lexicalJson);
    await call('updateDocumentText', { id: document.id, lexicalJson: edited });
    const after = await call<DocumentDetail>('getDocument', { id: document.id });
    const newText = (await call<{ text: string }>('getDocumentText', { id: document.id })).text;
    expect(newText).toContain('as corrected');
    // Page 1 begins with the title it prints, the others with their first section.
    for (const page of [1, 2, 3, 4]) {
      const entry = after.pageMap.find((candidate) => candidate.number === page)!;
      expect(newText.slice(entry.start)).toMatch(new RegExp(`^${page === 1 ? PAGED_TITLE : `Section ${page}`}`));
    }
  });
});

describe('regions on a two-column PDF with running heads and hyphenation', () => {
  it('outlines a word hyphenated across a line end as two boxes, one on each line, on the page it is on', async () => {
    const built = await buildFixturePdf();
    const outcome = await call<{ document: { id: string } }>('importDocument', {
      fileName: 'coastal.pdf',
      dataBase64: Buffer.from(built.bytes).toString('base64'),
    });
    const detail = await call<DocumentDetail>('getDocument', { id: outcome.document.id });
    const fixtureText = (await call<{ text: string }>('getDocumentText', { id: detail.id })).text;
    // Every place the first hyphenated word occurs: at least one is the one split across a line end.
    const word = built.hyphenated[0]!;
    const found: OriginalPage['regions'][] = [];
    for (let at = fixtureText.indexOf(word); at >= 0; at = fixtureText.indexOf(word, at + 1)) {
      const annotation = await call<Annotation>('createAnnotation', {
        documentId: detail.id,
        start: at,
        end: at + word.length,
      });
      const page = await call<OriginalPage>('getOriginalPage', {
        documentId: detail.id,
        page: pageSpan(detail.pageMap, at, at + word.length)!.first,
        annotationId: annotation.id,
      });
      found.push(page.regions);
    }
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((regions) => regions.length >= 1)).toBe(true);
    const split = found.find((regions) => regions.length === 2);
    expect(split).toBeDefined();
    const [first, second] = split!;
    // The second box is one body line (13 pt) below the first and starts at a column's left edge.
    expect((second!.y - first!.y) * PAGE_HEIGHT).toBeGreaterThan(10);
    expect((second!.y - first!.y) * PAGE_HEIGHT).toBeLessThan(16);
    expect([72, 315].some((column) => Math.abs(second!.x * PAGE_WIDTH - column) < 3)).toBe(true);
  }, 90_000);
});
