// One search over document text (documents_fts) and annotations (annotations_fts: quote,
// note, tags, author), ranked with BM25, with the tag:, color:, author: and is:orphan
// filters applied in SQL. Results are grouped by document.
import type { Database } from 'better-sqlite3';
import type { AnnotationStore } from './annotations/store';
import type { HighlightColor } from '../shared/annotations';
import type { ParsedQuery, SearchTerm } from '../shared/search-query';
import { ftsMatchExpression, parseSearchQuery, snippetParts, termRegex } from '../shared/search-query';
import type { SearchGroup, SearchHit, SearchResults } from '../shared/search-results';
import type { AnchorStatus } from '../shared/selectors';

const MAX_ANNOTATION_HITS = 200;
const MAX_TEXT_DOCUMENTS = 30;
const MAX_TEXT_HITS_PER_DOCUMENT = 5;
const SNIPPET_CONTEXT = 60;

interface AnnotationHitRow {
  id: string;
  document_id: string;
  title: string;
  start_offset: number;
  end_offset: number;
  exact: string;
  note_text: string;
  color: string;
  anchor_status: AnchorStatus;
  tags: string | null;
  rank: number;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export class SearchService {
  constructor(
    private readonly db: Database,
    private readonly store: AnnotationStore,
  ) {}

  search(query: string, documentId?: string): SearchResults {
    const parsed = parseSearchQuery(query);
    const hasFilters = parsed.tags.length + parsed.colors.length + parsed.authors.length > 0 || parsed.orphansOnly;
    if (parsed.terms.length === 0 && !hasFilters) return { groups: [], total: 0, problems: parsed.problems };
    const groups = new Map<string, SearchGroup & { rank: number }>();
    const groupFor = (id: string, title: string, rank: number) => {
      const group = groups.get(id) ?? { documentId: id, title, hits: [], rank };
      group.rank = Math.min(group.rank, rank);
      groups.set(id, group);
      return group;
    };
    for (const row of this.annotationHits(parsed, documentId)) {
      const note = row.note_text ? ` — ${clip(row.note_text, 160)}` : '';
      groupFor(row.document_id, row.title, row.rank).hits.push({
        kind: 'annotation',
        annotationId: row.id,
        start: row.start_offset,
        end: row.end_offset,
        snippet: snippetParts(`${clip(row.exact, 200)}${note}`, parsed.terms),
        color: row.color as HighlightColor,
        tags: row.tags ? row.tags.split('\u001f') : [],
        anchorStatus: row.anchor_status,
        ...(row.note_text ? { note: clip(row.note_text, 300) } : {}),
      });
    }
    if (parsed.terms.length > 0 && !hasFilters) {
      for (const hit of this.textHits(parsed.terms, documentId)) groupFor(hit.documentId, hit.title, hit.rank).hits.push(...hit.hits);
    }
    const ordered = [...groups.values()].sort((a, b) => a.rank - b.rank);
    for (const group of ordered) group.hits.sort((a, b) => (a.kind === b.kind ? a.start - b.start : a.kind === 'text' ? 1 : -1));
    return {
      groups: ordered.map(({ documentId: id, title, hits }) => ({ documentId: id, title, hits })),
      total: ordered.reduce((sum, group) => sum + group.hits.length, 0),
      problems: parsed.problems,
    };
  }

  private annotationHits(parsed: ParsedQuery, documentId: string | undefined): AnnotationHitRow[] {
    const where: string[] = [];
    const params: Array<string | number> = [];
    let from = 'annotations a';
    let rank = '0';
    let order = 'a.document_id, a.start_offset';
    const filtered = parsed.tags.length + parsed.colors.length + parsed.authors.length > 0 || parsed.orphansOnly || documentId !== undefined;
    if (parsed.terms.length > 0) {
      // Rank inside the index first; without filters only the best hits are ever joined.
      from = `(SELECT rowid, rank FROM annotations_fts WHERE annotations_fts MATCH ? ORDER BY rank${filtered ? '' : ` LIMIT ${MAX_ANNOTATION_HITS}`}) f
        JOIN annotations a ON a.seq = f.rowid`;
      params.push(ftsMatchExpression(parsed.terms));
      rank = 'f.rank';
      order = 'f.rank';
    }
    if (documentId) {
      where.push('a.document_id = ?');
      params.push(documentId);
    }
    for (const tag of parsed.tags) {
      // The tags table is small: find the tag and its children first, then use the link index.
      const ids = this.store.tagsWithin(tag).map((row) => row.id);
      if (ids.length === 0) return [];
      where.push(`EXISTS (SELECT 1 FROM annotation_tags at WHERE at.annotation_id = a.id AND at.tag_id IN (${ids.map(() => '?').join(', ')}))`);
      params.push(...ids);
    }
    if (parsed.colors.length > 0) {
      where.push(`a.color IN (${parsed.colors.map(() => '?').join(', ')})`);
      params.push(...parsed.colors);
    }
    for (const author of parsed.authors) {
      where.push('(lower(a.author_name) = lower(?) OR a.author_id = ?)');
      params.push(author, author);
    }
    if (parsed.orphansOnly) where.push("a.anchor_status = 'orphan'");
    const sql = `
      SELECT a.id, a.document_id, d.title, a.start_offset, a.end_offset, a.exact, a.note_text, a.color, a.anchor_status,
        (SELECT group_concat(t.path, char(31)) FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = a.id) AS tags,
        ${rank} AS rank
      FROM ${from} JOIN documents d ON d.id = a.document_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${order}
      LIMIT ${MAX_ANNOTATION_HITS}`;
    return this.db.prepare<Array<string | number>, AnnotationHitRow>(sql).all(...params);
  }

  private textHits(terms: readonly SearchTerm[], documentId: string | undefined) {
    const rows = this.db
      .prepare<Array<string>, { id: string; title: string; canonical_text: string; rank: number }>(
        `SELECT d.id, d.title, d.canonical_text, bm25(documents_fts, 3.0, 1.0) AS rank
         FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
         WHERE documents_fts MATCH ? ${documentId ? 'AND d.id = ?' : ''}
         ORDER BY rank LIMIT ${MAX_TEXT_DOCUMENTS}`,
      )
      .all(...[ftsMatchExpression(terms), ...(documentId ? [documentId] : [])]);
    return rows.map((row) => {
      const hits: SearchHit[] = [];
      const regex = termRegex(terms);
      for (const match of row.canonical_text.matchAll(regex)) {
        const start = match.index;
        const end = start + match[0].length;
        const from = Math.max(0, start - SNIPPET_CONTEXT);
        const to = Math.min(row.canonical_text.length, end + SNIPPET_CONTEXT);
        const context = `${from > 0 ? '…' : ''}${row.canonical_text.slice(from, to).replace(/\s+/g, ' ')}${to < row.canonical_text.length ? '…' : ''}`;
        hits.push({ kind: 'text', start, end, snippet: snippetParts(context, terms) });
        if (hits.length >= MAX_TEXT_HITS_PER_DOCUMENT) break;
      }
      // FTS folds diacritics and the exact regex may not; still list the document.
      if (hits.length === 0) hits.push({ kind: 'text', start: 0, end: 0, snippet: [{ text: clip(row.title, 120), match: false }] });
      return { documentId: row.id, title: row.title, rank: row.rank, hits };
    });
  }
}
