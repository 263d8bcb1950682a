// Where the document was last being read: opened again, it goes back there (unless something
// already asked for another place, a search hit or a note, or the reader has scrolled); and as
// the reader scrolls, the line at the top is saved, a moment after the scrolling stops.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useEffect, useRef } from 'react';
import type { MarginaliaClient } from '../../../../shared/contract';
import { useClient } from '../../app/stores';
import type { DomTextMap } from '../dom-map';
import { offsetAtTop, scrollOffsetToTop } from '../saved-place';

/** How long the scrolling must have stopped before the place is saved. */
const SAVE_AFTER_MS = 700;

/**
 * The places this window has saved, by document: opened again at once, a document goes back to
 * its latest place, where the store could still answer the one before, its save on its way.
 */
const savedHere = new Map<string, number>();

/** The document each reader last showed: the text registering again for the same one (after an edit) keeps its scroll. */
const shownOn = new WeakMap<HTMLElement, string>();

interface SavedPlaceDeps {
  client: Pick<MarginaliaClient, 'getReadingPlace' | 'saveReadingPlace'>;
  editor: LexicalEditor;
  map: DomTextMap;
  scroller: HTMLElement;
  documentId: string;
  textLength: number;
  /** Whether a jump elsewhere was asked for since the document opened. */
  jumped: () => boolean;
}

/** Goes back to the saved place once it is known, then saves the place as the reader scrolls; returns the cleanup. */
export function registerSavedPlace(deps: SavedPlaceDeps): () => void {
  const { client, editor, map, scroller, documentId } = deps;
  let restored = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The place at the last scroll, not yet saved. */
  let unsaved: number | null = null;
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    if (unsaved === null) return;
    savedHere.set(documentId, unsaved);
    void client.saveReadingPlace({ documentId, offset: unsaved });
    unsaved = null;
  };
  const onScroll = () => {
    // Scrolls before the saved place is known (the text settling at its top) would overwrite it;
    // one after the text has gone (another document opening) reads nothing of it.
    if (!restored || editor.isEditable() || !editor.getRootElement()?.isConnected) return;
    // Read now, while the text is there: saved a moment after the scrolling stops.
    unsaved = offsetAtTop(editor, map, scroller);
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_AFTER_MS);
  };
  let cancelled = false;
  // Newly opened, the reader's scroll is still the last document's (or the top); the same one's text
  // registering again (after an edit) is where the reader scrolled, and stays there.
  const opened = shownOn.get(scroller) !== documentId;
  shownOn.set(scroller, documentId);
  const goBack = (offset: number) => {
    if (cancelled || restored) return;
    restored = true;
    if (offset > 0 && (opened || scroller.scrollTop === 0) && !deps.jumped())
      scrollOffsetToTop(editor, map, scroller, offset, deps.textLength);
  };
  const known = savedHere.get(documentId);
  if (known !== undefined) goBack(known);
  else void client.getReadingPlace({ documentId }).then((result) => goBack(result.ok ? result.value.offset : 0));
  // The window closing or going to the background saves it too, as far as it can.
  const onHidden = () => document.visibilityState === 'hidden' && save();
  scroller.addEventListener('scroll', onScroll, { passive: true });
  document.addEventListener('visibilitychange', onHidden);
  return () => {
    cancelled = true;
    scroller.removeEventListener('scroll', onScroll);
    document.removeEventListener('visibilitychange', onHidden);
    // Leaving the document (another opened) saves a place not yet saved.
    save();
  };
}

export function SavedPlacePlugin(props: {
  map: DomTextMap | null;
  scroller: HTMLElement;
  documentId: string;
  textLength: number;
  jumpAsked: boolean;
}) {
  const { map, scroller, documentId, textLength, jumpAsked } = props;
  const [editor] = useLexicalComposerContext();
  const client = useClient();
  const jumped = useRef(false);
  if (jumpAsked) jumped.current = true;
  useEffect(() => {
    if (!map) return undefined;
    return registerSavedPlace({
      client,
      editor,
      map,
      scroller,
      documentId,
      textLength,
      jumped: () => jumped.current,
    });
  }, [client, editor, map, scroller, documentId, textLength]);
  return null;
}
