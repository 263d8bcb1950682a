// The reader's annotation state and actions, shared by the reader, the margin, the
// selection toolbar and the side panels: the stores (data, selection, view) read through
// useSyncExternalStore, and the actions, each a call through the contract.
import type { NotificationAction } from '../app/notifications/store';
import { useMemo, useState } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import { AnnotationActions, windowSelection } from './actions';
import { PendingIds } from './provisional';
import { filterAnnotations } from './queries';
import type { FollowUp } from './selection-store';
import { SelectionStore } from './selection-store';
import { useStore } from '../app/store';
import { useAnnotations } from './useAnnotations';
import { ViewStore } from './view-store';

export type { FollowUp } from './selection-store';
export type { ScrollTarget, SearchMarks } from './view-store';
export { isProvisional, provisionalHighlight } from './provisional';
export { annotationAt } from './queries';

/** The selected annotation and the card part asked to take focus. */
export const annotationSelection = new SelectionStore();
/** Filters, the color of the next highlight, re-attaching, scroll requests and search marks. */
export const annotationView = new ViewStore();

/** Holds a key typed while a tag field or note is on its way; true when held. */
const holdTyped = (event: KeyboardEvent) => annotationSelection.typeAhead.capture(event);
/** What was typed before the field opened, for the field that just did. */
const takeTyped = () => annotationSelection.typeAhead.take();
const selectAnnotation = (id: string | null, then: FollowUp = null) => annotationSelection.select(id, then);

export function useAnnotationController(
  client: MarginaliaClient,
  documentId: string | null,
  report: (title: string, error: unknown) => void,
  announce: (message: string, action?: NotificationAction) => void,
  /** The local author: only their annotations take a tag or a note here. */
  myAuthorId: string | null = null,
) {
  const { data, annotations, spans, replies, tags, loadedDocumentId } = useAnnotations(client, documentId);
  const { selectedId, focus } = useStore(annotationSelection);
  const view = useStore(annotationView);
  const [pending] = useState(() => new PendingIds());
  const actions = useMemo(
    () =>
      new AnnotationActions({
        client,
        data,
        selection: annotationSelection,
        view: annotationView,
        pending,
        documentId,
        myAuthorId,
        report,
        announce,
        page: windowSelection,
      }),
    [announce, client, data, documentId, myAuthorId, pending, report],
  );
  const visible = useMemo(
    () => filterAnnotations(annotations, { tag: view.tagFilter, authorId: view.authorFilter }),
    [annotations, view.tagFilter, view.authorFilter],
  );

  return {
    annotations,
    spans,
    replies,
    loadedDocumentId,
    visible,
    tags,
    selectedId,
    focus,
    ...view,
    setAuthorFilter: annotationView.setAuthorFilter,
    setTagFilter: annotationView.setTagFilter,
    setReattachId: annotationView.setReattachId,
    setSearchMarks: annotationView.setSearchMarks,
    scrollTo: annotationView.scrollTo,
    clearScrollTarget: annotationView.clearScrollTarget,
    select: selectAnnotation,
    reply: actions.reply,
    deleteReply: actions.deleteReply,
    createFromSpan: actions.createFromSpan,
    followUp: actions.followUp,
    createDocumentNote: actions.createDocumentNote,
    update: actions.update,
    addTag: actions.addTag,
    removeTag: actions.removeTag,
    remove: actions.remove,
    bulk: actions.bulk,
    undo: actions.undo,
    reattach: actions.reattach,
    step: actions.step,
    refresh: data.refresh,
    holdTyped,
    takeTyped,
    refreshTags: data.refreshTags,
  };
}

export type AnnotationController = ReturnType<typeof useAnnotationController>;
