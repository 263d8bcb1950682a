// What only a host may ask of the core, because it names files and folders on this machine:
// the contract is what a sandboxed UI may call, so it never takes a path. Each operation
// still answers with a {code, message} result, made by the dispatcher's own failureFrom.
// (The library is opened outside each call: a folder that can't be used is its own result.)
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ReanchorCounts } from '../shared/contract';
import type { ImportOutcome, OcrLanguages } from '../shared/model';
import type { Result } from '../shared/result';
import { UserFacingError, ok } from '../shared/result';
import { unwrap } from '../shared/client';
import { failureFrom } from '../core/dispatch';
import { writeFileAtomic } from '../core/files/atomic-write';
import { fileReadProblem } from '../core/files/read-errors';
import type { SyncEngine } from '../core/sync';
import type { ProgressListener } from './import-progress';
import type { CliSession } from './session';

async function hostCall<T>(action: string, run: () => T | Promise<T>): Promise<Result<T>> {
  try {
    return ok(await run());
  } catch (error) {
    return failureFrom(action, error);
  }
}

/** Imports a file from disk, typed by its content; its size is checked against the limit before it is read. */
export function importFile(
  session: CliSession,
  path: string,
  options: { password?: string; ocrLanguages?: OcrLanguages; onProgress?: ProgressListener } = {},
): Promise<Result<ImportOutcome>> {
  const core = session.library();
  return hostCall('import a file', () => core.importFile(path, options));
}

/** Replaces a document's text with a changed version of its file and re-anchors its annotations. */
export async function updateFromFile(
  session: CliSession,
  id: string,
  path: string,
  options: { password?: string; ocrLanguages?: OcrLanguages; onProgress?: ProgressListener } = {},
): Promise<ReanchorCounts> {
  const core = session.library();
  return unwrap(await hostCall('update a document', () => core.updateDocumentFromPath(id, path, options)));
}

/** Writes a file whole (a temp file renamed into place), or fails saying why in words. */
export async function writeFile(path: string, bytes: Uint8Array): Promise<void> {
  unwrap(await hostCall('write a file', () => writeFileAtomic(path, bytes)));
}

/** `name` in `folder`, or with " (2)", " (3)"… before its extension where that name is taken: a path nothing is at. */
export function unusedPathIn(folder: string, name: string): string {
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  let path = join(folder, name);
  for (let counter = 2; existsSync(path); counter++) path = join(folder, `${stem} (${counter})${extension}`);
  return path;
}

/** Makes a folder and any missing folders above it (as `mkdir -p`), or fails saying why in words. */
export async function makeFolder(path: string): Promise<void> {
  unwrap(
    await hostCall('make a folder', () => {
      try {
        mkdirSync(path, { recursive: true });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const why =
          code === 'EEXIST' || code === 'ENOTDIR'
            ? 'part of that path is a file, not a folder'
            : code === 'EACCES' || code === 'EPERM'
              ? "you don't have permission to make it"
              : `the system said ${code ?? String(error)}`;
        throw new UserFacingError('INVALID_INPUT', `Couldn't make the folder “${path}”: ${why}.`);
      }
    }),
  );
}

export async function readFile(path: string): Promise<Buffer> {
  return unwrap(
    await hostCall('read a file', () => {
      try {
        return readFileSync(path);
      } catch (error) {
        throw new UserFacingError('NOT_FOUND', fileReadProblem(path, error));
      }
    }),
  );
}

/** Syncs the library with a workspace folder once, and keeps watching it with `watch`. */
export async function startSync(session: CliSession, dir: string, watch: boolean): Promise<SyncEngine> {
  const core = session.library();
  return unwrap(await hostCall('sync the workspace', () => core.startSync(dir, { watch })));
}

/** Every difference between the library and a workspace folder; changes neither. */
export async function verifyWorkspace(session: CliSession, dir: string): Promise<string[]> {
  const core = session.library();
  return unwrap(await hostCall('verify the workspace', () => core.verifyWorkspace(dir)));
}
