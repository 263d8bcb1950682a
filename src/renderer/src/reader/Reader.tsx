// The reader: the document's canonical Lexical state, read-only (or editable in edit mode),
// composed of plugins with one behaviour each (keys, caret, selection, highlight painting,
// search marks, margin measuring, scroll requests, the reading place held through reflows, live
// editing, text integrity), with the margin of notes, the selection toolbar, hover previews and
// a reading-progress bar around it.
import type { LexicalEditor } from 'lexical';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Annotation, HighlightColor } from '../../../shared/annotations';
import { formatDate } from '../../../shared/dates';
import { OWN_DATE_TIME_ZONE, ownDateLabel } from '../../../shared/document-labels';
import type { DocumentDetail } from '../../../shared/model';
import type { AnnotationController } from '../annotations/controller';
import { SelectionToolbar } from '../annotations/SelectionToolbar';
import { commands } from '../commands';
import type { DomTextMap } from './dom-map';
import type { TextChange } from './live-edit';
import { followEdit } from './live-edit';
import { CaretAnnouncer } from './CaretAnnouncer';
import { HoverCard, annotationAtPoint, hasPreview, useHoverPreview } from './HoverCard';
import { ReaderDocument } from './ReaderDocument';
import { ReaderMargin, useCardAnnotations } from './ReaderMargin';
import { useEarlySpans } from './early-spans';
import type { ReaderSelection } from './plugins/SelectionPlugin';
import { NO_SELECTION } from './plugins/SelectionPlugin';
import { useScrollPin, useSettled } from './scroll-pin';
import styles from './Reader.module.css';

export interface ReaderProps {
  document: DocumentDetail | null;
  loading: boolean;
  editing: boolean;
  editEpoch: number;
  controller: AnnotationController;
  onImport: () => void;
  onSaveEdit: (lexicalJson: string) => void;
  report: (title: string, message: string) => void;
  /** The local author: only their annotations can be edited here. */
  myAuthorId: string | null;
}

export function Reader(props: ReaderProps) {
  if (!props.document) return <EmptyReader loading={props.loading} onImport={props.onImport} />;
  return <OpenReader {...props} document={props.document} />;
}

function EmptyReader({ loading, onImport }: { loading: boolean; onImport: () => void }) {
  return (
    <main className={`${styles.reader} ${styles.empty}`} aria-label="Reader">
      {!loading && (
        <div className={styles.emptyState}>
          <h1>Nothing open</h1>
          <p>
            Import a document (PDF, Word, EPUB, e-mail, web page, Markdown or text), or drop one on this window, to
            start reading.
          </p>
          <button type="button" className="button button--primary" onClick={onImport}>
            Import a document…
          </button>
        </div>
      )}
    </main>
  );
}

/** The page's elements the plugins work on, once mounted. */
export interface ReaderElements {
  scroller: HTMLElement;
  page: HTMLElement;
  article: HTMLElement;
  caret: HTMLElement;
}

function useElements() {
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [page, setPage] = useState<HTMLElement | null>(null);
  const [article, setArticle] = useState<HTMLElement | null>(null);
  const [caret, setCaret] = useState<HTMLElement | null>(null);
  const elements: ReaderElements | null =
    scroller && page && article && caret ? { scroller, page, article, caret } : null;
  return { elements, refs: { setScroller, setPage, setArticle, setCaret }, scroller, article };
}

/** While the text is edited, annotations follow each change until the saved text re-anchors them. */
function useLiveAnnotations(visible: readonly Annotation[]) {
  const [live, setLive] = useState<Annotation[] | null>(null);
  const visibleRef = useRef(visible);
  visibleRef.current = visible;
  const follow = useCallback((change: TextChange | null) => {
    if (change === null) setLive(null);
    else setLive((current) => followEdit(current ?? visibleRef.current, change));
  }, []);
  return { shown: live ?? visible, follow };
}

function OpenReader(props: ReaderProps & { document: DocumentDetail }) {
  const { document: doc, editing, controller } = props;
  const { elements, refs, scroller, article } = useElements();
  const [text, setText] = useState<{ editor: LexicalEditor; map: DomTextMap } | null>(null);
  const [selection, setSelection] = useState<ReaderSelection>(NO_SELECTION);
  const onReady = useCallback((editor: LexicalEditor, map: DomTextMap) => setText({ editor, map }), []);
  const settled = useSettled(doc.id);
  const progress = useScrollPin(scroller, article, doc.id);
  const live = useLiveAnnotations(controller.visible);
  const paintable = useEarlySpans(controller, doc.id, live.shown);
  const cards = useCardAnnotations(controller, live.shown);
  const [anchorTops, setAnchorTops] = useState<Map<string, number>>(new Map());
  const hover = useHoverPreview(text, live.shown, editing);
  const span = editing ? null : selection.span;
  // A message's own Date line, in the sender's time, is just below: the line over the title says
  // no other day for it (its UTC day read as “Sent December 1” over “Monday, 30 November”, trial).
  const published =
    doc.publishedAt && doc.sourceType !== 'eml'
      ? `${ownDateLabel(doc.sourceType)} ${formatDate(doc.publishedAt, 'long-day', { timeZone: OWN_DATE_TIME_ZONE })}`
      : '';
  const details = [doc.siteName, published, doc.sourceName];
  const highlight = (color?: HighlightColor) => span && void controller.createFromSpan(span, color ? { color } : {});
  const plugins = useMemo(
    () => ({
      selection,
      setSelection,
      paintable,
      cards: cards.annotations,
      setAnchorTops,
      settled,
      follow: live.follow,
    }),
    [selection, paintable, cards.annotations, settled, live.follow],
  );

  return (
    // The edit bar sits above the scrolling reader, in its own space: inside, it covered the text it scrolled over.
    <div className={styles.frame}>
      {editing && (
        <div className={styles.editbar} role="region" aria-label="Editing">
          <span>Editing the text. Annotations follow your changes.</span>
          <button
            type="button"
            className="button button--primary"
            onClick={() => text && props.onSaveEdit(JSON.stringify(text.editor.getEditorState().toJSON()))}
          >
            Done editing
          </button>
        </div>
      )}
      <main
        className={styles.reader}
        aria-label="Reader"
        ref={refs.setScroller}
        tabIndex={-1}
        data-selection-start={span?.start}
        data-selection-end={span?.end}
        // The text itself takes focus (its caret lives there): focus given to the reader passes to it.
        onFocus={(event) => {
          if (event.target === event.currentTarget) text?.editor.getRootElement()?.focus({ preventScroll: true });
        }}
        onMouseMove={hover.onMouseMove}
        onMouseLeave={hover.onMouseLeave}
        onScroll={hover.onScroll}
        onClick={(event) => {
          const target = event.target as HTMLElement;
          // Links are the app's to open (see links.ts); a click on one selects nothing.
          if (target.closest('a[href]') || editing || !window.getSelection()?.isCollapsed) return;
          if (!text?.editor.getRootElement()?.contains(target)) return;
          controller.select(annotationAtPoint(text, live.shown, event.clientX, event.clientY)?.id ?? null);
        }}
      >
        <div
          className={styles.progress}
          role="progressbar"
          aria-label="Reading progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress}
        >
          <div className={styles.progressBar} style={{ width: `${progress}%` }} />
        </div>
        <div className={`${styles.page} reader__page`} ref={refs.setPage}>
          <ReaderDocument
            {...props}
            details={details.filter(Boolean).join(' · ')}
            settled={settled}
            articleRef={refs.setArticle}
            elements={elements}
            map={text?.map ?? null}
            onReady={onReady}
            plugins={plugins}
            shown={live.shown}
          />
          <div className={styles.caret} ref={refs.setCaret} hidden aria-hidden="true" data-testid="reader-caret" />
          <ReaderMargin {...props} cards={cards} anchorTops={anchorTops} />
        </div>
        {span && (
          <SelectionToolbar
            rect={span.rect}
            color={controller.lastColor}
            reattaching={controller.reattachId !== null}
            onHighlight={highlight}
            onTag={() => void controller.createFromSpan(span, { then: 'tag' })}
            onNote={() => void controller.createFromSpan(span, { then: 'note' })}
            onClaim={() => commands.run('makeClaim')}
            onAttach={() => void controller.reattach(span)}
            onDismiss={() => {
              window.getSelection()?.removeAllRanges();
              controller.setReattachId(null);
            }}
          />
        )}
        {hover.hover && !span && hasPreview(hover.hover.annotation) && <HoverCard hover={hover.hover} />}
        <CaretAnnouncer annotations={live.shown} offset={editing ? null : selection.focus} />
      </main>
    </div>
  );
}
