import { describe, expect, it } from 'vitest';
import { SelectionStore } from './selection-store';

describe('SelectionStore', () => {
  it('selects an annotation without moving focus by default', () => {
    const selection = new SelectionStore();
    selection.select('a');
    expect(selection.get()).toEqual({ selectedId: 'a', focus: null });
  });

  it('asks the selected card’s tag field or note to take focus', () => {
    const selection = new SelectionStore();
    selection.select('a', 'tag');
    expect(selection.get().focus).toEqual({ id: 'a', part: 'tag' });
    selection.select('a', 'note');
    expect(selection.get().focus).toEqual({ id: 'a', part: 'note' });
  });

  it('clears both the selection and the focus request when nothing is selected', () => {
    const selection = new SelectionStore();
    selection.select('a', 'note');
    selection.select(null, 'note');
    expect(selection.get()).toEqual({ selectedId: null, focus: null });
  });

  it('keeps a follow-up for a provisional highlight until it is taken, once', () => {
    const selection = new SelectionStore();
    selection.queue('provisional-1', 'tag');
    expect(selection.takeQueued('provisional-2')).toBeNull();
    expect(selection.takeQueued('provisional-1')).toBe('tag');
    expect(selection.takeQueued('provisional-1')).toBeNull();
  });
});
