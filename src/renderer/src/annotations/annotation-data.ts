// The open document's annotations, replies and highlight spans, and the library's tags, as
// a store kept fresh from the contract's pushed events. A heavily annotated document paints
// from its compact spans first; its full annotations follow once the browser is idle.
import type { Annotation, HighlightSpans, Reply, TagInfo } from '../../../shared/annotations';
import { compareByPosition } from '../../../shared/annotations';
import type { MarginaliaClient } from '../../../shared/contract';
import { insertInOrder } from './queries';
import { Store } from '../app/store';

/** Above this many highlights the full annotations load after the first paint. */
export const HEAVY_DOCUMENT_HIGHLIGHTS = 1500;

export type DataClient = Pick<
  MarginaliaClient,
  'listAnnotations' | 'listHighlightSpans' | 'getAnnotations' | 'listTags' | 'listReplies' | 'on'
>;

export interface AnnotationDataState {
  annotations: Annotation[];
  /** The highlights alone, which arrive first for a document with thousands of annotations. */
  spans: HighlightSpans | null;
  replies: Reply[];
  tags: TagInfo[];
  /** The document whose annotations `annotations` holds (null until the first load). */
  loadedDocumentId: string | null;
}

/** Runs a task when the browser is idle (soon, where there is no idle callback); returns its cancel. */
export type WhenIdle = (task: () => void) => () => void;

const whenBrowserIdle: WhenIdle = (task) => {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  const idle = requestIdleCallback(task, { timeout: 500 });
  return () => cancelIdleCallback(idle);
};

export class AnnotationData extends Store<AnnotationDataState> {
  private documentId: string | null = null;

  constructor(
    readonly client: DataClient,
    private readonly onFailure: (title: string, message: string) => void,
    private readonly whenIdle: WhenIdle = whenBrowserIdle,
  ) {
    super({ annotations: [], spans: null, replies: [], tags: [], loadedDocumentId: null });
  }

  /** Shows a document's annotations and replies (or none) and follows their changes; returns the cleanup. */
  open(documentId: string | null): () => void {
    this.documentId = documentId;
    this.set({ annotations: [], spans: null, replies: [], loadedDocumentId: null });
    if (!documentId) return () => {};
    let cancelled = false;
    let cancelIdle = () => {};
    void this.refreshReplies();
    // The highlights first, as compact spans; the full annotations (notes, tags, authors)
    // follow, in a heavily annotated document only once the browser is idle, so the text
    // and its highlights are not kept waiting behind megabytes of JSON.
    void this.client.listHighlightSpans({ documentId }).then((result) => {
      if (cancelled) return;
      if (!result.ok) this.onFailure("Couldn't load the highlights", result.error.message);
      else if (this.get().loadedDocumentId !== documentId) this.set({ spans: result.value });
      if (result.ok && result.value.ids.length > HEAVY_DOCUMENT_HIGHLIGHTS)
        cancelIdle = this.whenIdle(() => void this.refresh());
      else void this.refresh();
    });
    const stops = [
      this.client.on('annotationsChanged', ({ documentId: changed, annotationIds }) => {
        if (changed !== documentId) return;
        if (annotationIds.length === 0) void this.refresh();
        else void this.refreshSome(annotationIds);
      }),
      this.client.on('repliesChanged', ({ documentId: changed }) => {
        if (changed === documentId) void this.refreshReplies();
      }),
      this.client.on('libraryChanged', ({ reason }) => {
        if (reason === 'external' || reason === 'updated') void this.refresh();
      }),
    ];
    return () => {
      cancelled = true;
      cancelIdle();
      stops.forEach((stop) => stop());
    };
  }

  /** Loads the library's tags and follows their changes; returns the cleanup. */
  watchTags(): () => void {
    void this.refreshTags();
    const stops = [
      this.client.on('tagsChanged', () => void this.refreshTags()),
      this.client.on('annotationsChanged', () => void this.refreshTags()),
      this.client.on('libraryChanged', ({ reason }) => {
        if (reason === 'external' || reason === 'updated') void this.refreshTags();
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }

  readonly refresh = async (): Promise<void> => {
    const documentId = this.documentId;
    if (!documentId) {
      this.set({ annotations: [], loadedDocumentId: null });
      return;
    }
    const result = await this.client.listAnnotations({ documentId });
    if (documentId !== this.documentId) return; // another document opened meanwhile
    if (result.ok) this.set({ annotations: result.value, loadedDocumentId: documentId, spans: null });
    else this.onFailure("Couldn't load the annotations", result.error.message);
  };

  /** Re-reads only the annotations a change touched: cheap even with thousands loaded. */
  async refreshSome(ids: string[]): Promise<void> {
    const documentId = this.documentId;
    const result = await this.client.getAnnotations({ ids });
    if (documentId !== this.documentId) return;
    if (!result.ok) {
      this.onFailure("Couldn't refresh the annotations", result.error.message);
      return;
    }
    const fresh = result.value.filter((annotation) => annotation.documentId === documentId);
    const touched = new Set(ids);
    this.set(({ annotations }) => ({
      annotations: [...annotations.filter((annotation) => !touched.has(annotation.id)), ...fresh].sort(
        compareByPosition,
      ),
    }));
  }

  readonly refreshTags = async (): Promise<void> => {
    const result = await this.client.listTags({});
    if (result.ok) this.set({ tags: result.value });
    else this.onFailure("Couldn't load the tags", result.error.message);
  };

  async refreshReplies(): Promise<void> {
    const documentId = this.documentId;
    if (!documentId) return;
    const result = await this.client.listReplies({ documentId });
    if (documentId !== this.documentId) return;
    if (result.ok) this.set({ replies: result.value });
    else this.onFailure("Couldn't load the replies", result.error.message);
  }

  /** Puts one annotation the store just returned into the list, without refetching them all. */
  readonly upsertLocal = (annotation: Annotation): void => {
    if (annotation.documentId !== this.documentId) return;
    this.set(({ annotations }) => ({
      annotations: insertInOrder(
        annotations.filter((existing) => existing.id !== annotation.id),
        annotation,
      ),
    }));
  };

  /** Drops an annotation from the list without asking the store (a provisional one that failed). */
  readonly removeLocal = (id: string): void => {
    this.set(({ annotations }) => ({ annotations: annotations.filter((annotation) => annotation.id !== id) }));
  };
}
