// Writing the workspace: each document's sidecar, source file, edited text and Markdown
// digest, and tags.json, every one atomically and only when its content differs; a link,
// FIFO or folder where a file belongs is reported, never replaced. Also sets a removed
// document's files aside in `.removed/` and clears temp files a crash left behind.
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Annotation, Reply } from '../../shared/annotations';
import type { SidecarDocument } from '../../shared/sidecar';
import { DIGEST_SUFFIX, TAGS_FILE, buildSidecar, notesDigest, serializeSidecar, slugFor } from '../../shared/sidecar';
import { sharedProvenance } from '../../shared/shared-provenance';
import { writeFileAtomic } from '../files/atomic-write';
import { prepareDocument } from '../import';
import { sha256Hex } from '../files/sha256';
import { editedTextName, serializeEditedText } from './edited-text';
import type { ImportOutcome, SyncSession } from './session';
import { JSON_FILE_LIMIT, messageOf, sidecarName, sourceFileName } from './session';
import type { SyncFileRow } from './sync-state';
import { recordedTextSha } from './sync-state';
import { SidecarEvidenceSync } from './sidecar-evidence-sync';
import type { FileStamp } from './workspace-files';
import { decodeUtf8, entryKind, isRealFolder, readWorkspaceFile, stampOf } from './workspace-files';

export const REMOVED_FOLDER = '.removed';
const ATOMIC_TEMP_FILE = /^\..+\.\d+\.[0-9a-z]+\.tmp$/;

export class WorkspaceWriter {
  /** Each document's grades and links, written into its sidecar. */
  private readonly evidence: SidecarEvidenceSync;

  constructor(
    private readonly session: SyncSession,
    /** Reads and merges a sidecar another program changed since it was written (file-import.ts). */
    private readonly importFile: (name: string) => ImportOutcome,
  ) {
    this.evidence = new SidecarEvidenceSync(session);
  }

  private get dir(): string {
    return this.session.dir;
  }

  /** Writes one document's files; a failure is reported as that document's problem while the others keep syncing. */
  writeReporting(documentId: string): void {
    const key = `write:${documentId}`;
    try {
      this.writeDocument(documentId);
      this.session.problems.delete(key);
    } catch (error) {
      const known = this.session.state.byDocument(documentId);
      const file = known ? sidecarName(known.slug) : documentId;
      this.session.problems.set(key, { file, line: 0, column: 0, message: messageOf(error) });
    }
  }

  /** A document's source file is still a regular file (or is written again when missing). */
  checkSource(documentId: string, sourceType: string): void {
    const known = this.session.state.byDocument(documentId);
    if (known) this.writeSource(documentId, sourceFileName(known.slug, sourceType));
  }

  /**
   * A document removed from the library takes its files out of the workspace, into
   * `.removed/` beside them (kept, never deleted, and not scanned), so it is not restored.
   * A `.removed` that is not a folder of its own (a link, say) is reported and nothing is
   * moved, so no file ever leaves the workspace.
   */
  setAsideRemoved(): void {
    const removed = this.session.state.removedDocuments();
    if (removed.length === 0) return;
    const folder = join(this.dir, REMOVED_FOLDER);
    try {
      if (entryKind(this.dir, REMOVED_FOLDER) === 'missing') mkdirSync(folder);
      if (!isRealFolder(this.dir, REMOVED_FOLDER)) {
        this.session.problems.set(REMOVED_FOLDER, {
          file: REMOVED_FOLDER,
          line: 0,
          column: 0,
          message: `${REMOVED_FOLDER} is not a folder inside the workspace (a link or a file), so removed documents' files are not moved into it.`,
        });
        return;
      }
      this.session.problems.delete(REMOVED_FOLDER);
      for (const row of removed) this.moveAside(row, folder);
    } catch (error) {
      this.session.problems.set(REMOVED_FOLDER, {
        file: REMOVED_FOLDER,
        line: 0,
        column: 0,
        message: `Removed documents' files could not be set aside: ${messageOf(error)}`,
      });
    }
  }

  private moveAside(row: SyncFileRow, folder: string): void {
    for (const name of readdirSync(this.dir)) {
      if (name === sidecarName(row.slug) || name === `${row.slug}${DIGEST_SUFFIX}` || name.startsWith(`${row.slug}.`)) {
        let target = name;
        for (let counter = 2; entryKind(folder, target) !== 'missing'; counter++) target = `${name}.${counter}`;
        renameSync(join(this.dir, name), join(folder, target));
      }
    }
    this.session.deps.db.transaction(() => this.session.state.forget(row.document_id)).immediate();
  }

  /** Temp files of atomic writes cut short by a crash are never a file anyone wants (a folder so named is left alone). */
  removeTempFiles(): void {
    for (const name of readdirSync(this.dir)) {
      if (ATOMIC_TEMP_FILE.test(name) && entryKind(this.dir, name) !== 'missing') {
        try {
          rmSync(join(this.dir, name), { force: true });
        } catch {
          // Not a file (a folder, say): not ours, and not in the way.
        }
      }
    }
  }

  private slugOf(documentId: string, title: string): string {
    const known = this.session.state.byDocument(documentId);
    if (known) return known.slug;
    // Asked per candidate (an indexed lookup and one stat), not by listing every slug and
    // the folder: writing a workspace for a large library did both once per document.
    return slugFor(title, {
      has: (slug) =>
        this.session.state.bySlug(slug) !== undefined || entryKind(this.dir, sidecarName(slug)) !== 'missing',
    });
  }

  /**
   * Brings a document's files up to date with the store (merging a changed file first).
   * The sidecar is read once per call: `justRead` is its hash and stamp as the caller (the
   * same synchronous import) read it a moment ago; `listed`, the document's annotations if
   * the caller has just listed them.
   */
  writeDocument(documentId: string, justRead?: { hash: string; stamp: FileStamp }, listed?: Annotation[]): void {
    if (!this.session.deps.documents.exists(documentId)) return;
    const summary = this.session.deps.documents.summary(documentId);
    const slug = this.slugOf(documentId, summary.title);
    const name = sidecarName(slug);
    if (this.session.problems.has(name)) return; // never overwrite a file the person still has to fix
    const path = join(this.dir, name);
    const known = this.session.state.byDocument(documentId);
    const fingerprint = this.session.state.storeFingerprint(documentId);
    let onDisk = justRead;
    if (!onDisk) {
      // Read now, not earlier: another program may have saved it a moment ago.
      const read = readWorkspaceFile(this.dir, name, JSON_FILE_LIMIT);
      if (!read.ok && !read.missing) {
        this.session.refuse(name, { line: 0, column: 0, message: read.message }); // a link or a FIFO is reported, never replaced
        return;
      }
      onDisk = read.ok ? { stamp: read.stamp, hash: sha256Hex(read.bytes) } : undefined;
      if (onDisk && known && onDisk.hash !== known.sidecar_sha256) {
        if (this.importFile(name) !== 'unchanged') return; // importFile wrote the merged result (or reported the file)
      } else if (onDisk && known && known.store_fingerprint === fingerprint) {
        return; // neither the store nor the file changed since the last write
      }
    }
    const sourceFile = sourceFileName(slug, summary.sourceType);
    this.writeSource(documentId, sourceFile);
    const textSha256 = this.session.deps.documents.textSha256(documentId);
    // Before the sidecar, which names the text its notes were made on.
    // Only a text replaced since its import (Edit text, a bundle applied to it) or one that came in a bundle (the sender's edit) can differ from its source.
    const mayDiffer = summary.textUpdatedAt !== summary.importedAt || summary.originName !== '';
    if (mayDiffer && recordedTextSha(known) !== textSha256)
      this.writeEditedText(documentId, slug, sourceFile, textSha256);
    const annotations = listed ?? this.session.deps.annotations.list(documentId);
    const replies = this.session.deps.annotations.listReplies(documentId);
    const provenance = this.session.deps.documents.source(documentId).provenance;
    const document: SidecarDocument = {
      id: documentId,
      title: summary.title,
      sourceFile,
      textSha256,
      ...(provenance ? { source: sharedProvenance(provenance) } : {}),
    };
    const tombstones = this.session.deps.annotations.store
      .tombstonesOf(documentId)
      .map((row) => ({ id: row.id, authorId: row.author_id, deletedAt: row.deleted_at }));
    const evidence = this.evidence.evidenceOf(documentId);
    const sidecar = buildSidecar(document, annotations, replies, tombstones, provenance?.pageMap, evidence);
    const text = serializeSidecar(sidecar);
    const hash = sha256Hex(text);
    let stamp = onDisk?.stamp;
    if (onDisk?.hash !== hash) {
      writeFileAtomic(path, text);
      this.session.counters.writes++;
      stamp = stampOf(this.dir, name);
    }
    // The library changed (from the app, the sidecar or anywhere else) or the sidecar did: the digest follows.
    if (onDisk?.hash !== hash || known?.store_fingerprint !== fingerprint)
      this.writeDigest(documentId, slug, document, annotations, replies);
    this.session.deps.db
      .transaction(() => {
        this.session.state.record(documentId, slug, hash, fingerprint, stamp);
        this.session.state.setBase(documentId, sidecar.items);
        this.evidence.saveBase(documentId, sidecar);
      })
      .immediate();
  }

  /** Writes the source file when it is missing; a file there is left as it is, and a link, FIFO or folder is reported, never replaced. */
  private writeSource(documentId: string, sourceFile: string): void {
    const kind = entryKind(this.dir, sourceFile);
    if (kind === 'missing') {
      writeFileAtomic(join(this.dir, sourceFile), this.session.deps.documents.sourceBytes(documentId));
      this.session.counters.writes++;
    }
    if (kind === 'missing' || kind === 'file') this.session.problems.delete(`source:${documentId}`);
    else
      this.session.problems.set(`source:${documentId}`, {
        file: sourceFile,
        line: 0,
        column: 0,
        message: kind.message,
      });
  }

  /** The digest is the app's own file, but a link or a folder at its name is reported, not replaced. */
  private writeDigest(
    documentId: string,
    slug: string,
    document: SidecarDocument,
    annotations: readonly Annotation[],
    replies: readonly Reply[],
  ): void {
    this.writeOwnFile(`digest:${documentId}`, `${slug}${DIGEST_SUFFIX}`, notesDigest(document, annotations, replies));
  }

  /**
   * Writes `<slug>.text.json` when the document's text is not what its source file imports
   * to (an edit in the app), so the files alone restore it. Asked only when the text changed
   * since the files were last written, and only of a document whose text was ever replaced.
   */
  private writeEditedText(documentId: string, slug: string, sourceFile: string, textSha256: string): void {
    let imported: string | undefined;
    try {
      imported = prepareDocument(
        sourceFile,
        this.session.deps.documents.sourceBytes(documentId),
        Number.MAX_SAFE_INTEGER,
      ).textSha256;
    } catch {
      imported = undefined; // a source that no longer imports: the edited text is all there is
    }
    if (imported === textSha256) return;
    this.writeOwnFile(
      `text:${documentId}`,
      editedTextName(slug),
      serializeEditedText(this.session.deps.documents.detail(documentId).lexicalJson),
      this.session.editedTextLimit(),
    );
  }

  /** Writes one of the app's own files when its content differs; a link or a folder at its name is reported, not replaced. */
  private writeOwnFile(problemKey: string, name: string, content: string, maxBytes = JSON_FILE_LIMIT): void {
    const read = readWorkspaceFile(this.dir, name, maxBytes);
    if (!read.ok && !read.missing) {
      this.session.problems.set(problemKey, { file: name, line: 0, column: 0, message: read.message });
      return;
    }
    this.session.problems.delete(problemKey);
    if (read.ok && decodeUtf8(read.bytes) === content) return;
    writeFileAtomic(join(this.dir, name), content);
    this.session.counters.writes++;
  }

  /** Writes tags.json when it differs from the library's tags; never over a file still to be fixed, a link or a folder. */
  writeTags(): void {
    if (this.session.problems.has(TAGS_FILE)) return;
    const tags = this.session.deps.annotations
      .listTags()
      .map((tag) => ({ path: tag.path, color: tag.color, description: tag.description }));
    const text = `${JSON.stringify({ tags }, null, 2)}\n`;
    const read = readWorkspaceFile(this.dir, TAGS_FILE, JSON_FILE_LIMIT);
    if (!read.ok && !read.missing) {
      this.session.refuse(TAGS_FILE, { line: 0, column: 0, message: read.message });
      return;
    }
    if (read.ok && decodeUtf8(read.bytes) === text) return;
    try {
      writeFileAtomic(join(this.dir, TAGS_FILE), text);
      this.session.counters.writes++;
    } catch (error) {
      this.session.problems.set(`write:${TAGS_FILE}`, {
        file: TAGS_FILE,
        line: 0,
        column: 0,
        message: messageOf(error),
      });
      return;
    }
    this.session.problems.delete(`write:${TAGS_FILE}`);
  }
}
