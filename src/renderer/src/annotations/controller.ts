// The reader's annotation state and actions, shared by the reader, the margin, the
// selection toolbar and the side panels. Every action goes through the contract; the
// store is the truth, refreshed from pushed events.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Annotation, HighlightColor } from '../../../shared/annotations';
import { DEFAULT_COLOR, compareByPosition, isTagWithin } from '../../../shared/annotations';
import type { MarginaliaClient } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { countOf } from '../../../shared/plural';
import type { TextSpan } from '../../../shared/search-results';
import { useAnnotations } from './useAnnotations';
import { notifications } from '../app/notifications/store';
import { commands } from '../commands';

export interface ScrollTarget {
  start: number;
  end: number;
  /** Changes on every request, so asking twice for one spot scrolls twice. */
  nonce: number;
}

/** The matches of the search hit last opened, marked in the reader until the search is cleared or closed. */
export interface SearchMarks {
  documentId: string;
  spans: TextSpan[];
}

export type FollowUp = 'tag' | 'note' | null;

export function useAnnotationController(
  client: MarginaliaClient,
  documentId: string | null,
  /** Says a call failed: `error` is the contract's error (its code goes behind Show problem) or a message. */
  report: (title: string, error: unknown) => void,
  announce: (message: string) => void,
  /** The local author: only their annotations take a tag or a note here. */
  myAuthorId: string | null = null,
) {
  const { annotations, spans, replies, tags, loadedDocumentId, refresh, refreshTags, upsertLocal, removeLocal } =
    useAnnotations(client, documentId);
  /** One author's layer, or everyone's (null). */
  const [authorFilter, setAuthorFilter] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ id: string; part: 'tag' | 'note' } | null>(null);
  const [tagFilter, setTagFilter] = useState<string | null>(null);
  const [lastColor, setLastColor] = useState<HighlightColor>(DEFAULT_COLOR);
  const [reattachId, setReattachId] = useState<string | null>(null);
  const [scrollTarget, setScrollTarget] = useState<ScrollTarget | null>(null);
  const [searchMarks, setSearchMarks] = useState<SearchMarks | null>(null);

  // A provisional highlight's stored id, once the store answers (null if saving failed).
  const pending = useRef(new Map<string, Promise<string | null>>());
  // `t` or `n` pressed while a highlight is still provisional: applied once it is stored.
  const queuedFollowUp = useRef<{ id: string; then: 'tag' | 'note' } | null>(null);
  const isMine = useCallback(
    (annotation: Annotation) => myAuthorId === null || isProvisional(annotation) || annotation.author.id === myAuthorId,
    [myAuthorId],
  );
  /** Actions on a provisional highlight wait for its stored id. */
  const storedIds = useCallback(async (ids: readonly string[]) => {
    const resolved = await Promise.all(ids.map((id) => pending.current.get(id) ?? Promise.resolve(id)));
    return resolved.filter((id): id is string => id !== null);
  }, []);

  const check = useCallback(
    <T>(title: string, result: Result<T>): T | undefined => {
      if (result.ok) return result.value;
      report(title, result.error);
      return undefined;
    },
    [report],
  );

  const visible = useMemo(
    () =>
      annotations.filter(
        (annotation) =>
          (!tagFilter || annotation.tags.some((path) => isTagWithin(path, tagFilter))) &&
          (!authorFilter || annotation.author.id === authorFilter),
      ),
    [annotations, tagFilter, authorFilter],
  );
  const authors = useMemo(() => {
    const byId = new Map<string, string>();
    for (const annotation of annotations) byId.set(annotation.author.id, annotation.author.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [annotations]);

  const reply = useCallback(
    async (annotationId: string, markdown: string): Promise<boolean> => {
      const result = await client.createReply({
        annotationId: (await storedIds([annotationId]))[0] ?? annotationId,
        markdown,
      });
      if (!result.ok) {
        report("Couldn't post the reply", result.error.message);
        return false;
      }
      announce('Reply posted');
      return true;
    },
    [announce, client, report, storedIds],
  );

  const deleteReply = useCallback(
    async (id: string) => {
      const result = await client.deleteReply({ id });
      if (!result.ok) report("Couldn't delete the reply", result.error.message);
    },
    [client, report],
  );

  const select = useCallback((id: string | null, then: 'tag' | 'note' | null = null) => {
    setSelectedId(id);
    setFocus(id && then ? { id, part: then } : null);
  }, []);

  const scrollTo = useCallback((start: number, end: number) => {
    setScrollTarget({ start, end, nonce: Date.now() + Math.random() });
  }, []);

  /**
   * Tag or Note on the annotation just made or selected (`h` then `t`): opens its tag
   * field or note. False when there is none of the person's own to open.
   */
  const followUp = useCallback(
    (then: 'tag' | 'note'): boolean => {
      const annotation = annotations.find((candidate) => candidate.id === selectedId);
      if (!annotation || !isMine(annotation)) return false;
      if (isProvisional(annotation)) queuedFollowUp.current = { id: annotation.id, then };
      else select(annotation.id, then);
      return true;
    },
    [annotations, isMine, select, selectedId],
  );

  /** The person's own highlight on exactly this span, which Tag and Note add to instead of making another. */
  const exactHighlight = useCallback(
    (span: { start: number; end: number }) =>
      annotations.find(
        (annotation) =>
          annotation.kind === 'highlight' &&
          annotation.anchor.status !== 'orphan' &&
          annotation.target?.position.start === span.start &&
          annotation.target.position.end === span.end &&
          isMine(annotation),
      ),
    [annotations, isMine],
  );

  const createFromSpan = useCallback(
    async (
      span: { start: number; end: number },
      options: { color?: HighlightColor; then?: FollowUp; kind?: 'highlight' | 'point' } = {},
    ) => {
      if (!documentId) return;
      const color = options.color ?? lastColor;
      const kind = options.kind ?? 'highlight';
      const existing = kind === 'highlight' && options.then ? exactHighlight(span) : undefined;
      if (existing && options.then) {
        window.getSelection()?.removeAllRanges();
        const [stored] = await storedIds([existing.id]);
        if (stored) select(stored, options.then);
        return;
      }
      if (options.color) setLastColor(options.color);
      const quoted = window.getSelection()?.toString() ?? '';
      // Clear the selection now: the person may start the next one before the store answers.
      window.getSelection()?.removeAllRanges();
      // A plain highlight is painted at once, provisionally, and replaced by the stored one.
      // Tag and Note wait for the stored id, because their editors are keyed by it.
      const provisional =
        kind === 'highlight' && !options.then ? provisionalHighlight(documentId, span, color, quoted) : null;
      if (provisional) {
        upsertLocal(provisional);
        select(provisional.id);
      }
      const request = client.createAnnotation({ documentId, kind, start: span.start, end: span.end, color });
      if (provisional) {
        pending.current.set(
          provisional.id,
          request.then((result) => (result.ok ? result.value.id : null)),
        );
      }
      const created = check("Couldn't annotate the selection", await request);
      if (provisional) removeLocal(provisional.id);
      const queued = provisional && queuedFollowUp.current?.id === provisional.id ? queuedFollowUp.current.then : null;
      if (queued) queuedFollowUp.current = null;
      if (!created) {
        if (provisional) select(null);
        return;
      }
      upsertLocal(created);
      select(created.id, options.then ?? queued);
      announce(kind === 'point' ? 'Note pinned' : `Highlighted “${created.target?.quote.exact.slice(0, 40) ?? ''}”`);
    },
    [announce, check, client, documentId, exactHighlight, lastColor, removeLocal, select, storedIds, upsertLocal],
  );

  const createDocumentNote = useCallback(async () => {
    if (!documentId) return;
    const created = check("Couldn't add the note", await client.createAnnotation({ documentId, kind: 'document' }));
    if (!created) return;
    upsertLocal(created);
    select(created.id, 'note');
  }, [check, client, documentId, select, upsertLocal]);

  const update = useCallback(
    async (id: string, changes: { color?: HighlightColor; tags?: string[]; noteLexicalJson?: string }) => {
      if (changes.color) setLastColor(changes.color);
      const [stored] = await storedIds([id]);
      if (!stored) return;
      const updated = check("Couldn't save the change", await client.updateAnnotation({ id: stored, ...changes }));
      if (updated) upsertLocal(updated);
    },
    [check, client, storedIds, upsertLocal],
  );

  // Tags are added and removed on the server, atomically, so quick successive changes
  // never overwrite each other with a stale list.
  const addTag = useCallback(
    async (id: string, path: string) => {
      check(
        "Couldn't add the tag",
        await client.bulkUpdateAnnotations({ ids: await storedIds([id]), addTags: [path] }),
      );
      await refresh();
      await refreshTags();
    },
    [check, client, refresh, refreshTags, storedIds],
  );

  const removeTag = useCallback(
    async (id: string, path: string) => {
      check(
        "Couldn't remove the tag",
        await client.bulkUpdateAnnotations({ ids: await storedIds([id]), removeTags: [path] }),
      );
      await refresh();
    },
    [check, client, refresh, storedIds],
  );

  const remove = useCallback(
    async (requested: string[]) => {
      const ids = await storedIds(requested);
      if (ids.length === 0) return;
      const done = check("Couldn't delete", await client.deleteAnnotations({ ids }));
      if (!done) return;
      if (selectedId && (requested.includes(selectedId) || ids.includes(selectedId))) select(null);
      await refresh();
      const deleted =
        done.deleted === 1
          ? 'Annotation deleted (Ctrl+Z to undo)'
          : `${countOf(done.deleted, 'annotation')} deleted (Ctrl+Z to undo)`;
      notifications.notify(deleted, 'info', { action: { label: 'Undo', run: () => commands.run('undo') } });
    },
    [check, client, refresh, select, selectedId, storedIds],
  );

  const bulk = useCallback(
    async (ids: string[], changes: { addTags?: string[]; color?: HighlightColor }) => {
      if (ids.length === 0) return;
      const done = check("Couldn't update the annotations", await client.bulkUpdateAnnotations({ ids, ...changes }));
      if (done) announce(`${countOf(done.updated, 'annotation')} updated`);
      await refresh();
      await refreshTags();
    },
    [announce, check, client, refresh, refreshTags],
  );

  const undo = useCallback(
    async (direction: 'undo' | 'redo') => {
      const result = check(`Couldn't ${direction}`, await (direction === 'undo' ? client.undo({}) : client.redo({})));
      if (result === undefined) return;
      announce(
        result ? `${direction === 'undo' ? 'Undid' : 'Redid'}: ${result.description}` : `Nothing to ${direction}`,
      );
      await refresh();
      await refreshTags();
    },
    [announce, check, client, refresh, refreshTags],
  );

  const reattach = useCallback(
    async (span: { start: number; end: number }) => {
      if (!reattachId) return;
      window.getSelection()?.removeAllRanges();
      const done = check(
        "Couldn't re-attach the annotation",
        await client.reattachAnnotation({ id: reattachId, start: span.start, end: span.end }),
      );
      setReattachId(null);
      if (!done) return;
      await refresh();
      select(done.id);
      announce('Annotation re-attached');
    },
    [announce, check, client, reattachId, refresh, select],
  );

  /** j / k: the next or previous anchored annotation in reading order. */
  const step = useCallback(
    (direction: 1 | -1) => {
      const ordered = visible
        .filter((annotation) => annotation.target && annotation.anchor.status !== 'orphan')
        .sort(compareByPosition);
      if (ordered.length === 0) return;
      const index = ordered.findIndex((annotation) => annotation.id === selectedId);
      const next =
        ordered[
          index === -1
            ? direction === 1
              ? 0
              : ordered.length - 1
            : (index + direction + ordered.length) % ordered.length
        ]!;
      select(next.id);
      scrollTo(next.target!.position.start, next.target!.position.end);
    },
    [scrollTo, select, selectedId, visible],
  );

  const clearScrollTarget = useCallback(() => setScrollTarget(null), []);

  return {
    annotations,
    spans,
    replies,
    authors,
    authorFilter,
    setAuthorFilter,
    reply,
    deleteReply,
    loadedDocumentId,
    visible,
    tags,
    selectedId,
    focus,
    tagFilter,
    lastColor,
    reattachId,
    scrollTarget,
    searchMarks,
    setSearchMarks,
    select,
    scrollTo,
    clearScrollTarget,
    setTagFilter,
    setReattachId,
    createFromSpan,
    followUp,
    createDocumentNote,
    update,
    addTag,
    removeTag,
    remove,
    bulk,
    undo,
    reattach,
    step,
    refresh,
    refreshTags,
  };
}

export type AnnotationController = ReturnType<typeof useAnnotationController>;

const PROVISIONAL_PREFIX = 'provisional-';

export function isProvisional(annotation: Pick<Annotation, 'id'>): boolean {
  return annotation.id.startsWith(PROVISIONAL_PREFIX);
}

/** A highlight shown before the store has answered; its id marks it as provisional. */
export function provisionalHighlight(
  documentId: string,
  span: { start: number; end: number },
  color: HighlightColor,
  quoted: string,
): Annotation {
  const now = new Date().toISOString();
  return {
    id: `${PROVISIONAL_PREFIX}${now}-${span.start}`,
    documentId,
    kind: 'highlight',
    color,
    target: {
      position: { type: 'TextPositionSelector', start: span.start, end: span.end },
      quote: { type: 'TextQuoteSelector', exact: quoted.trim(), prefix: '', suffix: '' },
      textSha256: '',
    },
    anchor: { status: 'exact', score: 1 },
    tags: [],
    note: { lexicalJson: '', text: '', markdown: '' },
    author: { id: '', name: '' },
    createdAt: now,
    updatedAt: now,
  };
}

export function annotationAt(annotations: readonly Annotation[], offset: number): Annotation | undefined {
  // The innermost (shortest) highlight covering the offset.
  let best: Annotation | undefined;
  for (const annotation of annotations) {
    if (annotation.kind !== 'highlight' || !annotation.target || annotation.anchor.status === 'orphan') continue;
    const { start, end } = annotation.target.position;
    if (offset < start || offset >= end) continue;
    if (!best || end - start < best.target!.position.end - best.target!.position.start) best = annotation;
  }
  return best;
}
