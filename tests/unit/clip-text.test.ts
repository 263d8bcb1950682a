import { describe, expect, it } from 'vitest';
import { clipLine, clipText, clipWords } from '../../src/shared/clip-text';

describe('clipping text to a length', () => {
  it('keeps text that fits, up to exactly the length allowed', () => {
    expect(clipText('Harbour', 7)).toBe('Harbour');
    expect(clipText('', 3)).toBe('');
  });

  it('cuts longer text to the length allowed, its last character an ellipsis', () => {
    const cut = clipText('Harbour Radio', 8);
    expect(cut).toBe('Harbour…');
    expect(cut).toHaveLength(8);
  });

  it('puts text on one line before measuring it, so line breaks neither count twice nor survive', () => {
    expect(clipLine('Seized\n\nat   sea', 13)).toBe('Seized at sea');
    expect(clipLine('Seized\n\nat sea today', 10)).toBe('Seized at…');
  });
});

describe('clipWords', () => {
  it('cuts after the last whole word that fits, never inside a word', () => {
    expect(clipWords('5. Community interviews', 23)).toBe('5. Community interviews');
    expect(clipWords('5. Community interviews', 16)).toBe('5. Community…');
    expect(clipWords('3. Findings on water, and roads', 22)).toBe('3. Findings on water…');
    expect(clipWords('Supercalifragilistic', 8)).toBe('Superca…');
  });
});
