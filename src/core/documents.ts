// The documents table: inserting prepared documents, listing, reading and removing.
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { DocumentDetail, DocumentProvenance, DocumentSource, DocumentSummary, SourceType } from '../shared/model';
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
    return {
      id,
      provenance,
      ...(importedAttachments.length > 0 ? { importedAttachments } : {}),
      ...(row.origin_fingerprint !== '' || row.origin_name !== ''
        ? { bundle: { signerName: row.origin_name, fingerprint: row.origin_fingerprint } }
        : {}),
    };
  }

  /** A file a message carried: its name, type and bytes. */
  attachment(documentId: string, index: number): { fileName: string; mimeType: string; bytes: Buffer } {
    const row = cachedStatement<[string, number], { file_name: string; mime_type: string; bytes: Buffer }>(
      this.db,
      'SELECT file_name, mime_type, bytes FROM document_attachments WHERE document_id = ? AND idx = ?',
    ).get(documentId, index);
    if (!row) {
      this.summary(documentId);
      throw new UserFacingError('NOT_FOUND', `Document ${documentId} has no attachment number ${index + 1}.`);
    }
    return { fileName: row.file_name, mimeType: row.mime_type, bytes: row.bytes };
  }

  list(): DocumentSummary[] {
    return cachedStatement<[], DocumentRow>(
      this.db,
      `SELECT ${SUMMARY_COLUMNS} FROM documents ORDER BY imported_at DESC, seq DESC`,
    )
      .all()
      .map(toSummary);
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
      `SELECT ${SUMMARY_COLUMNS}, lexical_json, length(canonical_text) AS text_length
         FROM documents WHERE id = ?`,
    ).get(id);
    if (!row) throw new UserFacingError('NOT_FOUND', `No document with id ${id} is in the library.`);
    return {
      ...toSummary(row),
      lexicalJson: row.lexical_json,
      textSha256: row.text_sha256,
      textLength: row.text_length,
    };
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
      sourceBytes: Buffer;
      sourceSha256: string;
      byline: string;
      publishedAt: string;
      siteName: string;
    },
  ): void {
    const now = new Date().toISOString();
    const result = source
      ? cachedStatement(
          this.db,
          `UPDATE documents SET lexical_json = @lexicalJson, canonical_text = @canonicalText, text_sha256 = @textSha256,
               word_count = @wordCount, title = @title, source_name = @sourceName, source_bytes = @sourceBytes,
               source_sha256 = @sourceSha256, byline = @byline, published_at = @publishedAt, site_name = @siteName,
               updated_at = @now WHERE id = @id`,
        ).run({ ...content, ...source, now, id })
      : cachedStatement(
          this.db,
          `UPDATE documents SET lexical_json = @lexicalJson, canonical_text = @canonicalText, text_sha256 = @textSha256,
               word_count = @wordCount, updated_at = @now WHERE id = @id`,
        ).run({ ...content, now, id });
    if (result.changes === 0) throw new UserFacingError('NOT_FOUND', `No document with id ${id} is in the library.`);
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
