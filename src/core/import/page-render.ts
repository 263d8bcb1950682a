// Draws one page of a PDF to a PNG with pdfjs-dist on @napi-rs/canvas, and lists where the
// page's text runs are. Runs inside a worker thread (see page-worker.ts).
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { UserFacingError } from '../../shared/result';
import type { Pdfjs } from './formats/pdf-library';
import { openPdf, pdfjsLibrary } from './formats/pdf-library';
import type { PageRenderJob, RenderedPage } from './page-render-protocol';
import type { PlacedText } from './page-render-protocol';

/** Enough runs for any real page; a page listing more is not read for regions past these. */
const MAX_TEXT_RUNS = 50_000;

interface NodeCanvas {
  encode(format: 'png'): Promise<Uint8Array>;
}

interface MeasuringContext {
  font: string;
  measureText(text: string): { width: number };
}

/** pdfjs's own canvas factory: its @napi-rs/canvas copy is the one its Path2D polyfill comes from. */
interface CanvasFactory {
  create(width: number, height: number): { canvas: NodeCanvas; context: unknown };
}

type RenderParameters = Parameters<PDFPageProxy['render']>[0];

async function drawPage(document: PDFDocumentProxy, page: PDFPageProxy, maxSide: number) {
  const natural = page.getViewport({ scale: 1 });
  if (!(natural.width > 0 && natural.height > 0)) {
    throw new UserFacingError('INVALID_INPUT', `Page ${page.pageNumber} has no size, so it cannot be drawn.`);
  }
  const scale = maxSide / Math.max(natural.width, natural.height);
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.round(viewport.width));
  const height = Math.max(1, Math.round(viewport.height));
  const factory = (document as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const { canvas, context } = factory.create(width, height);
  const parameters = { canvas, canvasContext: context, viewport, background: 'white' };
  await page.render(parameters as unknown as RenderParameters).promise;
  return { width, height, png: await canvas.encode('png') };
}

interface TextRun {
  str?: unknown;
  transform?: unknown;
  width?: unknown;
}

/**
 * Where each character of `text` begins, as fractions of the run, by a sans-serif font's
 * widths: the PDF's own glyph widths are not in its text content, and even spacing puts
 * the end of a short quote in a long line off by a word. Control characters (a NUL in a
 * hostile file) have no width, and the canvas refuses to measure them.
 */
function characterOffsets(measure: MeasuringContext, text: string): number[] | undefined {
  // One width per UTF-16 unit; text with surrogate pairs keeps the even spacing.
  if ([...text].length !== text.length) return undefined;
  try {
    const widths = Array.from(text, (char) => (char < ' ' ? 0 : measure.measureText(char).width));
    const total = widths.reduce((sum, width) => sum + width, 0);
    if (!(total > 0)) return undefined;
    const offsets = [0];
    let at = 0;
    for (const width of widths) offsets.push((at += width) / total);
    return offsets;
  } catch {
    // A character the canvas cannot take (a lone surrogate): even spacing will do.
    return undefined;
  }
}

/** The page's text runs in fractions of the page (top left origin), from its unscaled viewport. */
async function placedText(pdfjs: Pdfjs, page: PDFPageProxy, measure: MeasuringContext): Promise<PlacedText[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const placed: PlacedText[] = [];
  for (const item of (content.items as TextRun[]).slice(0, MAX_TEXT_RUNS)) {
    if (typeof item.str !== 'string' || item.str === '' || !Array.isArray(item.transform)) continue;
    // The unscaled viewport measures in page units, as the run's width already is.
    const [, , c, d, e, f] = pdfjs.Util.transform(viewport.transform, item.transform as number[]) as number[];
    placed.push({
      text: item.str,
      left: e! / viewport.width,
      baseline: f! / viewport.height,
      height: Math.hypot(c!, d!) / viewport.height,
      width: Number(item.width) / viewport.width,
      ...optional('offsets', characterOffsets(measure, item.str)),
    });
  }
  return placed;
}

function optional<Key extends string, Value>(key: Key, value: Value | undefined) {
  return (value === undefined ? {} : { [key]: value }) as Partial<Record<Key, Value>>;
}

function pageOutside(job: PageRenderJob, pageCount: number): UserFacingError {
  return new UserFacingError(
    'NOT_FOUND',
    `“${job.fileName}” has ${pageCount} page${pageCount === 1 ? '' : 's'}; there is no page ${job.page}.`,
  );
}

/** Draws `job.page` of the PDF in `job.bytes`. */
export async function renderPdfPage(job: PageRenderJob): Promise<RenderedPage> {
  const pdfjs = await pdfjsLibrary();
  const document = await openPdf(pdfjs, {
    fileName: job.fileName,
    bytes: job.bytes,
    ...(job.password === undefined ? {} : { password: job.password }),
  });
  try {
    if (job.page < 1 || job.page > document.numPages) throw pageOutside(job, document.numPages);
    const page = await document.getPage(job.page);
    const drawn = await drawPage(document, page, job.maxSide);
    const factory = (document as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const measure = factory.create(1, 1).context as MeasuringContext;
    measure.font = '10px sans-serif';
    const text = await placedText(pdfjs, page, measure);
    const label = (await document.getPageLabels().catch(() => null))?.[job.page - 1];
    return { page: job.page, pageCount: document.numPages, ...(label ? { label } : {}), ...drawn, text };
  } finally {
    await document.destroy();
  }
}
