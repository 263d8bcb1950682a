// How deep markup nests is counted before any parser sees a Word, EPUB or OOXML part (deeper
// than MAX_DEPTH is refused). The count scans with indexOf; it must count exactly as the
// regular expression it replaced, on any text at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, VOID_TAGS, assertShallow, nestingDepth } from '../../src/core/import/formats/xml';

/** The former count: one regular expression over the tags. */
function depthByRegex(markup: string): number {
  let depth = 0;
  let deepest = 0;
  for (const tag of markup.matchAll(/<(\/?)([A-Za-z][^\s/>]*)[^>]*?(\/?)>/g)) {
    if (tag[1] === '/') depth = Math.max(0, depth - 1);
    else if (tag[3] !== '/' && !VOID_TAGS.has(tag[2]!.toLowerCase())) deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

/** Pieces markup is made of, and the odd ones that sit at its edges: stray brackets, spaces of every kind, void names. */
const PIECES = [
  '<',
  '>',
  '/',
  '</',
  '/>',
  'a',
  'B',
  'w:p',
  'w:r',
  'br',
  'BR',
  'img',
  'Img',
  'p',
  '1',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u2028',
  '\ufeff',
  '\u3000',
  '=',
  '"',
  "'",
  'x/y',
  '<<',
  '>>',
  'é',
  '😀',
  '<!--',
  '-->',
  '<?xml',
  '?>',
];

const markup = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join(''));

describe('the nesting depth of markup', () => {
  it('is counted exactly as the regular expression counted it, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(markup, fc.string({ maxLength: 40 })), (text) => {
        expect(nestingDepth(text)).toBe(depthByRegex(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('ends a tag name at exactly the characters \\s matches', () => {
    const differing: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const text = `<br${String.fromCharCode(code)}x>`;
      if (nestingDepth(text) !== depthByRegex(text)) differing.push(`U+${code.toString(16)}`);
    }
    expect(differing).toEqual([]);
  });

  it('counts open tags, not the void or self-closing ones, and refuses a part nested past the limit', () => {
    expect(nestingDepth('<w:body><w:p><w:r><w:t>x</w:t></w:r><w:br/></w:p></w:body>')).toBe(4);
    expect(nestingDepth('<p>one<br>two<img src="a/b.png"></p>')).toBe(1);
    expect(nestingDepth('a < b and c > d')).toBe(0);
    const deep = '<a>'.repeat(MAX_DEPTH + 1);
    expect(() => assertShallow(deep, '“word/document.xml”')).toThrow(/nested more than 1,000 deep/);
    expect(() => assertShallow('<a>'.repeat(MAX_DEPTH), 'part')).not.toThrow();
  });
});
