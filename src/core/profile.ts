// The local profile: who the author of this machine's annotations is. Made on first use
// with the OS user name (the app asks the person to confirm or change it) and with its
// signing key pair, whose public key the author id is derived from.
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

export class ProfileRepository {
  constructor(private readonly db: Database) {}

  read(): Profile & { confirmed: boolean } {
    let row = this.db
      .prepare<[], { author_id: string; display_name: string; confirmed: number }>('SELECT author_id, display_name, confirmed FROM profile WHERE id = 1')
      .get();
    if (!row) {
      const keys = newKeyPair();
      this.db
        .prepare('INSERT OR IGNORE INTO profile (id, author_id, display_name, confirmed, created_at, public_key, private_key) VALUES (1, ?, ?, 0, ?, ?, ?)')
        .run(authorIdForKey(keys.publicKey), defaultName(), new Date().toISOString(), keys.publicKey, keys.privateKey);
      row = this.db
        .prepare<[], { author_id: string; display_name: string; confirmed: number }>('SELECT author_id, display_name, confirmed FROM profile WHERE id = 1')
        .get()!;
    }
    return { authorId: row.author_id, displayName: row.display_name, confirmed: row.confirmed === 1 };
  }

  rename(displayName: string): Profile & { confirmed: boolean } {
    const name = displayName.replace(/\s+/g, ' ').trim();
    if (name === '') throw new UserFacingError('INVALID_INPUT', 'Your name cannot be empty: it is shown on every note you write.');
    if (name.length > MAX_DISPLAY_NAME) throw new UserFacingError('INVALID_INPUT', `A name can be at most ${MAX_DISPLAY_NAME} characters.`);
    this.read();
    this.db.prepare('UPDATE profile SET display_name = ?, confirmed = 1 WHERE id = 1').run(name);
    return this.read();
  }
}
