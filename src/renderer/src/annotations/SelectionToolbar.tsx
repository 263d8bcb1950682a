// The small toolbar beside a text selection: Highlight, Tag, Note and the color swatches
// (keys h, t, n; Esc dismisses). While an orphan is being re-attached it offers
// "Attach here" instead.
import type { HighlightColor } from '../../../shared/annotations';
import { HIGHLIGHT_COLORS } from '../../../shared/annotations';
import { HIGHLIGHT_PALETTE } from '../../../shared/palette';

export interface SelectionToolbarProps {
  rect: DOMRect;
  color: HighlightColor;
  reattaching: boolean;
  onHighlight: (color?: HighlightColor) => void;
  onTag: () => void;
  onNote: () => void;
  onAttach: () => void;
  onDismiss: () => void;
}

export function SelectionToolbar({
  rect,
  color,
  reattaching,
  onHighlight,
  onTag,
  onNote,
  onAttach,
  onDismiss,
}: SelectionToolbarProps) {
  const top = Math.max(8, rect.top - 48);
  const left = Math.min(window.innerWidth - 340, Math.max(8, rect.left + rect.width / 2 - 160));
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label="Annotate selection"
      style={{ top, left }}
      onMouseDown={(event) => event.preventDefault()}
    >
      {reattaching ? (
        <>
          <button type="button" className="selection-toolbar__button" onClick={onAttach}>
            Attach here
          </button>
          <button type="button" className="selection-toolbar__button" onClick={onDismiss}>
            Cancel
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            className="selection-toolbar__button"
            title="Highlight (h)"
            aria-keyshortcuts="h"
            onClick={() => onHighlight()}
          >
            <span
              className="selection-toolbar__swatch"
              style={{ background: HIGHLIGHT_PALETTE[color].swatch }}
              aria-hidden="true"
            />
            Highlight
          </button>
          <button
            type="button"
            className="selection-toolbar__button"
            title="Tag (t)"
            aria-keyshortcuts="t"
            onClick={onTag}
          >
            Tag
          </button>
          <button
            type="button"
            className="selection-toolbar__button"
            title="Note (n)"
            aria-keyshortcuts="n"
            onClick={onNote}
          >
            Note
          </button>
          <span className="selection-toolbar__divider" aria-hidden="true" />
          {HIGHLIGHT_COLORS.map((swatch) => (
            <button
              key={swatch}
              type="button"
              className="selection-toolbar__color"
              aria-label={`Highlight ${HIGHLIGHT_PALETTE[swatch].label.toLowerCase()}`}
              title={HIGHLIGHT_PALETTE[swatch].label}
              style={{ background: HIGHLIGHT_PALETTE[swatch].swatch }}
              onClick={() => onHighlight(swatch)}
            />
          ))}
        </>
      )}
    </div>
  );
}
