// Writes a file so that a reader (or a crash) sees the old version or the new one, never
// a torn one: a temp file in the same folder, fsync, rename over, fsync of the folder.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserFacingError } from '../../shared/result';

function describeWriteError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
  const reasons: Record<string, string> = {
    ENOENT: 'the folder does not exist',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EISDIR: 'it is a folder',
    ENOTDIR: 'part of the path is not a folder',
  };
  return `Can't write “${path}”: ${reasons[code] ?? code}.`;
}

export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const folder = dirname(path);
  const temp = join(folder, `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temp, 'wx', 0o644);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(descriptor, bytes, written, bytes.length - written);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    removeQuietly(temp);
    throw new UserFacingError('WRITE_FAILED', describeWriteError(path, error));
  }
  syncFolder(folder);
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was created there (the folder is missing or is a file).
  }
}

/** Makes a rename durable; some platforms cannot open a folder for fsync, which is fine. */
function syncFolder(folder: string): void {
  let descriptor: number | undefined;
  try {
    descriptor = openSync(folder, 'r');
    fsyncSync(descriptor);
  } catch {
    // Windows and some network file systems refuse; the rename itself already happened.
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}
