// How the sync touches files in the workspace folder: only regular files directly inside it,
// never through a symbolic link, never a FIFO or device, and never more bytes than a cap.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';

/** A file's size and modification time, as recorded beside its hash. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

export type WorkspaceRead =
  { ok: true; bytes: Buffer; stamp: FileStamp } | { ok: false; missing: boolean; message: string };

// O_NOFOLLOW makes opening a link fail instead of reaching its target; O_NONBLOCK makes
// opening a FIFO return at once (fstat then refuses it) instead of waiting for a writer.
// Both are 0 where the platform lacks them, and the lstat check beforehand still holds.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
const READ_CHUNK = 1024 * 1024;

/** Sync tools' conflict copies of a sidecar (Syncthing, Dropbox, and the like). */
export const CONFLICT_FILE =
  /(\.sync-conflict-[^/\\]*\.json|\(conflicted copy[^)]*\)[^/\\]*\.json|\.conflict[^/\\]*\.json)$/i;

/** A name directly inside the folder: no separator, not `.` or `..`. */
export function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function notRegular(isLink: boolean, isDirectory: boolean): string {
  if (isLink) return 'It is a symbolic link; the sync reads only regular files inside the workspace folder.';
  if (isDirectory) return 'It is a folder, not a file.';
  return 'It is not a regular file (a FIFO, socket or device); the sync reads only regular files.';
}

/** What is at `name` without following a link: 'missing', 'file', or why it is not a file. */
export function entryKind(dir: string, name: string): 'missing' | 'file' | { message: string } {
  if (!isPlainName(name)) return { message: `“${name}” is not a plain file name in the workspace folder.` };
  try {
    const stat = lstatSync(join(dir, name));
    return stat.isFile() ? 'file' : { message: notRegular(stat.isSymbolicLink(), stat.isDirectory()) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    return { message: `It cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.` };
  }
}

/** Whether `name` is a folder itself, not a link to one (so nothing moved into it leaves the workspace). */
export function isRealFolder(dir: string, name: string): boolean {
  try {
    return lstatSync(join(dir, name)).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `name` is itself a symbolic link (never followed). */
export function isSymbolicLink(dir: string, name: string): boolean {
  try {
    return lstatSync(join(dir, name)).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The stamp of a regular file, or undefined for anything else (a link is never trusted by its stamp). */
export function stampOf(dir: string, name: string): FileStamp | undefined {
  try {
    const stat = lstatSync(join(dir, name));
    return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a regular file inside `dir`, refusing links, FIFOs, devices and folders, and any
 * file over `maxBytes` (checked on the open handle before reading, and again while
 * reading, for a file that grows). The stamp is taken from the handle before reading.
 */
export function readWorkspaceFile(dir: string, name: string, maxBytes: number): WorkspaceRead {
  const kind = entryKind(dir, name);
  if (kind === 'missing') return { ok: false, missing: true, message: 'It is missing.' };
  if (kind !== 'file') return { ok: false, missing: false, message: kind.message };
  let descriptor: number;
  try {
    descriptor = openSync(join(dir, name), OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, missing: true, message: 'It is missing.' };
    // Swapped for a link (ELOOP) or a socket (ENXIO) between the lstat and the open.
    if (code === 'ELOOP' || code === 'EMLINK') return { ok: false, missing: false, message: notRegular(true, false) };
    return {
      ok: false,
      missing: false,
      message: code === 'ENXIO' ? notRegular(false, false) : `It cannot be read: ${code ?? (error as Error).message}.`,
    };
  }
  try {
    return readOpen(descriptor, maxBytes);
  } finally {
    closeSync(descriptor);
  }
}

function readOpen(descriptor: number, maxBytes: number): WorkspaceRead {
  const stat = fstatSync(descriptor);
  if (!stat.isFile()) return { ok: false, missing: false, message: notRegular(false, stat.isDirectory()) };
  const tooLarge = {
    ok: false as const,
    missing: false,
    message: `It is larger than ${megabytes(maxBytes)}, the most the sync reads for this kind of file.`,
  };
  if (stat.size > maxBytes) return tooLarge;
  // Room for one byte more than fstat said, so a read that fills it shows the file grew.
  let buffer = Buffer.allocUnsafe(stat.size + 1);
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      if (total > maxBytes) return tooLarge;
      const larger = Buffer.allocUnsafe(Math.min(buffer.length + READ_CHUNK, maxBytes + 1));
      buffer.copy(larger, 0, 0, total);
      buffer = larger;
    }
    const read = readSync(descriptor, buffer, total, buffer.length - total, null);
    if (read === 0) break;
    total += read;
  }
  return { ok: true, bytes: buffer.subarray(0, total), stamp: { size: stat.size, mtimeMs: stat.mtimeMs } };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of UTF-8 bytes, or undefined when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
