// Reading a note bundle someone sent, checking everything about it, and merging it: a
// preview says what would change; applying does it all in one transaction or nothing.
// Documents match by id, then by text hash; annotations merge by the rules in
// src/shared/merge.ts and re-anchor when the receiver's text differs.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { HighlightColor } from '../../shared/annotations';
import { anchor } from '../../shared/anchoring';
import type { BundlePlan } from '../../shared/bundles';
import type { BundleDocument, BundleManifest } from '../../shared/bundle-schemas';
import {
  BUNDLE_LIMITS,
  ENTRY_NAMES,
  annotationCollectionSchema,
  documentEntrySchema,
  jsonDepthExceeds,
  manifestSchema,
  signatureSchema,
  signedPayload,
  tagsEntrySchema,
  tombstonesEntrySchema,
} from '../../shared/bundle-schemas';
import { rebuildIncomingDocument } from '../../shared/incoming-document';
import { countWords } from '../../shared/lexical-document';
import type { IncomingDecision, Version } from '../../shared/merge';
import { decideIncoming, decideTombstone } from '../../shared/merge';
import { EMPTY_NOTE, noteFromMarkdown } from '../../shared/notes';
import { quoteSelectorFor } from '../../shared/selectors';
import type { WebAnnotation } from '../../shared/web-annotation';
import { idFromUrn, isReply, readWebAnnotation } from '../../shared/web-annotation';
import type { AnnotationService } from '../annotations/service';
import type { AnnotationRow } from '../annotations/store';
import { replyParentId, replyRowFrom } from '../annotations/replies';
import type { DocumentRepository } from '../documents';
import type { KnownKeysRepository } from '../identity';
import { fingerprintOf, verifySignature } from '../identity';
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
  if (jsonDepthExceeds(text, BUNDLE_LIMITS.jsonDepth)) throw new BundleFormatError(`${name} in the bundle is nested more than ${BUNDLE_LIMITS.jsonDepth} levels deep.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BundleFormatError(`${name} in the bundle is not valid JSON (${(error as Error).message.slice(0, 200)}).`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new BundleFormatError(`${name} in the bundle is not what a bundle holds${where}: ${issue?.message ?? 'invalid'}.`);
  }
  return parsed.data;
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Unzips, validates and checks the signature; throws a BundleFormatError naming what is wrong. */
export async function readBundle(bytes: Buffer, options: { allowUnsigned: boolean }): Promise<ParsedBundle> {
  const entries = await readBundleZip(bytes);
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
    throw new BundleFormatError('This bundle is not signed, so who wrote it cannot be checked. Import it only if you trust where it came from (allow unsigned bundles).');
  }

  const documents = manifest.documents.map((listed) => {
    const document = parseEntry(entries, listed.entry, documentEntrySchema);
    if (document.id !== listed.id) throw new BundleFormatError(`${listed.entry} holds document ${document.id}, not ${listed.id} as the manifest says.`);
    if (sha256(document.canonicalText) !== document.textSha256 || document.textSha256 !== listed.textSha256) {
      throw new BundleFormatError(`The text of “${listed.title.slice(0, 80)}” does not match its hash.`);
    }
    let structure: { lexicalJson: string; text: string };
    try {
      structure = rebuildIncomingDocument(document.lexicalJson);
    } catch {
      throw new BundleFormatError(`The structure of “${listed.title.slice(0, 80)}” cannot be read.`);
    }
    if (structure.text !== document.canonicalText) throw new BundleFormatError(`The structure and text of “${listed.title.slice(0, 80)}” disagree.`);
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
  const tombstones = entries.has(ENTRY_NAMES.tombstones) ? parseEntry(entries, ENTRY_NAMES.tombstones, tombstonesEntrySchema).tombstones : [];
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

export interface BundleImportDeps {
  documents: DocumentRepository;
  annotations: AnnotationService;
  knownKeys: KnownKeysRepository;
}

function versionOfRow(row: AnnotationRow, tags: readonly string[]): Version {
  return { updatedAt: row.updated_at, authorId: row.author_id, content: JSON.stringify([row.kind, row.color, row.note_markdown.trim(), [...tags].sort()]) };
}

function versionOfIncoming(item: ReturnType<typeof readWebAnnotation>, markdown: string): Version {
  return { updatedAt: item.updatedAt, authorId: item.author.id, content: JSON.stringify([item.kind, item.color, markdown.trim(), [...item.tags].sort()]) };
}

/** Counts a merge decision in the plan; true when the incoming version is to be written. */
function tally(decision: IncomingDecision, counts: { added: number; updated: number; unchanged: number; keptLocal: number }): boolean {
  if (decision === 'insert') counts.added += 1;
  else if (decision === 'update') counts.updated += 1;
  else if (decision === 'unchanged') counts.unchanged += 1;
  else counts.keptLocal += 1;
  return decision === 'insert' || decision === 'update';
}

/**
 * What importing `bundle` does; with `apply` it also does it, in one transaction. Rows
 * written are rebuilt from validated fields only.
 */
export function mergeBundle(deps: BundleImportDeps, bundle: ParsedBundle, apply: boolean): { plan: BundlePlan; touchedDocuments: string[] } {
  const { documents, annotations } = deps;
  const store = annotations.store;
  const replies = annotations.replies;
  const plan: BundlePlan = {
    bundleId: bundle.manifest.bundleId,
    createdAt: bundle.manifest.createdAt,
    review: bundle.manifest.review,
    signer: {
      name: bundle.manifest.creator.name,
      authorId: bundle.manifest.creator.authorId,
      fingerprint: bundle.fingerprint,
      signed: bundle.signed,
      known: bundle.signed && deps.knownKeys.isKnown(bundle.fingerprint),
    },
    documents: [],
    annotations: { added: 0, updated: 0, unchanged: 0, keptLocal: 0, deleted: 0, orphaned: 0 },
    replies: { added: 0, updated: 0, unchanged: 0, keptLocal: 0 },
    byAuthor: [],
    applied: false,
  };
  const authors = new Map<string, { name: string; annotations: number; replies: number }>();
  const countAuthor = (id: string, name: string, kind: 'annotations' | 'replies') => {
    const entry = authors.get(id) ?? { name, annotations: 0, replies: 0 };
    entry[kind] += 1;
    authors.set(id, entry);
  };

  const run = () => {
    // Documents: which local document each bundle document is, creating the missing ones.
    const localOf = new Map<string, { id: string; text: string; textSha256: string }>();
    for (const document of bundle.documents) {
      const byId = documents.exists(document.id) ? document.id : undefined;
      const match = byId ?? documents.idWithText(document.textSha256);
      if (match) {
        const textSha256 = documents.textSha256(match);
        plan.documents.push({ id: match, title: document.title, status: textSha256 === document.textSha256 ? 'matched' : 'text differs' });
        localOf.set(document.id, { id: match, text: textSha256 === document.textSha256 ? document.canonicalText : documents.canonicalText(match), textSha256 });
        continue;
      }
      plan.documents.push({ id: document.id, title: document.title, status: 'new' });
      localOf.set(document.id, { id: document.id, text: document.canonicalText, textSha256: document.textSha256 });
      if (apply) {
        const source = document.sourceBase64 !== undefined ? Buffer.from(document.sourceBase64, 'base64') : Buffer.from(document.canonicalText, 'utf8');
        documents.insertWithId(document.id, {
          title: document.title,
          sourceName: document.sourceName,
          sourceType: document.sourceBase64 !== undefined ? document.sourceType : 'txt',
          sourceBytes: source,
          sourceSha256: sha256(source),
          lexicalJson: document.lexicalJson,
          canonicalText: document.canonicalText,
          textSha256: document.textSha256,
          byline: document.byline,
          publishedAt: document.publishedAt,
          siteName: document.siteName,
          wordCount: countWords(document.canonicalText),
        });
      }
    }

    const tagColors = new Map(bundle.tags.map((tag) => [tag.path.toLocaleLowerCase(), tag]));
    const touched = new Set<string>();
    const touchedDocuments = new Set<string>();
    const incomingIds = new Set(bundle.items.map((item) => idFromUrn(item.id)));
    let latest = '';

    // Annotations first, so replies find their parents.
    for (const item of bundle.items) {
      if (isReply(item)) continue;
      const incoming = readWebAnnotation(item);
      const local = localOf.get(incoming.documentId);
      if (!local) throw new BundleFormatError(`Annotation ${incoming.id.slice(0, 80)} belongs to a document the bundle does not hold.`);
      countAuthor(incoming.author.id, incoming.author.name, 'annotations');
      if (incoming.updatedAt > latest) latest = incoming.updatedAt;
      const row = store.row(incoming.id);
      const tombstone = store.tombstone(incoming.id);
      const existingTags = row ? store.tagPathsOf(row.id) : [];
      const decision = decideIncoming(
        row ? versionOfRow(row, existingTags) : undefined,
        versionOfIncoming(incoming, incoming.markdown),
        tombstone ? { authorId: tombstone.author_id } : undefined,
      );
      if (!tally(decision, plan.annotations)) continue;

      // Anchor against the receiver's text when it differs from the sender's.
      let target = { start: -1, end: -1, exact: '', prefix: '', suffix: '', status: incoming.anchorStatus, score: incoming.anchorScore };
      if (incoming.kind !== 'document' && incoming.quote && incoming.position) {
        const sameText = incoming.textSha256 === local.textSha256 && incoming.position.end <= local.text.length;
        const anchored = sameText
          ? { status: incoming.anchorStatus, score: incoming.anchorScore, start: incoming.position.start, end: incoming.position.end }
          : anchor(local.text, incoming.quote, incoming.position);
        if (anchored.status === 'orphan') {
          plan.annotations.orphaned += 1;
          target = { start: incoming.position.start, end: incoming.position.end, exact: incoming.quote.exact, prefix: incoming.quote.prefix, suffix: incoming.quote.suffix, status: 'orphan', score: 0 };
        } else {
          const quote = quoteSelectorFor(local.text, anchored.start, anchored.end);
          target = { start: anchored.start, end: anchored.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, status: anchored.status, score: anchored.score };
        }
      }
      if (!apply) continue;
      const note = incoming.markdown.trim() === '' ? EMPTY_NOTE : noteFromMarkdown(incoming.markdown, { keepMarkdown: true });
      const next: AnnotationRow = {
        id: incoming.id,
        document_id: local.id,
        kind: incoming.kind,
        start_offset: target.start,
        end_offset: target.end,
        exact: target.exact,
        prefix: target.prefix,
        suffix: target.suffix,
        text_sha256: local.textSha256,
        anchor_status: target.status,
        anchor_score: target.score,
        color: incoming.color,
        note_json: note.lexicalJson,
        note_text: note.text,
        note_markdown: incoming.markdown,
        author_id: incoming.author.id,
        author_name: incoming.author.name,
        created_at: incoming.createdAt,
        updated_at: incoming.updatedAt,
      };
      if (row) store.updateRow(next);
      else store.insertRow(next);
      store.setTags(incoming.id, annotations.importTagIds(incoming.tags, tagColors));
      touched.add(incoming.id);
      touchedDocuments.add(local.id);
    }

    for (const item of bundle.items) {
      if (!isReply(item)) continue;
      const incoming = readWebAnnotation(item);
      const parentId = replyParentId(item);
      const parent = store.row(parentId);
      if (!parent && !(incomingIds.has(parentId) && !apply)) continue;
      countAuthor(incoming.author.id, incoming.author.name, 'replies');
      if (incoming.updatedAt > latest) latest = incoming.updatedAt;
      const markdown = item.body.find((body) => body.purpose === 'replying')?.value ?? '';
      const row = replies.row(incoming.id);
      const tombstone = store.tombstone(incoming.id);
      const decision = decideIncoming(
        row ? { updatedAt: row.updated_at, authorId: row.author_id, content: JSON.stringify([row.body_markdown.trim()]) } : undefined,
        { updatedAt: incoming.updatedAt, authorId: incoming.author.id, content: JSON.stringify([markdown.trim()]) },
        tombstone ? { authorId: tombstone.author_id } : undefined,
      );
      if (!tally(decision, plan.replies)) continue;
      if (!apply || !parent) continue;
      const next = replyRowFrom(item, parent.document_id);
      if (row) replies.update(next);
      else replies.insert(next);
      touchedDocuments.add(parent.document_id);
    }

    for (const tombstone of bundle.tombstones) {
      if (tombstone.deletedAt > latest) latest = tombstone.deletedAt;
      const row = store.row(tombstone.id);
      const reply = row ? undefined : replies.row(tombstone.id);
      const local = row ?? reply;
      if (decideTombstone(local ? { authorId: local.author_id } : undefined, { authorId: tombstone.authorId }) === 'delete') {
        plan.annotations.deleted += 1;
        if (apply) {
          if (row) {
            store.deleteAnnotation(row.id, tombstone.deletedAt);
            touchedDocuments.add(row.document_id);
          } else if (reply) {
            replies.delete(reply.id, tombstone.deletedAt);
            touchedDocuments.add(reply.document_id);
          }
        }
      }
      if (apply) {
        const documentId = localOf.get(tombstone.documentId)?.id ?? tombstone.documentId;
        store.addTombstone({ id: tombstone.id, document_id: documentId, author_id: tombstone.authorId, deleted_at: tombstone.deletedAt });
      }
    }

    plan.byAuthor = [...authors.values()].sort((a, b) => a.name.localeCompare(b.name));
    if (apply) {
      store.reindex(touched);
      if (latest !== '') annotations.observe(latest);
      if (bundle.signed) deps.knownKeys.remember(bundle.fingerprint, bundle.manifest.creator.publicKey, bundle.manifest.creator.name);
      plan.applied = true;
    }
    return touchedDocuments;
  };

  if (!apply) {
    run();
    return { plan, touchedDocuments: [] };
  }
  const touchedDocuments = deps.annotations.store.database.transaction(run).immediate();
  // Undo snapshots taken before the merge could undo it half-way; the merge itself is not undoable.
  deps.annotations.history.clear();
  return { plan, touchedDocuments: [...touchedDocuments] };
}
