import { describe, expect, it } from 'vitest';
import { DEFAULT_COLOR } from '../../../shared/annotations';
import { ViewStore } from './view-store';

describe('ViewStore', () => {
  it('starts unfiltered, in the default color, with nothing to scroll to', () => {
    expect(new ViewStore().get()).toMatchObject({
      tagFilter: null,
      authorFilter: null,
      lastColor: DEFAULT_COLOR,
      scrollTarget: null,
    });
  });

  it('asks to scroll again when the same spot is asked for twice', () => {
    const view = new ViewStore();
    view.scrollTo(4, 9);
    const first = view.get().scrollTarget;
    view.scrollTo(4, 9);
    const second = view.get().scrollTarget;
    expect(second).toMatchObject({ start: 4, end: 9 });
    expect(second).not.toBe(first);
    expect(second!.nonce).not.toBe(first!.nonce);
    view.clearScrollTarget();
    expect(view.get().scrollTarget).toBeNull();
  });

  it('remembers the filters, the color last used and the orphan being re-attached', () => {
    const view = new ViewStore();
    view.setTagFilter('Actor');
    view.setAuthorFilter('them');
    view.rememberColor('pink');
    view.setReattachId('orphan');
    expect(view.get()).toMatchObject({
      tagFilter: 'Actor',
      authorFilter: 'them',
      lastColor: 'pink',
      reattachId: 'orphan',
    });
  });
});
