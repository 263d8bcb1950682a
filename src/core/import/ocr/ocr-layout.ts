// Reads recognized pages' layout as the PDF reader reads a text layer's: each OCR line placed as
// a PdfLine, so running heads, running feet and page numbers go by the text layer's own rules,
// and the first page's largest text can be the title, as a text layer's is.
import type { PageFrame } from '../formats/pdf-furniture';
import { removeFurniture } from '../formats/pdf-furniture';
import type { PdfLine } from '../formats/pdf-lines';
import type { OcrBlock, OcrLine, OcrParagraph } from './ocr-blocks';

/** Page images are taken as 300 dpi scans (PDF pages are rendered so): pixels to points, the text layer's unit. */
const POINTS_PER_PIXEL = 72 / 300;

export interface RecognizedPage {
  blocks: readonly OcrBlock[];
  /** The page image's height in pixels. */
  height: number;
}

/** A page number's part: digits, or what OCR reads for one (a bar or a letter l or I for 1, a letter O for 0). */
const NUMBER_AS_READ = String.raw`[\d|lIOo]{1,5}`;
/** "Page 3 of 9", "Page 1 sur 1", "3 / 9": a page-number line as pdf-furniture's patterns read it, and nothing else. */
const PAGE_NUMBER_AS_READ = new RegExp(
  String.raw`^(?:(?:[Pp]age|PAGE|[Pp]\.|[Pp]g\.?|[Ss]eite|[Pp]ágina|[Pp]agina)\s*${NUMBER_AS_READ}` +
    String.raw`(?:\s*(?:of|OF|\/|von|de|di|sur)\s*${NUMBER_AS_READ})?|${NUMBER_AS_READ}\s*(?:of|\/)\s*${NUMBER_AS_READ})$`,
);

/**
 * A page-number line OCR misread ("Page | sur 1", "Page l of 3") with its digits back, so it goes
 * as a correctly read one does. Only a line that is exactly such a pattern and has a real digit
 * in it: "Page I of the treaty", or "Page I of II" (roman), are text and stay as they are.
 */
export function pageNumberAsRead(text: string): string {
  if (!/\d/.test(text) || !PAGE_NUMBER_AS_READ.test(text)) return text;
  return text.replace(
    /(^|[\s/]|\.)([\d|lIOo]{1,5})(?=\s|\/|$)/g,
    (_, before: string, number: string) => before + number.replace(/[|lI]/g, '1').replace(/[Oo]/g, '0'),
  );
}

/** The line as the text layer would give it (y from the page's bottom, size its row height); undefined with no box. */
function placed(line: OcrLine, height: number): PdfLine | undefined {
  const box = line.bbox;
  if (box === undefined) return undefined;
  const baseline = line.baseline ? (line.baseline.y0 + line.baseline.y1) / 2 : box.y1;
  const size = line.rowAttributes?.rowHeight ?? box.y1 - box.y0;
  return {
    text: pageNumberAsRead(line.words.map((word) => word.text.replace(/\s+/g, '')).join(' ')),
    x0: box.x0 * POINTS_PER_PIXEL,
    x1: box.x1 * POINTS_PER_PIXEL,
    y: (height - baseline) * POINTS_PER_PIXEL,
    size: size * POINTS_PER_PIXEL,
    font: '',
  };
}

function linesOf(blocks: readonly OcrBlock[]): OcrLine[] {
  return blocks.flatMap((block) => (block.paragraphs ?? []).flatMap((paragraph) => paragraph.lines));
}

/** The size (to half a point) most of the recognized characters are set in. */
export function bodySizeOf(lines: Iterable<PdfLine>): number {
  const characters = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    characters.set(size, (characters.get(size) ?? 0) + line.text.length);
  }
  return [...characters.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** Each OCR line with a place, placed; the map leads back from the placed line to the OCR one. */
export function placeLines(pages: readonly RecognizedPage[]): {
  frames: PageFrame[];
  placedLines: Map<OcrLine, PdfLine>;
} {
  const placedLines = new Map<OcrLine, PdfLine>();
  const frames = pages.map(({ blocks, height }): PageFrame => {
    const lines: PdfLine[] = [];
    for (const line of linesOf(blocks)) {
      const pdfLine = placed(line, height);
      if (pdfLine === undefined || pdfLine.text === '') continue;
      placedLines.set(line, pdfLine);
      lines.push(pdfLine);
    }
    return { top: height * POINTS_PER_PIXEL, bottom: 0, lines };
  });
  return { frames, placedLines };
}

/** The blocks with only the lines `keep` allows, paragraphs left empty dropped. */
function keepLines(blocks: readonly OcrBlock[], keep: (line: OcrLine) => boolean): OcrBlock[] {
  return blocks.map((block) => ({
    paragraphs: (block.paragraphs ?? [])
      .map((paragraph) => ({ lines: paragraph.lines.filter(keep) }))
      .filter((paragraph) => paragraph.lines.length > 0),
  }));
}

/** Text set larger than the body by this share is a heading, and can be the title (20 pt over 11 reads as 1.6). */
const TITLE_SHARE = 1.2;

/**
 * The first page's largest paragraph, when it is set larger than the text and holds a word: the
 * title, as the text layer's first page gives one. A page all in one size has none.
 */
function titleParagraph(
  pages: readonly OcrBlock[][],
  placedLines: ReadonlyMap<OcrLine, PdfLine>,
  bodySize: number,
): OcrParagraph | undefined {
  const first = pages.find((blocks) => blocks.some((block) => (block.paragraphs ?? []).length > 0)) ?? [];
  const sizeOf = (paragraph: OcrParagraph): number =>
    Math.max(0, ...paragraph.lines.map((line) => placedLines.get(line)?.size ?? 0));
  let title: OcrParagraph | undefined;
  for (const paragraph of first.flatMap((block) => block.paragraphs ?? [])) {
    if (title === undefined || sizeOf(paragraph) > sizeOf(title)) title = paragraph;
  }
  if (title === undefined || sizeOf(title) < TITLE_SHARE * bodySize) return undefined;
  const letters = title.lines.flatMap((line) => line.words.map((word) => word.text)).join('');
  return /\p{L}.*\p{L}/u.test(letters) ? title : undefined;
}

export interface OcrLayout {
  /** Each page's blocks, furniture removed. */
  pages: OcrBlock[][];
  title: OcrParagraph | undefined;
}

/** The pages without their furniture, and the paragraph that titles them, if one does. */
export function layOut(pages: readonly RecognizedPage[]): OcrLayout {
  const { frames, placedLines } = placeLines(pages);
  const bodySize = bodySizeOf(placedLines.values());
  const kept = new Set(removeFurniture(frames, bodySize).flat());
  const bodies = pages.map(({ blocks }) =>
    keepLines(blocks, (line) => {
      const pdfLine = placedLines.get(line);
      return pdfLine === undefined || kept.has(pdfLine);
    }),
  );
  return { pages: bodies, title: titleParagraph(bodies, placedLines, bodySize) };
}

/**
 * Each page's blocks without its running heads, running feet and page numbers, found as the text
 * layer's are (pdf-furniture): margin lines repeating across pages, and lines that read as page numbers.
 */
export function withoutFurniture(pages: readonly RecognizedPage[]): OcrBlock[][] {
  return layOut(pages).pages;
}
