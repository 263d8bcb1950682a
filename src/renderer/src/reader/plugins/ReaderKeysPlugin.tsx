// The reader's keys, through Lexical's KEY_* commands. Lexical dispatches them only while the
// editor is editable, so in the read-only reader a key handler on the text dispatches
// KEY_DOWN_COMMAND as Lexical would, and Lexical routes arrows, Escape, Delete and Backspace to
// their commands. Here: the command table's reader keys (h, t, n, s, p, j, k), Delete, Escape,
// and Home/End scrolling. Every handler steps aside while the text is being edited.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import {
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_HIGH,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_ESCAPE_COMMAND,
} from 'lexical';
import { useEffect } from 'react';
import { commands } from '../../commands';
import { commandForKey } from '../../commands/keys';
import { scrollToEdge } from '../scroll-edge';

const ROUTED_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);
const PLAIN_KEYS = new Set(['Escape', 'Delete', 'Backspace', 'Home', 'End']);

/** Keys the read-only reader acts on; Enter, Space, Tab and Ctrl chords keep their usual meaning. */
function isReaderKey(event: KeyboardEvent): boolean {
  if (ROUTED_KEYS.has(event.key)) return true;
  if (event.ctrlKey || event.metaKey) return false;
  return PLAIN_KEYS.has(event.key) || (event.key.length === 1 && event.key !== ' ');
}

/** Dispatches KEY_DOWN_COMMAND for the read-only text's key presses, as Lexical does when editable. */
export function registerReadOnlyKeyDispatch(editor: LexicalEditor): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (editor.isEditable() || event.defaultPrevented || event.isComposing || !isReaderKey(event)) return;
    editor.dispatchCommand(KEY_DOWN_COMMAND, event);
  };
  return editor.registerRootListener((root) => {
    if (!root) return undefined;
    root.addEventListener('keydown', onKeyDown);
    return () => root.removeEventListener('keydown', onKeyDown);
  });
}

export interface ReaderKeyActions {
  /** Escape with no selection: let go of the selected annotation. */
  deselect: () => void;
}

export function registerReaderKeys(editor: LexicalEditor, scroller: HTMLElement, actions: ReaderKeyActions) {
  const readOnly = () => !editor.isEditable();
  /** Delete and Backspace never edit the read-only text; they delete the selected annotation. */
  const deleteAnnotation = (event: KeyboardEvent | null) => {
    if (!readOnly()) return false;
    event?.preventDefault();
    commands.run('deleteAnnotation');
    return true;
  };
  return mergeRegister(
    registerReadOnlyKeyDispatch(editor),
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        if (!readOnly() || event.altKey) return false;
        if ((event.key === 'Home' || event.key === 'End') && !event.ctrlKey && !event.metaKey) {
          event.preventDefault();
          scrollToEdge(scroller, event.key === 'Home' ? 'start' : 'end');
          return true;
        }
        if (event.ctrlKey || event.metaKey || event.key.length !== 1) return false;
        const id = commandForKey(event, true);
        if (!id || !commands.isEnabled(id)) return false;
        event.preventDefault();
        // Outside Lexical's update: a command changes React state and the DOM selection.
        queueMicrotask(() => commands.run(id));
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(KEY_DELETE_COMMAND, deleteAnnotation, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(KEY_BACKSPACE_COMMAND, deleteAnnotation, COMMAND_PRIORITY_CRITICAL),
    editor.registerCommand(
      KEY_ESCAPE_COMMAND,
      () => {
        if (!readOnly()) return false;
        // A selection shrinks to its caret (the toolbar goes); with none, the annotation is let go.
        const selection = window.getSelection();
        const root = editor.getRootElement();
        if (selection && !selection.isCollapsed && selection.focusNode && root?.contains(selection.focusNode))
          selection.collapse(selection.focusNode, selection.focusOffset);
        else actions.deselect();
        return true;
      },
      COMMAND_PRIORITY_CRITICAL,
    ),
  );
}

export function ReaderKeysPlugin({ scroller, deselect }: { scroller: HTMLElement; deselect: () => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerReaderKeys(editor, scroller, { deselect }), [editor, scroller, deselect]);
  return null;
}
