import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { readImage } from '../../src/core/import/ocr/image-reader';
import { blockRuns, inlineText } from '../../src/shared/document-blocks';

// A scanned page set in two columns is read column by column, as a person reads it, not
// line by line across the gutter.

const LEFT = Array.from({ length: 14 }, (_, index) => `Left column line ${index + 1} of the harbour survey`);
const RIGHT = Array.from({ length: 14 }, (_, index) => `Right side text ${index + 1} about pottery finds`);

function twoColumnPage(): Uint8Array {
  const canvas = createCanvas(2400, 1500);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, 2400, 1500);
  context.fillStyle = '#000000';
  context.font = '40px serif';
  LEFT.forEach((line, index) => context.fillText(line, 100, 150 + index * 80));
  RIGHT.forEach((line, index) => context.fillText(line, 1300, 150 + index * 80));
  return new Uint8Array(canvas.toBuffer('image/png'));
}

describe('OCR of a page in two columns', () => {
  it('reads the left column whole before the right one', async () => {
    const read = await readImage({ fileName: 'columns.png', bytes: twoColumnPage() });
    const text = read.blocks
      .map((block) => inlineText(blockRuns(block)))
      .join(' ')
      .replace(/\s+/g, ' ');
    const lastOfLeft = text.indexOf('line 14 of the harbour survey');
    expect(text.indexOf('Left column line 1 of')).toBe(0);
    expect(lastOfLeft).toBeGreaterThan(0);
    // Every line of the right column comes after the whole left column.
    expect(text.indexOf('Right side text 1 about')).toBeGreaterThan(lastOfLeft);
  }, 60_000);
});
