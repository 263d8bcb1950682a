// The one change mechanism of annotations, tags and replies: a local change runs in one
// transaction, is recorded for undo and re-indexed for search; every change, local or
// incoming, is announced to listeners with its source once its transaction has committed.
import type { Database } from 'better-sqlite3';
import type { ChangeSource } from '../../shared/change-source';
import type { EventBus } from '../events';
import type { AnnotationRepository, Snapshot } from './annotation-repository';
import type { UndoHistory } from './history';

/** What a local change did: its result, what it created, and the documents it touched. */
export interface ChangeOutcome<T> {
  result: T;
  createdAnnotations?: string[];
  createdTags?: string[];
  documentIds: string[];
}

/** The ids already present that a change may touch, snapshotted for undo before it runs. */
export interface ChangeScope {
  annotations?: string[];
  tags?: string[];
}

export function uniqueIds(...lists: Array<readonly string[] | undefined>): string[] {
  return [...new Set(lists.flatMap((list) => list ?? []))];
}

/** Above this many, listeners reload the whole document instead of fetching each one. */
const MAX_NAMED_CHANGES = 500;

export class ChangeRecorder {
  constructor(
    private readonly db: Database,
    private readonly repository: AnnotationRepository,
    readonly history: UndoHistory,
    private readonly events: EventBus,
  ) {}

  /** Runs a local, undoable change in its own transaction and announces it. */
  record<T>(description: string, scope: ChangeScope, mutate: () => ChangeOutcome<T>): T {
    const outcome = this.db
      .transaction(() => {
        const before = this.repository.snapshot(scope.annotations ?? [], scope.tags ?? []);
        const done = mutate();
        for (const id of done.createdAnnotations ?? []) before.annotations.set(id, null);
        for (const id of done.createdTags ?? []) before.tags.set(id, null);
        const annotationIds = uniqueIds(scope.annotations, done.createdAnnotations);
        const after = this.repository.snapshot(annotationIds, uniqueIds(scope.tags, done.createdTags));
        this.repository.reindex(annotationIds);
        this.history.push({ description, before, after, documentIds: done.documentIds });
        return { ...done, evidence: hasEvidence(before, after) };
      })
      .immediate();
    const tagsChanged = (scope.tags?.length ?? 0) > 0 || (outcome.createdTags?.length ?? 0) > 0;
    this.announce(outcome.documentIds, uniqueIds(scope.annotations, outcome.createdAnnotations), tagsChanged, 'local');
    if (outcome.evidence) this.announceEvidence(outcome.documentIds, 'local');
    return outcome.result;
  }

  /** Tells listeners which documents' annotations (and whether tags) changed, and from where. */
  announce(
    documentIds: Iterable<string>,
    annotationIds: readonly string[],
    tagsChanged: boolean,
    source: ChangeSource,
  ): void {
    const named = annotationIds.length <= MAX_NAMED_CHANGES ? [...annotationIds] : [];
    for (const documentId of new Set(documentIds))
      this.events.emit('annotationsChanged', { documentId, annotationIds: named }, source);
    if (tagsChanged) this.events.emit('tagsChanged', {}, source);
  }

  /**
   * Tells listeners that evidence pointing at annotations changed with them: a deleted
   * annotation took its grade, links and places as evidence along, an undo brought them back.
   */
  announceEvidence(documentIds: Iterable<string>, source: ChangeSource): void {
    this.events.emit(
      'evidenceChanged',
      { kinds: ['grades', 'links', 'claims', 'analyses'], documentIds: [...new Set(documentIds)] },
      source,
    );
  }

  /** Tells listeners that replies changed in these documents. */
  announceReplies(documentIds: Iterable<string>, source: ChangeSource): void {
    for (const documentId of new Set(documentIds)) this.events.emit('repliesChanged', { documentId }, source);
  }
}

/** Whether any annotation in the snapshots has evidence pointing at it. */
export function hasEvidence(...snapshots: Snapshot[]): boolean {
  return snapshots.some((snapshot) =>
    [...snapshot.annotations.values()].some((record) => record?.evidence !== undefined),
  );
}
