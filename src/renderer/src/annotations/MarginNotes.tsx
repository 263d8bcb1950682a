// The margin column: a card for every annotation with a note, every pinned note and the
// selected annotation, level with its text, scrolling with it. The selected card is
// raised; long notes collapse past four lines.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Annotation, HighlightColor, TagInfo } from '../../../shared/annotations';
import type { Reply } from '../../../shared/annotations';
import { formatDate } from '../../../shared/dates';
import { HIGHLIGHT_COLORS, annotationLabel } from '../../../shared/annotations';
import { HIGHLIGHT_PALETTE } from '../../../shared/palette';
import { layoutMargin } from './layout';
import { NoteEditor } from './NoteEditor';
import { TagInput } from '../tags/TagInput';

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

// Today's times as a clock time, older ones as a date; the full time is in the tooltip.
const shortTime = (iso: string) => formatDate(iso, 'recent');
const fullTime = (iso: string) => formatDate(iso, 'day-time');

function Thread({
  annotation,
  replies,
  selected,
  myAuthorId,
  actions,
}: {
  annotation: Annotation;
  replies: readonly Reply[];
  selected: boolean;
  myAuthorId: string | null;
  actions: MarginActions;
}) {
  const [draft, setDraft] = useState('');
  const [posting, setPosting] = useState(false);
  if (replies.length === 0 && !selected) return null;
  return (
    <div className="thread">
      {replies.length > 0 && (
        <ul className="thread__replies" aria-label={`Replies to “${annotationLabel(annotation)}”`}>
          {replies.map((reply) => (
            <li key={reply.id} className="thread__reply" aria-label={`Reply by ${reply.author.name}`}>
              <header className="thread__header">
                <span className="note-card__author">{reply.author.name}</span>
                <time dateTime={reply.createdAt} title={fullTime(reply.createdAt)}>
                  {shortTime(reply.createdAt)}
                </time>
                {reply.author.id === myAuthorId && selected && (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Delete reply by ${reply.author.name}`}
                    onClick={() => actions.deleteReply(reply.id)}
                  >
                    Delete
                  </button>
                )}
              </header>
              <p className="thread__text">{reply.text}</p>
            </li>
          ))}
        </ul>
      )}
      {selected && (
        <form
          className="thread__form"
          onSubmit={(event) => {
            event.preventDefault();
            if (draft.trim() === '' || posting) return;
            setPosting(true);
            void actions.reply(annotation.id, draft).then((posted) => {
              setPosting(false);
              if (posted) setDraft('');
            });
          }}
        >
          <textarea
            className="thread__input"
            aria-label={`Reply to “${annotationLabel(annotation)}”`}
            placeholder="Reply…"
            rows={2}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
          />
          <button type="submit" className="button" disabled={draft.trim() === '' || posting}>
            Reply
          </button>
        </form>
      )}
    </div>
  );
}

function NoteCard({
  annotation,
  selected,
  focus,
  tags,
  actions,
  mine,
  replies,
  myAuthorId,
}: {
  annotation: Annotation;
  selected: boolean;
  focus: 'tag' | 'note' | null;
  tags: readonly TagInfo[];
  actions: MarginActions;
  mine: boolean;
  replies: readonly Reply[];
  myAuthorId: string | null;
}) {
  const [expanded, setExpanded] = useState(false);
  const [overflowing, setOverflowing] = useState(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (body) setOverflowing(body.scrollHeight > body.clientHeight + 2);
  }, [annotation.note.lexicalJson, selected, expanded]);
  const collapsed = !selected && !expanded;
  const edited = annotation.updatedAt !== annotation.createdAt;
  return (
    <article
      className={`note-card${selected ? ' note-card--selected' : ''}${mine ? '' : ' note-card--other'}`}
      aria-label={`Note on “${annotationLabel(annotation)}”`}
      data-annotation-id={annotation.id}
      onMouseDown={(event) => {
        // A press on a link is for the link (it asks to open, see links.ts), not for editing the card.
        if ((event.target as Element).closest('a[href]')) return;
        if (!selected) actions.select(annotation.id);
      }}
    >
      <header className="note-card__header">
        <span
          className="note-card__dot"
          style={{ background: HIGHLIGHT_PALETTE[annotation.color].swatch }}
          aria-hidden="true"
        />
        <span className="note-card__author" title={annotation.author.name}>
          {annotation.author.name}
        </span>
        {!mine && <span className="note-card__badge">their note</span>}
        <time
          dateTime={annotation.updatedAt}
          title={`Created ${fullTime(annotation.createdAt)}${edited ? `, edited ${fullTime(annotation.updatedAt)}` : ''}`}
        >
          {edited ? 'edited ' : ''}
          {shortTime(edited ? annotation.updatedAt : annotation.createdAt)}
        </time>
      </header>
      {annotation.anchor.status !== 'exact' && (
        <p className={`note-card__status note-card__status--${annotation.anchor.status}`}>
          {annotation.anchor.status === 'orphan'
            ? 'Orphaned: its text is gone'
            : `Re-anchored (${annotation.anchor.status})`}
        </p>
      )}
      {annotation.tags.length > 0 && (
        <ul className="tag-chips" aria-label="Tags">
          {annotation.tags.map((path) => (
            <li key={path} className="tag-chip">
              {path}
              {selected && mine && (
                <button
                  type="button"
                  className="tag-chip__remove"
                  aria-label={`Remove tag ${path}`}
                  onClick={() => actions.removeTag(annotation.id, path)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {selected && mine && (
        <TagInput
          tags={tags}
          exclude={annotation.tags}
          label="Add tag"
          autoFocus={focus === 'tag'}
          onAdd={(path) => actions.addTag(annotation.id, path)}
          onInvalid={(message) => actions.report("Couldn't add the tag", message)}
        />
      )}
      <div ref={bodyRef} className={`note-card__body${collapsed ? ' note-card__body--collapsed' : ''}`}>
        {(selected && mine) || annotation.note.lexicalJson ? (
          <NoteEditor
            annotationId={annotation.id}
            lexicalJson={annotation.note.lexicalJson}
            label={`Note on “${annotationLabel(annotation)}”`}
            autoFocus={selected && focus === 'note'}
            editable={mine}
            onSave={(json) => actions.saveNote(annotation.id, json)}
          />
        ) : null}
      </div>
      {collapsed && overflowing && (
        <button type="button" className="note-card__more" onClick={() => setExpanded(true)}>
          Show more
        </button>
      )}
      <Thread annotation={annotation} replies={replies} selected={selected} myAuthorId={myAuthorId} actions={actions} />
      {selected && mine && (
        <footer className="note-card__actions">
          {annotation.kind === 'highlight' && (
            <span className="note-card__colors" role="group" aria-label="Color">
              {HIGHLIGHT_COLORS.map((color) => (
                <button
                  key={color}
                  type="button"
                  className="note-card__color"
                  aria-label={HIGHLIGHT_PALETTE[color].label}
                  aria-pressed={annotation.color === color}
                  style={{ background: HIGHLIGHT_PALETTE[color].swatch }}
                  onClick={() => actions.setColor(annotation.id, color)}
                />
              ))}
            </span>
          )}
          <button type="button" className="note-card__delete" onClick={() => actions.remove(annotation.id)}>
            Delete
          </button>
        </footer>
      )}
    </article>
  );
}

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
  const refs = useRef(new Map<string, HTMLDivElement>());
  const [tops, setTops] = useState<Map<string, number>>(new Map());
  const [resized, setResized] = useState(0);
  const shown = annotations.filter((annotation) => anchorTops.has(annotation.id));

  // Cards grow and shrink as notes are typed, expanded or selected: lay out again.
  useEffect(() => {
    const observer = new ResizeObserver(() => setResized((count) => count + 1));
    for (const element of refs.current.values()) observer.observe(element);
    return () => observer.disconnect();
  }, [annotations, anchorTops]);

  useLayoutEffect(() => {
    const items = shown.map((annotation) => ({
      id: annotation.id,
      anchorTop: anchorTops.get(annotation.id) ?? 0,
      height: refs.current.get(annotation.id)?.offsetHeight ?? 80,
    }));
    const next = layoutMargin(items, selectedId);
    setTops((previous) => {
      if (previous.size === next.size && [...next].every(([id, top]) => previous.get(id) === top)) return previous;
      return next;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `shown` is derived from annotations and anchorTops
  }, [annotations, anchorTops, selectedId, resized]);

  return (
    <aside className="margin" aria-label="Margin notes">
      {shown.map((annotation) => (
        <div
          key={annotation.id}
          className="margin__slot"
          ref={(element) => {
            if (element) refs.current.set(annotation.id, element);
            else refs.current.delete(annotation.id);
          }}
          style={{
            top: tops.get(annotation.id) ?? anchorTops.get(annotation.id) ?? 0,
            zIndex: annotation.id === selectedId ? 5 : 1,
          }}
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
          />
        </div>
      ))}
    </aside>
  );
}
