// Files to the library: reads a sidecar that changed since it was last synced, validates it,
// restores its document when the library lacks it, plans the three-way merge (merge-plan.ts)
// and applies it (apply-plan.ts); reads tags.json. A file that cannot be applied is reported
// against that file alone and left as it is.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Annotation } from '../../shared/annotations';
import { normalizeTagPath } from '../../shared/annotations';
import { countWords } from '../../shared/lexical-document';
import type { MergeFields, SidecarDocument } from '../../shared/sidecar';
import { SIDECAR_SUFFIX, TAGS_FILE } from '../../shared/sidecar';
import { idFromUrn, toWebAnnotation } from '../../shared/web-annotation';
import { sidecarEvidenceEntry } from '../../shared/sidecar-evidence';
import type { PreparedDocument } from '../import';
import { provenanceFromShared } from '../../shared/shared-provenance';
import { prepareDocument } from '../import';
import { sha256Hex } from '../files/sha256';
import { applyPlan } from './apply-plan';
import type { EditedText } from './edited-text';
import { editedTextName, readEditedText } from './edited-text';
import type { LocalSide, MergeKind } from './merge-plan';
import { changesAnnotations, planMerge } from './merge-plan';
import type { ImportOutcome, SyncSession } from './session';
import { JSON_FILE_LIMIT, messageOf, sidecarName } from './session';
import type { SidecarContent } from './sidecar-file';
import { parseSidecarFile, parseTagsFile } from './sidecar-file';
import { SidecarEvidenceSync } from './sidecar-evidence-sync';
import type { SidecarEvidenceOutcome } from './sidecar-evidence-sync';
import type { SyncFileRow } from './sync-state';
import { recordedTextSha, stampStillTrusted } from './sync-state';
import type { WorkspaceWriter } from './workspace-writer';
import { entryKind, readWorkspaceFile, stampOf } from './workspace-files';

function shortSha(sha: string): string {
  return sha.slice(0, 7);
}

/** What the import asks of the workspace writer: a merged document's files, removed documents set aside, tags.json. */
export type FilesWriter = Pick<WorkspaceWriter, 'writeDocument' | 'setAsideRemoved' | 'writeTags'>;

export class FileImporter {
  /** One file's reading and merging as a transaction (a savepoint inside a scan's batch), made once: making one prepares its statements. */
  private readonly importTransaction: (name: string) => ImportOutcome;
  /** Sidecars whose document waits for its binary source to be read, with that source's bytes. */
  private readonly pending = new Map<string, { path: string; bytes: Uint8Array; sha256: string }>();
  /** Binary sources read since, by the SHA-256 of their bytes: the document, or why it could not be read. */
  private readonly prepared = new Map<string, PreparedDocument | string>();
  private readonly evidence: SidecarEvidenceSync;
  /**
   * Set while a scan reads its sidecars: one whose grades or links point at what is not here
   * yet (an annotation in a sidecar read later, a source in evidence.jsonld) is not written
   * back then, but noted in `retry`, to be merged again once everything is read.
   */
  deferDangling = false;
  readonly retry = new Set<string>();

  constructor(
    private readonly session: SyncSession,
    private readonly writer: FilesWriter,
  ) {
    this.importTransaction = session.deps.db.transaction((name: string) => this.readAndMerge(name)).immediate;
    this.evidence = new SidecarEvidenceSync(session);
  }

  private get dir(): string {
    return this.session.dir;
  }

  private get deps() {
    return this.session.deps;
  }

  private get state() {
    return this.session.state;
  }

  private refuse(name: string, message: string): 'refused' {
    return this.session.refuse(name, { line: 0, column: 0, message });
  }

  /**
   * Reads one sidecar and merges it; a bad file is reported and not applied. Its reading and
   * merging are one savepoint: whatever fails in them is undone and reported against this
   * file alone, so every other file keeps syncing.
   */
  importFile(name: string): ImportOutcome {
    try {
      return this.importTransaction(name);
    } catch (error) {
      return this.refuse(name, messageOf(error));
    }
  }

  private readAndMerge(name: string): ImportOutcome {
    const slug = name.slice(0, -SIDECAR_SUFFIX.length);
    const known = this.state.bySlug(slug);
    // A link or anything but a regular file has no stamp, so it is never trusted unread.
    const current = stampOf(this.dir, name);
    if (
      current &&
      known &&
      !this.session.foreignBase &&
      !this.session.problems.has(name) &&
      stampStillTrusted(known, current)
    )
      return 'unchanged';
    const read = readWorkspaceFile(this.dir, name, JSON_FILE_LIMIT);
    if (!read.ok) return read.missing ? 'missing' : this.refuse(name, read.message);
    this.session.counters.reads++;
    const hash = sha256Hex(read.bytes);
    if (known && known.sidecar_sha256 === hash && !this.session.problems.has(name)) {
      this.state.restamp(known.document_id, read.stamp);
      return 'unchanged';
    }
    const parsed = parseSidecarFile(read.bytes);
    if (!parsed.ok) return this.session.refuse(name, parsed.fault);
    const sidecar = parsed.value;
    const document = sidecar.marginalia.document;
    if (known && known.document_id !== document.id)
      return this.refuse(name, `This file names document ${document.id}, but ${name} belongs to ${known.document_id}.`);
    const original = this.copiedFrom(document.id, slug);
    this.session.problems.delete(name);
    if (original) {
      // Merged as the document's file, a copy would delete whatever the other file gained since.
      this.session.copies.set(name, original);
      return 'copy';
    }
    this.session.copies.delete(name);
    const textDiffers = this.deps.documents.exists(document.id) ? this.textDifference(document, known) : undefined;
    if (textDiffers) return this.refuse(name, textDiffers);
    if (!this.deps.documents.exists(document.id)) {
      if (known) {
        // Synced before and gone from the library now: it was removed here, not copied in.
        this.writer.setAsideRemoved();
        return 'missing';
      }
      const created = this.createDocument(document, slug, name);
      if (created === 'pending') return 'pending';
      if (created !== true) return this.refuse(name, created);
    }
    const { listed: unchangedList, skipped } = this.merge(document.id, sidecar, name, 'file');
    this.session.counters.imports++;
    if (skipped > 0 && this.deferDangling) {
      // Recorded with no hash, so that if the scan stops before the retry, the next one reads it again.
      this.state.record(document.id, slug, '', '', read.stamp);
      this.retry.add(name);
      return 'merged';
    }
    // Recorded under this name: a renamed file (its old name gone) becomes the document's file.
    this.state.record(document.id, slug, hash, '', read.stamp);
    // The merged state may differ from the file (changes made here meanwhile, conflicts kept here).
    this.writer.writeDocument(document.id, { hash, stamp: read.stamp }, unchangedList);
    return 'merged';
  }

  /**
   * The sidecar that already holds this document, when it is another file that is still
   * there: this one is then a copy (a copied pair, a duplicate), never the document's file.
   */
  copiedFrom(documentId: string, slug: string): string | undefined {
    const holder = this.state.byDocument(documentId);
    if (!holder || holder.slug === slug) return undefined;
    const holderName = sidecarName(holder.slug);
    return entryKind(this.dir, holderName) === 'missing' ? undefined : holderName;
  }

  /** A document the store lacks, from its source file beside the sidecar (a copied-in pair, or a rebuild). */
  private createDocument(document: SidecarDocument, slug: string, name: string): true | 'pending' | string {
    const read = readWorkspaceFile(this.dir, document.sourceFile, this.deps.maxImportBytes());
    if (!read.ok) {
      if (read.missing)
        return `Its document is not in the library and its source file “${document.sourceFile}” is not in the workspace.`;
      return `Its source file “${document.sourceFile}” is not read: ${read.message}`;
    }
    const edited = this.editedTextFor(document, slug);
    if (typeof edited === 'string') return edited;
    let created: boolean;
    let existing: { id: string; title: string };
    try {
      const prepared = this.sourceDocument(document.sourceFile, read.bytes, name);
      if (prepared === 'pending') return 'pending';
      const content = edited ? { ...prepared, ...edited, wordCount: countWords(edited.canonicalText) } : prepared;
      if (document.textSha256 !== '' && content.textSha256 !== document.textSha256) {
        return (
          `Its notes were made on a text (version ${shortSha(document.textSha256)}) that neither its source file ` +
          `“${document.sourceFile}” nor ${editedTextName(slug)} holds; the document is not restored, so that nothing is reverted.`
        );
      }
      ({ created, document: existing } = this.deps.documents.insertWithId(document.id, {
        ...content,
        title: document.title || prepared.title,
        ...(document.source
          ? {
              provenance: {
                ...provenanceFromShared(document.source, { kind: 'file', path: join(this.dir, document.sourceFile) }),
                // A binary source read again knows its pages even when the sidecar's claim leaves them out.
                ...(document.source.pageMap === undefined && prepared.provenance
                  ? { pageMap: prepared.provenance.pageMap }
                  : {}),
              },
            }
          : {}),
      }));
    } catch (error) {
      return `Its source file “${document.sourceFile}” cannot be imported: ${messageOf(error)}`;
    }
    if (!created)
      return (
        `Its source file “${document.sourceFile}” is already in the library as “${existing.title}” (${existing.id}), ` +
        `under another id than this file's ${document.id}; the file is not applied.`
      );
    this.deps.events.emit('libraryChanged', { reason: 'imported' }, 'sync');
    return true;
  }

  /**
   * A source file's document: a text file read now; a binary one read before (preparePending)
   * from these very bytes, else noted to be read and 'pending'. Throws why it cannot be read.
   */
  private sourceDocument(sourceFile: string, bytes: Uint8Array, name: string): PreparedDocument | 'pending' {
    const sha256 = sha256Hex(bytes);
    const ready = this.prepared.get(sha256);
    if (typeof ready === 'string') throw new Error(ready);
    if (ready) return ready;
    const path = join(this.dir, sourceFile);
    if (!this.deps.binarySource?.(path, bytes)) return prepareDocument(sourceFile, bytes, this.deps.maxImportBytes());
    this.pending.set(name, { path, bytes, sha256 });
    return 'pending';
  }

  /**
   * Reads the binary sources that sidecars wait for, one after another, outside any
   * transaction (each reader is async, the heavy ones in a worker); returns those sidecars,
   * to be imported again, when the library's documents are made from what was read.
   */
  async preparePending(): Promise<string[]> {
    const names = [...this.pending.keys()];
    for (const [name, source] of [...this.pending]) {
      this.pending.delete(name);
      if (this.prepared.has(source.sha256)) continue;
      const read = this.deps.binarySource?.(source.path, source.bytes);
      if (!read) continue;
      try {
        this.prepared.set(source.sha256, await read());
      } catch (error) {
        this.prepared.set(source.sha256, messageOf(error));
      }
    }
    return names;
  }

  /** Drops what preparePending read, once its sidecars were imported again (a source changed meanwhile waits for the next round). */
  forgetPrepared(): void {
    this.prepared.clear();
  }

  /**
   * The edited text the workspace carries for a document (`<slug>.text.json`) when it is the
   * text the sidecar names; undefined when there is none (or an older one), the reason when
   * the file is there and cannot be read.
   */
  private editedTextFor(document: SidecarDocument, slug: string): EditedText | undefined | string {
    const read = readEditedText(this.dir, editedTextName(slug), this.session.editedTextLimit());
    if (!read.ok)
      return read.missing ? undefined : `Its edited text ${editedTextName(slug)} is not read: ${read.message}`;
    return read.text.textSha256 === document.textSha256 ? read.text : undefined;
  }

  /**
   * Why a sidecar is not applied when it names another text of its document than the
   * library's, unless that is the text the library had when it last wrote the file (edited
   * here since). Applied, its notes would be re-anchored and the file rewritten, silently
   * reverting one side; left, the person decides.
   */
  private textDifference(document: SidecarDocument, known: SyncFileRow | undefined): string | undefined {
    const library = this.deps.documents.textSha256(document.id);
    if (document.textSha256 === '' || document.textSha256 === library || document.textSha256 === recordedTextSha(known))
      return undefined;
    const title = this.deps.documents.summary(document.id).title;
    return (
      `Its notes were made on another text of “${title}” (version ${shortSha(document.textSha256)}) than the library's ` +
      `(version ${shortSha(library)}); the file is not applied and not overwritten. ` +
      `Make the same edit here, or move the file away to write the library's version.`
    );
  }

  /**
   * Merges a sidecar into the store: plans the merge, then applies the plan, then merges its
   * grades and links. Returns the document's annotations as listed before merging when the
   * merge changed none of them (the common case of a first scan), so writing the file back
   * need not list them again, and how many grades and links were left out as dangling.
   */
  merge(
    documentId: string,
    sidecar: SidecarContent,
    file: string,
    kind: MergeKind,
  ): { listed: Annotation[] | undefined; skipped: number } {
    const { annotations, documents } = this.deps;
    let listed: Annotation[] | undefined;
    let changed = false;
    let evidence: SidecarEvidenceOutcome | undefined;
    const into = {
      id: documentId,
      text: documents.canonicalText(documentId),
      textSha256: documents.textSha256(documentId),
    };
    const batch = this.deps.incoming.begin({ source: 'sync', announceTags: false });
    this.deps.db
      .transaction(() => {
        const base = this.session.foreignBase ? new Map<string, MergeFields>() : this.state.base(documentId);
        // Against a base most annotations are unchanged in the file and need no row from
        // the store, so rows are read one by one when needed; a file merged for the first
        // time compares every annotation, and all are listed at once.
        listed = base.size === 0 ? annotations.list(documentId) : undefined;
        const plan = planMerge({ documentId, kind, base, local: this.localSide(documentId, listed), theirs: sidecar });
        // Thrown, so the savepoint undoes this file and reports it alone.
        if (plan.refusal !== undefined) throw new Error(plan.refusal);
        applyPlan(batch, into, plan, sidecar.items, () => annotations.now());
        for (const conflict of plan.annotations.conflicted)
          this.state.addConflict(documentId, idFromUrn(conflict.id), conflict, file);
        changed = changesAnnotations(plan);
        evidence = this.mergeEvidence(documentId, sidecar, kind, (iso) => batch.observe(iso));
        batch.finish();
      })
      .immediate();
    // Announced as the sync's own change (source 'sync'), which the engine does not write back as an edit.
    batch.announce();
    const { touched, skipped } = evidence!;
    if (touched.kinds.size > 0)
      this.deps.events.emit(
        'evidenceChanged',
        { kinds: [...touched.kinds], documentIds: [...touched.documentIds] },
        'sync',
      );
    return { listed: changed || touched.kinds.size > 0 ? undefined : listed, skipped };
  }

  /** The sidecar's grades, links and their tombstones, merged after its annotations (which they point at). */
  private mergeEvidence(
    documentId: string,
    sidecar: SidecarContent,
    kind: MergeKind,
    observe: (iso: string) => void,
  ): SidecarEvidenceOutcome {
    const { gradeTombstones, linkTombstones } = sidecar.marginalia;
    const entry = sidecarEvidenceEntry(sidecar.items, { links: sidecar.links, gradeTombstones, linkTombstones });
    return this.evidence.merge(documentId, entry, { file: kind === 'file', observe });
  }

  /** The library's side of a merge, read from the store as the plan asks. */
  private localSide(documentId: string, listed: readonly Annotation[] | undefined): LocalSide {
    const { annotations } = this.deps;
    const store = annotations.store;
    const listedById = listed ? new Map(listed.map((annotation) => [annotation.id, annotation])) : undefined;
    return {
      ids: store.idsOfDocument(documentId),
      annotation: (id) => toWebAnnotation(listedById?.get(id) ?? annotations.get(id)),
      holder: (id) => {
        const row = store.row(id);
        return row ? { documentId: row.document_id, authorId: row.author_id } : undefined;
      },
      tombstonedBy: (id) => store.tombstone(id)?.author_id,
      reply: (id) => {
        const row = annotations.replies.row(id);
        if (!row) return undefined;
        return {
          updatedAt: row.updated_at,
          authorId: row.author_id,
          content: JSON.stringify([row.body_markdown.trim()]),
        };
      },
    };
  }

  /** Reads tags.json and takes its colors and descriptions; a bad one is reported and left as it is. */
  importTags(): void {
    const name = TAGS_FILE;
    const read = readWorkspaceFile(this.dir, name, JSON_FILE_LIMIT);
    if (!read.ok) {
      if (read.missing) this.session.problems.delete(name);
      else this.refuse(name, read.message);
      return;
    }
    const parsed = parseTagsFile(read.bytes);
    if (!parsed.ok) {
      this.session.refuse(name, parsed.fault);
      return;
    }
    this.session.problems.delete(name);
    let changed: boolean;
    try {
      changed = this.applyTags(parsed.value.tags);
    } catch (error) {
      this.refuse(name, messageOf(error));
      return;
    }
    if (!changed) return;
    this.deps.events.emit('tagsChanged', {}, 'sync');
    // The library's tags, which may be more than the file named, go back to the file at once.
    this.writer.writeTags();
  }

  private applyTags(tags: ReadonlyArray<{ path: string; color: string; description: string }>): boolean {
    const store = this.deps.annotations.store;
    let changed = false;
    this.deps.db
      .transaction(() => {
        for (const tag of tags) {
          const normalized = normalizeTagPath(tag.path);
          if (!normalized.ok) continue;
          const existing = store.tagByPath(normalized.path);
          if (existing && existing.color === tag.color && existing.description === tag.description) continue;
          const now = this.deps.annotations.now();
          store.upsertTag({
            id: existing?.id ?? randomUUID(),
            path: normalized.path,
            color: tag.color,
            description: tag.description,
            created_at: existing?.created_at ?? now,
            updated_at: now,
          });
          changed = true;
        }
      })
      .immediate();
    return changed;
  }
}
