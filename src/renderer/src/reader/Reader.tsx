// The reader: the document's canonical Lexical state, read-only (or editable in edit
// mode), with annotations painted over it, a selection toolbar, hover previews, the
// margin of notes, a reading-progress bar and keyboard scrolling. The renderer
// recomputes the canonical text from the live editor and checks its hash against the
// store's, so offsets computed in Node and here can never silently disagree.
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { EditorThemeClasses, LexicalEditor } from 'lexical';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, HighlightColor } from '../../../shared/annotations';
import { $canonicalText, DOCUMENT_NODES } from '../../../shared/lexical-document';
import { formatDate } from '../../../shared/dates';
import type { DocumentDetail } from '../../../shared/model';
import type { AnnotationController } from '../annotations/controller';
import { annotationAt, isProvisional } from '../annotations/controller';
import type { DomTextMap } from './dom-map';
import { caretOffset, offsetOfDomPoint, rangeForSpan, selectionSpan, staticRangeForSpan } from './dom-map';
import { diffTexts, followEdit } from './live-edit';
import { MarginNotes } from '../annotations/MarginNotes';
import type { Reply } from '../../../shared/annotations';
import type { PaintOutcome } from './paint';
import { HighlightPainter, SEARCH_HIGHLIGHT, highlightsSupported, paintableSpans } from './paint';
import { buildBlockIndex, visibleWindow } from './visible-window';
import { ReaderBridgePlugin } from './ReaderBridgePlugin';
import { LinkTargetsPlugin } from './LinkTargetsPlugin';
import { SelectionToolbar } from '../annotations/SelectionToolbar';
import { ErrorBoundary } from '../ui/ErrorBoundary';

const READER_THEME: EditorThemeClasses = {
  paragraph: 'doc-p',
  quote: 'doc-quote',
  heading: { h1: 'doc-h1', h2: 'doc-h2', h3: 'doc-h3', h4: 'doc-h4', h5: 'doc-h5', h6: 'doc-h6' },
  list: {
    ul: 'doc-ul',
    ol: 'doc-ol',
    listitem: 'doc-li',
    nested: { listitem: 'doc-li--nested' },
  },
  link: 'doc-link',
  text: { bold: 'doc-bold', italic: 'doc-italic', code: 'doc-code', underline: 'doc-underline' },
};

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function TextIntegrityPlugin({
  expectedSha256,
  onChecked,
}: {
  expectedSha256: string;
  onChecked: (hash: string) => void;
}) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    let cancelled = false;
    // After the first paint: the check must never delay the text appearing.
    const timer = setTimeout(() => {
      const text = editor.getEditorState().read($canonicalText);
      void sha256Hex(text).then((hash) => {
        if (cancelled) return;
        if (hash !== expectedSha256)
          console.error('marginalia: the rendered text differs from the stored canonical text');
        onChecked(hash);
      });
    }, 50);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [editor, expectedSha256, onChecked]);
  return null;
}

function EditablePlugin({ editable }: { editable: boolean }) {
  const [editor] = useLexicalComposerContext();
  // Focus stays where it was: editor.focus() with no selection would put the caret at the end
  // of the document and scroll there, away from the passage being read.
  useEffect(() => editor.setEditable(editable), [editor, editable]);
  return null;
}

/**
 * Scrolls to the very start or end and stays there while blocks laid out on the way
 * change the page's height (and scroll anchoring shifts the position), until it settles.
 */
function scrollToEdge(scroller: HTMLElement, edge: 'start' | 'end'): void {
  let frames = 0;
  let stableFrames = 0;
  let lastHeight = -1;
  const step = () => {
    scroller.scrollTop = edge === 'start' ? 0 : scroller.scrollHeight;
    frames += 1;
    stableFrames = scroller.scrollHeight === lastHeight ? stableFrames + 1 : 0;
    lastHeight = scroller.scrollHeight;
    if (stableFrames < 3 && frames < 120) requestAnimationFrame(step);
  };
  step();
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const withPosition = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  const position = withPosition.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

interface HoverState {
  annotation: Annotation;
  x: number;
  y: number;
}

export interface SelectionCommands {
  highlight: () => void;
  tag: () => void;
  note: () => void;
}

interface ReaderProps {
  commandsRef: { current: SelectionCommands | null };
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

export function Reader({
  commandsRef,
  document: doc,
  loading,
  editing,
  editEpoch,
  controller,
  onImport,
  onSaveEdit,
  report,
  myAuthorId,
}: ReaderProps) {
  const scrollRef = useRef<HTMLElement>(null);
  const pageRef = useRef<HTMLDivElement>(null);
  const [progress, setProgress] = useState(0);
  const [renderedHash, setRenderedHash] = useState<string | null>(null);
  const [settled, setSettled] = useState(false);
  const [editor, setEditor] = useState<LexicalEditor | null>(null);
  const [textMap, setTextMap] = useState<DomTextMap | null>(null);
  const [selection, setSelection] = useState<{ start: number; end: number; rect: DOMRect } | null>(null);
  const [hover, setHover] = useState<HoverState | null>(null);
  const [anchorTops, setAnchorTops] = useState<Map<string, number>>(new Map());
  const [liveAnnotations, setLiveAnnotations] = useState<Annotation[] | null>(null);
  const liveTextRef = useRef<string | null>(null);
  const { visible, selectedId, scrollTarget, searchMarks } = controller;
  const shownAnnotations = liveAnnotations ?? visible;

  // Stable across renders, so the bridge publishes a new text map only when the text changes.
  const editingRef = useRef(editing);
  editingRef.current = editing;
  const visibleRef = useRef(visible);
  visibleRef.current = visible;
  const onReady = useCallback((readyEditor: LexicalEditor, map: DomTextMap) => {
    setEditor(readyEditor);
    setTextMap(map);
    if (!editingRef.current) return;
    // Edit mode: move the painted annotations along with each change.
    const text = readyEditor.getEditorState().read($canonicalText);
    const previous = liveTextRef.current;
    liveTextRef.current = text;
    if (previous === null) return;
    const change = diffTexts(previous, text);
    if (change) setLiveAnnotations((current) => followEdit(current ?? visibleRef.current, change));
  }, []);

  useEffect(() => {
    liveTextRef.current = editing && editor ? editor.getEditorState().read($canonicalText) : null;
    if (!editing) setLiveAnnotations(null);
  }, [editing, editor]);

  // Lay out the whole document once the first screen has painted and the browser is idle.
  // (The editor and text map are not reset here: the composer remounts for each document
  // and its bridge publishes the new ones, and child effects run before this one.)
  useEffect(() => {
    setSettled(false);
    if (!doc) return;
    const settle = () => setSettled(true);
    const idle = window.requestIdleCallback?.(settle, { timeout: 1000 });
    const timer = idle === undefined ? setTimeout(settle, 300) : undefined;
    return () => {
      if (idle !== undefined) window.cancelIdleCallback(idle);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [doc]);

  // A freshly opened document stays at its top while its blocks settle (scroll anchoring
  // would otherwise drift it), until anything scrolls it. Resize observers run after
  // layout, so an anchoring shift is undone before its scroll event is seen.
  const pinnedToTopRef = useRef(true);
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    scroller.scrollTop = 0;
    pinnedToTopRef.current = true;
    setRenderedHash(null);
    const update = () => {
      const range = scroller.scrollHeight - scroller.clientHeight;
      setProgress(range <= 0 ? 100 : Math.round((scroller.scrollTop / range) * 100));
    };
    // Only layout changes re-pin; a scroll of any kind is left where it went.
    const relayout = () => {
      if (pinnedToTopRef.current && scroller.scrollTop !== 0) scroller.scrollTop = 0;
      update();
    };
    const onScroll = () => {
      if (scroller.scrollTop !== 0) pinnedToTopRef.current = false;
      update();
    };
    update();
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(relayout);
    observer.observe(scroller);
    const article = scroller.querySelector('.reader__article');
    if (article) observer.observe(article);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [doc?.id]);

  const rangeFor = useCallback(
    (start: number, end: number) => (editor && textMap ? rangeForSpan(editor, textMap, start, end) : null),
    [editor, textMap],
  );

  // Paint the highlights whenever the annotations, the selection or the text change, and
  // say on the article how many were painted for which document (benchmarks and tests read it).
  const articleRef = useRef<HTMLElement>(null);
  const painterRef = useRef<HighlightPainter | null>(null);
  const loadedFor = controller.loadedDocumentId;
  const blockIndex = useMemo(() => (editor && textMap ? buildBlockIndex(editor, textMap) : null), [editor, textMap]);
  const spansFor = controller.spans?.documentId ?? null;
  const publishPainted = useCallback(
    (outcome: PaintOutcome) => {
      const article = articleRef.current;
      const paintedFor = loadedFor ?? spansFor;
      if (!article || !paintedFor) return;
      article.dataset.paintedHighlights = String(outcome.painted);
      article.dataset.knownHighlights = String(outcome.total);
      article.dataset.highlightsPaintedFor = paintedFor;
    },
    [loadedFor, spansFor],
  );
  const currentWindow = useCallback(
    () => (blockIndex && scrollRef.current ? visibleWindow(blockIndex, scrollRef.current) : null),
    [blockIndex],
  );
  // Until a document's full annotations arrive, its highlights paint from the compact spans.
  const docId = doc?.id ?? null;
  const paintable = useMemo(() => {
    if (loadedFor !== null && loadedFor === docId) return paintableSpans(shownAnnotations);
    const early = controller.spans;
    if (!early || early.documentId !== docId) return [];
    return early.ids.map((id, index) => ({
      id,
      start: early.starts[index]!,
      end: early.ends[index]!,
      color: early.colors[index]!,
    }));
  }, [loadedFor, docId, shownAnnotations, controller.spans]);
  useEffect(() => {
    if (!editor || !textMap) return;
    painterRef.current ??= new HighlightPainter();
    publishPainted(
      painterRef.current.paint({
        spans: paintable,
        selectedId,
        rangeFor: (start, end) => staticRangeForSpan(editor, textMap, start, end),
        textVersion: textMap,
        window: currentWindow(),
      }),
    );
  }, [editor, textMap, paintable, selectedId, publishPainted, currentWindow]);

  // Scrolling (and layout settling) moves the window of painted highlights, once a frame at most.
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller || !blockIndex) return;
    let frame: number | undefined;
    const move = () => {
      frame = undefined;
      if (painterRef.current) publishPainted(painterRef.current.setWindow(currentWindow()));
    };
    const schedule = () => {
      frame ??= requestAnimationFrame(move);
    };
    scroller.addEventListener('scroll', schedule, { passive: true });
    const observer = new ResizeObserver(schedule);
    observer.observe(scroller);
    schedule();
    return () => {
      scroller.removeEventListener('scroll', schedule);
      observer.disconnect();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [blockIndex, currentWindow, publishPainted, settled]);

  useEffect(() => () => painterRef.current?.dispose(), []);

  // Where each margin card's text starts, relative to the page.
  const repliesByAnnotation = useMemo(() => {
    const byAnnotation = new Map<string, Reply[]>();
    for (const reply of controller.replies)
      byAnnotation.set(reply.annotationId, [...(byAnnotation.get(reply.annotationId) ?? []), reply]);
    return byAnnotation;
  }, [controller.replies]);
  const cardAnnotations = useMemo(
    () =>
      shownAnnotations.filter(
        (annotation) =>
          !isProvisional(annotation) &&
          (annotation.note.text !== '' ||
            annotation.kind !== 'highlight' ||
            annotation.id === selectedId ||
            repliesByAnnotation.has(annotation.id)),
      ),
    [shownAnnotations, selectedId, repliesByAnnotation],
  );
  useLayoutEffect(() => {
    const page = pageRef.current;
    if (!page || !editor || !textMap) return;
    const measure = () => {
      const pageTop = page.getBoundingClientRect().top;
      const tops = new Map<string, number>();
      for (const annotation of cardAnnotations) {
        if (!annotation.target || annotation.anchor.status === 'orphan') {
          tops.set(annotation.id, 0);
          continue;
        }
        const range = rangeFor(annotation.target.position.start, annotation.target.position.end);
        const rect = range?.getClientRects()[0] ?? range?.getBoundingClientRect();
        if (rect) tops.set(annotation.id, Math.max(0, rect.top - pageTop));
      }
      setAnchorTops(tops);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(page);
    return () => observer.disconnect();
  }, [cardAnnotations, editor, textMap, rangeFor, settled]);

  // Scroll requests from search, the annotation list and j/k.
  useEffect(() => {
    if (!scrollTarget || !editor || !textMap) return;
    const range = rangeFor(scrollTarget.start, Math.max(scrollTarget.end, scrollTarget.start));
    const scroller = scrollRef.current;
    if (!range || !scroller) return;
    const target = range.startContainer.parentElement;
    target?.scrollIntoView({ block: 'center' });
    controller.clearScrollTarget();
  }, [scrollTarget, editor, textMap, rangeFor, controller]);

  // The search hit's matches stay marked until the search is cleared or closed.
  useEffect(() => {
    if (!highlightsSupported()) return undefined;
    if (!searchMarks || searchMarks.documentId !== doc?.id || !editor || !textMap) {
      CSS.highlights.delete(SEARCH_HIGHLIGHT);
      return undefined;
    }
    const ranges = searchMarks.spans
      .map((span) => rangeFor(span.start, span.end))
      .filter((range): range is Range => range !== null);
    CSS.highlights.set(SEARCH_HIGHLIGHT, new Highlight(...ranges));
    return () => {
      CSS.highlights.delete(SEARCH_HIGHLIGHT);
    };
  }, [searchMarks, doc?.id, editor, textMap, rangeFor]);

  // The selection toolbar follows the text selection inside the document.
  useEffect(() => {
    if (!editor || !textMap || editing) {
      setSelection(null);
      return;
    }
    const onChange = () => setSelection(selectionSpan(editor, textMap));
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [editor, textMap, editing]);

  const offsetAtPoint = (x: number, y: number): number | null => {
    if (!editor || !textMap) return null;
    const caret = caretAt(x, y);
    return caret ? offsetOfDomPoint(editor, textMap, caret.node, caret.offset) : null;
  };
  const annotationAtPoint = (x: number, y: number): Annotation | undefined => {
    const offset = offsetAtPoint(x, y);
    return offset === null ? undefined : annotationAt(shownAnnotations, offset);
  };
  const hoverAt = (pointer: { x: number; y: number }) => {
    const annotation = annotationAtPoint(pointer.x, pointer.y);
    setHover(annotation ? { annotation, ...pointer } : null);
  };
  // A highlight paints from its span before its annotation arrives, so a pointer resting on it
  // then gets its preview when the annotations (or a new text map) come, without having to move.
  const hoverAtRef = useRef(hoverAt);
  hoverAtRef.current = hoverAt;
  const restingPointerRef = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => {
    if (restingPointerRef.current && !editing) hoverAtRef.current(restingPointerRef.current);
  }, [shownAnnotations, textMap, editing]);

  if (!doc) {
    commandsRef.current = null;
    return (
      <main className="reader reader--empty" aria-label="Reader">
        {!loading && (
          <div className="empty-state">
            <h1>Nothing open</h1>
            <p>Import a .txt, .md or .html file, or drop one on this window, to start reading.</p>
            <button type="button" className="button button--primary" onClick={onImport}>
              Import a document…
            </button>
          </div>
        )}
      </main>
    );
  }

  // No caret (it went with the selection `h` highlighted), or a caret inside the selected
  // highlight: `n` notes that highlight rather than pinning a new note.
  const caretInSelected = (): boolean => {
    const at = editor && textMap ? caretOffset(editor, textMap) : null;
    const target = shownAnnotations.find((annotation) => annotation.id === selectedId)?.target;
    return at === null || (target != null && at >= target.position.start && at <= target.position.end);
  };
  const details = [doc.siteName, doc.publishedAt ? formatDate(doc.publishedAt, 'long-day') : '', doc.sourceName].filter(
    Boolean,
  );
  const selectionActions = selection && {
    highlight: (color?: HighlightColor) => void controller.createFromSpan(selection, color ? { color } : {}),
    tag: () => void controller.createFromSpan(selection, { then: 'tag' }),
    note: () => void controller.createFromSpan(selection, { then: 'note' }),
  };
  commandsRef.current = selectionActions
    ? { highlight: () => selectionActions.highlight(), tag: selectionActions.tag, note: selectionActions.note }
    : null;

  return (
    // The edit bar sits above the scrolling reader, in its own space: inside, it covered the text it scrolled over.
    <div className="reader-frame">
      {editing && (
        <div className="reader__editbar" role="region" aria-label="Editing">
          <span>Editing the text. Annotations follow your changes.</span>
          <button
            type="button"
            className="button button--primary"
            onClick={() => editor && onSaveEdit(JSON.stringify(editor.getEditorState().toJSON()))}
          >
            Done editing
          </button>
        </div>
      )}
      <main
        className="reader"
        aria-label="Reader"
        ref={scrollRef}
        tabIndex={0}
        data-selection-start={selection?.start}
        data-selection-end={selection?.end}
        onKeyDown={(event) => {
          const target = event.target as HTMLElement;
          if (target.closest('input, textarea, [contenteditable="true"]')) return;
          if ((event.key === 'End' || event.key === 'Home') && !event.ctrlKey && !event.metaKey) {
            event.preventDefault();
            scrollToEdge(event.currentTarget, event.key === 'Home' ? 'start' : 'end');
            return;
          }
          if (event.ctrlKey || event.metaKey || event.altKey) return;
          if (selectionActions && ['h', 't', 'n'].includes(event.key)) {
            event.preventDefault();
            if (event.key === 'h') selectionActions.highlight();
            else if (event.key === 't') selectionActions.tag();
            else selectionActions.note();
          } else if (
            (event.key === 't' || event.key === 'n') &&
            !selection &&
            selectedId &&
            (event.key === 't' || caretInSelected()) &&
            controller.followUp(event.key === 't' ? 'tag' : 'note')
          ) {
            // Right after `h` (or a click on a highlight): tag or note that highlight.
            event.preventDefault();
          } else if (event.key === 'n' && !selection && editor && textMap) {
            // A caret in the text (after a click) pins a free note at that point.
            const at = caretOffset(editor, textMap);
            if (at !== null) {
              event.preventDefault();
              void controller.createFromSpan({ start: at, end: at }, { kind: 'point', then: 'note' });
            }
          } else if (event.key === 'Escape') {
            if (selection) window.getSelection()?.removeAllRanges();
            else controller.select(null);
          } else if ((event.key === 'Delete' || event.key === 'Backspace') && selectedId && !selection) {
            event.preventDefault();
            void controller.remove([selectedId]);
          } else if (event.key === 'j' || event.key === 'k') {
            event.preventDefault();
            controller.step(event.key === 'j' ? 1 : -1);
          }
        }}
        onMouseMove={(event) => {
          const pointer = event.buttons === 0 ? { x: event.clientX, y: event.clientY } : null;
          restingPointerRef.current = pointer;
          if (pointer && !editing) hoverAt(pointer);
        }}
        onMouseLeave={() => {
          restingPointerRef.current = null;
          setHover(null);
        }}
        // The preview is pinned to where the pointer was; once the text moves under it (wheel,
        // j/k, search, Page Down) it would describe other words, so it goes until the pointer moves.
        onScroll={() => setHover(null)}
        onClick={(event) => {
          // Links are the app's to open (see links.ts); a click on one selects nothing.
          if ((event.target as HTMLElement).closest('a[href]')) return;
          if (editing || !window.getSelection()?.isCollapsed) return;
          if (!(event.target as HTMLElement).closest('.reader__content')) return;
          controller.select(annotationAtPoint(event.clientX, event.clientY)?.id ?? null);
        }}
      >
        <div
          className="reader__progress"
          role="progressbar"
          aria-label="Reading progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={progress}
        >
          <div className="reader__progress-bar" style={{ width: `${progress}%` }} />
        </div>
        <div className="reader__page" ref={pageRef}>
          <article
            ref={articleRef}
            className={settled ? 'reader__article reader__article--settled' : 'reader__article'}
            data-document-id={doc.id}
            data-rendered-text-sha256={renderedHash ?? undefined}
            data-stored-text-sha256={doc.textSha256}
          >
            <p className="reader__details">{details.join(' · ')}</p>
            <LexicalComposer
              key={`${doc.id}:${doc.textSha256}:${editEpoch}`}
              initialConfig={{
                namespace: 'marginalia-reader',
                nodes: [...DOCUMENT_NODES],
                editable: false,
                editorState: doc.lexicalJson,
                theme: READER_THEME,
                onError: (error) => {
                  report('The document could not be shown', error.message);
                },
              }}
            >
              <RichTextPlugin
                contentEditable={
                  <ContentEditable
                    className="reader__content"
                    aria-label={`Text of ${doc.title}`}
                    data-caret-links=""
                  />
                }
                ErrorBoundary={LexicalErrorBoundary}
              />
              {editing && <HistoryPlugin />}
              <EditablePlugin editable={editing} />
              <ReaderBridgePlugin onReady={onReady} />
              <LinkTargetsPlugin />
              <TextIntegrityPlugin expectedSha256={doc.textSha256} onChecked={setRenderedHash} />
            </LexicalComposer>
            {renderedHash !== null && renderedHash !== doc.textSha256 && (
              <p role="alert" className="reader__warning">
                This document's text renders differently from its stored text; annotations may land in the wrong place.
              </p>
            )}
          </article>
          <ErrorBoundary
            region="margin notes"
            placement="column"
            resetKeys={[doc.id]}
            onRetry={() => controller.refresh()}
          >
            <MarginNotes
              annotations={cardAnnotations}
              anchorTops={anchorTops}
              selectedId={selectedId}
              focus={controller.focus}
              tags={controller.tags}
              myAuthorId={myAuthorId}
              replies={repliesByAnnotation}
              actions={{
                reply: (id, markdown) => controller.reply(id, markdown),
                deleteReply: (id) => void controller.deleteReply(id),
                select: (id) => controller.select(id),
                saveNote: (id, json) => void controller.update(id, { noteLexicalJson: json }),
                setColor: (id, color) => void controller.update(id, { color }),
                addTag: (id, path) => void controller.addTag(id, path),
                removeTag: (id, path) => void controller.removeTag(id, path),
                remove: (id) => void controller.remove([id]),
                report,
              }}
            />
          </ErrorBoundary>
        </div>
        {selection && selectionActions && (
          <SelectionToolbar
            rect={selection.rect}
            color={controller.lastColor}
            reattaching={controller.reattachId !== null}
            onHighlight={selectionActions.highlight}
            onTag={selectionActions.tag}
            onNote={selectionActions.note}
            onAttach={() => void controller.reattach(selection)}
            onDismiss={() => {
              window.getSelection()?.removeAllRanges();
              controller.setReattachId(null);
            }}
          />
        )}
        {hover && !selection && (
          <div
            className="hover-card"
            role="tooltip"
            style={{ top: hover.y + 18, left: Math.min(hover.x, window.innerWidth - 300) }}
          >
            {hover.annotation.tags.length > 0 && (
              <p className="hover-card__tags">{hover.annotation.tags.join(' · ')}</p>
            )}
            <p className="hover-card__note">
              {hover.annotation.note.text ? hover.annotation.note.text.slice(0, 200) : 'No note yet. Click to add one.'}
            </p>
          </div>
        )}
      </main>
    </div>
  );
}
