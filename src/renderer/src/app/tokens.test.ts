// The color tokens meet WCAG AA in both themes: text colors on every surface, the focus ring
// and text fields' borders against every surface, search marks under text; and the reading colors the palette's
// contrast test assumes are the ones the app paints.
import { blend, wcagContrast } from 'culori';
import { describe, expect, it } from 'vitest';
import type { Theme } from '../../../shared/palette';
import { OVERLAY_WASH, READING_INK } from '../../../shared/palette';
import tokensCss from './tokens.css?raw';

/** The custom properties declared in the first rule whose selector is exactly `selector`. */
function declaredIn(selector: string): Record<string, string> {
  const start = tokensCss.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`tokens.css has no rule for ${selector}`);
  const body = tokensCss.slice(start + selector.length + 2, tokensCss.indexOf('}', start));
  const tokens: Record<string, string> = {};
  for (const [, name, value] of body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) tokens[name!] = value!.trim();
  return tokens;
}

/** A theme's tokens: the dark rule overrides the light one it inherits. */
const TOKENS: Record<Theme, Record<string, string>> = {
  light: declaredIn(':root'),
  dark: { ...declaredIn(':root'), ...declaredIn(":root[data-theme='dark']") },
};

const TEXT_COLORS = ['--text', '--muted', '--accent', '--link', '--danger'];
const SURFACES = ['--bg', '--surface', '--panel', '--accent-soft'];

describe.each(['light', 'dark'] as const)('in the %s theme', (theme) => {
  const token = (name: string) => {
    const value = TOKENS[theme][name];
    if (!value) throw new Error(`tokens.css has no ${name} for the ${theme} theme`);
    return value;
  };

  it.each(TEXT_COLORS)('%s reads at 4.5:1 or more on every surface', (text) => {
    for (const surface of SURFACES) {
      const ratio = wcagContrast(token(text), token(surface));
      expect(ratio, `${text} on ${surface}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('the focus ring stands out at 3:1 or more against every surface', () => {
    for (const surface of SURFACES) {
      const ratio = wcagContrast(token('--focus'), token(surface));
      expect(ratio, `--focus on ${surface}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(3);
    }
  });

  it('a text field’s border, its only outline, stands out at 3:1 or more against every surface', () => {
    for (const surface of SURFACES) {
      const ratio = wcagContrast(token('--control-border'), token(surface));
      expect(ratio, `--control-border on ${surface}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(3);
    }
  });

  it('text in a search mark reads at 4.5:1 or more on every surface', () => {
    for (const surface of SURFACES) {
      const ratio = wcagContrast(token('--text'), blend([token(surface), token('--search-mark')], 'normal'));
      expect(ratio, `--text on --search-mark over ${surface}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('paints the text, page and search mark the highlight palette is measured against', () => {
    expect(token('--text')).toBe(READING_INK[theme].text);
    expect(token('--bg')).toBe(READING_INK[theme].page);
    expect(wcagContrast(token('--search-mark'), OVERLAY_WASH.search[theme])).toBe(1);
  });
});
