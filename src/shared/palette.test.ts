// Contrast as a test: text on every highlight wash, on overlaps, on the selected annotation
// and under search marks meets WCAG AA (4.5:1) in the light and the dark theme.
import { blend, wcagContrast } from 'culori';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS } from './annotations';
import type { Theme } from './palette';
import { HIGHLIGHT_PALETTE, OVERLAY_WASH, READING_INK } from './palette';

/** WCAG 2.2 success criterion 1.4.3, body text. */
const AA_TEXT = 4.5;

/** The contrast of the theme's text on its page with these washes painted over it, in order. */
function textContrast(theme: Theme, washes: readonly string[]): number {
  const { text, page } = READING_INK[theme];
  return wcagContrast(text, blend([page, ...washes], 'normal'));
}

const THEMES: readonly Theme[] = ['light', 'dark'];

describe.each(THEMES)('in the %s theme', (theme) => {
  const wash = (color: (typeof HIGHLIGHT_COLORS)[number]) => HIGHLIGHT_PALETTE[color].wash[theme];

  it.each(HIGHLIGHT_COLORS)('text on a %s highlight meets 4.5:1, selected or not', (color) => {
    expect(textContrast(theme, [wash(color)])).toBeGreaterThanOrEqual(AA_TEXT);
    expect(textContrast(theme, [wash(color), OVERLAY_WASH.selected[theme]])).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it.each(HIGHLIGHT_COLORS)(
    'text on a %s highlight overlapped by any color and marked by a search meets 4.5:1',
    (color) => {
      for (const other of HIGHLIGHT_COLORS) {
        const layers = [wash(color), wash(other), OVERLAY_WASH.stacked[theme], OVERLAY_WASH.selected[theme]];
        const ratio = textContrast(theme, [...layers, OVERLAY_WASH.search[theme]]);
        expect(
          ratio,
          `${color} under ${other}, stacked, selected, searched: ${ratio.toFixed(2)}:1`,
        ).toBeGreaterThanOrEqual(AA_TEXT);
      }
    },
  );

  it('text under a search mark alone meets 4.5:1', () => {
    expect(textContrast(theme, [OVERLAY_WASH.search[theme]])).toBeGreaterThanOrEqual(AA_TEXT);
  });

  it('every highlight can be told from the page: its wash changes the background', () => {
    const { page } = READING_INK[theme];
    for (const color of HIGHLIGHT_COLORS) {
      expect(wcagContrast(page, blend([page, wash(color)], 'normal')), color).toBeGreaterThan(1.1);
    }
  });
});

describe('the contrast measure itself', () => {
  it('finds black on white 21:1 and a color on itself 1:1', () => {
    expect(wcagContrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(wcagContrast('#8a8a8a', '#8a8a8a')).toBeCloseTo(1, 5);
  });

  it('composites a translucent wash over the page before measuring', () => {
    // Half-transparent black over white is mid gray (#808080), 3.95:1 against white.
    expect(wcagContrast('#ffffff', blend(['#ffffff', 'rgb(0 0 0 / 0.5)'], 'normal'))).toBeCloseTo(3.95, 1);
  });
});
