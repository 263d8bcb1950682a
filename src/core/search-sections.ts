// The body headings of documents with search hits, read from their stored Lexical state once
// and kept while the document is unchanged, so a hit can say which section it is in.
import type { Database } from 'better-sqlite3';
import type { HeadingSpan } from '../shared/document-sections';
import { headingsOfState } from '../shared/document-sections';

/** Documents whose headings are kept; an entry is a few headings, so this is small. */
const MAX_DOCUMENTS = 2_000;

export class HeadingCache {
  private readonly entries = new Map<string, { version: string; headings: HeadingSpan[] }>();
  constructor(private readonly db: Database) {}

  /** The document's body headings in reading order; none for a document that is gone. */
  headingsOf(documentId: string): HeadingSpan[] {
    // Every write of the state stamps updated_at; the hash and length besides, for two writes in one millisecond.
    const version = this.db
      .prepare<[string], string>(
        `SELECT updated_at || ':' || text_sha256 || ':' || length(lexical_json) FROM documents WHERE id = ?`,
      )
      .pluck()
      .get(documentId);
    if (version === undefined) return [];
    const cached = this.entries.get(documentId);
    if (cached?.version === version) return cached.headings;
    const json = this.db
      .prepare<[string], string>('SELECT lexical_json FROM documents WHERE id = ?')
      .pluck()
      .get(documentId);
    const headings = json ? headingsOfState(json) : [];
    this.entries.delete(documentId);
    this.entries.set(documentId, { version, headings });
    // Oldest first, past the limit.
    for (const id of this.entries.keys()) {
      if (this.entries.size <= MAX_DOCUMENTS) break;
      this.entries.delete(id);
    }
    return headings;
  }
}
