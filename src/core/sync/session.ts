// What every stage of one workspace sync shares: the folder, the core's narrow dependencies,
// the sync state, the problems found per file, the copies found, and the counters tests read.
import type { SyncProblem } from '../../shared/sync';
import { ANNOTATIONS_ENTRY_BYTES, sizeLimits } from '../../shared/bundle-schemas';
import { SIDECAR_SUFFIX } from '../../shared/sidecar';
import type { SyncDependencies } from './dependencies';
import type { FileFault } from './sidecar-file';
import { SyncState } from './sync-state';

/**
 * The most the sync reads of a sidecar, a conflict copy or tags.json: a bundle carries a
 * document's annotations as one entry, so a file over the entry cap could not travel anyway.
 * Source files are read up to the import limit (Settings), as an import would.
 */
export const JSON_FILE_LIMIT = ANNOTATIONS_ENTRY_BYTES;

export const SOURCE_EXTENSIONS: Readonly<Record<string, string>> = {
  txt: 'txt',
  md: 'md',
  html: 'html',
  pdf: 'pdf',
  docx: 'docx',
  epub: 'epub',
  eml: 'eml',
  mhtml: 'mhtml',
};

/** `pending`: the document must be restored from a binary source file first, read off this call (FileImporter.preparePending). */
export type ImportOutcome = 'unchanged' | 'merged' | 'refused' | 'missing' | 'copy' | 'pending';

export function sidecarName(slug: string): string {
  return `${slug}${SIDECAR_SUFFIX}`;
}

export function sourceFileName(slug: string, sourceType: string): string {
  return `${slug}.${SOURCE_EXTENSIONS[sourceType] ?? 'txt'}`;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class SyncSession {
  readonly state: SyncState;
  /** Files that could not be read or applied (keyed by file name), and documents that could not be written (`write:` and the id). */
  readonly problems = new Map<string, SyncProblem>();
  /** Sidecars naming a document another sidecar already holds (a copy), by name: the file they copy. */
  readonly copies = new Map<string, string>();
  /** How many sidecar files were read, read and merged, and written: tests count them. */
  readonly counters = { reads: 0, imports: 0, writes: 0 };
  /**
   * Set while the records describe another folder (the workspace was moved, or another
   * one chosen): every file is hashed (sizes and times describe the other folder's files);
   * one whose hash is as recorded is trusted, but a changed one is merged without a base,
   * so what another folder's history says was deleted is not deleted here.
   */
  foreignBase = false;

  constructor(
    readonly deps: SyncDependencies,
    readonly dir: string,
  ) {
    this.state = new SyncState(deps.db);
  }

  /** Reports a file as not applied (and so not overwritten until it is fixed). */
  refuse(name: string, fault: FileFault): 'refused' {
    this.problems.set(name, { file: name, ...fault });
    return 'refused';
  }

  /** The most a `<slug>.text.json` may hold: what one document may take in a note bundle. */
  editedTextLimit(): number {
    return sizeLimits(this.deps.maxImportBytes()).documentEntryBytes;
  }
}
