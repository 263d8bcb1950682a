// The highlight palette, the one place a highlight color's paint is defined: its label, its
// wash over text in each theme and solid swatch in the app, and its fills in an exported
// PDF, where washes multiply over the text (strong for the screen, light for printing) and
// the solid fill marks numbers, chips and rules. Text stays legible (WCAG AA, 4.5:1) on any
// stack of washes in either theme: palette.test.ts measures it.
import type { HighlightColor } from './annotations';

/** The reader's two themes, as `data-theme` on the document root names them. */
export type Theme = 'light' | 'dark';

/**
 * The text and page colors washes are drawn between, per theme: `--text` and `--bg` in the
 * renderer's tokens.css (its test keeps them equal), here so the palette's contrast is measured.
 */
export const READING_INK: Readonly<Record<Theme, { text: string; page: string }>> = {
  light: { text: '#1f1d1a', page: '#fbfaf7' },
  dark: { text: '#e7e4de', page: '#16161a' },
};

/** A color's red, green and blue, each 0 to 1, as PDF operators take them. */
export type Rgb = readonly [number, number, number];

export interface HighlightPaint {
  label: string;
  /**
   * CSS: the translucent wash over highlighted text in the reader, per theme. Dark washes are
   * lighter than the page, so they are kept as faint in luminance as each other and weak
   * enough that two overlapping ones with a search mark still leave light text at 4.5:1.
   */
  wash: Readonly<Record<Theme, string>>;
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
    wash: { light: 'rgb(255 214 0 / 0.38)', dark: 'rgb(255 214 0 / 0.22)' },
    swatch: '#f2c200',
    pdf: { screenWash: [1, 0.89, 0.3], printWash: [1, 0.95, 0.62], solid: [0.8, 0.62, 0] },
  },
  green: {
    label: 'Green',
    wash: { light: 'rgb(60 200 90 / 0.30)', dark: 'rgb(60 200 90 / 0.29)' },
    swatch: '#3fae5a',
    pdf: { screenWash: [0.6, 0.88, 0.6], printWash: [0.8, 0.94, 0.8], solid: [0.2, 0.58, 0.3] },
  },
  blue: {
    label: 'Blue',
    wash: { light: 'rgb(60 140 255 / 0.28)', dark: 'rgb(60 140 255 / 0.36)' },
    swatch: '#3b82f6',
    pdf: { screenWash: [0.62, 0.8, 1], printWash: [0.8, 0.9, 1], solid: [0.2, 0.45, 0.85] },
  },
  pink: {
    label: 'Pink',
    wash: { light: 'rgb(255 90 170 / 0.28)', dark: 'rgb(255 90 170 / 0.34)' },
    swatch: '#e8589f',
    pdf: { screenWash: [1, 0.66, 0.84], printWash: [1, 0.84, 0.92], solid: [0.82, 0.28, 0.56] },
  },
  purple: {
    label: 'Purple',
    wash: { light: 'rgb(150 90 230 / 0.28)', dark: 'rgb(150 90 230 / 0.43)' },
    swatch: '#8b5cf6',
    pdf: { screenWash: [0.8, 0.7, 0.97], printWash: [0.9, 0.85, 0.98], solid: [0.5, 0.33, 0.85] },
  },
  orange: {
    label: 'Orange',
    wash: { light: 'rgb(255 140 40 / 0.32)', dark: 'rgb(255 140 40 / 0.30)' },
    swatch: '#f08a24',
    pdf: { screenWash: [1, 0.77, 0.52], printWash: [1, 0.88, 0.76], solid: [0.86, 0.48, 0.1] },
  },
  red: {
    label: 'Red',
    wash: { light: 'rgb(235 60 60 / 0.28)', dark: 'rgb(235 60 60 / 0.44)' },
    swatch: '#dc3b3b',
    pdf: { screenWash: [1, 0.62, 0.62], printWash: [1, 0.82, 0.82], solid: [0.8, 0.2, 0.2] },
  },
  gray: {
    label: 'Gray',
    wash: { light: 'rgb(130 130 130 / 0.28)', dark: 'rgb(130 130 130 / 0.39)' },
    swatch: '#8a8a8a',
    pdf: { screenWash: [0.8, 0.8, 0.8], printWash: [0.9, 0.9, 0.9], solid: [0.45, 0.45, 0.45] },
  },
};

/**
 * Washes in the reader that are no color's own, per theme: overlapping highlights (drawn
 * darker in both themes: a lighter overlap would take light text below 4.5:1), the selected
 * annotation, and search hits, in the reader and in the search panel's results alike.
 */
export const OVERLAY_WASH: Readonly<Record<'stacked' | 'selected' | 'search', Readonly<Record<Theme, string>>>> = {
  stacked: { light: 'rgb(0 0 0 / 0.10)', dark: 'rgb(0 0 0 / 0.30)' },
  selected: { light: 'rgb(0 0 0 / 0.08)', dark: 'rgb(0 0 0 / 0.08)' },
  search: { light: 'rgb(255 150 0 / 0.55)', dark: 'rgb(255 150 0 / 0.30)' },
};
