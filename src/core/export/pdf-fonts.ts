// The fonts an exported PDF embeds (DejaVu, bundled in resources/fonts) and which of them
// can draw a given character. Text falls back from the serif to the sans, which covers
// more scripts; a character neither covers is drawn as U+FFFD and reported by name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { UserFacingError } from '../../shared/result';

export const FONT_FILES = {
  serif: 'DejaVuSerif.ttf',
  serifBold: 'DejaVuSerif-Bold.ttf',
  serifItalic: 'DejaVuSerif-Italic.ttf',
  serifBoldItalic: 'DejaVuSerif-BoldItalic.ttf',
  sans: 'DejaVuSans.ttf',
  sansBold: 'DejaVuSans-Bold.ttf',
  sansItalic: 'DejaVuSans-Oblique.ttf',
  sansBoldItalic: 'DejaVuSans-BoldOblique.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

export type FontKey = keyof typeof FONT_FILES;
export type FontFamily = 'serif' | 'sans' | 'mono';

export interface FontSet {
  buffers: Record<FontKey, Buffer>;
  covers(family: FontFamily, codePoint: number): boolean;
}

const loaded = new Map<string, FontSet>();

export function loadFonts(fontsDir: string): FontSet {
  const cached = loaded.get(fontsDir);
  if (cached) return cached;
  const buffers = {} as Record<FontKey, Buffer>;
  for (const [key, file] of Object.entries(FONT_FILES) as Array<[FontKey, string]>) {
    try {
      buffers[key] = readFileSync(join(fontsDir, file));
    } catch {
      throw new UserFacingError(
        'INTERNAL',
        `The font ${file} is missing from ${fontsDir}; reinstall Marginalia to export PDFs.`,
      );
    }
  }
  const coverage: Record<FontFamily, fontkit.Font> = {
    serif: fontkit.create(buffers.serif),
    sans: fontkit.create(buffers.sans),
    mono: fontkit.create(buffers.mono),
  };
  // 0 unknown, 1 covered, 2 not covered; code points beyond the BMP use a Map.
  const basic: Record<FontFamily, Uint8Array> = {
    serif: new Uint8Array(0x10000),
    sans: new Uint8Array(0x10000),
    mono: new Uint8Array(0x10000),
  };
  const astral = new Map<string, boolean>();
  const set: FontSet = {
    buffers,
    covers(family, codePoint) {
      if (codePoint < 0x10000) {
        const table = basic[family];
        let state = table[codePoint]!;
        if (state === 0) {
          state = coverage[family].hasGlyphForCodePoint(codePoint) ? 1 : 2;
          table[codePoint] = state;
        }
        return state === 1;
      }
      const key = `${family}:${codePoint}`;
      let answer = astral.get(key);
      if (answer === undefined) {
        answer = coverage[family].hasGlyphForCodePoint(codePoint);
        astral.set(key, answer);
      }
      return answer;
    },
  };
  loaded.set(fontsDir, set);
  return set;
}

export function fontKeyFor(family: FontFamily, bold: boolean, italic: boolean): FontKey {
  if (family === 'mono') return 'mono';
  const weight = bold && italic ? 'BoldItalic' : bold ? 'Bold' : italic ? 'Italic' : '';
  return `${family}${weight}` as FontKey;
}

/** How to name a character in a warning: the glyph itself and its code point. */
export function describeCharacter(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  return `“${character}” (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')})`;
}
