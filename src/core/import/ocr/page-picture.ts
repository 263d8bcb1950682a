// The original page view for pictures: an imported image's page (a TIFF's frame) drawn as a
// bounded PNG, and the words OCR finds on a page picture placed where they stand, so an
// annotation on a scanned page can be outlined like one on a PDF's text layer.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import UTIF from 'utif2';
import { UserFacingError } from '../../../shared/result';
import type { PlacedText } from '../page-render-protocol';
import type { RenderedPage } from '../page-render-protocol';
import { assertImageSizes, imageKindOf, imageSizes } from './image-header';
import { openOcr } from './ocr-engine';
import type { OcrChoice } from './ocr-models';

interface Bbox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface PlacedWord {
  text: string;
  bbox: Bbox;
}

interface WordBlocks {
  paragraphs?: ReadonlyArray<{ lines?: ReadonlyArray<{ words?: readonly PlacedWord[] }> }> | null;
}

/** A canvas of `width` × `height` scaled to fit `maxSide`, drawn by `draw`, as a PNG page. */
function pictureOf(
  width: number,
  height: number,
  maxSide: number,
  draw: (scale: number, context: CanvasContext) => void,
) {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  const canvas = createCanvas(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  draw(scale, context);
  return { png: new Uint8Array(canvas.toBuffer('image/png')), width: canvas.width, height: canvas.height };
}

type CanvasContext = ReturnType<ReturnType<typeof createCanvas>['getContext']>;

/** One TIFF frame's pixels, drawn at `scale`. */
function drawTiffFrame(bytes: Uint8Array, index: number, maxSide: number) {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const frame = UTIF.decode(buffer)[index]!;
  UTIF.decodeImage(buffer, frame);
  const rgba = UTIF.toRGBA8(frame);
  const full = createCanvas(frame.width, frame.height);
  const pixels = full.getContext('2d').createImageData(frame.width, frame.height);
  pixels.data.set(rgba.subarray(0, frame.width * frame.height * 4));
  full.getContext('2d').putImageData(pixels, 0, 0);
  return pictureOf(frame.width, frame.height, maxSide, (scale, context) => {
    context.drawImage(full, 0, 0, frame.width * scale, frame.height * scale);
  });
}

/** Page `page` (from 1) of an imported image, as a PNG no longer than `maxSide` on its longer side. */
export async function imagePage(
  fileName: string,
  bytes: Uint8Array,
  page: number,
  maxSide: number,
): Promise<RenderedPage> {
  const kind = imageKindOf(bytes);
  if (kind === undefined) throw new UserFacingError('INVALID_INPUT', `“${fileName}” is not a PNG, JPEG or TIFF image.`);
  const sizes = imageSizes(kind, bytes, fileName);
  assertImageSizes(sizes, fileName);
  if (page > sizes.length) {
    throw new UserFacingError(
      'NOT_FOUND',
      `“${fileName}” has ${sizes.length} page${sizes.length === 1 ? '' : 's'}; there is no page ${page}.`,
    );
  }
  let picture: { png: Uint8Array; width: number; height: number };
  if (kind === 'tiff') picture = drawTiffFrame(bytes, page - 1, maxSide);
  else {
    const image = await loadImage(Buffer.from(bytes));
    picture = pictureOf(image.width, image.height, maxSide, (scale, context) => {
      context.drawImage(image, 0, 0, image.width * scale, image.height * scale);
    });
  }
  return { page, pageCount: sizes.length, ...picture, text: [] };
}

/** The words OCR finds on a page picture, each placed as a fraction of the picture, for outlining. */
export async function recognizedWordsOn(
  png: Uint8Array,
  width: number,
  height: number,
  choice?: OcrChoice,
): Promise<PlacedText[]> {
  const ocr = await openOcr(choice);
  try {
    const blocks = (await ocr.recognize(png)) as readonly WordBlocks[];
    const placed: PlacedText[] = [];
    for (const block of blocks)
      for (const paragraph of block.paragraphs ?? [])
        for (const line of paragraph.lines ?? [])
          for (const { text, bbox } of line.words ?? []) {
            const wordHeight = (bbox.y1 - bbox.y0) / height;
            placed.push({
              text,
              left: bbox.x0 / width,
              width: (bbox.x1 - bbox.x0) / width,
              baseline: bbox.y0 / height + wordHeight * 0.8,
              height: wordHeight,
            });
          }
    return placed;
  } finally {
    await ocr.close();
  }
}
