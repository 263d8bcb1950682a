// Opens the SQLite store with the settings every host relies on: WAL so the desktop app,
// the browser host and the CLI can share one file, foreign keys, and a busy timeout so
// a writer in another process waits instead of failing.
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { dirname } from 'node:path';
import { UserFacingError } from '../../shared/result';
import { ensureDirectory } from '../files/directories';
import { migrate } from './migrations';

export interface OpenDatabaseOptions {
  /** Path to better-sqlite3's compiled addon; the desktop app passes its Electron build. */
  nativeBinding?: string;
  /** Stop migrating at this version (used by migration tests). */
  targetVersion?: number;
}

export const BUSY_TIMEOUT_MS = 5000;

/** What a person can do about SQLite refusing the library file; undefined for errors that are ours. */
function libraryFileProblem(path: string, error: unknown): UserFacingError | undefined {
  if (!(error instanceof BetterSqlite3.SqliteError)) return undefined;
  const code = error.code.split('_').slice(0, 2).join('_'); // SQLITE_READONLY_DBMOVED → SQLITE_READONLY
  const messages: Record<string, string> = {
    SQLITE_NOTADB: `“${path}” is not a Marginalia library: it is not an SQLite database. Move it aside, or choose another library folder.`,
    SQLITE_CORRUPT: `“${path}” is damaged (SQLite says: ${error.message}). Restore it from a backup, or move it aside to start an empty library.`,
    SQLITE_CANTOPEN: `Can't open “${path}”: SQLite cannot open it (is it a folder, or unreadable?).`,
    SQLITE_READONLY: `Can't open “${path}” for writing: it or its folder is read-only.`,
    SQLITE_PERM: `Can't open “${path}”: permission denied.`,
    SQLITE_FULL: `Can't write “${path}”: the disk is full.`,
  };
  const message = messages[code];
  return message === undefined ? undefined : new UserFacingError('INVALID_INPUT', message);
}

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  if (path !== ':memory:') ensureDirectory(dirname(path), 'the library folder');
  let db: Database | undefined;
  try {
    db = new BetterSqlite3(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    migrate(db, options.targetVersion);
    return db;
  } catch (error) {
    db?.close();
    throw libraryFileProblem(path, error) ?? error;
  }
}
