import { describe, expect, it } from 'vitest';
import { SidePanelStore } from './side-panel-store';

describe('SidePanelStore', () => {
  it('starts open on the library', () => {
    expect(new SidePanelStore().get()).toMatchObject({ open: true, panel: 'library' });
  });

  it('opens a closed side panel when a tab is shown', () => {
    const panels = new SidePanelStore();
    panels.toggle();
    expect(panels.get().open).toBe(false);
    panels.show('tags');
    expect(panels.get()).toMatchObject({ open: true, panel: 'tags' });
  });

  it('searches the document when one is open, else the library, and asks for focus each time', () => {
    const panels = new SidePanelStore();
    panels.find('document', true);
    expect(panels.get()).toMatchObject({ panel: 'search', searchScope: 'document', searchFocus: 1 });
    panels.find('document', false);
    expect(panels.get()).toMatchObject({ searchScope: 'library', searchFocus: 2 });
    panels.find('library', true);
    expect(panels.get()).toMatchObject({ searchScope: 'library', searchFocus: 3 });
  });

  it('asks the search box for focus once per Find, not again when the tab is shown later', () => {
    const panels = new SidePanelStore();
    expect(panels.pendingSearchFocus()).toBe(0);
    panels.find('library', false);
    const token = panels.pendingSearchFocus();
    expect(token).toBeGreaterThan(0);
    panels.searchFocused(token);
    expect(panels.pendingSearchFocus()).toBe(0);
    panels.show('library');
    panels.show('search');
    expect(panels.pendingSearchFocus()).toBe(0);
    panels.find('library', false);
    expect(panels.pendingSearchFocus()).toBeGreaterThan(token);
  });

  it('keeps the scope a person picked', () => {
    const panels = new SidePanelStore();
    panels.setSearchScope('library');
    expect(panels.get().searchScope).toBe('library');
  });
});
