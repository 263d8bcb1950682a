import { describe, expect, it } from 'vitest';
import { clipLine, clipText } from '../../src/shared/clip-text';

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
