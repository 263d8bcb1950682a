// Merging a read bundle: the plan a preview shows (what would be added, updated, kept,
// refused, orphaned) and, when applying, the writes, in one transaction through the one
// incoming path. Annotations merge by the rules in src/shared/merge.ts.
import { randomUUID } from 'node:crypto';
import type { BundlePlan } from '../../shared/bundles';
import { emptyEvidenceCounts } from '../../shared/bundles';
import type { IncomingDecision, Signer, Version } from '../../shared/merge';
import { acceptedTime, decideFromSigner, decideTombstoneFromSigner } from '../../shared/merge';
import type { WebAnnotation } from '../../shared/web-annotation';
import { idFromUrn, isReply, readWebAnnotation } from '../../shared/web-annotation';
import type { AnnotationRow, AnnotationService, ReplyRow } from '../annotations';
import { replyParentId, replyRowFrom } from '../annotations';
import type { DocumentRepository } from '../documents';
import type { EventBus } from '../events';
import type { KnownKeysRepository } from '../identity';
import { authorIdForKey, unverifiedAuthorId } from '../identity';
import type { IncomingBatch, IncomingWriter } from '../incoming';
import { placeIncoming } from '../incoming';
import type { LocalDocument } from './bundle-documents';
import { resolveDocuments } from './bundle-documents';
import type { ParsedBundle } from './bundle-import';
import { mergeEvidence } from './bundle-evidence-merge';
import type { EvidenceTouched } from './evidence-merge-context';
import { BundleFormatError } from './zip';

export interface BundleImportDeps {
  documents: DocumentRepository;
  annotations: AnnotationService;
  /** Where the merge writes: the one path for incoming annotations. */
  incoming: IncomingWriter;
  knownKeys: KnownKeysRepository;
  /** This profile's display name, which an unsigned bundle may claim. */
  localName: string;
  /** This profile's key: a bundle signed with it is one's own, not a key to remember. */
  localFingerprint: string;
}

export interface MergeOptions {
  apply: boolean;
  /** Bundle document ids whose text differs from my copy, to add as new documents instead of merging into my copy. */
  copies?: readonly string[];
  /** This computer's clock, in ms (tests pass their own). */
  nowMs?: number;
  /** Where an import announces the evidence it changed (annotations go through the incoming writer). */
  events?: EventBus;
}

/** Announces an applied import: its annotations through the batch, then the evidence it changed. */
function announcer(batch: IncomingBatch, evidence: EvidenceTouched | undefined, events: EventBus | undefined) {
  return {
    announce(): void {
      batch.announce();
      if (!evidence || evidence.kinds.size === 0) return;
      const change = { kinds: [...evidence.kinds], documentIds: [...evidence.documentIds] };
      events?.emit('evidenceChanged', change, 'bundle');
    },
  };
}

function versionOfRow(row: AnnotationRow, tags: readonly string[]): Version {
  return {
    updatedAt: row.updated_at,
    authorId: row.author_id,
    content: JSON.stringify([row.kind, row.color, row.note_markdown.trim(), [...tags].sort()]),
  };
}

/** Counts a merge decision in the plan; true when the incoming version is to be written. */
function tally(
  decision: IncomingDecision,
  counts: { added: number; updated: number; unchanged: number; keptLocal: number },
  plan: BundlePlan,
): boolean {
  if (decision === 'insert') counts.added += 1;
  else if (decision === 'update') counts.updated += 1;
  else if (decision === 'unchanged') counts.unchanged += 1;
  else if (decision === 'refused') plan.refused += 1;
  else counts.keptLocal += 1;
  return decision === 'insert' || decision === 'update';
}

/** A signed bundle vouches for its signer's key; an unsigned one for nobody. */
function signerOf(bundle: ParsedBundle): Signer {
  return bundle.signed
    ? { authorId: authorIdForKey(bundle.manifest.creator.publicKey), verified: true }
    : { authorId: '', verified: false };
}

/** The author an item is kept under: as claimed when signed, else marked unverified under an id no key has. */
function authorOf(claimed: { id: string; name: string }, signer: Signer): { id: string; name: string } {
  return signer.verified ? claimed : { id: unverifiedAuthorId(claimed.id), name: `${claimed.name} (unverified)` };
}

/** For an unsigned bundle claiming my name or a known key's: a sentence saying so. */
function claimOf(deps: BundleImportDeps, bundle: ParsedBundle): string {
  if (bundle.signed) return '';
  const claimed = bundle.manifest.creator.name.trim().toLocaleLowerCase();
  if (claimed === '') return '';
  if (claimed === deps.localName.trim().toLocaleLowerCase())
    return 'It claims to be from you, but it is not signed with your key.';
  const known = deps.knownKeys.list().find((key) => key.displayName.trim().toLocaleLowerCase() === claimed);
  return known ? `It claims a name you know from key ${known.fingerprint}, but it is not signed with that key.` : '';
}

function emptyPlan(deps: BundleImportDeps, bundle: ParsedBundle): BundlePlan {
  return {
    bundleId: bundle.manifest.bundleId,
    createdAt: bundle.manifest.createdAt,
    review: bundle.manifest.review,
    signer: {
      name: bundle.manifest.creator.name,
      authorId: signerOf(bundle).authorId,
      fingerprint: bundle.fingerprint,
      signed: bundle.signed,
      known: bundle.signed && deps.knownKeys.isKnown(bundle.fingerprint),
      own: bundle.signed && bundle.fingerprint === deps.localFingerprint,
      claim: claimOf(deps, bundle),
    },
    documents: [],
    annotations: { added: 0, updated: 0, unchanged: 0, keptLocal: 0, deleted: 0, orphaned: 0 },
    replies: { added: 0, updated: 0, unchanged: 0, keptLocal: 0 },
    byAuthor: [],
    evidence: emptyEvidenceCounts(),
    evidenceSkipped: 0,
    refused: 0,
    refusedNotes: { count: 0, authors: [] },
    applied: false,
  };
}

/**
 * What importing `bundle` does; with `apply` it also does it, in one transaction, through
 * the incoming writer (rows rebuilt from validated fields only). The caller announces the
 * returned batch once it has said what else changed (new documents).
 */
export function mergeBundle(
  deps: BundleImportDeps,
  bundle: ParsedBundle,
  options: MergeOptions,
): { plan: BundlePlan; changes: { announce(): void } | undefined } {
  const plan = emptyPlan(deps, bundle);
  if (!options.apply) {
    new BundleMerge(deps, bundle, options, plan, undefined).run();
    return { plan, changes: undefined };
  }
  let evidence: EvidenceTouched | undefined;
  const tagDefinitions = new Map(bundle.tags.map((tag) => [tag.path.toLocaleLowerCase(), tag]));
  const batch = deps.incoming.begin({ source: 'bundle', tagDefinitions });
  deps.annotations.store.database
    .transaction(() => {
      evidence = new BundleMerge(deps, bundle, options, plan, batch).run();
      batch.finish();
    })
    .immediate();
  return { plan, changes: announcer(batch, evidence, options.events) };
}

/** One pass over a bundle: documents, then annotations, replies and tombstones, filling the plan. */
class BundleMerge {
  private readonly signer: Signer;
  private readonly nowMs: number;
  /** Ids given anew to items of a copied document whose ids this library already uses. */
  private readonly renamed = new Map<string, string>();
  private readonly authors = new Map<string, { name: string; annotations: number; replies: number }>();
  private localOf = new Map<string, LocalDocument>();
  private latest = '';
  private readonly incomingIds: Set<string>;
  /** Local ids of the bundle's annotations this import writes (a preview only counts them). */
  private readonly arriving = new Set<string>();

  constructor(
    private readonly deps: BundleImportDeps,
    private readonly bundle: ParsedBundle,
    private readonly options: MergeOptions,
    private readonly plan: BundlePlan,
    /** The writes, when applying; undefined for a preview. */
    private readonly batch: IncomingBatch | undefined,
  ) {
    this.signer = signerOf(bundle);
    this.nowMs = options.nowMs ?? Date.now();
    this.incomingIds = new Set(bundle.items.map((item) => idFromUrn(item.id)));
  }

  run(): EvidenceTouched {
    this.localOf = resolveDocuments(this.deps, this.bundle, this.plan, this.options);
    // Annotations first, so replies and evidence find what they point at.
    for (const item of this.bundle.items) if (!isReply(item)) this.annotation(item);
    for (const item of this.bundle.items) if (isReply(item)) this.reply(item);
    for (const tombstone of this.bundle.tombstones) this.tombstone(tombstone);
    const evidence = this.evidence();
    this.plan.byAuthor = [...this.authors.values()].sort((a, b) => a.name.localeCompare(b.name));
    if (this.batch) {
      if (this.latest !== '') this.batch.observe(this.latest);
      if (this.bundle.signed && this.bundle.fingerprint !== this.deps.localFingerprint)
        this.deps.knownKeys.remember(
          this.bundle.fingerprint,
          this.bundle.manifest.creator.publicKey,
          this.bundle.manifest.creator.name,
        );
      this.plan.applied = true;
    }
    return evidence;
  }

  private evidence(): EvidenceTouched {
    const { store } = this.deps.annotations;
    return mergeEvidence(
      {
        db: store.database,
        signer: this.signer,
        plan: this.plan,
        apply: this.batch !== undefined,
        authorOf: (claimed) => authorOf(claimed, this.signer),
        time: (iso) => this.time(iso),
        annotationHere: (bundleId) => {
          const id = this.renamed.get(bundleId) ?? bundleId;
          return this.arriving.has(id) || store.row(id) ? id : undefined;
        },
        documentHere: (bundleId) => this.localOf.get(bundleId)?.id,
      },
      this.bundle.evidence,
    );
  }

  /** A new note refused for naming another author than the signer: counted, with the name it claims. */
  private refusedNote(authorName: string): void {
    const notes = this.plan.refusedNotes;
    notes.count += 1;
    if (!notes.authors.includes(authorName)) notes.authors.push(authorName);
  }

  private countAuthor(author: { id: string; name: string }, kind: 'annotations' | 'replies'): void {
    const entry = this.authors.get(author.id) ?? { name: author.name, annotations: 0, replies: 0 };
    entry[kind] += 1;
    this.authors.set(author.id, entry);
  }

  /**
   * Whom an item counts for in the preview: what the import writes counts for the author it
   * is kept under; what stays as it is here counts for its author here (an unsigned bundle
   * re-sending my notes does not make them the unverified sender's).
   */
  private countedAuthor(
    decision: IncomingDecision,
    row: { author_id: string; author_name: string } | undefined,
    author: { id: string; name: string },
  ) {
    return row && decision !== 'insert' && decision !== 'update'
      ? { id: row.author_id, name: row.author_name }
      : author;
  }

  /** A time from the bundle as kept here: never more than the clock's skew ahead. */
  private time(iso: string): string {
    const accepted = acceptedTime(iso, this.nowMs);
    if (accepted > this.latest) this.latest = accepted;
    return accepted;
  }

  /** The id an item keeps here: its own, unless it goes into a new copy and this library already uses that id. */
  private idFor(id: string, copy: boolean): string {
    const store = this.deps.annotations.store;
    if (!copy || !(store.row(id) || this.deps.annotations.replies.row(id) || store.tombstone(id))) return id;
    const renamed = this.renamed.get(id) ?? randomUUID();
    this.renamed.set(id, renamed);
    return renamed;
  }

  /** The decision for a version, where a clamped time with the same content changes nothing (so a second import is a no-op). */
  private decide(
    local: Version | undefined,
    incoming: Version,
    clamped: boolean,
    tombstone: { author_id: string } | undefined,
  ): IncomingDecision {
    const decision = decideFromSigner(
      local,
      incoming,
      tombstone ? { authorId: tombstone.author_id } : undefined,
      this.signer,
    );
    return decision === 'update' && clamped && local?.content === incoming.content ? 'unchanged' : decision;
  }

  private annotation(item: WebAnnotation): void {
    const { store } = this.deps.annotations;
    const incoming = readWebAnnotation(item);
    const local = this.localOf.get(incoming.documentId);
    if (!local)
      throw new BundleFormatError(
        `Annotation ${incoming.id.slice(0, 80)} belongs to a document the bundle does not hold.`,
      );
    const id = this.idFor(incoming.id, local.copy);
    const author = authorOf(incoming.author, this.signer);
    const updatedAt = this.time(incoming.updatedAt);
    const row = store.row(id);
    const content = JSON.stringify([
      incoming.kind,
      incoming.color,
      incoming.markdown.trim(),
      [...incoming.tags].sort(),
    ]);
    const decision = this.decide(
      row ? versionOfRow(row, store.tagPathsOf(row.id)) : undefined,
      { updatedAt, authorId: author.id, content },
      updatedAt !== incoming.updatedAt,
      store.tombstone(id),
    );
    if (decision !== 'refused') this.countAuthor(this.countedAuthor(decision, row, author), 'annotations');
    else if (!row) this.refusedNote(author.name);
    if (!tally(decision, this.plan.annotations, this.plan)) return;
    this.arriving.add(id);
    const kept = { ...incoming, id, author, createdAt: acceptedTime(incoming.createdAt, this.nowMs), updatedAt };
    // A preview places the annotation only to count the orphans; applying places and writes it.
    const placement = this.batch
      ? this.batch.annotation(local, kept)
      : incoming.kind !== 'document' && incoming.quote && incoming.position
        ? placeIncoming(local.text, local.textSha256, {
            quote: incoming.quote,
            position: incoming.position,
            textSha256: incoming.textSha256,
          })
        : undefined;
    if (placement?.anchor_status === 'orphan') this.plan.annotations.orphaned += 1;
  }

  private reply(item: WebAnnotation): void {
    const { store, replies } = this.deps.annotations;
    const rawParent = replyParentId(item);
    const parentId = this.renamed.get(rawParent) ?? rawParent;
    const parent = store.row(parentId);
    if (!parent && !(this.incomingIds.has(rawParent) && !this.options.apply)) return;
    const sent = replyRowFrom(item, parent?.document_id ?? '');
    const id = this.renamed.has(rawParent) ? this.idFor(sent.id, true) : sent.id;
    const author = authorOf({ id: sent.author_id, name: sent.author_name }, this.signer);
    const updatedAt = this.time(sent.updated_at);
    const row = replies.row(id);
    const decision = this.decide(
      row
        ? { updatedAt: row.updated_at, authorId: row.author_id, content: JSON.stringify([row.body_markdown.trim()]) }
        : undefined,
      { updatedAt, authorId: author.id, content: JSON.stringify([sent.body_markdown.trim()]) },
      updatedAt !== sent.updated_at,
      store.tombstone(id),
    );
    if (decision !== 'refused') this.countAuthor(this.countedAuthor(decision, row, author), 'replies');
    else if (!row) this.refusedNote(author.name);
    if (!tally(decision, this.plan.replies, this.plan) || !this.batch || !parent) return;
    const next: ReplyRow = {
      ...sent,
      id,
      annotation_id: parentId,
      author_id: author.id,
      author_name: author.name,
      created_at: acceptedTime(sent.created_at, this.nowMs),
      updated_at: updatedAt,
    };
    this.batch.reply(next);
  }

  private tombstone(tombstone: ParsedBundle['tombstones'][number]): void {
    const { store, replies } = this.deps.annotations;
    const deletedAt = this.time(tombstone.deletedAt);
    const row = store.row(tombstone.id);
    const reply = row ? undefined : replies.row(tombstone.id);
    const local = row ?? reply;
    const decision = decideTombstoneFromSigner(
      local ? { authorId: local.author_id } : undefined,
      { authorId: tombstone.authorId },
      this.signer,
    );
    if (decision === 'refused') this.plan.refused += 1;
    // Only the signer's own tombstones are kept: anyone else's could block that author's notes later.
    if (decision === 'refused' || !this.signer.verified || tombstone.authorId !== this.signer.authorId) return;
    if (decision === 'delete') this.plan.annotations.deleted += 1;
    if (!this.batch) return;
    // The writer deletes what the tombstone's author wrote (the 'delete' decided above) and keeps the tombstone.
    const documentId = this.localOf.get(tombstone.documentId)?.id ?? tombstone.documentId;
    this.batch.tombstone({ id: tombstone.id, documentId, authorId: tombstone.authorId, deletedAt });
  }
}
