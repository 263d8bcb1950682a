// The highlight palette, the one place a highlight color's paint is defined: its label, its
// wash over text and solid swatch in the app (the same in the light and dark themes), and
// its fills in an exported PDF, where washes multiply over the text (strong for the screen,
// light for printing) and the solid fill marks numbers, chips and rules.
import type { HighlightColor } from './annotations';

/** A color's red, green and blue, each 0 to 1, as PDF operators take them. */
export type Rgb = readonly [number, number, number];

export interface HighlightPaint {
  label: string;
  /** CSS: the translucent wash over highlighted text in the reader. */
  wash: string;
  /** CSS: the solid color of the color's controls, markers and chips. */
  swatch: string;
  pdf: {
    /** Multiplied over the text in an export for the screen... */
    screenWash: Rgb;
    /** ...and for printing: lighter, saving ink and legible in grayscale. */
    printWash: Rgb;
    /** Margin note numbers, markers and chips: solid enough to read as small type. */
    solid: Rgb;
  };
}

export const HIGHLIGHT_PALETTE: Record<HighlightColor, HighlightPaint> = {
  yellow: {
    label: 'Yellow',
    wash: 'rgb(255 214 0 / 0.38)',
    swatch: '#f2c200',
    pdf: { screenWash: [1, 0.89, 0.3], printWash: [1, 0.95, 0.62], solid: [0.8, 0.62, 0] },
  },
  green: {
    label: 'Green',
    wash: 'rgb(60 200 90 / 0.30)',
    swatch: '#3fae5a',
    pdf: { screenWash: [0.6, 0.88, 0.6], printWash: [0.8, 0.94, 0.8], solid: [0.2, 0.58, 0.3] },
  },
  blue: {
    label: 'Blue',
    wash: 'rgb(60 140 255 / 0.28)',
    swatch: '#3b82f6',
    pdf: { screenWash: [0.62, 0.8, 1], printWash: [0.8, 0.9, 1], solid: [0.2, 0.45, 0.85] },
  },
  pink: {
    label: 'Pink',
    wash: 'rgb(255 90 170 / 0.28)',
    swatch: '#e8589f',
    pdf: { screenWash: [1, 0.66, 0.84], printWash: [1, 0.84, 0.92], solid: [0.82, 0.28, 0.56] },
  },
  purple: {
    label: 'Purple',
    wash: 'rgb(150 90 230 / 0.28)',
    swatch: '#8b5cf6',
    pdf: { screenWash: [0.8, 0.7, 0.97], printWash: [0.9, 0.85, 0.98], solid: [0.5, 0.33, 0.85] },
  },
  orange: {
    label: 'Orange',
    wash: 'rgb(255 140 40 / 0.32)',
    swatch: '#f08a24',
    pdf: { screenWash: [1, 0.77, 0.52], printWash: [1, 0.88, 0.76], solid: [0.86, 0.48, 0.1] },
  },
  red: {
    label: 'Red',
    wash: 'rgb(235 60 60 / 0.28)',
    swatch: '#dc3b3b',
    pdf: { screenWash: [1, 0.62, 0.62], printWash: [1, 0.82, 0.82], solid: [0.8, 0.2, 0.2] },
  },
  gray: {
    label: 'Gray',
    wash: 'rgb(130 130 130 / 0.28)',
    swatch: '#8a8a8a',
    pdf: { screenWash: [0.8, 0.8, 0.8], printWash: [0.9, 0.9, 0.9], solid: [0.45, 0.45, 0.45] },
  },
};

/** Washes in the reader that are no color's own: overlapping highlights (per theme), the selected annotation, search hits. */
export const OVERLAY_WASH = {
  stacked: { light: 'rgb(0 0 0 / 0.10)', dark: 'rgb(255 255 255 / 0.14)' },
  selected: 'rgb(0 0 0 / 0.08)',
  search: 'rgb(255 150 0 / 0.55)',
} as const;
