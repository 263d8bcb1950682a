// The reader for page images (PNG, JPEG, TIFF): each page (a TIFF's frames) recognized with
// OCR into paragraphs that keep their page. Sizes are checked from the header before decoding.
import { createCanvas } from '@napi-rs/canvas';
import UTIF from 'utif2';
import type { Block } from '../../../shared/document-blocks';
import { UserFacingError } from '../../../shared/result';
import type { FormatInput, ReadDocument } from '../formats/format-reader';
import { cleanTitle } from '../parsed-document';
import type { ImageKind, ImageSize } from './image-header';
import { imageDate } from './image-date';
import { IMAGE_MIME_TYPES, assertImageSizes, imageKindOf, imageSizes } from './image-header';
import { withoutTitleParagraph } from './ocr-blocks';
import { ocrImporterName } from './ocr-engine';
import { DEFAULT_OCR } from './ocr-models';
import type { PageImages } from './ocr-pages';
import { recognizePages } from './ocr-pages';

const KIND_NAMES: Record<ImageKind, string> = { png: 'PNG', jpeg: 'JPEG', tiff: 'TIFF' };

/** RGBA pixels as a PNG, which tesseract reads. */
async function pngOf(rgba: Uint8Array, { width, height }: ImageSize): Promise<Uint8Array> {
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(width, height);
  pixels.data.set(rgba.subarray(0, width * height * 4));
  context.putImageData(pixels, 0, 0);
  return canvas.encode('png');
}

/** A TIFF's frames, each decoded only when it is its turn (one page's pixels in memory at a time). */
function tiffPages(bytes: Uint8Array, sizes: readonly ImageSize[], fileName: string): PageImages {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let directories: UTIF.IFD[];
  try {
    directories = UTIF.decode(buffer).slice(0, sizes.length);
  } catch (error) {
    throw new UserFacingError(
      'INVALID_INPUT',
      `“${fileName}” could not be read as a TIFF (${String(error).slice(0, 200)}).`,
    );
  }
  return {
    count: directories.length,
    page: (index) => ({ number: index + 1 }),
    image: async (index) => {
      const directory = directories[index]!;
      UTIF.decodeImage(buffer, directory);
      const rgba = UTIF.toRGBA8(directory);
      const png = await pngOf(rgba, { width: directory.width, height: directory.height });
      directory.data = new Uint8Array(0);
      return png;
    },
  };
}

function singlePage(bytes: Uint8Array): PageImages {
  return { count: 1, page: () => ({ number: 1 }), image: () => Promise.resolve(bytes) };
}

const IMAGE_NAME = /\.(png|jpe?g|tiff?)$/i;

/** When the name claims another type (a PNG renamed .docx), what the bytes are: read as such, not as the name says. */
function misnamed(fileName: string, kind: ImageKind): string {
  if (IMAGE_NAME.test(fileName) || !/\.[a-z0-9]+$/i.test(fileName)) return '';
  return ` Its bytes are a ${kind.toUpperCase()} image, whatever its name says, so it was read as one.`;
}

/** A FormatReader for PNG, JPEG and TIFF: the text OCR finds on each page. */
export async function readImage(input: FormatInput): Promise<ReadDocument> {
  input.signal?.throwIfAborted();
  const kind = imageKindOf(input.bytes);
  if (kind === undefined) {
    throw new UserFacingError('UNSUPPORTED_TYPE', `“${input.fileName}” is not a PNG, JPEG or TIFF image.`);
  }
  const sizes = imageSizes(kind, input.bytes, input.fileName);
  assertImageSizes(sizes, input.fileName);
  const pages = kind === 'tiff' ? tiffPages(input.bytes, sizes, input.fileName) : singlePage(input.bytes);
  const recognized = await recognizePages(pages, input);
  const blocks: Block[] = recognized.pages.flat();
  if (blocks.length === 0) {
    const where = pages.count > 1 ? `any of its ${pages.count} pages` : 'it';
    throw new UserFacingError(
      'EMPTY_FILE',
      `No text was recognized in “${input.fileName}”: OCR found no words on ${where}.${misnamed(input.fileName, kind)}`,
    );
  }
  const createdAt = imageDate(kind, input.bytes);
  // The first page's heading names the page, as a PDF's first page's largest text does; else the file.
  const title = cleanTitle(recognized.title, input.fileName.replace(/\.(png|jpe?g|tiff?)$/i, ''));
  return {
    title,
    byline: '',
    publishedAt: '',
    siteName: '',
    blocks: recognized.title === '' ? blocks : withoutTitleParagraph(blocks, title),
    facts: {
      importer: `${ocrImporterName((input.ocr ?? DEFAULT_OCR).languages)} (${KIND_NAMES[kind]})`,
      mimeType: IMAGE_MIME_TYPES[kind],
      pageCount: pages.count,
      ocr: recognized.ocr,
      // When the photo was taken or the page scanned, as the file says: the Source panel's Captured.
      ...(createdAt ? { createdAt } : {}),
    },
  };
}
