// A typed event bus for what core and its host push to the UI. Transports subscribe
// once and forward every envelope; each emission also says where its change came from
// (its source), beside the envelope so the envelopes the UI receives keep their shape.
import type { ChangeSource } from '../shared/change-source';
import type { EventEnvelope, EventName, MarginaliaEvents } from '../shared/contract';

/** What travels with an envelope inside core: the change's source. */
export interface EventContext {
  source: ChangeSource;
}

export type EnvelopeListener = (envelope: EventEnvelope, context: EventContext) => void;

export class EventBus {
  private readonly listeners = new Set<EnvelopeListener>();

  /** Emits an event; a change made here (the default) is `local`. */
  emit<E extends EventName>(event: E, payload: MarginaliaEvents[E], source: ChangeSource = 'local'): void {
    const envelope = { event, payload } as EventEnvelope;
    const context: EventContext = { source };
    for (const listener of [...this.listeners]) {
      try {
        listener(envelope, context);
      } catch (error) {
        console.error(`marginalia: a listener for ${event} failed`, error);
      }
    }
  }

  /** Returns the unsubscribe function. */
  subscribe(listener: EnvelopeListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
