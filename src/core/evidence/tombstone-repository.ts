// The SQL of evidence tombstones: a deleted source, default-sources list, claim, piece of
// evidence, analysis, hypothesis, row or analyst's cell leaves one, so an old copy arriving
// later (a bundle, the workspace file) competes with the deletion instead of coming back.
import type { Database } from 'better-sqlite3';
import type { EvidenceTombstone, TombstoneKind } from '../../shared/bundle-evidence';
import { cachedStatement } from '../store/statements';

/** Which item a tombstone stands for: its id, and the second part and analyst of a two-part key. */
export interface TombstoneKey {
  kind: TombstoneKind;
  id: string;
  partId?: string;
  /** A cell's analyst (each analyst's rating is an item of its own). */
  ownerId?: string;
}

interface TombstoneRow {
  kind: TombstoneKind;
  item_id: string;
  part_id: string;
  owner_id: string;
  author_id: string;
  deleted_at: string;
}

const COLUMNS = 'kind, item_id, part_id, owner_id, author_id, deleted_at';
const WHERE_KEY = 'kind = ? AND item_id = ? AND part_id = ? AND owner_id = ?';

function keyArgs(key: TombstoneKey): [string, string, string, string] {
  return [key.kind, key.id, key.partId ?? '', key.ownerId ?? ''];
}

function toTombstone(row: TombstoneRow): EvidenceTombstone {
  return {
    kind: row.kind,
    id: row.item_id,
    ...(row.part_id === '' ? {} : { partId: row.part_id }),
    authorId: row.author_id,
    deletedAt: row.deleted_at,
  };
}

export class TombstoneRepository {
  constructor(private readonly db: Database) {}

  get(key: TombstoneKey): { authorId: string; deletedAt: string } | undefined {
    const row = cachedStatement<[string, string, string, string], TombstoneRow>(
      this.db,
      `SELECT ${COLUMNS} FROM evidence_tombstones WHERE ${WHERE_KEY}`,
    ).get(...keyArgs(key));
    return row && { authorId: row.author_id, deletedAt: row.deleted_at };
  }

  /** Records a deletion (replacing an older one of the same item). */
  put(key: TombstoneKey, authorId: string, deletedAt: string): void {
    cachedStatement(
      this.db,
      `INSERT INTO evidence_tombstones (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (kind, item_id, part_id, owner_id) DO UPDATE SET author_id = excluded.author_id,
           deleted_at = excluded.deleted_at`,
    ).run(...keyArgs(key), authorId, deletedAt);
  }

  /** The item is here again (written anew, or a later version arrived): its deletion is over. */
  clear(key: TombstoneKey): void {
    cachedStatement(this.db, `DELETE FROM evidence_tombstones WHERE ${WHERE_KEY}`).run(...keyArgs(key));
  }

  /** Every tombstone (the workspace file), or one author's (a bundle carries its signer's), newest first, at most `limit`. */
  list(limit: number, authorId?: string): EvidenceTombstone[] {
    const rows =
      authorId === undefined
        ? cachedStatement<[number], TombstoneRow>(
            this.db,
            `SELECT ${COLUMNS} FROM evidence_tombstones ORDER BY deleted_at DESC, kind, item_id, part_id, owner_id LIMIT ?`,
          ).all(limit)
        : cachedStatement<[string, number], TombstoneRow>(
            this.db,
            `SELECT ${COLUMNS} FROM evidence_tombstones WHERE author_id = ?
               ORDER BY deleted_at DESC, kind, item_id, part_id, owner_id LIMIT ?`,
          ).all(authorId, limit);
    return rows.map(toTombstone);
  }
}
