// Tells a PNG, JPEG or TIFF by its first bytes and reads each page's width and height from
// the file's header, so an image too large to decode is refused before any pixel is decoded.
import { UserFacingError } from '../../../shared/result';

export type ImageKind = 'png' | 'jpeg' | 'tiff';

export const IMAGE_MIME_TYPES: Record<ImageKind, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  tiff: 'image/tiff',
};

/** Longest side of a page image, in pixels. */
export const MAX_IMAGE_SIDE = 20_000;
/** Pixels of one page image (40 megapixels: an A3 page scanned at 400 dpi is about 31). */
export const MAX_IMAGE_PIXELS = 40_000_000;
/** Pages (frames) of one TIFF. */
export const MAX_IMAGE_PAGES = 500;

export interface ImageSize {
  width: number;
  height: number;
}

export function imageKindOf(bytes: Uint8Array): ImageKind | undefined {
  const at = (index: number) => bytes[index];
  if (bytes.length >= 8 && at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'png';
  if (bytes.length >= 3 && at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'jpeg';
  const tiff =
    bytes.length >= 8 &&
    ((at(0) === 0x49 && at(1) === 0x49 && at(2) === 42 && at(3) === 0) ||
      (at(0) === 0x4d && at(1) === 0x4d && at(2) === 0 && at(3) === 42));
  return tiff ? 'tiff' : undefined;
}

function damaged(fileName: string, what: string): UserFacingError {
  return new UserFacingError('INVALID_INPUT', `“${fileName}” could not be read as an image: ${what}.`);
}

function pngSize(bytes: Uint8Array, fileName: string): ImageSize[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') {
    throw damaged(fileName, 'its PNG header is missing');
  }
  return [{ width: view.getUint32(16), height: view.getUint32(20) }];
}

/** SOF markers carry the frame's size; C4 (tables), C8 (reserved) and CC (arithmetic tables) are not frames. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function jpegSize(bytes: Uint8Array, fileName: string): ImageSize[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) break;
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break;
    const length = view.getUint16(offset + 2);
    if (isStartOfFrame(marker) && offset + 9 <= bytes.length) {
      return [{ width: view.getUint16(offset + 7), height: view.getUint16(offset + 5) }];
    }
    offset += 2 + length;
  }
  throw damaged(fileName, 'no JPEG frame header was found');
}

/** Reads a TIFF's directories (one per page) for their width and height tags, refusing loops and too many pages. */
function tiffSizes(bytes: Uint8Array, fileName: string): ImageSize[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = bytes[0] === 0x49;
  const u16 = (at: number) => view.getUint16(at, little);
  const u32 = (at: number) => view.getUint32(at, little);
  const sizes: ImageSize[] = [];
  const seen = new Set<number>();
  let directory = u32(4);
  while (directory !== 0) {
    if (seen.has(directory) || directory + 2 > bytes.length)
      throw damaged(fileName, 'its TIFF directories are damaged');
    seen.add(directory);
    if (sizes.length >= MAX_IMAGE_PAGES) {
      throw new UserFacingError(
        'TOO_LARGE',
        `“${fileName}” has more than ${MAX_IMAGE_PAGES} pages; Marginalia imports TIFF images of at most ${MAX_IMAGE_PAGES} pages.`,
      );
    }
    const count = u16(directory);
    if (directory + 2 + count * 12 + 4 > bytes.length) throw damaged(fileName, 'a TIFF directory is cut short');
    const size: ImageSize = { width: 0, height: 0 };
    for (let entry = 0; entry < count; entry++) {
      const at = directory + 2 + entry * 12;
      const tag = u16(at);
      const value = u16(at + 2) === 3 ? u16(at + 8) : u32(at + 8);
      if (tag === 256) size.width = value;
      if (tag === 257) size.height = value;
    }
    sizes.push(size);
    directory = u32(directory + 2 + count * 12);
  }
  if (sizes.length === 0) throw damaged(fileName, 'the TIFF holds no page');
  return sizes;
}

/** Each page's size, read from the header alone. */
export function imageSizes(kind: ImageKind, bytes: Uint8Array, fileName: string): ImageSize[] {
  if (kind === 'png') return pngSize(bytes, fileName);
  if (kind === 'jpeg') return jpegSize(bytes, fileName);
  return tiffSizes(bytes, fileName);
}

/** Refuses a page image over the caps (or of no size), naming the page and its size. */
export function assertImageSizes(sizes: readonly ImageSize[], fileName: string): void {
  sizes.forEach(({ width, height }, index) => {
    const page = sizes.length > 1 ? `Page ${index + 1} of “${fileName}”` : `“${fileName}”`;
    if (width === 0 || height === 0)
      throw damaged(fileName, `${sizes.length > 1 ? `page ${index + 1}` : 'it'} has no size`);
    if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
      throw new UserFacingError(
        'TOO_LARGE',
        `${page} is ${width.toLocaleString('en')} × ${height.toLocaleString('en')} pixels; Marginalia reads images of at most ` +
          `${MAX_IMAGE_SIDE.toLocaleString('en')} pixels a side and ${MAX_IMAGE_PIXELS / 1_000_000} megapixels a page. Nothing was imported.`,
      );
    }
  });
}

/** A page image's height from its header (0 when it cannot be read): the PGM a PDF page renders to, or a PNG, JPEG or TIFF. */
export function imageHeight(bytes: Uint8Array): number {
  const pgm = /^P5\s+\d+\s+(\d+)\s/.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 40)));
  if (pgm) return Number(pgm[1]);
  const kind = imageKindOf(bytes);
  try {
    return kind === undefined ? 0 : (imageSizes(kind, bytes, 'page')[0]?.height ?? 0);
  } catch {
    return 0;
  }
}
