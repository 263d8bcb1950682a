// The preview of an annotation's tags and note under a resting pointer, and the pointer's
// hit-testing of annotations (a click selects the innermost one under it).
import type { LexicalEditor } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/annotations';
import { annotationAt } from '../annotations/controller';
import type { DomTextMap } from './dom-map';
import { offsetOfDomPoint } from './dom-map';
import { caretPointAt } from './dom-caret';

interface Hover {
  annotation: Annotation;
  x: number;
  y: number;
}

export function annotationAtPoint(
  text: { editor: LexicalEditor; map: DomTextMap } | null,
  annotations: readonly Annotation[],
  x: number,
  y: number,
): Annotation | undefined {
  if (!text) return undefined;
  const point = caretPointAt(x, y);
  const offset = point ? offsetOfDomPoint(text.editor, text.map, point.node, point.offset) : null;
  return offset === null ? undefined : annotationAt(annotations, offset);
}

/** The hovered annotation and the pointer handlers that find it. */
export function useHoverPreview(
  text: { editor: LexicalEditor; map: DomTextMap } | null,
  annotations: readonly Annotation[],
  editing: boolean,
) {
  const [hover, setHover] = useState<Hover | null>(null);
  const hoverAt = (pointer: { x: number; y: number }) => {
    const annotation = annotationAtPoint(text, annotations, pointer.x, pointer.y);
    setHover(annotation ? { annotation, ...pointer } : null);
  };
  // A highlight paints from its span before its annotation arrives, so a pointer resting on it
  // then gets its preview when the annotations (or a new text map) come, without having to move.
  const hoverAtRef = useRef(hoverAt);
  hoverAtRef.current = hoverAt;
  const restingRef = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => {
    if (restingRef.current && !editing) hoverAtRef.current(restingRef.current);
  }, [annotations, text, editing]);
  return {
    hover,
    onMouseMove: (event: React.MouseEvent) => {
      const pointer = event.buttons === 0 ? { x: event.clientX, y: event.clientY } : null;
      restingRef.current = pointer;
      if (pointer && !editing) hoverAt(pointer);
    },
    onMouseLeave: () => {
      restingRef.current = null;
      setHover(null);
    },
    // The preview is pinned to where the pointer was; once the text moves under it (wheel,
    // j/k, search, Page Down) it would describe other words, so it goes until the pointer moves.
    onScroll: () => setHover(null),
  };
}

/**
 * Whether resting on the annotation has anything to preview: with neither tags nor a note, a
 * tooltip saying so only covered the next line and the card's author (trial).
 */
export function hasPreview(annotation: Annotation): boolean {
  return annotation.tags.length > 0 || annotation.note.text.trim() !== '';
}

export function HoverCard({ hover }: { hover: Hover }) {
  return (
    <div
      className="hover-card"
      role="tooltip"
      style={{ top: hover.y + 18, left: Math.min(hover.x, window.innerWidth - 300) }}
    >
      {hover.annotation.tags.length > 0 && <p className="hover-card__tags">{hover.annotation.tags.join(' · ')}</p>}
      {hover.annotation.note.text.trim() !== '' && (
        <p className="hover-card__note">{hover.annotation.note.text.slice(0, 200)}</p>
      )}
    </div>
  );
}
