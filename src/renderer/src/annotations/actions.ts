// What a person does to annotations (highlight, tag, note, recolor, delete, undo, reply,
// re-attach, step with j/k), each one call through the contract; the stores show the
// result. A failure is reported, never dropped.
import type { NotificationAction } from '../app/notifications/store';
import { commands } from '../commands';
import type { Annotation, HighlightColor } from '../../../shared/annotations';
import type { MarginaliaClient } from '../../../shared/contract';
import { countOf } from '../../../shared/plural';
import type { Result } from '../../../shared/result';
import type { AnnotationData } from './annotation-data';
import type { PendingIds } from './provisional';
import { isProvisional, provisionalHighlight } from './provisional';
import { deletedMessage } from './deleted-message';
import { exactHighlight, filterAnnotations, stepFrom, stepStops } from './queries';
import type { FollowUp, SelectionStore } from './selection-store';
import type { ViewStore } from './view-store';

export type ActionClient = Pick<
  MarginaliaClient,
  | 'createAnnotation'
  | 'updateAnnotation'
  | 'bulkUpdateAnnotations'
  | 'deleteAnnotations'
  | 'undo'
  | 'redo'
  | 'reattachAnnotation'
  | 'createReply'
  | 'deleteReply'
>;

/** The page's text selection, which an action quotes and then clears. */
export interface PageSelection {
  text(): string;
  clear(): void;
}

export const windowSelection: PageSelection = {
  text: () => window.getSelection()?.toString() ?? '',
  clear: () => window.getSelection()?.removeAllRanges(),
};

export interface ActionDependencies {
  client: ActionClient;
  data: AnnotationData;
  selection: SelectionStore;
  view: ViewStore;
  pending: PendingIds;
  documentId: string | null;
  /** The local author: only their annotations take a tag or a note here. */
  myAuthorId: string | null;
  /** Says a call failed: `error` is the contract's error (its code goes behind Show problem) or a message. */
  report: (title: string, error: unknown) => void;
  /** Says what happened, with an action (Undo) where one helps. */
  announce: (message: string, action?: NotificationAction) => void;
  page: PageSelection;
}

export interface CreateOptions {
  color?: HighlightColor;
  then?: FollowUp;
  kind?: 'highlight' | 'point';
}

export function undoMessage(direction: 'undo' | 'redo', done: { description: string } | null): string {
  if (!done) return `Nothing to ${direction}`;
  return `${direction === 'undo' ? 'Undid' : 'Redid'}: ${done.description}`;
}

export { deletedMessage } from './deleted-message';

export class AnnotationActions {
  constructor(private readonly deps: ActionDependencies) {}

  readonly isMine = (annotation: Annotation): boolean => {
    const { myAuthorId } = this.deps;
    return myAuthorId === null || isProvisional(annotation) || annotation.author.id === myAuthorId;
  };

  private check<T>(title: string, result: Result<T>): T | undefined {
    if (result.ok) return result.value;
    this.deps.report(title, result.error);
    return undefined;
  }

  private stored(ids: readonly string[]): Promise<string[]> {
    return this.deps.pending.storedIds(ids);
  }

  /** Highlights (or pins a note to) a span; Tag and Note on a span already highlighted exactly add to that highlight. */
  readonly createFromSpan = async (span: { start: number; end: number }, options: CreateOptions = {}) => {
    const { client, data, selection, view, pending, documentId, page } = this.deps;
    if (!documentId) return;
    const color = options.color ?? view.get().lastColor;
    const kind = options.kind ?? 'highlight';
    if (options.then) selection.typeAhead.start();
    const existing = kind === 'highlight' ? exactHighlight(data.get().annotations, span, this.isMine) : undefined;
    if (existing) {
      page.clear();
      await this.reuseExact(existing, options);
      return;
    }
    if (options.color) view.rememberColor(options.color);
    const quoted = page.text();
    // Clear the selection now: the person may start the next one before the store answers.
    page.clear();
    // A plain highlight is painted at once, provisionally, and replaced by the stored one.
    // Tag and Note wait for the stored id, because their editors are keyed by it.
    const provisional =
      kind === 'highlight' && !options.then ? provisionalHighlight(documentId, span, color, quoted) : null;
    if (provisional) {
      data.upsertLocal(provisional);
      selection.select(provisional.id);
    }
    const request = client.createAnnotation({ documentId, kind, start: span.start, end: span.end, color });
    if (provisional)
      pending.track(
        provisional.id,
        request.then((result) => (result.ok ? result.value.id : null)),
      );
    const created = this.check("Couldn't annotate the selection", await request);
    if (provisional) data.removeLocal(provisional.id);
    const queued = provisional ? selection.takeQueued(provisional.id) : null;
    if (!created) {
      selection.typeAhead.stop();
      if (provisional) selection.select(null);
      return;
    }
    data.upsertLocal(created);
    selection.select(created.id, options.then ?? queued);
    this.deps.announce(
      kind === 'point' ? 'Note pinned' : `Highlighted “${created.target?.quote.exact.slice(0, 40) ?? ''}”`,
    );
  };

  /**
   * Highlighting a span already highlighted exactly selects that highlight (recolored when
   * another colour was asked for) rather than stacking a copy no list could tell apart.
   */
  private async reuseExact(existing: Annotation, options: CreateOptions): Promise<void> {
    const { selection, announce } = this.deps;
    const [storedId] = await this.stored([existing.id]);
    if (!storedId) return;
    if (options.then) {
      selection.select(storedId, options.then);
      return;
    }
    selection.select(storedId);
    if (options.color && options.color !== existing.color) {
      await this.update(storedId, { color: options.color });
      announce(`Highlight recolored ${options.color}`);
    } else announce('Already highlighted: the highlight is selected');
  }

  /**
   * Tag or Note on the annotation just made or selected (`h` then `t`): opens its tag
   * field or note. False when there is none of the person's own to open.
   */
  readonly followUp = (then: 'tag' | 'note'): boolean => {
    const { data, selection } = this.deps;
    const { selectedId } = selection.get();
    const annotation = data.get().annotations.find((candidate) => candidate.id === selectedId);
    if (!annotation || !this.isMine(annotation)) return false;
    if (isProvisional(annotation)) {
      selection.queue(annotation.id, then);
      selection.typeAhead.start();
    } else selection.select(annotation.id, then);
    return true;
  };

  readonly createDocumentNote = async () => {
    const { client, data, selection, documentId } = this.deps;
    if (!documentId) return;
    const created = this.check(
      "Couldn't add the note",
      await client.createAnnotation({ documentId, kind: 'document' }),
    );
    if (!created) return;
    data.upsertLocal(created);
    selection.select(created.id, 'note');
  };

  readonly update = async (
    id: string,
    changes: { color?: HighlightColor; tags?: string[]; noteLexicalJson?: string },
  ) => {
    if (changes.color) this.deps.view.rememberColor(changes.color);
    const [storedId] = await this.stored([id]);
    if (!storedId) return;
    const result = await this.deps.client.updateAnnotation({ id: storedId, ...changes });
    const updated = this.check("Couldn't save the change", result);
    if (updated) this.deps.data.upsertLocal(updated);
  };

  // Tags are added and removed on the server, atomically, so quick successive changes
  // never overwrite each other with a stale list.
  readonly addTag = async (id: string, path: string) => {
    const ids = await this.stored([id]);
    this.check("Couldn't add the tag", await this.deps.client.bulkUpdateAnnotations({ ids, addTags: [path] }));
    await this.deps.data.refresh();
    await this.deps.data.refreshTags();
  };

  readonly removeTag = async (id: string, path: string) => {
    const ids = await this.stored([id]);
    this.check("Couldn't remove the tag", await this.deps.client.bulkUpdateAnnotations({ ids, removeTags: [path] }));
    await this.deps.data.refresh();
  };

  readonly remove = async (requested: string[]) => {
    const { client, data, selection } = this.deps;
    const ids = await this.stored(requested);
    if (ids.length === 0) return;
    const done = this.check("Couldn't delete", await client.deleteAnnotations({ ids }));
    if (!done) return;
    const { selectedId } = selection.get();
    if (selectedId && (requested.includes(selectedId) || ids.includes(selectedId))) selection.select(null);
    await data.refresh();
    // A delete is one undoable step: the message offers it.
    this.deps.announce(deletedMessage(done.deleted, done.cascade), {
      label: 'Undo',
      run: () => void commands.run('undo'),
    });
  };

  readonly bulk = async (ids: string[], changes: { addTags?: string[]; color?: HighlightColor }) => {
    if (ids.length === 0) return;
    const done = this.check(
      "Couldn't update the annotations",
      await this.deps.client.bulkUpdateAnnotations({ ids, ...changes }),
    );
    if (done) this.deps.announce(`${countOf(done.updated, 'annotation')} updated`);
    await this.deps.data.refresh();
    await this.deps.data.refreshTags();
  };

  readonly undo = async (direction: 'undo' | 'redo') => {
    const { client } = this.deps;
    const result = this.check(
      `Couldn't ${direction}`,
      await (direction === 'undo' ? client.undo({}) : client.redo({})),
    );
    if (result === undefined) return;
    this.deps.announce(undoMessage(direction, result));
    await this.deps.data.refresh();
    await this.deps.data.refreshTags();
  };

  readonly reattach = async (span: { start: number; end: number }) => {
    const { client, data, selection, view, page } = this.deps;
    const { reattachId } = view.get();
    if (!reattachId) return;
    page.clear();
    const done = this.check(
      "Couldn't re-attach the annotation",
      await client.reattachAnnotation({ id: reattachId, start: span.start, end: span.end }),
    );
    view.setReattachId(null);
    if (!done) return;
    await data.refresh();
    selection.select(done.id);
    this.deps.announce('Annotation re-attached');
  };

  readonly reply = async (annotationId: string, markdown: string): Promise<boolean> => {
    const [storedId] = await this.stored([annotationId]);
    const result = await this.deps.client.createReply({ annotationId: storedId ?? annotationId, markdown });
    if (!result.ok) {
      this.deps.report("Couldn't post the reply", result.error.message);
      return false;
    }
    this.deps.announce('Reply posted');
    return true;
  };

  readonly deleteReply = async (id: string) => {
    const result = await this.deps.client.deleteReply({ id });
    if (!result.ok) this.deps.report("Couldn't delete the reply", result.error.message);
  };

  /** j / k: selects the next or previous shown annotation in reading order and scrolls to it. */
  readonly step = (direction: 1 | -1) => {
    const { data, selection, view } = this.deps;
    const { tagFilter, authorFilter } = view.get();
    const { annotations, spans, loadedDocumentId } = data.get();
    const shown = filterAnnotations(annotations, { tag: tagFilter, authorId: authorFilter });
    const stops = stepStops(shown, spans, this.deps.documentId, loadedDocumentId);
    const next = stepFrom(stops, selection.get().selectedId, direction);
    if (!next) return;
    selection.select(next.id);
    view.scrollTo(next.start, next.end);
  };
}
