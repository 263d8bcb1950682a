// One search over document text (documents_fts) and annotations (annotations_fts: quote,
// note, tags, author), with the tag:, color:, author: and is:orphan filters applied in
// SQL, and the evidence filters (grade:, reliability:, credibility:, source:) by
// core/evidence. Every hit is counted, so totals are true; only the requested page is built into
// snippets. Documents are ordered by how well their text matches (BM25), then by title.
import type { Database } from 'better-sqlite3';
import type { AnnotationRepository } from './annotations';
import { AnnotationDirectory } from './annotation-directory';
import { EvidenceSearch } from './evidence';
import { hasEvidenceFilters } from '../shared/search-evidence-filters';
import type { HighlightColor } from '../shared/annotations';
import type { ParsedQuery } from '../shared/search-query';
import { SearchSyntaxError, ftsMatchExpression, parseSearchQuery } from '../shared/search-query';
import type { Passage } from '../shared/search-matching';
import { findPassages, snippetParts, termRegex } from '../shared/search-matching';
import { mergeSameSnippets, snippetOfPassage, snippetSource, snippetSpan } from '../shared/search-snippets';
import { passagesInMatchingBlocks } from '../shared/search-blocks';
import type { SearchGroup, SearchHit, SearchResults } from '../shared/search-results';
import { MAX_SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE } from '../shared/search-results';
import type { AnchorStatus } from '../shared/selectors';
import { UserFacingError } from '../shared/result';
import type { PageMapEntry } from '../shared/model';
import { pageSpan } from '../shared/page-map';
import { clipText } from '../shared/clip-text';
import type { HeadingSpan } from '../shared/document-sections';
import { sectionPlace } from '../shared/document-sections';
import { HeadingCache } from './search-sections';

/** About 32 MB of UTF-16: the text of a few thousand articles. */
const TEXT_CACHE_CHARS = 16_000_000;

export interface SearchOptions {
  documentId?: string;
  offset?: number;
  limit?: number;
}

/** A document's hits as positions only; snippets are built for the page shown. */
interface DocumentHits {
  documentId: string;
  title: string;
  rank: number;
  text: string;
  /** Annotation seqs, in reading order. */
  annotations: number[];
  passages: Passage[];
}

interface AnnotationPageRow {
  seq: number;
  id: string;
  start_offset: number;
  end_offset: number;
  exact: string;
  note_text: string;
  color: string;
  anchor_status: AnchorStatus;
  tags: string | null;
}

/** Canonical texts by document, kept while their hash holds: reading them back from SQLite cost more than searching them. */
class TextCache {
  private readonly entries = new Map<string, { hash: string; text: string }>();
  private size = 0;
  constructor(private readonly db: Database) {}

  get(documentId: string, hash: string): string {
    const cached = this.entries.get(documentId);
    if (cached?.hash === hash) return cached.text;
    const text =
      this.db.prepare<[string], string>('SELECT canonical_text FROM documents WHERE id = ?').pluck().get(documentId) ??
      '';
    this.put(documentId, hash, text);
    return text;
  }

  private put(documentId: string, hash: string, text: string): void {
    const old = this.entries.get(documentId);
    if (old) this.size -= old.text.length;
    this.entries.delete(documentId);
    this.entries.set(documentId, { hash, text });
    this.size += text.length;
    // Oldest first, until the cache holds at most TEXT_CACHE_CHARS.
    for (const [id, entry] of this.entries) {
      if (this.size <= TEXT_CACHE_CHARS) break;
      this.entries.delete(id);
      this.size -= entry.text.length;
    }
  }
}

function hitCount(document: DocumentHits): number {
  return document.annotations.length + document.passages.length;
}

function readQuery(query: string): ParsedQuery {
  try {
    return parseSearchQuery(query);
  } catch (error) {
    if (error instanceof SearchSyntaxError) throw new UserFacingError('INVALID_QUERY', error.message);
    throw error;
  }
}

export class SearchService {
  private readonly directory: AnnotationDirectory;
  private readonly texts: TextCache;
  private readonly evidence: EvidenceSearch;
  private readonly headings: HeadingCache;

  constructor(
    private readonly db: Database,
    private readonly store: AnnotationRepository,
  ) {
    this.directory = new AnnotationDirectory(db);
    this.texts = new TextCache(db);
    this.evidence = new EvidenceSearch(db);
    this.headings = new HeadingCache(db);
  }

  search(query: string, { documentId, offset = 0, limit = SEARCH_PAGE_SIZE }: SearchOptions = {}): SearchResults {
    const parsed = readQuery(query);
    const filtered =
      parsed.tags.length + parsed.colors.length + parsed.authors.length > 0 ||
      parsed.orphansOnly ||
      hasEvidenceFilters(parsed.evidence);
    if (!parsed.expression && !filtered)
      return { groups: [], total: 0, documents: 0, offset: 0, problems: parsed.problems };
    // One read transaction: the directory, both indexes and the page rows see one snapshot,
    // even while the CLI or a sync writes from another process.
    return this.db.transaction(() => this.collect(parsed, filtered, documentId, offset, limit))();
  }

  /** What to say of an author: filter naming nobody here: the names there are, as the export says them. */
  private unknownAuthorProblems(names: readonly string[]): string[] {
    if (names.length === 0) return [];
    const { unknown, known } = this.directory.unknownAuthors(names);
    const shown = known.slice(0, 6).map((name) => `“${name}”`);
    const list =
      known.length > shown.length ? `${shown.join(', ')} and ${known.length - shown.length} more` : shown.join(', ');
    return unknown.map(
      (name) =>
        `No annotation is by “${name}” (give an author’s whole name or id); ` +
        (known.length > 0 ? `the authors here are ${list}.` : 'there are no annotations yet.'),
    );
  }

  private collect(
    parsed: ParsedQuery,
    filtered: boolean,
    documentId: string | undefined,
    offset: number,
    limit: number,
  ): SearchResults {
    const match = parsed.expression ? ftsMatchExpression(parsed.expression) : null;
    const documents = new Map<string, DocumentHits>();
    // With filters only annotations can match, so the text is ranked but not read.
    if (match) this.rankDocuments(parsed, match, documentId, !filtered, documents);
    this.addAnnotationHits(parsed, match, documentId, documents);
    const ordered = [...documents.values()].filter((document) => hitCount(document) > 0);
    this.fillTitles(ordered.filter((document) => document.title === ''));
    ordered.sort(
      (a, b) => a.rank - b.rank || a.title.localeCompare(b.title) || a.documentId.localeCompare(b.documentId),
    );
    const start = Math.max(0, Math.floor(offset));
    const size = Math.min(MAX_SEARCH_PAGE_SIZE, Math.max(1, Math.floor(limit)));
    return {
      groups: this.page(ordered, start, size, parsed),
      total: ordered.reduce((sum, document) => sum + hitCount(document), 0),
      documents: ordered.length,
      offset: start,
      problems: parsed.problems,
    };
  }

  /** Documents whose title or text matches, best first; without filters, their text passages too. */
  private rankDocuments(
    parsed: ParsedQuery,
    match: string,
    documentId: string | undefined,
    withText: boolean,
    into: Map<string, DocumentHits>,
  ): void {
    const rows = this.db
      .prepare<string[], { id: string; title: string; text_sha256: string }>(
        `SELECT d.id, d.title, d.text_sha256 FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
         WHERE documents_fts MATCH ? ${documentId ? 'AND documents_fts.rowid = (SELECT seq FROM documents WHERE id = ?)' : ''}
         ORDER BY bm25(documents_fts, 3.0, 1.0)`,
      )
      .all(...[match, ...(documentId ? [documentId] : [])]);
    const regex = termRegex(parsed.terms);
    rows.forEach((row, rank) => {
      const text = withText ? this.texts.get(row.id, row.text_sha256) : '';
      const found = withText ? passagesInMatchingBlocks(text, parsed.expression, findPassages(text, regex)) : [];
      let passages = withText ? mergeSameSnippets(snippetSource(row.title, text), found) : [];
      // FTS matched the title, or a form the exact search cannot see: still list the document once.
      if (withText && passages.length === 0) passages = [{ start: 0, end: 0, marks: [] }];
      into.set(row.id, { documentId: row.id, title: row.title, rank, text, annotations: [], passages });
    });
  }

  private addAnnotationHits(
    parsed: ParsedQuery,
    match: string | null,
    documentId: string | undefined,
    into: Map<string, DocumentHits>,
  ): void {
    let candidates: number[] | null = match
      ? this.db
          .prepare<[string], number>('SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?')
          .pluck()
          .all(match)
      : null;
    for (const tag of parsed.tags) {
      // The tags table is small: find the tag and its children, then their annotations.
      const within = this.directory.withTags(this.store.tagsWithin(tag).map((row) => row.id));
      candidates = candidates ? candidates.filter((seq) => within.has(seq)) : [...within];
    }
    if (hasEvidenceFilters(parsed.evidence)) {
      const { seqs, problems } = this.evidence.match(parsed.evidence);
      parsed.problems.push(...problems);
      candidates = candidates ? candidates.filter((seq) => seqs.has(seq)) : [...seqs];
    }
    parsed.problems.push(...this.unknownAuthorProblems(parsed.authors));
    const filter = {
      colors: parsed.colors,
      authors: parsed.authors,
      orphansOnly: parsed.orphansOnly,
      ...(documentId ? { documentId } : {}),
    };
    for (const [id, refs] of this.directory.select(candidates, filter)) {
      const document = into.get(id);
      if (document) document.annotations = refs;
      else
        into.set(id, {
          documentId: id,
          title: '',
          rank: Number.POSITIVE_INFINITY,
          text: '',
          annotations: refs,
          passages: [],
        });
    }
  }

  private fillTitles(documents: DocumentHits[]): void {
    if (documents.length === 0) return;
    const titles = new Map(
      this.db
        .prepare<[string], [string, string]>(
          'SELECT id, title FROM documents WHERE id IN (SELECT value FROM json_each(?))',
        )
        .raw()
        .all(JSON.stringify(documents.map((document) => document.documentId))),
    );
    for (const document of documents) document.title = titles.get(document.documentId) ?? '';
  }

  /** The hits from start to start + size, in order: each document's annotations, then its text. */
  private page(ordered: DocumentHits[], start: number, size: number, parsed: ParsedQuery): SearchGroup[] {
    const picked: Array<{ document: DocumentHits; seqs: number[]; passages: Passage[] }> = [];
    let skip = start;
    let room = size;
    for (const document of ordered) {
      if (room === 0) break;
      const count = hitCount(document);
      if (skip >= count) {
        skip -= count;
        continue;
      }
      const seqs = document.annotations.slice(skip, skip + room);
      const fromText = Math.max(0, skip - document.annotations.length);
      const passages = document.passages.slice(fromText, fromText + room - seqs.length);
      picked.push({ document, seqs, passages });
      room -= seqs.length + passages.length;
      skip = 0;
    }
    const annotations = this.annotationRows(picked.flatMap((entry) => entry.seqs));
    const grades = this.evidence.gradesOf([...annotations.values()].map((row) => row.id));
    const regex = termRegex(parsed.terms);
    return picked.map(({ document, seqs, passages }) => {
      const pages = this.pageMapOf(document.documentId);
      const headings = this.headings.headingsOf(document.documentId);
      const placed = (hit: SearchHit): SearchHit => withSection(withPage(hit, pages), headings);
      return {
        documentId: document.documentId,
        title: document.title,
        total: hitCount(document),
        hits: [
          ...seqs.map((seq) => {
            const row = annotations.get(seq)!;
            return placed(withGrade(annotationHit(row, regex), grades.get(row.id)));
          }),
          ...passages.map((passage) => placed(textHit(document, passage))),
        ],
      };
    });
  }

  /** Where the document's pages begin, for "p. 3" on its hits; empty without pages. */
  private pageMapOf(documentId: string): PageMapEntry[] {
    const json = this.db
      .prepare<[string], string | null>(`SELECT json_extract(provenance_json, '$.pageMap') FROM documents WHERE id = ?`)
      .pluck()
      .get(documentId);
    return json ? (JSON.parse(json) as PageMapEntry[]) : [];
  }

  private annotationRows(seqs: number[]): Map<number, AnnotationPageRow> {
    if (seqs.length === 0) return new Map();
    const rows = this.db
      .prepare<[string], AnnotationPageRow>(
        `SELECT a.seq, a.id, a.start_offset, a.end_offset, a.exact, a.note_text, a.color, a.anchor_status,
           (SELECT group_concat(t.path, char(31)) FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = a.id) AS tags
         FROM annotations a WHERE a.seq IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(seqs));
    return new Map(rows.map((row) => [row.seq, row]));
  }
}

function annotationHit(row: AnnotationPageRow, regex: RegExp | null): SearchHit {
  const note = row.note_text ? ` — ${clipText(row.note_text, 160)}` : '';
  return {
    kind: 'annotation',
    annotationId: row.id,
    start: row.start_offset,
    end: row.end_offset,
    marks: row.anchor_status === 'orphan' ? [] : [{ start: row.start_offset, end: row.end_offset }],
    snippet: snippetParts(`${clipText(row.exact, 200)}${note}`, regex),
    color: row.color as HighlightColor,
    tags: row.tags ? row.tags.split('\u001f') : [],
    anchorStatus: row.anchor_status,
    ...(row.note_text ? { note: clipText(row.note_text, 300) } : {}),
  };
}

/** An annotation's hit with its grade, as its card's badge shows it. */
function withGrade(hit: SearchHit, grade: { reliability: string; credibility: string } | undefined): SearchHit {
  return grade ? { ...hit, grade } : hit;
}

/** The hit with the page(s) it lies on; an orphan's offsets point nowhere, and a title-only hit has no place. */
function withPage(hit: SearchHit, pageMap: readonly PageMapEntry[]): SearchHit {
  if (pageMap.length === 0 || hit.anchorStatus === 'orphan' || hit.marks.length === 0) return hit;
  const page = pageSpan(pageMap, hit.start, hit.end);
  return page ? { ...hit, page } : hit;
}

/**
 * A text hit inside a heading is named as one (its snippet, kept within its block, shows that heading
 * alone); any other hit that lies in the text says which section it falls under.
 */
function withSection(hit: SearchHit, headings: readonly HeadingSpan[]): SearchHit {
  if (headings.length === 0 || hit.anchorStatus === 'orphan' || hit.marks.length === 0) return hit;
  const { heading, section } = sectionPlace(headings, hit.start, hit.end);
  if (heading && hit.kind === 'text' && !hit.place) return { ...hit, place: 'heading' };
  return section ? { ...hit, section } : hit;
}

function textHit(document: DocumentHits, passage: Passage): SearchHit {
  if (passage.marks.length === 0)
    return {
      kind: 'text',
      place: 'title',
      start: 0,
      end: 0,
      marks: [],
      snippet: [{ text: clipText(document.title, 120), match: false }],
    };
  const source = snippetSource(document.title, document.text);
  // The title, and an image's description, show whole and alone; other text, the match within its own block.
  const { place } = snippetSpan(source, passage);
  return {
    kind: 'text',
    start: passage.start,
    end: passage.end,
    marks: passage.marks,
    ...(place ? { place } : {}),
    snippet: snippetOfPassage(source, passage),
  };
}
