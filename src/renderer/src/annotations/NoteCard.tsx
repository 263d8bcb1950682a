// One margin card: who wrote it and when, its anchor's state, its tags, its note, its
// thread and, while selected, its tag field, colors and Delete. From the keyboard: the
// arrows move between cards, Enter opens the card's note, Delete removes it, Esc goes
// back to the text.
import type { KeyboardEvent } from 'react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Annotation, Reply, TagInfo } from '../../../shared/annotations';
import { HIGHLIGHT_COLORS, annotationLabel } from '../../../shared/annotations';
import { HIGHLIGHT_PALETTE } from '../../../shared/palette';
import { CardEvidenceActions, CardGradeBadge, CardLinks } from '../evidence/CardEvidence';
import { CardPage } from '../pages/PageTag';
import { TagInput } from '../tags/TagInput';
import { ColorSwatches, colorName } from './ColorSwatches';
import { cardName } from './card-name';
import { focusReaderFrom } from './focus-passage';
import type { MarginActions } from './MarginNotes';
import { NoteEditor } from './NoteEditor';
import { foldAtWholeLines } from './note-fold';
import { Thread, fullTime, shortTime } from './Thread';
import type { MarginFocus } from './useMarginFocus';
import styles from './Margin.module.css';

export interface NoteCardProps {
  annotation: Annotation;
  selected: boolean;
  /** The part asked to take focus (`t` or `n` after `h`). */
  focus: 'tag' | 'note' | null;
  tags: readonly TagInfo[];
  actions: MarginActions;
  mine: boolean;
  replies: readonly Reply[];
  myAuthorId: string | null;
  margin: MarginFocus;
  /** The id of the hint that says how to move between cards. */
  hintId: string;
}

export function NoteCard(props: NoteCardProps) {
  const { annotation, selected, focus, tags, actions, mine, margin } = props;
  const [expanded, setExpanded] = useState(false);
  const [overflowing, setOverflowing] = useState(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (body) setOverflowing(body.scrollHeight > body.clientHeight + 2);
  }, [annotation.note.lexicalJson, selected, expanded]);
  const collapsed = !selected && !expanded;
  useLayoutEffect(() => {
    const body = bodyRef.current;
    return collapsed && overflowing && body ? foldAtWholeLines(body) : undefined;
  }, [collapsed, overflowing, annotation.note.lexicalJson]);
  const onKeyDown = useCardKeys(props, bodyRef);
  const classes = [styles.card, selected ? styles.selected : '', mine ? '' : styles.other].filter(Boolean);
  return (
    <article
      ref={margin.register(annotation.id)}
      className={classes.join(' ')}
      aria-label={cardName(annotation)}
      aria-describedby={props.hintId}
      aria-current={selected ? 'true' : undefined}
      tabIndex={margin.tabStop === annotation.id ? 0 : -1}
      data-annotation-id={annotation.id}
      onFocus={(event) => {
        if (event.target === event.currentTarget) margin.focused(annotation.id);
      }}
      onKeyDown={onKeyDown}
      onMouseDown={(event) => {
        // A press on a link is for the link (it asks to open, see links.ts), not for editing the card.
        if ((event.target as Element).closest('a[href]')) return;
        if (!selected) actions.select(annotation.id);
      }}
    >
      <CardHeader annotation={annotation} mine={mine} selected={selected} />
      <CardTags annotation={annotation} removable={selected && mine} actions={actions} />
      {selected && mine && (
        <TagInput
          tags={tags}
          exclude={annotation.tags}
          label="Add tag"
          autoFocus={focus === 'tag'}
          takeTyped={actions.takeTyped}
          onAdd={(path) => actions.addTag(annotation.id, path)}
          onInvalid={(message) => actions.report("Couldn't add the tag", message)}
        />
      )}
      <div ref={bodyRef} className={collapsed ? `${styles.body} ${styles.collapsed}` : styles.body}>
        {(selected && mine) || annotation.note.lexicalJson ? (
          <NoteEditor
            annotationId={annotation.id}
            lexicalJson={annotation.note.lexicalJson}
            label={`Note on “${annotationLabel(annotation)}”`}
            autoFocus={selected && focus === 'note'}
            takeTyped={actions.takeTyped}
            editable={mine}
            tabbable={selected}
            onSave={(json) => actions.saveNote(annotation.id, json)}
          />
        ) : null}
      </div>
      {collapsed && overflowing && (
        // Out of the Tab order: from the keyboard, Enter on the card opens the whole note.
        <button type="button" className={styles.more} tabIndex={-1} onClick={() => setExpanded(true)}>
          Show more
        </button>
      )}
      <Thread
        annotation={annotation}
        replies={props.replies}
        selected={selected}
        myAuthorId={props.myAuthorId}
        actions={actions}
      />
      <CardLinks annotation={annotation} tabbable={selected} />
      {selected && <CardEvidenceActions annotation={annotation} />}
      {selected && mine && <CardActions annotation={annotation} actions={actions} margin={margin} />}
    </article>
  );
}

/**
 * The card's keys. On the card itself: arrows, Home and End move between cards, Enter opens
 * the note (or the reply box on someone else's), Delete removes one's own. Anywhere in the
 * card: Esc goes back to the text (the tag field keeps its first Esc to clear what is typed).
 */
function useCardKeys(
  { annotation, selected, mine, actions, margin }: NoteCardProps,
  bodyRef: React.RefObject<HTMLDivElement | null>,
) {
  const [opening, setOpening] = useState(false);
  useEffect(() => {
    if (!opening || !selected) return;
    setOpening(false);
    const card = bodyRef.current?.closest('article');
    card?.querySelector<HTMLElement>('[contenteditable="true"], textarea')?.focus();
  }, [opening, selected, bodyRef]);

  return (event: KeyboardEvent<HTMLElement>) => {
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    if (event.key === 'Escape') {
      handled();
      actions.select(annotation.id);
      focusReaderFrom(event.currentTarget);
      return;
    }
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    if (margin.move(annotation.id, event.key)) {
      handled();
    } else if (event.key === 'Enter' || event.key === ' ') {
      handled();
      if (!selected) actions.select(annotation.id);
      setOpening(true);
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && mine) {
      handled();
      removeCard(annotation.id, event.currentTarget, actions, margin);
    }
  };
}

/** Deletes a card's annotation; focus goes to the next card, or back to the text after the last. */
function removeCard(id: string, card: Element, actions: MarginActions, margin: MarginFocus) {
  if (!margin.leave(id)) focusReaderFrom(card);
  actions.remove(id);
}

/** What a name is said to be ("(Word comment)", "(unverified)"): kept whole, never broken across lines. */
const NAME_KIND = /^(.+?)( \((?:Word comment|unverified)\))$/;

/** The author's name, its kind always shown: a long name with a kind wraps onto more lines, never cut. */
function AuthorName({ name, kind }: { name: string; kind: string | undefined }) {
  if (kind === undefined) {
    return (
      <span className={styles.author} title={name}>
        {name}
      </span>
    );
  }
  return (
    <span className={`${styles.author} ${styles.authorWithKind}`} title={name}>
      <span>{name.slice(0, name.length - kind.length)}</span>
      <span className={styles.authorKind}>{kind}</span>
    </span>
  );
}

/** A note written in the minute its highlight was made (n, then typing) is new, not edited (trial: "edited 11:38 PM" at once). */
const WRITING_MS = 60_000;

function editedLater(annotation: Annotation): boolean {
  return Date.parse(annotation.updatedAt) - Date.parse(annotation.createdAt) > WRITING_MS;
}

function CardHeader({ annotation, mine, selected }: { annotation: Annotation; mine: boolean; selected: boolean }) {
  const edited = editedLater(annotation);
  const status = annotation.anchor.status;
  const name = annotation.author.name;
  const kind = NAME_KIND.exec(name)?.[2];
  return (
    <>
      {/* A name with its kind needs room for both: the date and page may then go to a second line. */}
      <header className={kind === undefined ? styles.header : `${styles.header} ${styles.headerWraps}`}>
        <span
          className={styles.dot}
          style={{ background: HIGHLIGHT_PALETTE[annotation.color].swatch }}
          aria-hidden="true"
        />
        <AuthorName name={name} kind={kind} />
        {!mine && <span className={styles.badge}>their note</span>}
        <time
          dateTime={annotation.updatedAt}
          title={`Created ${fullTime(annotation.createdAt)}${edited ? `, edited ${fullTime(annotation.updatedAt)}` : ''}`}
        >
          {edited ? 'edited ' : ''}
          {shortTime(edited ? annotation.updatedAt : annotation.createdAt)}
        </time>
        <CardGradeBadge annotation={annotation} />
        <CardPage annotation={annotation} tabbable={selected} />
      </header>
      {status !== 'exact' && (
        <p className={status === 'orphan' ? `${styles.status} ${styles.statusOrphan}` : styles.status}>
          {status === 'orphan' ? 'Orphaned: its text is gone' : `Re-anchored (${status})`}
        </p>
      )}
    </>
  );
}

function CardTags({
  annotation,
  removable,
  actions,
}: {
  annotation: Annotation;
  removable: boolean;
  actions: MarginActions;
}) {
  if (annotation.tags.length === 0) return null;
  return (
    <ul className={styles.tagChips} aria-label="Tags">
      {annotation.tags.map((path) => (
        <li key={path} className={styles.tagChip}>
          {path}
          {removable && (
            <button
              type="button"
              className={styles.tagChipRemove}
              aria-label={`Remove tag ${path}`}
              onClick={() => actions.removeTag(annotation.id, path)}
            >
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

function CardActions({
  annotation,
  actions,
  margin,
}: {
  annotation: Annotation;
  actions: MarginActions;
  margin: MarginFocus;
}) {
  return (
    <footer className={styles.actions}>
      {annotation.kind === 'highlight' && (
        <ColorSwatches
          label="Color"
          layout="grid"
          colors={HIGHLIGHT_COLORS}
          nameFor={colorName}
          pressed={(color) => annotation.color === color}
          onPick={(color) => color && actions.setColor(annotation.id, color)}
        />
      )}
      <button
        type="button"
        className={styles.delete}
        onClick={(event) => removeCard(annotation.id, event.currentTarget, actions, margin)}
      >
        Delete
      </button>
    </footer>
  );
}
