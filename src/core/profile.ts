// The local profile: who the author of this machine's annotations is. Made on first use
// with the OS user name (the app asks the person to confirm or change it) and with its
// signing key pair, whose public key the author id is derived from. Renaming it
// renames the author on the person's own annotations and replies too, so every export,
// list and card shows the name they chose, whenever the note was written.
import type { Database } from 'better-sqlite3';
import { userInfo } from 'node:os';
import type { Profile } from '../shared/annotations';
import { UserFacingError } from '../shared/result';
import { authorIdForKey, newKeyPair } from './identity';

export const MAX_DISPLAY_NAME = 80;

function defaultName(): string {
  try {
    return userInfo().username || 'Reader';
  } catch {
    return 'Reader';
  }
}

/** Told which documents' annotations and replies now carry a new author name. */
export type OwnNotesRenamed = (documentIds: readonly string[]) => void;

export class ProfileRepository {
  constructor(
    private readonly db: Database,
    private readonly onOwnNotesRenamed: OwnNotesRenamed = () => undefined,
  ) {}

  read(): Profile & { confirmed: boolean } {
    let row = this.db
      .prepare<[], { author_id: string; display_name: string; confirmed: number }>(
        'SELECT author_id, display_name, confirmed FROM profile WHERE id = 1',
      )
      .get();
    if (!row) {
      const keys = newKeyPair();
      this.db
        .prepare(
          'INSERT OR IGNORE INTO profile (id, author_id, display_name, confirmed, created_at, public_key, private_key) VALUES (1, ?, ?, 0, ?, ?, ?)',
        )
        .run(authorIdForKey(keys.publicKey), defaultName(), new Date().toISOString(), keys.publicKey, keys.privateKey);
      row = this.db
        .prepare<[], { author_id: string; display_name: string; confirmed: number }>(
          'SELECT author_id, display_name, confirmed FROM profile WHERE id = 1',
        )
        .get()!;
    }
    return { authorId: row.author_id, displayName: row.display_name, confirmed: row.confirmed === 1 };
  }

  rename(displayName: string): Profile & { confirmed: boolean } {
    const name = displayName.replace(/\s+/g, ' ').trim();
    if (name === '')
      throw new UserFacingError('INVALID_INPUT', 'Your name cannot be empty: it is shown on every note you write.');
    if (name.length > MAX_DISPLAY_NAME)
      throw new UserFacingError('INVALID_INPUT', `A name can be at most ${MAX_DISPLAY_NAME} characters.`);
    const documentIds = this.db
      .transaction(() => {
        const { authorId } = this.read();
        this.db.prepare('UPDATE profile SET display_name = ?, confirmed = 1 WHERE id = 1').run(name);
        return this.renameOwnNotes(authorId, name);
      })
      .immediate();
    if (documentIds.length > 0) this.onOwnNotesRenamed(documentIds);
    return this.read();
  }

  /**
   * Puts the current name back on those of these annotations that are this author's: an
   * undo restores rows as they were, with the name from before a rename. Runs in the caller's transaction.
   */
  renameRestored(annotationIds: Iterable<string>): void {
    const { authorId, displayName } = this.read();
    const stale = this.db.prepare<[string, string, string], { seq: number }>(
      'SELECT seq FROM annotations WHERE id = ? AND author_id = ? AND author_name <> ?',
    );
    const rename = this.db.prepare('UPDATE annotations SET author_name = ? WHERE seq = ?');
    const reindex = this.db.prepare('UPDATE annotations_fts SET author = ? WHERE rowid = ?');
    for (const id of annotationIds) {
      const row = stale.get(id, authorId, displayName);
      if (!row) continue;
      rename.run(displayName, row.seq);
      reindex.run(displayName, row.seq);
    }
  }

  /**
   * Puts the new name on this author's annotations and replies, keeping their modification
   * times: the notes did not change, only what their author is called. Returns the documents touched.
   */
  private renameOwnNotes(authorId: string, name: string): string[] {
    const annotations = this.db
      .prepare<[string, string], { seq: number; document_id: string }>(
        'SELECT seq, document_id FROM annotations WHERE author_id = ? AND author_name <> ?',
      )
      .all(authorId, name);
    const replies = this.db
      .prepare<[string, string], { document_id: string }>(
        'SELECT DISTINCT document_id FROM replies WHERE author_id = ? AND author_name <> ?',
      )
      .all(authorId, name);
    this.db
      .prepare('UPDATE annotations SET author_name = ? WHERE author_id = ? AND author_name <> ?')
      .run(name, authorId, name);
    this.db
      .prepare('UPDATE replies SET author_name = ? WHERE author_id = ? AND author_name <> ?')
      .run(name, authorId, name);
    // The search index keeps its own copy of the author, for author:NAME.
    const reindex = this.db.prepare('UPDATE annotations_fts SET author = ? WHERE rowid = ?');
    for (const { seq } of annotations) reindex.run(name, seq);
    return [...new Set([...annotations, ...replies].map((row) => row.document_id))];
  }
}
