// Settling what a merge could not: a conflict resolved as the person chose (keep mine, keep
// theirs, keep both), and a copy of a sidecar (a sync tool's conflict copy, or a second file
// naming a document) merged on request and set aside as `.merged`. The engine then writes
// the document's files.
import { randomUUID } from 'node:crypto';
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { SIDECAR_SUFFIX } from '../../shared/sidecar';
import type { WebAnnotation } from '../../shared/web-annotation';
import { readWebAnnotation } from '../../shared/web-annotation';
import { ALL_FIELDS } from '../incoming';
import type { FileImporter } from './file-import';
import type { SyncSession } from './session';
import { JSON_FILE_LIMIT } from './session';
import { parseSidecarFile } from './sidecar-file';
import { CONFLICT_FILE, isPlainName, readWorkspaceFile } from './workspace-files';

export type ConflictChoice = 'mine' | 'theirs' | 'both';

/** Applies the choice for one conflict through the incoming writer; returns its document, or undefined when there is no such conflict. */
export function resolveConflict(session: SyncSession, id: string, choice: ConflictChoice): string | undefined {
  const { state, deps } = session;
  const conflict = state.conflicts().find((candidate) => candidate.id === id);
  if (!conflict) return undefined;
  const { annotations, documents } = deps;
  const theirs = JSON.parse(conflict.theirs_json) as WebAnnotation;
  const batch = deps.incoming.begin({ source: 'sync', announceTags: false });
  const into = {
    id: conflict.document_id,
    text: documents.canonicalText(conflict.document_id),
    textSha256: documents.textSha256(conflict.document_id),
  };
  deps.db
    .transaction(() => {
      if (choice === 'theirs') {
        batch.annotation(into, readWebAnnotation({ ...theirs, modified: annotations.now() }), ALL_FIELDS);
      } else if (choice === 'both') {
        const copy = { ...theirs, id: `urn:uuid:${randomUUID()}`, modified: annotations.now() };
        batch.annotation(into, readWebAnnotation(copy), ALL_FIELDS);
      }
      batch.touch(conflict.document_id);
      batch.finish();
      state.removeConflict(id);
    })
    .immediate();
  batch.announce();
  return conflict.document_id;
}

/** Merges a copy into its document as a `copy` (it deletes nothing), renames it `….merged`; returns the document, or undefined when refused. */
export function mergeCopy(session: SyncSession, importer: FileImporter, name: string): string | undefined {
  if (!isPlainName(name) || !(CONFLICT_FILE.test(name) || name.endsWith(SIDECAR_SUFFIX))) return undefined;
  const read = readWorkspaceFile(session.dir, name, JSON_FILE_LIMIT);
  const parsed = read.ok ? parseSidecarFile(read.bytes) : undefined;
  if (!parsed?.ok) return undefined;
  const documentId = parsed.value.marginalia.document.id;
  if (!session.deps.documents.exists(documentId)) return undefined;
  // A sidecar is merged this way only while another file holds its document (a copy).
  const slug = name.slice(0, -SIDECAR_SUFFIX.length);
  if (!CONFLICT_FILE.test(name) && importer.copiedFrom(documentId, slug) === undefined) return undefined;
  importer.merge(documentId, parsed.value, name, 'copy');
  session.state.invalidateFingerprint(documentId);
  const path = join(session.dir, name);
  renameSync(path, `${path}.merged`);
  session.copies.delete(name);
  return documentId;
}
