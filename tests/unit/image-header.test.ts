import { describe, expect, it } from 'vitest';
import { assertImageSizes, imageKindOf, imageSizes } from '../../src/core/import/ocr/image-header';
import { UserFacingError } from '../../src/shared/result';

function png(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  return bytes;
}

function jpeg(width: number, height: number): Uint8Array {
  // SOI, an APP0 segment of 16 bytes, then a baseline SOF0 with the size.
  const bytes = new Uint8Array(2 + 18 + 19);
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
  const frame = 20;
  bytes.set([0xff, 0xc0, 0, 17, 8], frame);
  new DataView(bytes.buffer).setUint16(frame + 5, height);
  new DataView(bytes.buffer).setUint16(frame + 7, width);
  return bytes;
}

/** A little-endian TIFF whose directories give only width and height; `loop` points the last back at the first. */
function tiff(sizes: Array<[number, number]>, loop = false): Uint8Array {
  const directorySize = 2 + 2 * 12 + 4;
  const bytes = new Uint8Array(8 + sizes.length * directorySize);
  const view = new DataView(bytes.buffer);
  bytes.set([0x49, 0x49, 42, 0]);
  view.setUint32(4, 8, true);
  sizes.forEach(([width, height], index) => {
    const at = 8 + index * directorySize;
    view.setUint16(at, 2, true);
    [
      [256, width],
      [257, height],
    ].forEach(([tag, value], entry) => {
      view.setUint16(at + 2 + entry * 12, tag!, true);
      view.setUint16(at + 4 + entry * 12, 4, true);
      view.setUint32(at + 6 + entry * 12, 1, true);
      view.setUint32(at + 10 + entry * 12, value!, true);
    });
    const last = index === sizes.length - 1;
    view.setUint32(at + 26, last ? (loop ? 8 : 0) : at + directorySize, true);
  });
  return bytes;
}

function refusal(run: () => unknown): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof UserFacingError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('page images read from their header', () => {
  it('tells PNG, JPEG and TIFF by their first bytes and reads each page’s size', () => {
    expect(imageKindOf(png(1, 1))).toBe('png');
    expect(imageKindOf(jpeg(1, 1))).toBe('jpeg');
    expect(imageKindOf(tiff([[1, 1]]))).toBe('tiff');
    expect(imageKindOf(new TextEncoder().encode('plain text here'))).toBeUndefined();
    expect(imageSizes('png', png(2480, 3508), 'a.png')).toEqual([{ width: 2480, height: 3508 }]);
    expect(imageSizes('jpeg', jpeg(1700, 2200), 'a.jpg')).toEqual([{ width: 1700, height: 2200 }]);
    const pages: Array<[number, number]> = [
      [100, 200],
      [300, 400],
    ];
    expect(imageSizes('tiff', tiff(pages), 'a.tif')).toEqual([
      { width: 100, height: 200 },
      { width: 300, height: 400 },
    ]);
  });

  it('refuses a page of 30,000 × 30,000 pixels, and one over 40 megapixels, naming the page and its size', () => {
    expect(refusal(() => assertImageSizes([{ width: 30_000, height: 30_000 }], 'big.png'))).toEqual({
      code: 'TOO_LARGE',
      message:
        '“big.png” is 30,000 × 30,000 pixels; Marginalia reads images of at most 20,000 pixels a side and 40 megapixels a page. Nothing was imported.',
    });
    const tall = refusal(() =>
      assertImageSizes(
        [
          { width: 100, height: 100 },
          { width: 8000, height: 6000 },
        ],
        'scan.tif',
      ),
    );
    expect(tall.message).toMatch(/^Page 2 of “scan.tif” is 8,000 × 6,000 pixels/);
    expect(() => assertImageSizes([{ width: 2480, height: 3508 }], 'a4.png')).not.toThrow();
  });

  it('refuses a TIFF whose directories loop, and a JPEG without a frame header, as damaged', () => {
    expect(refusal(() => imageSizes('tiff', tiff([[1, 1]], true), 'loop.tif')).code).toBe('INVALID_INPUT');
    expect(refusal(() => imageSizes('jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xd9, 0, 0]), 'x.jpg')).code).toBe(
      'INVALID_INPUT',
    );
  });
});
