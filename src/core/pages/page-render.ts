// Draws one page of a PDF to a PNG with pdfjs-dist on @napi-rs/canvas, and lists where the
// page's text runs are. Runs inside a worker thread (see page-worker-host.ts).
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { UserFacingError } from '../../shared/result';
import type { Pdfjs } from '../import/formats/pdf-library';
import { openPdf, pdfjsLibrary } from '../import/formats/pdf-library';
import type { PageRenderJob, RenderedPage } from './page-render-protocol';
import type { PlacedText } from './page-regions';

/** Enough runs for any real page; a page listing more is not read for regions past these. */
const MAX_TEXT_RUNS = 50_000;

interface NodeCanvas {
  encode(format: 'png'): Promise<Uint8Array>;
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

/** The page's text runs in fractions of the page (top left origin), from its unscaled viewport. */
async function placedText(pdfjs: Pdfjs, page: PDFPageProxy): Promise<PlacedText[]> {
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
    });
  }
  return placed;
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
  const document = await openPdf(pdfjs, { fileName: job.fileName, bytes: job.bytes });
  try {
    if (job.page < 1 || job.page > document.numPages) throw pageOutside(job, document.numPages);
    const page = await document.getPage(job.page);
    const drawn = await drawPage(document, page, job.maxSide);
    const text = await placedText(pdfjs, page);
    const label = (await document.getPageLabels().catch(() => null))?.[job.page - 1];
    return { page: job.page, pageCount: document.numPages, ...(label ? { label } : {}), ...drawn, text };
  } finally {
    await document.destroy();
  }
}
