// A highlight is painted at once, provisionally, before the store answers; its id says so.
// Actions on it wait for the id the store gives it (or drop it if saving failed).
import type { Annotation, HighlightColor } from '../../../shared/annotations';

const PROVISIONAL_PREFIX = 'provisional-';

export function isProvisional(annotation: Pick<Annotation, 'id'>): boolean {
  return annotation.id.startsWith(PROVISIONAL_PREFIX);
}

/** A highlight shown before the store has answered; its id marks it as provisional. */
export function provisionalHighlight(
  documentId: string,
  span: { start: number; end: number },
  color: HighlightColor,
  quoted: string,
): Annotation {
  const now = new Date().toISOString();
  return {
    id: `${PROVISIONAL_PREFIX}${now}-${span.start}`,
    documentId,
    kind: 'highlight',
    color,
    target: {
      position: { type: 'TextPositionSelector', start: span.start, end: span.end },
      quote: { type: 'TextQuoteSelector', exact: quoted.trim(), prefix: '', suffix: '' },
      textSha256: '',
    },
    anchor: { status: 'exact', score: 1 },
    tags: [],
    note: { lexicalJson: '', text: '', markdown: '' },
    author: { id: '', name: '' },
    createdAt: now,
    updatedAt: now,
  };
}

/** The stored ids of provisional highlights, as promises until the store answers. */
export class PendingIds {
  private readonly pending = new Map<string, Promise<string | null>>();

  /** Notes the promise of a provisional highlight's stored id (null if saving failed). */
  track(provisionalId: string, stored: Promise<string | null>): void {
    this.pending.set(provisionalId, stored);
  }

  /** The stored ids for these ids, waiting for provisional ones; those that failed to save are left out. */
  async storedIds(ids: readonly string[]): Promise<string[]> {
    const resolved = await Promise.all(ids.map((id) => this.pending.get(id) ?? Promise.resolve(id)));
    return resolved.filter((id): id is string => id !== null);
  }
}
