// Reads an exported PDF back with pdfjs-dist, an independent reader: annotations with
// their quads, the text items on each page, metadata and outline.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;

export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  fontName: string;
}

export interface PdfAnnotation {
  subtype: string;
  contents: string;
  title: string;
  id: string;
  modified: string;
  color: number[];
  quadPoints: number[][];
  rect: number[];
  hasAppearance: boolean;
  page: number;
}

export interface ReadPdf {
  pageCount: number;
  pageSizes: Array<{ width: number; height: number }>;
  annotations: PdfAnnotation[];
  items: PdfTextItem[][];
  info: Record<string, string>;
  outline: string[];
}

interface RawAnnotation {
  subtype: string;
  contentsObj?: { str: string };
  titleObj?: { str: string };
  id?: string;
  annotationName?: string;
  modificationDate?: string;
  color?: Uint8ClampedArray | null;
  quadPoints?: Float32Array | null;
  rect: number[];
  hasAppearance?: boolean;
}

function quadsOf(flat: ArrayLike<number> | null | undefined): number[][] {
  const quads: number[][] = [];
  if (!flat) return quads;
  for (let index = 0; index + 8 <= flat.length; index += 8) quads.push(Array.from(flat).slice(index, index + 8));
  return quads;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const document = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const annotations: PdfAnnotation[] = [];
  const items: PdfTextItem[][] = [];
  const pageSizes: Array<{ width: number; height: number }> = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    pageSizes.push({ width: x1 - x0, height: y1 - y0 });
    for (const raw of (await page.getAnnotations()) as RawAnnotation[]) {
      annotations.push({
        subtype: raw.subtype,
        contents: raw.contentsObj?.str ?? '',
        title: raw.titleObj?.str ?? '',
        id: raw.annotationName ?? '',
        modified: raw.modificationDate ?? '',
        color: raw.color ? Array.from(raw.color) : [],
        quadPoints: quadsOf(raw.quadPoints),
        rect: Array.from(raw.rect),
        hasAppearance: raw.hasAppearance === true,
        page: number,
      });
    }
    const content = await page.getTextContent();
    items.push(
      content.items
        .filter(
          (
            item,
          ): item is typeof item & {
            str: string;
            transform: number[];
            width: number;
            height: number;
            fontName: string;
          } => 'str' in item,
        )
        .map((item) => ({
          str: item.str,
          x: item.transform[4]!,
          y: item.transform[5]!,
          width: item.width,
          height: item.height,
          fontName: item.fontName,
        })),
    );
  }
  const metadata = await document.getMetadata();
  const info: Record<string, string> = {};
  for (const [key, value] of Object.entries((metadata.info ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') info[key] = value;
  }
  const outline: string[] = [];
  const walk = (nodes: Array<{ title: string; items: unknown[] }> | null, depth: number): void => {
    for (const node of nodes ?? []) {
      outline.push(`${'  '.repeat(depth)}${node.title}`);
      walk(node.items as Array<{ title: string; items: unknown[] }>, depth + 1);
    }
  };
  walk((await document.getOutline()) as Array<{ title: string; items: unknown[] }> | null, 0);
  const pageCount = document.numPages;
  await document.destroy();
  return { pageCount, pageSizes, annotations, items, info, outline };
}

/** The text of the items whose middle lies inside any of the quads (PDF coordinates). */
export function textUnderQuads(items: readonly PdfTextItem[], quads: readonly number[][]): string {
  const picked: string[] = [];
  for (const item of items) {
    const middleX = item.x + item.width / 2;
    const baseline = item.y;
    const inside = quads.some((quad) => {
      const xs = [quad[0]!, quad[2]!, quad[4]!, quad[6]!];
      const ys = [quad[1]!, quad[3]!, quad[5]!, quad[7]!];
      return (
        middleX >= Math.min(...xs) &&
        middleX <= Math.max(...xs) &&
        baseline >= Math.min(...ys) &&
        baseline <= Math.max(...ys)
      );
    });
    if (inside) picked.push(item.str);
  }
  return picked.join(' ');
}

export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
