// The documents table: inserting prepared documents, listing, reading and removing.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type {
  DocumentDetail,
  DocumentProvenance,
  DocumentSource,
  DocumentSummary,
  PageMapEntry,
  SourceType,
} from '../shared/model';
import type { ThreadMessage } from '../shared/email-threads';
import { threadMessages } from '../shared/email-threads';
import { threadsGathered } from '../shared/thread-order';
import { carryPageMap } from '../shared/page-map';
import { UserFacingError } from '../shared/result';
import type { PreparedDocument } from './import';
import { cachedStatement } from './store/statements';

interface DocumentRow {
  id: string;
  title: string;
  source_name: string;
  source_type: SourceType;
  byline: string;
  published_at: string;
  site_name: string;
  word_count: number;
  imported_at: string;
  updated_at: string;
  text_sha256: string;
  origin_name: string;
}

interface DocumentDetailRow extends DocumentRow {
  lexical_json: string;
  text_length: number;
  page_map: string | null;
}

const SUMMARY_COLUMNS =
  'id, title, source_name, source_type, byline, published_at, site_name, word_count, imported_at, updated_at, text_sha256, origin_name';

function toSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    title: row.title,
    sourceName: row.source_name,
    sourceType: row.source_type,
    byline: row.byline,
    publishedAt: row.published_at,
    siteName: row.site_name,
    wordCount: row.word_count,
    importedAt: row.imported_at,
    textUpdatedAt: row.updated_at,
    textVersion: row.text_sha256.slice(0, 7),
    originName: row.origin_name,
  };
}

/** A message's stored headers, only their string values (provenance may have come from outside). */
function stringFields(json: string): Record<string, string> {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null) return {};
  return Object.fromEntries(
    Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

export class DocumentRepository {
  constructor(private readonly db: Database) {}

  /** Inserts a document unless one with the same source bytes exists; returns which. */
  insert(prepared: PreparedDocument, now: Date = new Date()): { document: DocumentSummary; created: boolean } {
    return this.insertWithId(randomUUID(), prepared, now);
  }

  /** Inserts under a given id (a document arriving in a bundle keeps its sender's id). */
  insertWithId(
    id: string,
    prepared: PreparedDocument,
    now: Date = new Date(),
    origin?: { name: string; fingerprint: string },
  ): { document: DocumentSummary; created: boolean } {
    return this.db
      .transaction(() => {
        const existing = cachedStatement<[string], DocumentRow>(
          this.db,
          `SELECT ${SUMMARY_COLUMNS} FROM documents WHERE source_sha256 = ?`,
        ).get(prepared.sourceSha256);
        if (existing) return { document: toSummary(existing), created: false };
        const timestamp = now.toISOString();
        const { provenance, attachments, notes: _notes, ...columns } = prepared;
        cachedStatement(
          this.db,
          `INSERT INTO documents (id, title, source_name, source_type, source_bytes, source_sha256, lexical_json,
               canonical_text, text_sha256, byline, published_at, site_name, word_count, imported_at, updated_at, origin_name,
               origin_fingerprint, provenance_json)
             VALUES (@id, @title, @sourceName, @sourceType, @sourceBytes, @sourceSha256, @lexicalJson,
               @canonicalText, @textSha256, @byline, @publishedAt, @siteName, @wordCount, @timestamp, @timestamp, @originName,
               @originFingerprint, @provenanceJson)`,
        ).run({
          ...columns,
          id,
          timestamp,
          originName: origin?.name ?? '',
          originFingerprint: origin?.fingerprint ?? '',
          provenanceJson: JSON.stringify(provenance ?? {}),
        });
        this.insertAttachments(id, attachments ?? []);
        return { document: this.summary(id), created: true };
      })
      .immediate();
  }

  private insertAttachments(documentId: string, attachments: NonNullable<PreparedDocument['attachments']>): void {
    const insert = cachedStatement(
      this.db,
      `INSERT INTO document_attachments (document_id, idx, file_name, mime_type, size, sha256, bytes)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    attachments.forEach((file, index) =>
      insert.run(
        documentId,
        index,
        file.fileName,
        file.mimeType,
        file.bytes.length,
        file.sha256,
        Buffer.from(file.bytes),
      ),
    );
  }

  /** Where a document's original came from, for the Source panel; null provenance for one imported before it was kept. */
  source(id: string): DocumentSource {
    const row = cachedStatement<[string], { provenance_json: string; origin_name: string; origin_fingerprint: string }>(
      this.db,
      'SELECT provenance_json, origin_name, origin_fingerprint FROM documents WHERE id = ?',
    ).get(id);
    if (!row) throw new UserFacingError('NOT_FOUND', `No document with id ${id} is in the library.`);
    const stored = JSON.parse(row.provenance_json) as DocumentProvenance | Record<string, never>;
    const provenance = 'sha256' in stored ? (stored as DocumentProvenance) : null;
    const importedAttachments = (provenance?.attachments ?? []).flatMap(({ index, sha256 }) => {
      const documentId = this.idWithSource(sha256);
      return documentId === undefined ? [] : [{ index, documentId }];
    });
    const attachedTo = provenance ? this.messagesCarrying(id, provenance) : [];
    return {
      id,
      provenance,
      ...(importedAttachments.length > 0 ? { importedAttachments } : {}),
      ...(attachedTo.length > 0 ? { attachedTo } : {}),
      ...(row.origin_fingerprint !== '' || row.origin_name !== ''
        ? { bundle: { signerName: row.origin_name, fingerprint: row.origin_fingerprint } }
        : {}),
    };
  }

  /**
   * The messages that carried these same bytes as an attachment, besides the one the document
   * was imported from: a file imported before (or after) the e-mail it came in is linked to it.
   */
  private messagesCarrying(id: string, provenance: DocumentProvenance): NonNullable<DocumentSource['attachedTo']> {
    const from = provenance.origin.kind === 'attachment' ? provenance.origin.documentId : '';
    return cachedStatement<[string, string, string], { documentId: string; attachmentName: string }>(
      this.db,
      `SELECT document_id AS documentId, file_name AS attachmentName FROM document_attachments
         WHERE sha256 = ? AND document_id <> ? AND document_id <> ? ORDER BY document_id, idx`,
    ).all(provenance.sha256, id, from);
  }

  /** A file a message carried: its name, type and bytes. */
  attachment(documentId: string, index: number): { fileName: string; mimeType: string; bytes: Buffer } {
    const row = cachedStatement<[string, number], { file_name: string; mime_type: string; bytes: Buffer }>(
      this.db,
      'SELECT file_name, mime_type, bytes FROM document_attachments WHERE document_id = ? AND idx = ?',
    ).get(documentId, index);
    if (!row) {
      this.summary(documentId);
      throw new UserFacingError(
        'NOT_FOUND',
        `Document ${documentId} has no attachment number ${index + 1}${this.attachmentsListed(documentId)}.`,
      );
    }
    return { fileName: row.file_name, mimeType: row.mime_type, bytes: row.bytes };
  }

  /** What a message does carry, for a refusal of a number it lacks: ": its attachments are 1 “a.pdf” and 2 “b.docx”". */
  private attachmentsListed(documentId: string): string {
    const names = cachedStatement<[string], { idx: number; file_name: string }>(
      this.db,
      'SELECT idx, file_name FROM document_attachments WHERE document_id = ? ORDER BY idx',
    )
      .all(documentId)
      .map((row) => `${row.idx + 1} “${row.file_name}”`);
    if (names.length === 0) return ': it carries no attachments';
    if (names.length === 1) return `: its only attachment is ${names[0]}`;
    return `: its attachments are ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  }

  /**
   * These documents in the order the library shows them, each once: newest import first, the
   * messages of one thread together and oldest first (see threadsGathered). The order of an
   * export of several, so that every host (the app's dialog, the CLI) puts them in the same
   * order however they were ticked or named, and a thread reads forwards. An id the library
   * lacks stays, at the end, so that asking for it fails as it would.
   */
  inListOrder(ids: readonly string[]): string[] {
    const wanted = new Set(ids);
    if (wanted.size < 2) return [...wanted];
    const listed = threadsGathered(this.list().filter((doc) => wanted.has(doc.id)))
      .flat()
      .map((doc) => doc.id);
    const known = new Set(listed);
    return [...listed, ...[...wanted].filter((id) => !known.has(id))];
  }

  /** Every document, newest first; e-mail messages carry their thread (one query: headers read only for messages). */
  list(): DocumentSummary[] {
    const rows = cachedStatement<[], DocumentRow & { mail_headers: string | null }>(
      this.db,
      `SELECT ${SUMMARY_COLUMNS},
          CASE WHEN source_type = 'eml' THEN json_extract(provenance_json, '$.headers') END AS mail_headers
         FROM documents ORDER BY imported_at DESC, seq DESC`,
    ).all();
    const messages: ThreadMessage[] = [];
    for (const row of rows) {
      if (row.mail_headers === null) continue;
      messages.push({
        id: row.id,
        headers: stringFields(row.mail_headers),
        date: row.published_at,
        fallbackDate: row.imported_at,
      });
    }
    const threads = threadMessages(messages);
    return rows.map((row) => {
      const thread = threads.get(row.id);
      return thread ? { ...toSummary(row), thread } : toSummary(row);
    });
  }

  summary(id: string): DocumentSummary {
    const row = cachedStatement<[string], DocumentRow>(
      this.db,
      `SELECT ${SUMMARY_COLUMNS} FROM documents WHERE id = ?`,
    ).get(id);
    if (!row) throw new UserFacingError('NOT_FOUND', `No document with id ${id} is in the library.`);
    return toSummary(row);
  }

  detail(id: string): DocumentDetail {
    const row = cachedStatement<[string], DocumentDetailRow>(
      this.db,
      `SELECT ${SUMMARY_COLUMNS}, lexical_json, length(canonical_text) AS text_length,
           json_extract(provenance_json, '$.pageMap') AS page_map
         FROM documents WHERE id = ?`,
    ).get(id);
    if (!row) throw new UserFacingError('NOT_FOUND', `No document with id ${id} is in the library.`);
    return {
      ...toSummary(row),
      lexicalJson: row.lexical_json,
      textSha256: row.text_sha256,
      textLength: row.text_length,
      pageMap: row.page_map ? (JSON.parse(row.page_map) as PageMapEntry[]) : [],
    };
  }

  /** Where each page begins in the text; empty for a document without pages (or imported before pages were kept). */
  pageMap(id: string): PageMapEntry[] {
    const row = cachedStatement<[string], { page_map: string | null }>(
      this.db,
      `SELECT json_extract(provenance_json, '$.pageMap') AS page_map FROM documents WHERE id = ?`,
    ).get(id);
    if (!row) throw new UserFacingError('NOT_FOUND', `No document with id ${id} is in the library.`);
    return row.page_map ? (JSON.parse(row.page_map) as PageMapEntry[]) : [];
  }

  canonicalText(id: string): string {
    const row = cachedStatement<[string], { canonical_text: string }>(
      this.db,
      'SELECT canonical_text FROM documents WHERE id = ?',
    ).get(id);
    if (!row) throw new UserFacingError('NOT_FOUND', `No document with id ${id} is in the library.`);
    return row.canonical_text;
  }

  textSha256(id: string): string {
    const row = cachedStatement<[string], { text_sha256: string }>(
      this.db,
      'SELECT text_sha256 FROM documents WHERE id = ?',
    ).get(id);
    if (!row) throw new UserFacingError('NOT_FOUND', `No document with id ${id} is in the library.`);
    return row.text_sha256;
  }

  sourceSha256(id: string): string {
    const row = cachedStatement<[string], { source_sha256: string }>(
      this.db,
      'SELECT source_sha256 FROM documents WHERE id = ?',
    ).get(id);
    if (!row) throw new UserFacingError('NOT_FOUND', `No document with id ${id} is in the library.`);
    return row.source_sha256;
  }

  sourceBytes(id: string): Buffer {
    const row = cachedStatement<[string], { source_bytes: Buffer }>(
      this.db,
      'SELECT source_bytes FROM documents WHERE id = ?',
    ).get(id);
    if (!row) throw new UserFacingError('NOT_FOUND', `No document with id ${id} is in the library.`);
    return row.source_bytes;
  }

  /** Replaces a document's text (and, from a file, its source); returns the new detail. */
  replaceContent(
    id: string,
    content: { lexicalJson: string; canonicalText: string; textSha256: string; wordCount: number },
    source?: {
      title: string;
      sourceName: string;
      sourceType: SourceType;
      sourceBytes: Buffer;
      sourceSha256: string;
      byline: string;
      publishedAt: string;
      siteName: string;
      provenance?: DocumentProvenance;
      attachments?: PreparedDocument['attachments'];
    },
  ): void {
    const now = new Date().toISOString();
    if (source) {
      // A new version of the file brings its own provenance (pages, headers) and carried files.
      const { provenance, attachments, ...columns } = source;
      const result = cachedStatement(
        this.db,
        `UPDATE documents SET lexical_json = @lexicalJson, canonical_text = @canonicalText, text_sha256 = @textSha256,
             word_count = @wordCount, title = @title, source_name = @sourceName, source_type = @sourceType,
             source_bytes = @sourceBytes, source_sha256 = @sourceSha256, byline = @byline, published_at = @publishedAt,
             site_name = @siteName, provenance_json = @provenanceJson, updated_at = @now WHERE id = @id`,
      ).run({ ...content, ...columns, provenanceJson: JSON.stringify(provenance ?? {}), now, id });
      if (result.changes === 0) throw new UserFacingError('NOT_FOUND', `No document with id ${id} is in the library.`);
      cachedStatement(this.db, 'DELETE FROM document_attachments WHERE document_id = ?').run(id);
      this.insertAttachments(id, attachments ?? []);
      return;
    }
    this.carryPages(id, content.canonicalText);
    const result = cachedStatement(
      this.db,
      `UPDATE documents SET lexical_json = @lexicalJson, canonical_text = @canonicalText, text_sha256 = @textSha256,
               word_count = @wordCount, updated_at = @now WHERE id = @id`,
    ).run({ ...content, now, id });
    if (result.changes === 0) throw new UserFacingError('NOT_FOUND', `No document with id ${id} is in the library.`);
  }

  /** After an edit of the text, each page start follows the text it began at (Edit text keeps "p. 12" right). */
  private carryPages(id: string, newText: string): void {
    const pageMap = this.pageMapIfAny(id);
    if (pageMap.length === 0) return;
    const carried = carryPageMap(pageMap, this.canonicalText(id), newText);
    cachedStatement(
      this.db,
      `UPDATE documents SET provenance_json = json_set(provenance_json, '$.pageMap', json(?)) WHERE id = ?`,
    ).run(JSON.stringify(carried), id);
  }

  private pageMapIfAny(id: string): PageMapEntry[] {
    return this.exists(id) ? this.pageMap(id) : [];
  }

  exists(id: string): boolean {
    return cachedStatement(this.db, 'SELECT 1 FROM documents WHERE id = ?').get(id) !== undefined;
  }

  idWithText(textSha256: string): string | undefined {
    return cachedStatement<[string], { id: string }>(
      this.db,
      'SELECT id FROM documents WHERE text_sha256 = ? ORDER BY seq LIMIT 1',
    ).get(textSha256)?.id;
  }

  /**
   * Stored messages (.eml documents, also an .mbox's) whose Message-ID header is one of these,
   * with their original bytes: one pass over the table for a whole import, however many messages it brings.
   */
  messagesWithIds(messageIds: readonly string[]): Array<{ id: string; messageId: string; sourceBytes: Buffer }> {
    if (messageIds.length === 0) return [];
    return cachedStatement<[string], { id: string; message_id: string; source_bytes: Buffer }>(
      this.db,
      `SELECT id, message_id, source_bytes FROM (
           SELECT id, source_bytes, json_extract(provenance_json, '$.headers."Message-ID"') AS message_id
             FROM documents WHERE source_type = 'eml')
         WHERE message_id IN (SELECT value FROM json_each(?))`,
    )
      .all(JSON.stringify(messageIds))
      .map((row) => ({ id: row.id, messageId: row.message_id, sourceBytes: row.source_bytes }));
  }

  idWithSource(sourceSha256: string): string | undefined {
    return cachedStatement<[string], { id: string }>(this.db, 'SELECT id FROM documents WHERE source_sha256 = ?').get(
      sourceSha256,
    )?.id;
  }

  remove(id: string): void {
    const result = cachedStatement(this.db, 'DELETE FROM documents WHERE id = ?').run(id);
    if (result.changes === 0) throw new UserFacingError('NOT_FOUND', `No document with id ${id} is in the library.`);
  }

  count(): number {
    return (cachedStatement(this.db, 'SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  }
}
