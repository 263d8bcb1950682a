// An in-memory directory of every annotation's document, position, color, anchoring,
// author and tags, by row number (seq), so a search can count, filter and group tens of
// thousands of full-text matches without reading their wide rows (measured: reading 16,000
// matched rows took longer than the full-text match itself). This connection's own writes
// are followed row by row through TEMP triggers (connection-local, not part of the
// schema); a commit by another connection (data_version moved) rebuilds it whole.
import type { Database } from 'better-sqlite3';
import type { HighlightColor } from '../shared/annotations';

export interface DirectoryFilter {
  documentId?: string;
  colors: readonly HighlightColor[];
  authors: readonly string[];
  orphansOnly: boolean;
}

type Row = [
  seq: number,
  documentId: string,
  start: number,
  color: string,
  status: string,
  authorId: string,
  authorName: string,
];

const ROW_COLUMNS = 'seq, document_id, start_offset, color, anchor_status, author_id, author_name';

const CHANGE_TRACKING = `
  CREATE TEMP TABLE IF NOT EXISTS search_directory_changes (seq INTEGER PRIMARY KEY);
  CREATE TEMP TRIGGER IF NOT EXISTS search_directory_insert AFTER INSERT ON main.annotations
  BEGIN INSERT OR IGNORE INTO search_directory_changes VALUES (new.seq); END;
  CREATE TEMP TRIGGER IF NOT EXISTS search_directory_update AFTER UPDATE ON main.annotations
  BEGIN INSERT OR IGNORE INTO search_directory_changes VALUES (old.seq); INSERT OR IGNORE INTO search_directory_changes VALUES (new.seq); END;
  CREATE TEMP TRIGGER IF NOT EXISTS search_directory_delete AFTER DELETE ON main.annotations
  BEGIN INSERT OR IGNORE INTO search_directory_changes VALUES (old.seq); END;
  CREATE TEMP TRIGGER IF NOT EXISTS search_directory_tag_insert AFTER INSERT ON main.annotation_tags
  BEGIN INSERT OR IGNORE INTO search_directory_changes SELECT seq FROM main.annotations WHERE id = new.annotation_id; END;
  CREATE TEMP TRIGGER IF NOT EXISTS search_directory_tag_delete AFTER DELETE ON main.annotation_tags
  BEGIN INSERT OR IGNORE INTO search_directory_changes SELECT seq FROM main.annotations WHERE id = old.annotation_id; END;
  CREATE TEMP TRIGGER IF NOT EXISTS search_directory_tag_update AFTER UPDATE ON main.annotation_tags
  BEGIN
    INSERT OR IGNORE INTO search_directory_changes SELECT seq FROM main.annotations WHERE id IN (old.annotation_id, new.annotation_id);
  END;
`;

/** Whether `name` is this author's display name (in any case) or id, as search's author: takes it. */
function isNamed(author: { id: string; name: string }, name: string): boolean {
  return author.id === name || author.name.toLowerCase() === name.toLowerCase();
}

export class AnnotationDirectory {
  private dataVersion: number | null = null;
  private documentIds: string[] = [];
  private documentIndex = new Map<string, number>();
  /** Indexed by seq: document index + 1 (0 = no such annotation), start, color, orphan flag, author. */
  private documentOf = new Int32Array(0);
  private startOf = new Int32Array(0);
  private colorOf: string[] = [];
  private orphan = new Uint8Array(0);
  private authorOf = new Int32Array(0);
  private authors: Array<{ id: string; name: string }> = [];
  private authorIndex = new Map<string, number>();
  /** Each tag id's annotations, and each annotation's tag ids. */
  private tagged = new Map<string, Set<number>>();
  private tagsOf = new Map<number, string[]>();

  constructor(private readonly db: Database) {}

  /** The seqs among these (every annotation's when null) that pass the filter, grouped by document in reading order. */
  select(candidates: Iterable<number> | null, filter: DirectoryFilter): Map<string, number[]> {
    this.refresh();
    const onlyDocument = filter.documentId === undefined ? -1 : (this.documentIndex.get(filter.documentId) ?? -1) + 1;
    if (onlyDocument === 0) return new Map();
    const colors = filter.colors.length > 0 ? new Set<string>(filter.colors) : null;
    const authors = filter.authors.length > 0 ? this.authorsNamed(filter.authors) : null;
    const byDocument: number[][] = [];
    for (const seq of candidates ?? this.allSeqs()) {
      const document = this.documentOf[seq] ?? 0;
      if (document === 0 || (onlyDocument > 0 && document !== onlyDocument)) continue;
      if (filter.orphansOnly && this.orphan[seq] !== 1) continue;
      if (colors && !colors.has(this.colorOf[seq]!)) continue;
      if (authors && !authors.has(this.authorOf[seq]!)) continue;
      const seqs = byDocument[document];
      if (seqs) seqs.push(seq);
      else byDocument[document] = [seq];
    }
    const grouped = new Map<string, number[]>();
    const byPosition = (a: number, b: number) => this.startOf[a]! - this.startOf[b]! || a - b;
    byDocument.forEach((seqs, document) => grouped.set(this.documentIds[document - 1]!, seqs.sort(byPosition)));
    return grouped;
  }

  /** The seqs of annotations with any of these tags. */
  withTags(tagIds: readonly string[]): Set<number> {
    this.refresh();
    return new Set(tagIds.flatMap((id) => [...(this.tagged.get(id) ?? [])]));
  }

  private *allSeqs(): Generator<number> {
    for (let seq = 1; seq < this.documentOf.length; seq += 1) if (this.documentOf[seq] !== 0) yield seq;
  }

  /** Every author every filter names, each by display name (any case) or author id. */
  private authorsNamed(names: readonly string[]): Set<number> {
    const allowed = new Set<number>();
    this.authors.forEach((author, index) => {
      if (names.every((name) => isNamed(author, name))) allowed.add(index);
    });
    return allowed;
  }

  /** Of `names`, those that name no author here (by display name or id); and every author's name here. */
  unknownAuthors(names: readonly string[]): { unknown: string[]; known: string[] } {
    this.refresh();
    const unknown = names.filter((name) => !this.authors.some((author) => isNamed(author, name)));
    return { unknown, known: [...new Set(this.authors.map((author) => author.name))].sort() };
  }

  private refresh(): void {
    const dataVersion = this.db.pragma('data_version', { simple: true }) as number;
    if (dataVersion !== this.dataVersion) {
      this.rebuild();
      this.dataVersion = dataVersion;
      return;
    }
    const changed = this.db.prepare<[], number>('SELECT seq FROM temp.search_directory_changes').pluck().all();
    if (changed.length === 0) return;
    this.db.prepare('DELETE FROM temp.search_directory_changes').run();
    for (const seq of changed) this.forget(seq);
    const seqs = JSON.stringify(changed);
    for (const row of this.db
      .prepare<[string], Row>(`SELECT ${ROW_COLUMNS} FROM annotations WHERE seq IN (SELECT value FROM json_each(?))`)
      .raw()
      .all(seqs))
      this.put(row);
    const links = this.db
      .prepare<[string], [string, number]>(
        'SELECT at.tag_id, a.seq FROM annotations a JOIN annotation_tags at ON at.annotation_id = a.id WHERE a.seq IN (SELECT value FROM json_each(?))',
      )
      .raw()
      .all(seqs);
    for (const [tagId, seq] of links) this.link(tagId, seq);
  }

  private rebuild(): void {
    this.db.exec(CHANGE_TRACKING);
    this.db.prepare('DELETE FROM temp.search_directory_changes').run();
    const rows = this.db.prepare<[], Row>(`SELECT ${ROW_COLUMNS} FROM annotations`).raw().all();
    this.grow(rows.reduce((max, row) => Math.max(max, row[0]), 0) + 1, true);
    this.tagged = new Map();
    this.tagsOf = new Map();
    for (const row of rows) this.put(row);
    for (const [tagId, seq] of this.db
      .prepare<[], [string, number]>(
        'SELECT at.tag_id, a.seq FROM annotation_tags at JOIN annotations a ON a.id = at.annotation_id',
      )
      .raw()
      .all()) {
      this.link(tagId, seq);
    }
  }

  /** Makes the per-seq arrays hold at least size entries; fresh, when starting over. */
  private grow(size: number, fresh = false): void {
    if (!fresh && size <= this.documentOf.length) return;
    const length = fresh ? size : Math.max(size, this.documentOf.length * 2);
    const copy = <T extends Int32Array | Uint8Array>(old: T, made: T): T => {
      if (!fresh) made.set(old);
      return made;
    };
    this.documentOf = copy(this.documentOf, new Int32Array(length));
    this.startOf = copy(this.startOf, new Int32Array(length));
    this.orphan = copy(this.orphan, new Uint8Array(length));
    this.authorOf = copy(this.authorOf, new Int32Array(length));
    if (fresh) this.colorOf = [];
  }

  private put([seq, documentId, start, color, status, authorId, authorName]: Row): void {
    this.grow(seq + 1);
    this.documentOf[seq] = this.indexOf(this.documentIndex, this.documentIds, documentId, documentId) + 1;
    this.startOf[seq] = start;
    this.colorOf[seq] = color;
    this.orphan[seq] = status === 'orphan' ? 1 : 0;
    this.authorOf[seq] = this.indexOf(this.authorIndex, this.authors, `${authorId}\u0000${authorName}`, {
      id: authorId,
      name: authorName,
    });
  }

  private forget(seq: number): void {
    if (seq < this.documentOf.length) this.documentOf[seq] = 0;
    for (const tagId of this.tagsOf.get(seq) ?? []) this.tagged.get(tagId)?.delete(seq);
    this.tagsOf.delete(seq);
  }

  private link(tagId: string, seq: number): void {
    const seqs = this.tagged.get(tagId);
    if (seqs) seqs.add(seq);
    else this.tagged.set(tagId, new Set([seq]));
    const tags = this.tagsOf.get(seq);
    if (tags) tags.push(tagId);
    else this.tagsOf.set(seq, [tagId]);
  }

  /** Interns a value (documents and authors are few), returning its index. */
  private indexOf<T>(index: Map<string, number>, list: T[], key: string, value: T): number {
    let found = index.get(key);
    if (found === undefined) {
      found = list.push(value) - 1;
      index.set(key, found);
    }
    return found;
  }
}
