// A margin note's editor: Lexical rich text with bold, italic, inline code, lists and
// links (Markdown shortcuts too). Saves while typing (debounced), and at once on blur
// and when the editor goes away, so nothing typed is lost.
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  BLUR_COMMAND,
  CLEAR_HISTORY_COMMAND,
  COMMAND_PRIORITY_LOW,
  type EditorThemeClasses,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useRef } from 'react';
import { NOTE_NODES, NOTE_TRANSFORMERS } from '../../../shared/notes';
import { LinkTargetsPlugin } from '../reader/LinkTargetsPlugin';
import styles from './NoteEditor.module.css';

export const NOTE_SAVE_DELAY_MS = 500;

const NOTE_THEME: EditorThemeClasses = {
  paragraph: styles.paragraph,
  list: { ul: styles.list, ol: styles.list },
  link: 'doc-link',
  text: { bold: 'doc-bold', italic: 'doc-italic', code: 'doc-code' },
};

function isSafeUrl(url: string): boolean {
  return /^(https?:|mailto:)/i.test(url);
}

function AutosavePlugin({ onSave }: { onSave: (lexicalJson: string) => void }) {
  const [editor] = useLexicalComposerContext();
  const onSaveRef = useRef(onSave);
  onSaveRef.current = onSave;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending: string | null = null;
    const flush = () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (pending !== null) {
        const json = pending;
        pending = null;
        onSaveRef.current(json);
      }
    };
    const unregister = mergeRegister(
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, editorState, tags }) => {
        if ((dirtyElements.size === 0 && dirtyLeaves.size === 0) || tags.has('historic-init')) return;
        if (tags.has(EXTERNAL_NOTE_TAG)) return;
        pending = JSON.stringify(editorState.toJSON());
        if (timer) clearTimeout(timer);
        timer = setTimeout(flush, NOTE_SAVE_DELAY_MS);
      }),
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          flush();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      unregister();
      flush();
    };
  }, [editor]);
  return null;
}

/** Marks an update that shows a note changed elsewhere, which is not an edit to save back. */
const EXTERNAL_NOTE_TAG = 'external-note';

/**
 * Shows a note changed elsewhere (a workspace file edited by hand, a merged bundle, another
 * window) while the person is not writing in it. Without this the card kept the text it
 * opened with, and typing into it saved that stale text over the newer note.
 */
function ExternalNotePlugin({ lexicalJson }: { lexicalJson: string }) {
  const [editor] = useLexicalComposerContext();
  const shown = useRef(lexicalJson);
  useEffect(() => {
    if (lexicalJson === shown.current || lexicalJson === '') return;
    const root = editor.getRootElement();
    if (root !== null && root.contains(document.activeElement)) return; // being written in: the person's text stays
    if (JSON.stringify(editor.getEditorState().toJSON()) === lexicalJson) {
      shown.current = lexicalJson;
      return;
    }
    shown.current = lexicalJson;
    editor.setEditorState(editor.parseEditorState(lexicalJson), { tag: EXTERNAL_NOTE_TAG });
    editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
  }, [editor, lexicalJson]);
  return null;
}

/** Types what was held for this note, one character per update, so Markdown shortcuts apply as if typed. */
function typeHeld(editor: LexicalEditor, typed: string): void {
  for (const character of typed)
    editor.update(
      () => {
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertText(character);
        else $getRoot().selectEnd().insertText(character);
      },
      { discrete: true },
    );
}

function FocusPlugin({ focus, takeTyped }: { focus: boolean; takeTyped?: () => string }) {
  const [editor] = useLexicalComposerContext();
  const takeTypedRef = useRef(takeTyped);
  takeTypedRef.current = takeTyped;
  useEffect(() => {
    // After the focus update has committed (a microtask, still before the next key): typed
    // inside its commit, the characters would land as one update and skip the shortcuts.
    if (focus) editor.focus(() => queueMicrotask(() => typeHeld(editor, takeTypedRef.current?.() ?? '')));
  }, [editor, focus]);
  return null;
}

interface NoteEditorProps {
  annotationId: string;
  lexicalJson: string;
  label: string;
  autoFocus: boolean;
  /** What was typed before the note opened (`n` then the note, typed at once). */
  takeTyped?: () => string;
  /** False for someone else's note: shown, not edited. */
  editable?: boolean;
  /** False keeps the note out of the Tab order (a card that is not open: Tab moves between cards, Enter opens). */
  tabbable?: boolean;
  onSave: (lexicalJson: string) => void;
}

export function NoteEditor({
  annotationId,
  lexicalJson,
  label,
  autoFocus,
  takeTyped,
  editable = true,
  tabbable = true,
  onSave,
}: NoteEditorProps) {
  return (
    <LexicalComposer
      key={annotationId}
      initialConfig={{
        namespace: `marginalia-note-${annotationId}`,
        nodes: [...NOTE_NODES],
        theme: NOTE_THEME,
        editorState: lexicalJson || undefined,
        editable,
        onError: (error) => {
          throw error;
        },
      }}
    >
      <div className={styles.editor}>
        <RichTextPlugin
          contentEditable={
            <ContentEditable
              className={styles.input}
              aria-label={label}
              aria-multiline="true"
              tabIndex={tabbable ? undefined : -1}
            />
          }
          placeholder={<div className={styles.placeholder}>Write a note…</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={isSafeUrl} />
        <LinkTargetsPlugin />
        <MarkdownShortcutPlugin transformers={NOTE_TRANSFORMERS} />
        {editable && <AutosavePlugin onSave={onSave} />}
        <ExternalNotePlugin lexicalJson={lexicalJson} />
        <FocusPlugin focus={autoFocus} takeTyped={takeTyped} />
      </div>
    </LexicalComposer>
  );
}
