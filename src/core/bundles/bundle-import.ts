// Reading a note bundle someone sent, checking everything about it, and merging it: a
// preview says what would change; applying does it all in one transaction or nothing.
// Documents match by id, then by text hash; annotations merge by the rules in
// src/shared/merge.ts and re-anchor when the receiver's text differs.
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { HighlightColor } from '../../shared/annotations';
import type { BundlePlan, BundlePlanDocument } from '../../shared/bundles';
import type { BundleDocument, BundleManifest, SizeLimits } from '../../shared/bundle-schemas';
import {
  BUNDLE_LIMITS,
  ENTRY_NAMES,
  annotationCollectionSchema,
  documentEntrySchemaFor,
  jsonDepthExceeds,
  manifestSchema,
  signatureSchema,
  signedPayload,
  tagsEntrySchema,
  tombstonesEntrySchema,
} from '../../shared/bundle-schemas';
import { rebuildIncomingDocument } from '../../shared/incoming-document';
import { countWords } from '../../shared/lexical-document';
import type { IncomingDecision, Signer, Version } from '../../shared/merge';
import { acceptedTime, decideFromSigner, decideTombstoneFromSigner } from '../../shared/merge';
import { UserFacingError } from '../../shared/result';
import { describeSchemaIssue } from '../../shared/schema-messages';
import type { WebAnnotation } from '../../shared/web-annotation';
import { idFromUrn, isReply, readWebAnnotation } from '../../shared/web-annotation';
import type { AnnotationRow, AnnotationService, ReplyRow } from '../annotations';
import { replyParentId, replyRowFrom } from '../annotations';
import type { IncomingBatch, IncomingWriter } from '../incoming';
import { placeIncoming } from '../incoming';
import type { DocumentRepository } from '../documents';
import type { KnownKeysRepository } from '../identity';
import { authorIdForKey, fingerprintOf, unverifiedAuthorId, verifySignature } from '../identity';
import { BundleFormatError, readBundleZip } from './zip';

export interface ParsedBundle {
  manifest: BundleManifest;
  signed: boolean;
  fingerprint: string;
  documents: BundleDocument[];
  items: WebAnnotation[];
  tags: Array<{ path: string; color: HighlightColor | ''; description: string }>;
  tombstones: Array<{ id: string; documentId: string; authorId: string; deletedAt: string }>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseEntry<T>(entries: ReadonlyMap<string, Buffer>, name: string, schema: z.ZodType<T>): T {
  const bytes = entries.get(name);
  if (!bytes) throw new BundleFormatError(`The bundle has no ${name}.`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new BundleFormatError(`${name} in the bundle is not UTF-8 text.`);
  }
  if (jsonDepthExceeds(text, BUNDLE_LIMITS.jsonDepth))
    throw new BundleFormatError(`${name} in the bundle is nested more than ${BUNDLE_LIMITS.jsonDepth} levels deep.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BundleFormatError(`${name} in the bundle is not valid JSON (${(error as Error).message.slice(0, 200)}).`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BundleFormatError(
      `${name} in the bundle is not what a bundle holds: ${issue ? describeSchemaIssue(issue, value, 'the entry') : 'the entry is not valid'}.`,
    );
  }
  return parsed.data;
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Unzips, validates and checks the signature; throws a BundleFormatError naming what is wrong. */
export async function readBundle(
  bytes: Buffer,
  options: { allowUnsigned: boolean; limits: SizeLimits },
): Promise<ParsedBundle> {
  const entries = await readBundleZip(bytes, options.limits);
  const documentEntrySchema = documentEntrySchemaFor(options.limits);
  const manifest = parseEntry(entries, ENTRY_NAMES.manifest, manifestSchema);
  let signed = false;
  if (entries.has(ENTRY_NAMES.signature)) {
    const signature = parseEntry(entries, ENTRY_NAMES.signature, signatureSchema);
    const present = [...entries.keys()].filter((name) => name !== ENTRY_NAMES.signature).sort();
    const listed = signature.entries.map((entry) => entry.name).sort();
    const intact =
      present.length === listed.length &&
      present.every((name, index) => name === listed[index]) &&
      signature.entries.every((entry) => sha256(entries.get(entry.name)!) === entry.sha256) &&
      signature.publicKey === manifest.creator.publicKey &&
      verifySignature(signature.publicKey, Buffer.from(signedPayload(signature.entries), 'utf8'), signature.signature);
    if (!intact) {
      throw new BundleFormatError(
        `This bundle was changed after ${manifest.creator.name.slice(0, 80)} signed it (its signature does not match its contents). It was not imported.`,
      );
    }
    signed = true;
  } else if (!options.allowUnsigned) {
    throw new UnsignedBundleError();
  }

  const documents = manifest.documents.map((listed) => {
    const document = parseEntry(entries, listed.entry, documentEntrySchema);
    if (document.id !== listed.id)
      throw new BundleFormatError(
        `${listed.entry} holds document ${document.id}, not ${listed.id} as the manifest says.`,
      );
    if (sha256(document.canonicalText) !== document.textSha256 || document.textSha256 !== listed.textSha256) {
      throw new BundleFormatError(`The text of “${listed.title.slice(0, 80)}” does not match its hash.`);
    }
    if (
      document.sourceSha256 !== undefined &&
      document.sourceBase64 !== undefined &&
      sha256(Buffer.from(document.sourceBase64, 'base64')) !== document.sourceSha256
    ) {
      throw new BundleFormatError(`The original file of “${listed.title.slice(0, 80)}” does not match its hash.`);
    }
    let structure: { lexicalJson: string; text: string };
    try {
      structure = rebuildIncomingDocument(document.lexicalJson);
    } catch {
      throw new BundleFormatError(`The structure of “${listed.title.slice(0, 80)}” cannot be read.`);
    }
    if (structure.text !== document.canonicalText)
      throw new BundleFormatError(`The structure and text of “${listed.title.slice(0, 80)}” disagree.`);
    return { ...document, lexicalJson: structure.lexicalJson };
  });
  const collection = parseEntry(entries, ENTRY_NAMES.annotations, annotationCollectionSchema);
  const seen = new Set<string>();
  for (const item of collection.items) {
    const id = idFromUrn(item.id);
    if (seen.has(id)) throw new BundleFormatError(`The bundle lists annotation ${id.slice(0, 80)} twice.`);
    seen.add(id);
  }
  const tags = entries.has(ENTRY_NAMES.tags) ? parseEntry(entries, ENTRY_NAMES.tags, tagsEntrySchema).tags : [];
  const tombstones = entries.has(ENTRY_NAMES.tombstones)
    ? parseEntry(entries, ENTRY_NAMES.tombstones, tombstonesEntrySchema).tombstones
    : [];
  return {
    manifest,
    signed,
    fingerprint: signed ? fingerprintOf(manifest.creator.publicKey) : '',
    documents,
    items: collection.items as WebAnnotation[],
    tags,
    tombstones,
  };
}

/** An unsigned bundle, refused because nobody allowed it: each host says how to allow it. */
export class UnsignedBundleError extends BundleFormatError {
  constructor() {
    super(
      'This bundle is not signed, so who wrote it cannot be checked. Import it only if you trust where it came from.',
    );
    this.name = 'UnsignedBundleError';
  }
}

export interface BundleImportDeps {
  documents: DocumentRepository;
  annotations: AnnotationService;
  /** Where the merge writes: the one path for incoming annotations. */
  incoming: IncomingWriter;
  knownKeys: KnownKeysRepository;
  /** This profile's display name, which an unsigned bundle may claim. */
  localName: string;
}

export interface MergeOptions {
  apply: boolean;
  /** Bundle document ids whose text differs from my copy, to add as new documents instead of merging into my copy. */
  copies?: readonly string[];
  /** This computer's clock, in ms (tests pass their own). */
  nowMs?: number;
}

/** Where a bundle document's notes go here: its text, and whether it is a new copy beside mine. */
interface LocalDocument {
  id: string;
  text: string;
  textSha256: string;
  copy: boolean;
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
      claim: claimOf(deps, bundle),
    },
    documents: [],
    annotations: { added: 0, updated: 0, unchanged: 0, keptLocal: 0, deleted: 0, orphaned: 0 },
    replies: { added: 0, updated: 0, unchanged: 0, keptLocal: 0 },
    byAuthor: [],
    refused: 0,
    applied: false,
  };
}

/**
 * Adds a bundle document to the library under `id`. Its original file is kept unless this
 * library already holds a document made from the same file (a copy beside mine), in which
 * case its text stands in for the file.
 */
function insertDocument(deps: BundleImportDeps, bundle: ParsedBundle, document: BundleDocument, id: string): void {
  const sent = document.sourceBase64 !== undefined ? Buffer.from(document.sourceBase64, 'base64') : undefined;
  const useSent = sent !== undefined && deps.documents.idWithSource(sha256(sent)) === undefined;
  const source = useSent ? sent : Buffer.from(document.canonicalText, 'utf8');
  const origin = {
    name: bundle.signed ? bundle.manifest.creator.name : `${bundle.manifest.creator.name} (unverified)`,
    fingerprint: bundle.fingerprint,
  };
  const { created } = deps.documents.insertWithId(
    id,
    {
      title: document.title,
      sourceName: document.sourceName,
      sourceType: useSent ? document.sourceType : 'txt',
      sourceBytes: source,
      sourceSha256: sha256(source),
      lexicalJson: document.lexicalJson,
      canonicalText: document.canonicalText,
      textSha256: document.textSha256,
      byline: document.byline,
      publishedAt: document.publishedAt,
      siteName: document.siteName,
      wordCount: countWords(document.canonicalText),
    },
    new Date(),
    origin,
  );
  if (!created) {
    throw new UserFacingError(
      'INVALID_INPUT',
      `“${document.title.slice(0, 80)}” cannot be added as a new document: this library already holds a document made from the same file. Apply the notes to that copy instead.`,
    );
  }
}

/** The SHA-256 of a bundle document's original file: as stated, else (older bundles) of the file it carries. */
function sourceHashOf(document: BundleDocument): string | undefined {
  return (
    document.sourceSha256 ??
    (document.sourceBase64 !== undefined ? sha256(Buffer.from(document.sourceBase64, 'base64')) : undefined)
  );
}

/**
 * The local document a bundle document matches: same id, else same text, else made from
 * the same original file, whether or not the bundle carries the file (a review sent back
 * from a copy the reviewer merged into has the reviewer's id and text, but the same file).
 */
function matchOf(deps: BundleImportDeps, document: BundleDocument): string | undefined {
  if (deps.documents.exists(document.id)) return document.id;
  const byText = deps.documents.idWithText(document.textSha256);
  if (byText) return byText;
  const source = sourceHashOf(document);
  return source !== undefined ? deps.documents.idWithSource(source) : undefined;
}

/** Which local document each bundle document's notes go to, adding the new ones (and chosen copies) when applying. */
function resolveDocuments(
  deps: BundleImportDeps,
  bundle: ParsedBundle,
  plan: BundlePlan,
  options: MergeOptions,
): Map<string, LocalDocument> {
  const localOf = new Map<string, LocalDocument>();
  for (const document of bundle.documents) {
    const base = { bundleDocumentId: document.id, title: document.title, version: document.textSha256.slice(0, 7) };
    const match = matchOf(deps, document);
    const textSha256 = match ? deps.documents.textSha256(match) : '';
    if (match && textSha256 === document.textSha256) {
      plan.documents.push({ ...base, id: match, status: 'matched' });
      localOf.set(document.id, { id: match, text: document.canonicalText, textSha256, copy: false });
      continue;
    }
    let entry: BundlePlanDocument = { ...base, id: document.id, status: 'new' };
    if (match) {
      const choice = options.copies?.includes(document.id) ? 'copy' : 'merge';
      entry = {
        ...base,
        id: match,
        status: 'text differs',
        localTitle: deps.documents.summary(match).title,
        choice,
        localVersion: textSha256.slice(0, 7),
      };
      if (choice === 'merge') {
        plan.documents.push(entry);
        localOf.set(document.id, { id: match, text: deps.documents.canonicalText(match), textSha256, copy: false });
        continue;
      }
      entry.id = deps.documents.exists(document.id) ? randomUUID() : document.id;
    }
    plan.documents.push(entry);
    localOf.set(document.id, {
      id: entry.id,
      text: document.canonicalText,
      textSha256: document.textSha256,
      copy: match !== undefined,
    });
    if (options.apply) insertDocument(deps, bundle, document, entry.id);
  }
  return localOf;
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
): { plan: BundlePlan; changes: IncomingBatch | undefined } {
  const plan = emptyPlan(deps, bundle);
  if (!options.apply) {
    new BundleMerge(deps, bundle, options, plan, undefined).run();
    return { plan, changes: undefined };
  }
  const tagDefinitions = new Map(bundle.tags.map((tag) => [tag.path.toLocaleLowerCase(), tag]));
  const batch = deps.incoming.begin({ source: 'bundle', tagDefinitions });
  deps.annotations.store.database
    .transaction(() => {
      new BundleMerge(deps, bundle, options, plan, batch).run();
      batch.finish();
    })
    .immediate();
  return { plan, changes: batch };
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

  run(): void {
    this.localOf = resolveDocuments(this.deps, this.bundle, this.plan, this.options);
    // Annotations first, so replies find their parents.
    for (const item of this.bundle.items) if (!isReply(item)) this.annotation(item);
    for (const item of this.bundle.items) if (isReply(item)) this.reply(item);
    for (const tombstone of this.bundle.tombstones) this.tombstone(tombstone);
    this.plan.byAuthor = [...this.authors.values()].sort((a, b) => a.name.localeCompare(b.name));
    if (this.batch) {
      if (this.latest !== '') this.batch.observe(this.latest);
      if (this.bundle.signed)
        this.deps.knownKeys.remember(
          this.bundle.fingerprint,
          this.bundle.manifest.creator.publicKey,
          this.bundle.manifest.creator.name,
        );
      this.plan.applied = true;
    }
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
    if (!tally(decision, this.plan.annotations, this.plan)) return;
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
