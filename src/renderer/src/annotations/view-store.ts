// How the open document's annotations are shown: the tag and author filters, the color the
// next highlight takes, the orphan being re-attached, the spot to scroll to and the search
// hit's marks.
import type { HighlightColor } from '../../../shared/annotations';
import { DEFAULT_COLOR } from '../../../shared/annotations';
import type { TextSpan } from '../../../shared/search-results';
import { Store } from '../app/store';

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

export interface ViewState {
  tagFilter: string | null;
  /** One author's layer, or everyone's (null). */
  authorFilter: string | null;
  lastColor: HighlightColor;
  reattachId: string | null;
  scrollTarget: ScrollTarget | null;
  searchMarks: SearchMarks | null;
}

export class ViewStore extends Store<ViewState> {
  private scrolls = 0;

  constructor() {
    super({
      tagFilter: null,
      authorFilter: null,
      lastColor: DEFAULT_COLOR,
      reattachId: null,
      scrollTarget: null,
      searchMarks: null,
    });
  }

  setTagFilter = (tagFilter: string | null) => this.set({ tagFilter });
  setAuthorFilter = (authorFilter: string | null) => this.set({ authorFilter });
  setReattachId = (reattachId: string | null) => this.set({ reattachId });
  setSearchMarks = (searchMarks: SearchMarks | null) => this.set({ searchMarks });
  rememberColor = (lastColor: HighlightColor) => this.set({ lastColor });
  scrollTo = (start: number, end: number) => this.set({ scrollTarget: { start, end, nonce: (this.scrolls += 1) } });
  clearScrollTarget = () => this.set({ scrollTarget: null });
}
