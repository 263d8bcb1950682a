import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseSpaces } from '../../src/core/import/html';

const WHITE_SPACE = [' ', '\t', '\n', '\r', '\f', '\u00a0', '\u2003', '\u3000', '\ufeff'];

describe('collapseSpaces', () => {
  it('gives exactly what replacing each run of white space with one space gives, for any text', () => {
    const piece = fc.oneof(fc.constantFrom(...WHITE_SPACE), fc.string({ maxLength: 4 }), fc.constant('word'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(collapseSpaces(text)).toBe(text.replace(/\s+/g, ' '));
      }),
      { numRuns: 2000 },
    );
  });

  it('returns text with single plain spaces as it is', () => {
    const text = 'Residents reported fighting near the hospital.';
    expect(collapseSpaces(text)).toBe(text);
    expect(collapseSpaces('two  spaces\tand a tab')).toBe('two spaces and a tab');
  });
});
