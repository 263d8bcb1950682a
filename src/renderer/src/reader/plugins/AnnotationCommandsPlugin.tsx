// The reader's commands, registered where their state is: highlight, tag and note act on the
// selection (mouse or keyboard) or on the selected annotation; select sentence and paragraph
// grow the caret to the sentence or block around it; j/k step through annotations and Delete
// removes the selected one. Keys, the palette, menus and the toolbar all run them by id.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useEffect, useRef } from 'react';
import type { Annotation } from '../../../../shared/annotations';
import { $canonicalText } from '../../../../shared/lexical-document';
import type { AnnotationController } from '../../annotations/controller';
import { useEvidenceCommands } from '../../evidence/useEvidenceCommands';
import { useCommandHandler } from '../../commands';
import { stepStops } from '../../annotations/queries';
import type { DomTextMap } from '../dom-map';
import { caretOffset } from '../dom-map';
import { caretRectAt, selectOffsets, selectionInside, selectionOffsets } from '../dom-caret';
import { keepInView } from '../dom-caret';
import type { TextSpan } from '../text-boundaries';
import { paragraphAround, sentenceAround } from '../text-boundaries';
import { ensureSelection } from './CaretPlugin';
import type { ReaderSelection } from './SelectionPlugin';

/** Grows the reader's selection to the sentence or block around its focus, and shows it. */
export function selectAround(
  editor: LexicalEditor,
  map: DomTextMap,
  scroller: HTMLElement,
  around: (text: string, offset: number) => TextSpan,
): boolean {
  if (!ensureSelection(editor, scroller, map)) return false;
  const offsets = selectionOffsets(editor, map);
  if (!offsets) return false;
  const span = around(editor.getEditorState().read($canonicalText), offsets.focus);
  if (span.end <= span.start || !selectOffsets(editor, map, span.start, span.end)) return false;
  editor.getRootElement()?.focus({ preventScroll: true });
  const selection = selectionInside(editor.getRootElement());
  const rect = selection ? caretRectAt(selection.focusNode!, selection.focusOffset) : null;
  if (rect) keepInView(scroller, rect);
  return true;
}

function isTypingField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/**
 * Between `n` (or `t`) and the field opening, what is typed outside any field is held for
 * it, ahead of every other key handler, so `t` in "at" is a letter, not the tag command.
 */
function useHoldTyping(controller: AnnotationController): void {
  const { holdTyped } = controller;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTypingField(event.target) || !holdTyped(event)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [holdTyped]);
}

export interface AnnotationCommandsProps {
  controller: AnnotationController;
  annotations: readonly Annotation[];
  selection: ReaderSelection;
  map: DomTextMap | null;
  scroller: HTMLElement;
  editing: boolean;
  documentId: string;
}

export function AnnotationCommandsPlugin({
  controller,
  annotations,
  selection,
  map,
  scroller,
  editing,
  documentId,
}: AnnotationCommandsProps) {
  const [editor] = useLexicalComposerContext();
  const span = editing ? null : selection.span;
  const { selectedId } = controller;
  const annotationsRef = useRef(annotations);
  annotationsRef.current = annotations;

  // No caret (it went with the selection `h` highlighted), or a caret inside the selected
  // highlight: `n` notes that highlight rather than pinning a new note.
  const caretInSelected = (): boolean => {
    const at = map ? caretOffset(editor, map) : null;
    const target = annotationsRef.current.find((annotation) => annotation.id === selectedId)?.target;
    return at === null || (target != null && at >= target.position.start && at <= target.position.end);
  };
  const note = () => {
    if (span) return void controller.createFromSpan(span, { then: 'note' });
    if (selectedId && caretInSelected() && controller.followUp('note')) return;
    // A caret in the text (a click, or the keyboard) pins a free note at that point.
    const at = map ? caretOffset(editor, map) : null;
    if (at !== null) void controller.createFromSpan({ start: at, end: at }, { kind: 'point', then: 'note' });
  };
  useHoldTyping(controller);
  useEvidenceCommands({ controller, annotations, documentId, span, editing });
  const canStep = stepStops(annotations, controller.spans, documentId, controller.loadedDocumentId).length > 0;

  useCommandHandler('highlight', () => span && void controller.createFromSpan(span), span !== null);
  useCommandHandler(
    'tag',
    () => (span ? void controller.createFromSpan(span, { then: 'tag' }) : controller.followUp('tag')),
    !editing && (span !== null || selectedId !== null),
  );
  useCommandHandler('note', note, !editing && (span !== null || selectedId !== null || selection.caret !== null));
  useCommandHandler(
    'selectSentence',
    () => map && selectAround(editor, map, scroller, sentenceAround),
    !editing && map !== null,
  );
  useCommandHandler(
    'selectParagraph',
    () => map && selectAround(editor, map, scroller, paragraphAround),
    !editing && map !== null,
  );
  useCommandHandler('nextAnnotation', () => controller.step(1), !editing && canStep);
  useCommandHandler('previousAnnotation', () => controller.step(-1), !editing && canStep);
  useCommandHandler(
    'deleteAnnotation',
    () => selectedId && void controller.remove([selectedId]),
    !editing && selectedId !== null && span === null,
  );
  return null;
}
