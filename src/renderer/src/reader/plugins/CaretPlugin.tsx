// Caret browsing in the read-only text: a drawn caret at the DOM selection's focus, moved by
// the arrow keys (Shift extends the selection; Ctrl or Alt goes by word, by paragraph up and
// down), placed on the first line in view when the reader gets focus from the keyboard. The
// caret is the DOM selection a mouse makes, so every annotation key works on either.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import {
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_HIGH,
  KEY_ARROW_DOWN_COMMAND,
  KEY_ARROW_LEFT_COMMAND,
  KEY_ARROW_RIGHT_COMMAND,
  KEY_ARROW_UP_COMMAND,
  KEY_DOWN_COMMAND,
} from 'lexical';
import { useEffect, useRef } from 'react';
import { $canonicalText } from '../../../../shared/lexical-document';
import type { DomTextMap } from '../dom-map';
import {
  caretPointInView,
  caretRectAt,
  domPointAt,
  keepInView,
  selectOffsets,
  selectionInside,
  selectionOffsets,
} from '../dom-caret';
import { startCaretBlink } from '../caret-blink';
import { nextWordEnd, previousWordStart } from '../text-boundaries';

export interface CaretElements {
  scroller: HTMLElement;
  /** The positioned page the caret is drawn in (it scrolls with the text). */
  page: HTMLElement;
  caret: HTMLElement;
}

type Direction = 'left' | 'right' | 'up' | 'down';

/** The reader's text as the caret needs it: the latest map and its canonical text. */
export interface CaretText {
  map: () => DomTextMap | null;
  text: () => string;
}

/** Where the caret was last, for when the DOM selection has gone elsewhere (a highlight lets go of it). */
interface CaretMemory {
  remembered: number | null;
  /** At a block's end the caret was at the end of that block, not the start of the next. */
  side: 'start' | 'end';
}

const memories = new WeakMap<LexicalEditor, CaretMemory>();

function memoryOf(editor: LexicalEditor): CaretMemory {
  let memory = memories.get(editor);
  if (!memory) {
    memory = { remembered: null, side: 'start' };
    memories.set(editor, memory);
  }
  return memory;
}

/**
 * The reader's own selection, else a caret where it last was, else on the first line in view:
 * what the caret keys and the sentence and paragraph commands start from.
 */
export function ensureSelection(editor: LexicalEditor, scroller: HTMLElement, map: DomTextMap): Selection | null {
  const root = editor.getRootElement();
  const existing = selectionInside(root);
  if (existing || !root) return existing;
  const { remembered, side } = memoryOf(editor);
  if (remembered !== null && selectOffsets(editor, map, remembered, remembered, side)) return selectionInside(root);
  const point = caretPointInView(root, scroller);
  if (point) window.getSelection()?.setBaseAndExtent(point.node, point.offset, point.node, point.offset);
  return selectionInside(root);
}

/** Whether the selection's focus is at the very end of a text node (the end of a block, say). */
function atTextEnd(selection: Selection | null): boolean {
  const node = selection?.focusNode;
  return node?.nodeType === Node.TEXT_NODE && selection!.focusOffset === (node as Text).length;
}

function registerCaretDrawing(editor: LexicalEditor, elements: CaretElements, text: CaretText, memory: CaretMemory) {
  const { caret, page } = elements;
  const blink = startCaretBlink(caret);
  let frame: number | undefined;
  const draw = () => {
    frame = undefined;
    const root = editor.getRootElement();
    const map = text.map();
    const selection = selectionInside(root);
    let rect: ReturnType<typeof caretRectAt> = null;
    if (root && map && document.activeElement === root && !editor.isEditable()) {
      if (selection?.isCollapsed) rect = caretRectAt(selection.focusNode!, selection.focusOffset);
      else if (!selection && memory.remembered !== null) {
        const point = domPointAt(editor, map, memory.remembered, memory.side);
        rect = point && caretRectAt(point.node, point.offset);
      }
    }
    caret.hidden = rect === null;
    // Shown at once and the blink started over, so a moving caret is always visible.
    blink.restart();
    if (!rect) return;
    const origin = page.getBoundingClientRect();
    caret.style.transform = `translate(${Math.round(rect.left - origin.left)}px, ${Math.round(rect.top - origin.top)}px)`;
    caret.style.height = `${rect.height}px`;
  };
  const schedule = () => {
    frame ??= requestAnimationFrame(draw);
  };
  const onSelectionChange = () => {
    const map = text.map();
    const offsets = map ? selectionOffsets(editor, map) : null;
    if (offsets) {
      memory.remembered = offsets.focus;
      memory.side = offsets.focus > offsets.anchor || atTextEnd(window.getSelection()) ? 'end' : 'start';
    }
    schedule();
  };
  document.addEventListener('selectionchange', onSelectionChange);
  const observer = new ResizeObserver(schedule);
  observer.observe(page);
  return mergeRegister(
    () => document.removeEventListener('selectionchange', onSelectionChange),
    () => observer.disconnect(),
    () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
    },
    blink.stop,
    editor.registerEditableListener(schedule),
    editor.registerRootListener((root) => {
      if (!root) return undefined;
      root.addEventListener('blur', schedule);
      return () => root.removeEventListener('blur', schedule);
    }),
    registerFocusCaret(editor, elements.scroller, text, memory, schedule),
  );
}

/** Whether the remembered caret's line shows whole in the reader's view. */
function rememberedInView(editor: LexicalEditor, map: DomTextMap, memory: CaretMemory, scroller: HTMLElement) {
  if (memory.remembered === null) return false;
  const point = domPointAt(editor, map, memory.remembered, memory.side);
  return lineInView(point && caretRectAt(point.node, point.offset), scroller);
}

/**
 * Keyboard focus without a caret in view gets one on the first line in view; a click places its
 * own. A caret left behind by scrolling is not gone back to: the next arrow key jumped the reader
 * from where it was reading to that old place (trial).
 */
function registerFocusCaret(
  editor: LexicalEditor,
  scroller: HTMLElement,
  text: CaretText,
  memory: CaretMemory,
  drawn: () => void,
) {
  let pointerDown = false;
  const onPointerDown = () => {
    pointerDown = true;
  };
  const onPointerUp = () => {
    pointerDown = false;
  };
  const onFocus = () => {
    const map = text.map();
    if (!pointerDown && !editor.isEditable() && map && !rememberedInView(editor, map, memory, scroller)) {
      memory.remembered = null;
      if (!selectionInside(editor.getRootElement())) ensureSelection(editor, scroller, map);
    }
    drawn();
  };
  // Anywhere in the window: a click beside the text focuses the reader, which passes focus on.
  window.addEventListener('pointerdown', onPointerDown, true);
  window.addEventListener('pointerup', onPointerUp, true);
  return mergeRegister(
    () => window.removeEventListener('pointerdown', onPointerDown, true),
    () => window.removeEventListener('pointerup', onPointerUp, true),
    editor.registerRootListener((root) => {
      if (!root) return undefined;
      root.addEventListener('focus', onFocus);
      return () => root.removeEventListener('focus', onFocus);
    }),
  );
}

/** Whether a point's line shows whole in the reader's view. */
function lineInView(rect: { top: number; height: number } | null, scroller: HTMLElement): boolean {
  const view = scroller.getBoundingClientRect();
  return rect !== null && rect.top >= view.top && rect.top + rect.height <= view.bottom;
}

/**
 * A caret the reader scrolled away from (Page Down, the wheel) starts again from the first line
 * in view, as caret browsing does: the next arrow key went back to it, far from the reading (trial).
 */
function caretFromView(root: HTMLElement, selection: Selection, scroller: HTMLElement): void {
  if (!selection.isCollapsed) return;
  // A line partly in view (cut at an edge) keeps its caret: the arrow goes on from there.
  const rect = caretRectAt(selection.focusNode!, selection.focusOffset);
  const view = scroller.getBoundingClientRect();
  if (rect && rect.top + rect.height > view.top && rect.top < view.bottom) return;
  const point = caretPointInView(root, scroller);
  if (point) selection.setBaseAndExtent(point.node, point.offset, point.node, point.offset);
}

/** Moves (or with Shift extends) the selection one step; true when the key was the caret's. */
function moveCaret(
  editor: LexicalEditor,
  elements: CaretElements,
  text: CaretText,
  memory: CaretMemory,
  event: KeyboardEvent,
  direction: Direction,
) {
  const map = text.map();
  if (!map) return;
  const selection = ensureSelection(editor, elements.scroller, map);
  if (!selection) return;
  if (!event.shiftKey) caretFromView(editor.getRootElement()!, selection, elements.scroller);
  const alter = event.shiftKey ? 'extend' : 'move';
  const byWord = event.ctrlKey || event.altKey;
  if (direction === 'up' || direction === 'down') {
    selection.modify(alter, direction === 'up' ? 'backward' : 'forward', byWord ? 'paragraph' : 'line');
  } else if (byWord) {
    const offsets = selectionOffsets(editor, map);
    if (!offsets) return;
    const all = text.text();
    const target = direction === 'right' ? nextWordEnd(all, offsets.focus) : previousWordStart(all, offsets.focus);
    selectOffsets(
      editor,
      map,
      event.shiftKey ? offsets.anchor : target,
      target,
      direction === 'right' ? 'end' : 'start',
    );
  } else if (!event.shiftKey && !selection.isCollapsed) {
    // An arrow without Shift leaves a selection at its edge on that side.
    if (direction === 'left') selection.collapseToStart();
    else selection.collapseToEnd();
  } else {
    selection.modify(alter, direction, 'character');
  }
  const after = selectionInside(editor.getRootElement());
  const rect = after ? caretRectAt(after.focusNode!, after.focusOffset) : null;
  if (rect) keepInView(elements.scroller, rect);
}

const ARROWS: ReadonlyArray<[Direction, typeof KEY_ARROW_LEFT_COMMAND]> = [
  ['left', KEY_ARROW_LEFT_COMMAND],
  ['right', KEY_ARROW_RIGHT_COMMAND],
  ['up', KEY_ARROW_UP_COMMAND],
  ['down', KEY_ARROW_DOWN_COMMAND],
];

const ARROW_KEYS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

export function registerCaret(editor: LexicalEditor, elements: CaretElements, text: CaretText): () => void {
  const memory = memoryOf(editor);
  memory.remembered = null;
  memory.side = 'start';
  const handle = (direction: Direction) => (event: KeyboardEvent | null) => {
    if (editor.isEditable() || !event) return false;
    event.preventDefault();
    moveCaret(editor, elements, text, memory, event, direction);
    return true;
  };
  return mergeRegister(
    registerCaretDrawing(editor, elements, text, memory),
    ...ARROWS.map(([direction, command]) =>
      editor.registerCommand(command, handle(direction), COMMAND_PRIORITY_CRITICAL),
    ),
    // Lexical routes only plain and Shift arrows to the arrow commands; by word comes here.
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        const direction = ARROW_KEYS[event.key];
        if (!direction || !(event.ctrlKey || event.altKey) || event.metaKey) return false;
        return handle(direction)(event);
      },
      COMMAND_PRIORITY_HIGH,
    ),
  );
}

export function CaretPlugin({ elements, map }: { elements: CaretElements; map: DomTextMap | null }) {
  const [editor] = useLexicalComposerContext();
  const mapRef = useRef(map);
  mapRef.current = map;
  const { scroller, page, caret } = elements;
  useEffect(() => {
    let cached: { map: DomTextMap; text: string } | null = null;
    const text: CaretText = {
      map: () => mapRef.current,
      text: () => {
        const current = mapRef.current;
        if (!current) return '';
        if (cached?.map !== current) cached = { map: current, text: editor.getEditorState().read($canonicalText) };
        return cached.text;
      },
    };
    return registerCaret(editor, { scroller, page, caret }, text);
  }, [editor, scroller, page, caret]);
  return null;
}
