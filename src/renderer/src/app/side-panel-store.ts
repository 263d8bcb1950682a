// The side panel: whether it is open, which tab shows, and the search tab's scope and the
// token that asks its box for focus (each Find bumps it, so a second Ctrl+F focuses again).
import { Store } from './store';

export const SIDE_PANELS = ['library', 'annotations', 'tags', 'search'] as const;
export type SidePanel = (typeof SIDE_PANELS)[number];
export type SearchScope = 'document' | 'library';

export interface SidePanelState {
  open: boolean;
  panel: SidePanel;
  searchScope: SearchScope;
  searchFocus: number;
}

export class SidePanelStore extends Store<SidePanelState> {
  constructor() {
    super({ open: true, panel: 'library', searchScope: 'document', searchFocus: 0 });
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

  setSearchScope(scope: SearchScope): void {
    this.set({ searchScope: scope });
  }
}
