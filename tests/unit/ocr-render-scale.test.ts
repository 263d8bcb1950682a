import { describe, expect, it } from 'vitest';
import { MAX_RENDER_PIXELS, MAX_RENDER_SIDE, renderScale } from '../../src/core/import/ocr/pdf-ocr';

describe('the scale a scanned PDF page is rendered at for OCR', () => {
  it('is 300 dpi for a Letter or A4 page', () => {
    expect(renderScale(612, 792)).toBeCloseTo(300 / 72, 6);
    expect(renderScale(595, 842)).toBeCloseTo(300 / 72, 6);
  });

  it('stays within the pixel and side caps for a huge or a very long page', () => {
    const poster = renderScale(14_400, 14_400);
    expect(14_400 * poster * 14_400 * poster).toBeLessThanOrEqual(MAX_RENDER_PIXELS * 1.0001);
    const strip = renderScale(200, 20_000);
    expect(20_000 * strip).toBeLessThanOrEqual(MAX_RENDER_SIDE * 1.0001);
  });
});
