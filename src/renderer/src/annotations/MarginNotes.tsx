// The margin column: a card for every annotation with a note, every pinned note and the
// selected annotation, level with its text, scrolling with it. The selected card is
// raised; long notes collapse past four lines. From the text, Tab reaches the margin (the
// selected annotation's card first); the arrow keys move between cards.
import { useId, useMemo } from 'react';
import type { Annotation, HighlightColor, Reply, TagInfo } from '../../../shared/annotations';
import { NoteCard } from './NoteCard';
import { useMarginFocus } from './useMarginFocus';
import { useMarginLayout } from './useMarginLayout';
import styles from './Margin.module.css';

export interface MarginActions {
  select: (id: string | null) => void;
  saveNote: (id: string, lexicalJson: string) => void;
  setColor: (id: string, color: HighlightColor) => void;
  addTag: (id: string, path: string) => void;
  removeTag: (id: string, path: string) => void;
  remove: (id: string) => void;
  report: (title: string, message: string) => void;
  /** Resolves true once the reply is stored. */
  reply: (id: string, markdown: string) => Promise<boolean>;
  deleteReply: (id: string) => void;
  /** What was typed between `t`/`n` and the field opening, for that field. */
  takeTyped: () => string;
}

interface MarginNotesProps {
  annotations: readonly Annotation[];
  anchorTops: ReadonlyMap<string, number>;
  selectedId: string | null;
  focus: { id: string; part: 'tag' | 'note' } | null;
  tags: readonly TagInfo[];
  actions: MarginActions;
  myAuthorId: string | null;
  replies: ReadonlyMap<string, readonly Reply[]>;
}

const NO_REPLIES: readonly Reply[] = [];

export function MarginNotes({
  annotations,
  anchorTops,
  selectedId,
  focus,
  tags,
  actions,
  myAuthorId,
  replies,
}: MarginNotesProps) {
  const hintId = useId();
  // The cards in the order they stand in the margin, which is the order of their text.
  const shown = useMemo(
    () =>
      annotations
        .filter((annotation) => anchorTops.has(annotation.id))
        .sort((a, b) => anchorTops.get(a.id)! - anchorTops.get(b.id)!),
    [annotations, anchorTops],
  );
  const ids = useMemo(() => shown.map((annotation) => annotation.id), [shown]);
  const { marginRef, slotRef, topOf } = useMarginLayout(ids, anchorTops, selectedId);
  const margin = useMarginFocus(ids, selectedId);

  return (
    <aside className={styles.margin} aria-label="Margin notes" ref={marginRef}>
      <p id={hintId} hidden>
        Up and down arrows move between notes, Enter opens one, Escape goes back to the text.
      </p>
      {shown.map((annotation) => (
        <div
          key={annotation.id}
          className={styles.slot}
          ref={slotRef(annotation.id)}
          style={{ top: topOf(annotation.id), zIndex: annotation.id === selectedId ? 5 : 1 }}
        >
          <NoteCard
            annotation={annotation}
            selected={annotation.id === selectedId}
            focus={focus?.id === annotation.id ? focus.part : null}
            tags={tags}
            actions={actions}
            mine={myAuthorId === null || annotation.author.id === myAuthorId}
            replies={replies.get(annotation.id) ?? NO_REPLIES}
            myAuthorId={myAuthorId}
            margin={margin}
            hintId={hintId}
          />
        </div>
      ))}
    </aside>
  );
}
