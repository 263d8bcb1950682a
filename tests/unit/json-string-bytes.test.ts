// A document's size in a note bundle is counted before it is stored; its structure and text
// go in as JSON strings, whose escaped size is counted without writing them out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonStringBound, jsonStringBytes } from '../../src/core/import/prepare';

const stringifiedBytes = (text: string): number => Buffer.byteLength(JSON.stringify(text));

describe('the bytes a string takes as JSON', () => {
  it('are what JSON.stringify writes, escapes, control characters and surrogates included', () => {
    for (const text of [
      '',
      'plain',
      '"quoted" \\ back',
      '\n\t\b\f\r\u0000\u001f\u007f',
      'é日😀',
      '\ud800',
      '\udc00x',
      '\ud83d\ud83d\ude00',
      'x\ud83d',
    ])
      expect(jsonStringBytes(text), JSON.stringify(text)).toBe(stringifiedBytes(text));
  });

  it('are what JSON.stringify writes, for any string of UTF-16 code units', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0x7f }),
      fc.integer({ min: 0xd7f0, max: 0xe010 }),
      fc.integer({ min: 0, max: 0xffff }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (codes) => {
        const text = String.fromCharCode(...codes);
        expect(jsonStringBytes(text)).toBe(stringifiedBytes(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('never exceed the bound counted from the length alone, so a document under it needs no count', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0x1f }),
      fc.integer({ min: 0xd800, max: 0xdfff }),
      fc.integer({ min: 0, max: 0xffff }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (codes) => {
        const text = String.fromCharCode(...codes);
        expect(jsonStringBytes(text)).toBeLessThanOrEqual(jsonStringBound(text));
      }),
      { numRuns: 2000 },
    );
    expect(jsonStringBytes('\u0000\ud800')).toBe(jsonStringBound('\u0000\ud800'));
  });
});
