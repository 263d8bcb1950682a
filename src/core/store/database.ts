// Opens the SQLite store with the settings every host relies on: WAL so the desktop app,
// the browser host and the CLI can share one file, foreign keys, and a busy timeout so
// a writer in another process waits instead of failing.
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations';

export interface OpenDatabaseOptions {
  /** Path to better-sqlite3's compiled addon; the desktop app passes its Electron build. */
  nativeBinding?: string;
  /** Stop migrating at this version (used by migration tests). */
  targetVersion?: number;
}

export const BUSY_TIMEOUT_MS = 5000;

export function openDatabase(path: string, options: OpenDatabaseOptions = {}): Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new BetterSqlite3(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  migrate(db, options.targetVersion);
  return db;
}
