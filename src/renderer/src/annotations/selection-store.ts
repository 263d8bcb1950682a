// Which annotation is selected, and which part of its card should take focus next (`t`
// opens its tag field, `n` its note). A follow-up asked for while the highlight is still
// provisional waits here until the store has given it an id.
import { Store } from '../app/store';
import { TypeAhead } from './type-ahead';

export type FollowUp = 'tag' | 'note' | null;

export interface SelectionState {
  selectedId: string | null;
  /** The card part asked to take focus, once. */
  focus: { id: string; part: 'tag' | 'note' } | null;
}

export class SelectionStore extends Store<SelectionState> {
  private queued: { id: string; then: 'tag' | 'note' } | null = null;
  /** Typing held between `t`/`n` and the moment the field they open takes focus. */
  readonly typeAhead = new TypeAhead();

  constructor() {
    super({ selectedId: null, focus: null });
  }

  /** Selects an annotation (or none), optionally asking its tag field or note to take focus. */
  select(id: string | null, then: FollowUp = null): void {
    // Selecting with no field to open means the person moved on: what was held is not for this.
    if (!id || !then) this.typeAhead.stop();
    this.set({ selectedId: id, focus: id && then ? { id, part: then } : null });
  }

  /** `t` or `n` on a highlight that has no stored id yet: applied by `takeQueued` once it has. */
  queue(provisionalId: string, then: 'tag' | 'note'): void {
    this.queued = { id: provisionalId, then };
  }

  /** The follow-up queued for this provisional highlight, taken from the queue. */
  takeQueued(provisionalId: string): FollowUp {
    if (this.queued?.id !== provisionalId) return null;
    const { then } = this.queued;
    this.queued = null;
    return then;
  }
}
