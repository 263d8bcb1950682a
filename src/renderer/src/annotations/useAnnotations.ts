// The open document's annotations and the library's tags, kept fresh from pushed events.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import type { Annotation, HighlightSpans, TagInfo } from '../../../shared/annotations';
import type { Reply } from '../../../shared/annotations';
import { compareByPosition } from '../../../shared/annotations';
import { notifyFailure } from '../app/notifications/store';

/** Above this many highlights the full annotations load after the first paint. */
const HEAVY_DOCUMENT_HIGHLIGHTS = 1500;

export function useAnnotations(client: MarginaliaClient, documentId: string | null) {
  const [annotations, setAnnotations] = useState<Annotation[]>([]);
  const [tags, setTags] = useState<TagInfo[]>([]);
  /** The document whose annotations `annotations` holds (null until the first load). */
  const [loadedDocumentId, setLoadedDocumentId] = useState<string | null>(null);
  /** The highlights alone, which arrive first for a document with thousands of annotations. */
  const [spans, setSpans] = useState<HighlightSpans | null>(null);
  const loadedRef = useRef<string | null>(null);
  const [replies, setReplies] = useState<Reply[]>([]);

  const refreshReplies = useCallback(async () => {
    if (!documentId) {
      setReplies([]);
      return;
    }
    const result = await client.listReplies({ documentId });
    if (result.ok) setReplies(result.value);
    else notifyFailure("Couldn't load the replies", result.error.message);
  }, [client, documentId]);

  useEffect(() => {
    setReplies([]);
    void refreshReplies();
    return client.on('repliesChanged', ({ documentId: changed }) => {
      if (changed === documentId) void refreshReplies();
    });
  }, [client, documentId, refreshReplies]);

  const refresh = useCallback(async () => {
    if (!documentId) {
      setAnnotations([]);
      setLoadedDocumentId(null);
      return;
    }
    const result = await client.listAnnotations({ documentId });
    if (result.ok) {
      loadedRef.current = documentId;
      setAnnotations(result.value);
      setLoadedDocumentId(documentId);
      setSpans(null);
    } else {
      notifyFailure("Couldn't load the annotations", result.error.message);
    }
  }, [client, documentId]);

  /** Re-reads only the annotations a change touched: cheap even with thousands loaded. */
  const refreshSome = useCallback(
    async (ids: string[]) => {
      const result = await client.getAnnotations({ ids });
      if (!result.ok) {
        notifyFailure("Couldn't refresh the annotations", result.error.message);
        return;
      }
      const fresh = new Map(
        result.value
          .filter((annotation) => annotation.documentId === documentId)
          .map((annotation) => [annotation.id, annotation]),
      );
      const touched = new Set(ids);
      setAnnotations((current) => {
        const kept = current.filter((annotation) => !touched.has(annotation.id));
        return [...kept, ...fresh.values()].sort(compareByPosition);
      });
    },
    [client, documentId],
  );

  const refreshTags = useCallback(async () => {
    const result = await client.listTags({});
    if (result.ok) setTags(result.value);
    else notifyFailure("Couldn't load the tags", result.error.message);
  }, [client]);

  useEffect(() => {
    setAnnotations([]);
    setLoadedDocumentId(null);
    setSpans(null);
    loadedRef.current = null;
    if (!documentId) {
      void refresh();
      return;
    }
    // The highlights first, as compact spans; the full annotations (notes, tags, authors)
    // follow, and in a heavily annotated document only once the browser is idle, so the
    // text and its highlights are not kept waiting behind megabytes of JSON.
    let cancelled = false;
    let idle: number | undefined;
    void client.listHighlightSpans({ documentId }).then((result) => {
      if (cancelled) return;
      if (!result.ok) notifyFailure("Couldn't load the highlights", result.error.message);
      if (result.ok && loadedRef.current !== documentId) setSpans(result.value);
      if (result.ok && result.value.ids.length > HEAVY_DOCUMENT_HIGHLIGHTS)
        idle = requestIdleCallback(() => void refresh(), { timeout: 500 });
      else void refresh();
    });
    return () => {
      cancelled = true;
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }, [client, documentId, refresh]);

  useEffect(() => {
    void refreshTags();
  }, [refreshTags]);

  useEffect(() => {
    const stops = [
      client.on('annotationsChanged', ({ documentId: changed, annotationIds }) => {
        if (changed === documentId) {
          if (annotationIds.length === 0) void refresh();
          else void refreshSome(annotationIds);
        }
        void refreshTags();
      }),
      client.on('tagsChanged', () => void refreshTags()),
      client.on('libraryChanged', ({ reason }) => {
        if (reason === 'external' || reason === 'updated') {
          void refresh();
          void refreshTags();
        }
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, [client, documentId, refresh, refreshSome, refreshTags]);

  /** Puts one annotation the store just returned into the list, without refetching them all. */
  const upsertLocal = useCallback(
    (annotation: Annotation) => {
      if (annotation.documentId !== documentId) return;
      setAnnotations((current) =>
        insertInOrder(
          current.filter((existing) => existing.id !== annotation.id),
          annotation,
        ),
      );
    },
    [documentId],
  );

  /** Drops an annotation from the list without asking the store (a provisional one that failed). */
  const removeLocal = useCallback((id: string) => {
    setAnnotations((current) => current.filter((annotation) => annotation.id !== id));
  }, []);

  return {
    annotations,
    spans,
    replies,
    tags,
    loadedDocumentId,
    refresh,
    refreshTags,
    refreshReplies,
    upsertLocal,
    removeLocal,
  };
}

/** Inserts into a list kept in reading order, without re-sorting it. */
export function insertInOrder(list: readonly Annotation[], annotation: Annotation): Annotation[] {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareByPosition(list[middle]!, annotation) <= 0) low = middle + 1;
    else high = middle;
  }
  return [...list.slice(0, low), annotation, ...list.slice(low)];
}
