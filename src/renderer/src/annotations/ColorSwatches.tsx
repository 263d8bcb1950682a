// A labelled group of highlight-color buttons, one per palette color (and "No color" where
// a color can be taken away), each named by its color.
import type { HighlightColor } from '../../../shared/annotations';
import { HIGHLIGHT_PALETTE } from '../../../shared/palette';
import styles from './ColorSwatches.module.css';

/** A palette color, or '' for none. */
export type SwatchColor = HighlightColor | '';

interface ColorSwatchesProps {
  label: string;
  colors: readonly SwatchColor[];
  /** Each button's accessible name. */
  nameFor: (color: SwatchColor) => string;
  /** Whether a color is the one in use (aria-pressed); leave out where none is. */
  pressed?: (color: SwatchColor) => boolean;
  onPick: (color: SwatchColor) => void;
  /** `grid`: two rows of four, for the margin's narrow column; a row otherwise. */
  layout?: 'row' | 'grid';
}

export function ColorSwatches({ label, colors, nameFor, pressed, onPick, layout = 'row' }: ColorSwatchesProps) {
  return (
    <span
      className={layout === 'grid' ? `${styles.swatches} ${styles.grid}` : styles.swatches}
      role="group"
      aria-label={label}
    >
      {colors.map((color) => (
        <button
          key={color || 'none'}
          type="button"
          className={color ? styles.swatch : `${styles.swatch} ${styles.none}`}
          aria-label={nameFor(color)}
          aria-pressed={pressed?.(color)}
          style={{ background: color ? HIGHLIGHT_PALETTE[color].swatch : 'transparent' }}
          onClick={() => onPick(color)}
        />
      ))}
    </span>
  );
}

/** The palette's label for a color ("No color" for none). */
export const colorName = (color: SwatchColor): string => (color ? HIGHLIGHT_PALETTE[color].label : 'No color');
