// The side panel: whether it is open, which tab shows, and the search tab's scope and the
// token that asks its box for focus (each Find bumps it, so a second Ctrl+F focuses again;
// once the box took focus the request is spent, so arriving on the tab later leaves focus alone).
import { Store } from './store';

export const SIDE_PANELS = ['library', 'annotations', 'tags', 'search', 'source', 'sources', 'claims'] as const;
export type SidePanel = (typeof SIDE_PANELS)[number];
export type SearchScope = 'document' | 'library';

export interface SidePanelState {
  open: boolean;
  panel: SidePanel;
  searchScope: SearchScope;
  searchFocus: number;
  /** The last focus request the search box answered. */
  searchFocusSpent: number;
}

export class SidePanelStore extends Store<SidePanelState> {
  constructor() {
    super({ open: true, panel: 'library', searchScope: 'document', searchFocus: 0, searchFocusSpent: 0 });
  }

  toggle(): void {
    this.set((state) => ({ open: !state.open }));
  }

  /** Shows a tab, opening the side panel if it was closed. */
  show(panel: SidePanel): void {
    this.set({ open: true, panel });
  }

  /** Opens search with its box focused; a search in the document needs an open document. */
  find(scope: SearchScope, documentOpen: boolean): void {
    this.set((state) => ({
      open: true,
      panel: 'search',
      searchScope: scope === 'document' && documentOpen ? 'document' : 'library',
      searchFocus: state.searchFocus + 1,
    }));
  }

  /** Shows the search tab with its box focused, in the scope it had (a click on the tab: the next thing typed is the search). */
  focusSearch(): void {
    this.set((state) => ({ open: true, panel: 'search', searchFocus: state.searchFocus + 1 }));
  }

  /** The focus token the search box should answer now: 0 when no Find is waiting. */
  pendingSearchFocus(): number {
    const { searchFocus, searchFocusSpent } = this.get();
    return searchFocus > searchFocusSpent ? searchFocus : 0;
  }

  /** The search box took focus for this request. */
  searchFocused(token: number): void {
    this.set((state) => ({ searchFocusSpent: Math.max(state.searchFocusSpent, token) }));
  }

  setSearchScope(scope: SearchScope): void {
    this.set({ searchScope: scope });
  }
}
