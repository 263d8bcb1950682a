// The small toolbar beside a text selection: Highlight, Tag, Note and the color swatches
// (keys h, t, n; Esc dismisses). While an orphan is being re-attached it offers
// "Attach here" instead.
import type { HighlightColor } from '../../../shared/annotations';
import { HIGHLIGHT_COLORS } from '../../../shared/annotations';
import { HIGHLIGHT_PALETTE } from '../../../shared/palette';
import styles from './Selection.module.css';

export interface SelectionToolbarProps {
  rect: DOMRect;
  color: HighlightColor;
  reattaching: boolean;
  onHighlight: (color?: HighlightColor) => void;
  onTag: () => void;
  onNote: () => void;
  /** Make claim… from the selection: a New claim dialog quoting it. */
  onClaim: () => void;
  onAttach: () => void;
  onDismiss: () => void;
}

/** The toolbar's width, about: Highlight, Tag, Note, Make claim… and eight colors. */
const TOOLBAR_WIDTH = 540;

/** Where the toolbar sits: above the selection's middle, kept inside the window. */
export function toolbarPosition(rect: Pick<DOMRect, 'top' | 'left' | 'width'>, windowWidth: number) {
  return {
    top: Math.max(8, rect.top - 48),
    left: Math.max(8, Math.min(windowWidth - TOOLBAR_WIDTH - 8, rect.left + rect.width / 2 - TOOLBAR_WIDTH / 2)),
  };
}

export function SelectionToolbar(props: SelectionToolbarProps) {
  return (
    <div
      className={styles.toolbar}
      role="toolbar"
      aria-label="Annotate selection"
      style={toolbarPosition(props.rect, window.innerWidth)}
      onMouseDown={(event) => event.preventDefault()}
    >
      {props.reattaching ? (
        <>
          <button type="button" className={styles.button} onClick={props.onAttach}>
            Attach here
          </button>
          <button type="button" className={styles.button} onClick={props.onDismiss}>
            Cancel
          </button>
        </>
      ) : (
        <AnnotateButtons {...props} />
      )}
    </div>
  );
}

function AnnotateButtons({ color, onHighlight, onTag, onNote, onClaim }: SelectionToolbarProps) {
  return (
    <>
      <button
        type="button"
        className={styles.button}
        title="Highlight (h)"
        aria-keyshortcuts="h"
        onClick={() => onHighlight()}
      >
        <span className={styles.swatch} style={{ background: HIGHLIGHT_PALETTE[color].swatch }} aria-hidden="true" />
        Highlight
      </button>
      <button type="button" className={styles.button} title="Tag (t)" aria-keyshortcuts="t" onClick={onTag}>
        Tag
      </button>
      <button type="button" className={styles.button} title="Note (n)" aria-keyshortcuts="n" onClick={onNote}>
        Note
      </button>
      <button type="button" className={styles.button} title="Make claim (c)" aria-keyshortcuts="c" onClick={onClaim}>
        Make claim…
      </button>
      <span className={styles.divider} aria-hidden="true" />
      {HIGHLIGHT_COLORS.map((swatch) => (
        <button
          key={swatch}
          type="button"
          className={styles.color}
          aria-label={`Highlight ${HIGHLIGHT_PALETTE[swatch].label.toLowerCase()}`}
          title={HIGHLIGHT_PALETTE[swatch].label}
          style={{ background: HIGHLIGHT_PALETTE[swatch].swatch }}
          onClick={() => onHighlight(swatch)}
        />
      ))}
    </>
  );
}
