// Makes a folder and its missing parents with messages a person can act on. Node's
// mkdirSync({ recursive: true }) retries forever where mkdir fails with ENOENT under a
// parent that exists (/proc/self/x), and reports a path through a file only as EEXIST.
import type { Stats } from 'node:fs';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserFacingError } from '../../shared/result';

const MKDIR_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  ENAMETOOLONG: 'the path is too long',
  ENOENT: 'the system does not allow a folder there',
};

/** stat that treats "no such entry" (also through a file: ENOTDIR) as absent. */
function statIfPresent(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

function notAFolder(target: string, found: string, stats: Stats, purpose: string): UserFacingError {
  const what = stats.isFile() ? 'a file, not a folder' : 'not a folder';
  const where = found === target ? `it is ${what}` : `“${found}” is ${what}`;
  return new UserFacingError('INVALID_INPUT', `Can't use “${target}” as ${purpose}: ${where}.`);
}

/**
 * Makes sure `path` is a folder, creating it and its missing parents one level at a time.
 * `purpose` names it in messages ("the library folder").
 */
export function ensureDirectory(path: string, purpose: string): void {
  const target = resolve(path);
  const missing: string[] = [];
  let current = target;
  let stats = statIfPresent(current);
  while (stats === undefined && dirname(current) !== current) {
    missing.unshift(current);
    current = dirname(current);
    stats = statIfPresent(current);
  }
  if (stats !== undefined && !stats.isDirectory()) throw notAFolder(target, current, stats, purpose);
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      if (code === 'EEXIST' && statIfPresent(folder)?.isDirectory()) continue; // made by someone else meanwhile
      throw new UserFacingError(
        'WRITE_FAILED',
        `Can't create ${purpose} “${target}”: ${MKDIR_REASONS[code] ?? code}${MKDIR_REASONS[code] ? ` (${code})` : ''}.`,
      );
    }
  }
}
