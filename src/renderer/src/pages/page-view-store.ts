// Which original page is open in the page dialog, and for which annotation: one per window,
// opened from a card, the Annotations panel, a page marker or the command.
import type { Annotation } from '../../../shared/annotations';
import type { PageMapEntry } from '../../../shared/model';
import type { PageSpan } from '../../../shared/page-map';
import { pageSpan } from '../../../shared/page-map';
import { Store } from '../app/store';
import { useSession } from '../app/stores';

export interface PageViewRequest {
  documentId: string;
  page: number;
  annotationId?: string;
  /** The pages the annotation is on: turned away from them, the view says where it is, not that its words are missing. */
  annotationPages?: PageSpan;
}

export class PageViewStore extends Store<{ request: PageViewRequest | null }> {
  constructor() {
    super({ request: null });
  }

  open(request: PageViewRequest): void {
    this.set({ request });
  }

  /** Moves to another page of the same document (and annotation). */
  turn(page: number): void {
    this.set((state) => (state.request ? { request: { ...state.request, page } } : {}));
  }

  close(): void {
    this.set({ request: null });
  }
}

export const pageView = new PageViewStore();

const NO_PAGES: PageMapEntry[] = [];

/** The open document's page map; empty for a document without pages. */
export function usePageMap(): readonly PageMapEntry[] {
  return useSession((state) => state.current?.pageMap ?? NO_PAGES);
}

/** The pages an annotation's text lies on ("p. 3"), or undefined (no pages, a document note, an orphan). */
export function annotationPages(annotation: Annotation, pageMap: readonly PageMapEntry[]): PageSpan | undefined {
  const target = annotation.target;
  if (!target || annotation.anchor.status === 'orphan' || pageMap.length === 0) return undefined;
  return pageSpan(pageMap, target.position.start, target.position.end);
}

/** Opens the first page an annotation is on, with its words outlined. */
export function openAnnotationPage(annotation: Annotation, pages: PageSpan): void {
  pageView.open({
    documentId: annotation.documentId,
    page: pages.first,
    annotationId: annotation.id,
    annotationPages: pages,
  });
}
