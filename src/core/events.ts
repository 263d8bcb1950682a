// A typed event bus for what core and its host push to the UI. Transports subscribe
// once and forward every envelope.
import type { EventEnvelope, EventName, MarginaliaEvents } from '../shared/contract';

export type EnvelopeListener = (envelope: EventEnvelope) => void;

export class EventBus {
  private readonly listeners = new Set<EnvelopeListener>();

  emit<E extends EventName>(event: E, payload: MarginaliaEvents[E]): void {
    const envelope = { event, payload } as EventEnvelope;
    for (const listener of [...this.listeners]) {
      try {
        listener(envelope);
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
