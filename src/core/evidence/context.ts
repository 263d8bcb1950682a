// What the evidence services share: the store, the clock and author of changes, lookups of
// annotations and documents, and the one change mechanism (a transaction, then an
// `evidenceChanged` event carrying its source).
import type { Database } from 'better-sqlite3';
import type { ChangeSource } from '../../shared/change-source';
import type { EvidenceKind } from '../../shared/evidence-contract';
import type { RepeatLink } from '../../shared/evidence-rules';
import { UserFacingError } from '../../shared/result';
import type { AnnotationRow } from '../annotations';
import type { DocumentRepository } from '../documents';
import type { EventBus } from '../events';
import type { ProfileRepository } from '../profile';

/** What the evidence feature needs of the rest of core. */
export interface EvidenceDeps {
  db: Database;
  documents: DocumentRepository;
  /** Annotations' rows, and the library clock's time for a change (the one annotations are stamped with). */
  annotations: { store: { row(id: string): AnnotationRow | undefined }; now(): string };
  profile: ProfileRepository;
  events: EventBus;
}

/**
 * What a change wrote that claims' statuses read, so the claims cache can follow it
 * (absent: the cache cannot tell, and builds itself again when next asked).
 */
export interface EvidenceTouch {
  /** Claims whose statement or evidence changed, or which were deleted. */
  claims?: readonly string[];
  /** Annotations whose own sources or credibility changed. */
  annotations?: readonly string[];
  /** Documents whose default sources changed. */
  documents?: readonly string[];
  /** Sources whose name or reliability changed (a deleted source is not told here). */
  sources?: readonly string[];
  /** Repeats links made or removed. */
  repeats?: { added?: readonly RepeatLink[]; removed?: readonly RepeatLink[] };
}

/** What a change did: its result, the documents whose evidence it touched, and what it wrote. */
export interface EvidenceOutcome<T> {
  result: T;
  documentIds?: Iterable<string>;
  touched?: EvidenceTouch;
}

/** Told of every committed change with the store's revision before and after it. */
export interface EvidenceChangeObserver {
  revision(): string;
  changed(touched: EvidenceTouch | undefined, before: string, after: string, nested: boolean): void;
}

export class EvidenceContext {
  observer: EvidenceChangeObserver | undefined;

  constructor(readonly deps: EvidenceDeps) {}

  get db(): Database {
    return this.deps.db;
  }

  now(): string {
    return this.deps.annotations.now();
  }

  author(): { authorId: string; displayName: string } {
    const { authorId, displayName } = this.deps.profile.read();
    return { authorId, displayName };
  }

  /**
   * Runs a change in one transaction (all of it stored or none) and, once committed, tells
   * listeners which kinds of evidence and which documents it touched, and where it came from.
   */
  change<T>(kinds: EvidenceKind[], source: ChangeSource, mutate: () => EvidenceOutcome<T>): T {
    // Inside another transaction this one is a savepoint that may yet be rolled back.
    const nested = this.db.inTransaction;
    const { outcome, before, after } = this.db
      .transaction(() => {
        const before = this.observer?.revision() ?? '';
        const outcome = mutate();
        return { outcome, before, after: this.observer?.revision() ?? '' };
      })
      .immediate();
    this.observer?.changed(outcome.touched, before, after, nested);
    const documentIds = [...new Set(outcome.documentIds ?? [])];
    this.deps.events.emit('evidenceChanged', { kinds, documentIds }, source);
    return outcome.result;
  }

  /**
   * Refuses a local change to an item someone else made (a claim, a source, an analysis, a
   * grade or a link that came in a bundle or from the workspace): bundles carry only what
   * their signer authored, so an edit kept under the other's name would be refused by every
   * recipient, and one taken over under ours would silently replace theirs. Merges (sync,
   * bundle) write as their author and pass.
   */
  assertOwn(item: { noun: string; authorId: string; instead: string }, source: ChangeSource): void {
    if (source !== 'local' || item.authorId === '' || item.authorId === this.author().authorId) return;
    throw new UserFacingError(
      'INVALID_INPUT',
      `This ${item.noun} is ${this.nameOf(item.authorId)}'s: only they can change or delete it. ${item.instead}`,
    );
  }

  /** Another analyst's name, as their annotations or ratings carry it. */
  private nameOf(authorId: string): string {
    const row = this.db
      .prepare<[string, string], { name: string }>(
        `SELECT author_name AS name FROM annotations WHERE author_id = ? AND author_name <> ''
         UNION ALL SELECT author_name FROM ach_cells WHERE author_id = ? AND author_name <> '' LIMIT 1`,
      )
      .get(authorId, authorId);
    return row?.name ?? 'another analyst';
  }

  /** An annotation's row, undefined when there is none. */
  annotationRow(id: string): AnnotationRow | undefined {
    return this.deps.annotations.store.row(id);
  }

  annotation(id: string): AnnotationRow {
    const row = this.annotationRow(id);
    if (!row) throw new UserFacingError('NOT_FOUND', `No annotation with id ${id} exists.`);
    return row;
  }

  /** Throws NOT_FOUND unless the document is in the library. */
  requireDocument(id: string): void {
    if (!this.deps.documents.exists(id))
      throw new UserFacingError('NOT_FOUND', `No document with id ${id} is in the library.`);
  }
}
