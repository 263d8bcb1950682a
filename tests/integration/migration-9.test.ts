import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { databasePathIn } from '../../src/core/paths';
import { openDatabase } from '../../src/core/store/database';
import { LATEST_SCHEMA_VERSION, schemaVersionOf } from '../../src/core/store/migrations';
import type { DocumentSource } from '../../src/shared/model';
import type { SearchResults } from '../../src/shared/search-results';
import { makeTempDir } from '../support/temp';

// Migration 9 rebuilds the documents table again so a scanned image ('image') can be stored.
// A library made at version 8, with a PDF and its provenance, annotations, a tag, a reply, an
// attachment and its search index, must come through whole.

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const NOW = '2026-01-01T00:00:00.000Z';
const PROVENANCE = JSON.stringify({
  fileName: 'harbour.pdf',
  sourceType: 'pdf',
  mimeType: 'application/pdf',
  size: 1,
  sha256: 'src-d1',
  origin: { kind: 'upload' },
  importedAt: NOW,
  importer: 'pdfjs-dist 5.4',
  pageCount: 2,
  pageMap: [{ start: 0, number: 1 }],
});

type Db = ReturnType<typeof openDatabase>;

function insertDocumentV8(db: Db, id: string, type: string, title: string, text: string, provenance = '{}'): void {
  db.prepare(
    `INSERT INTO documents (id, title, source_name, source_type, source_bytes, source_sha256, lexical_json,
       canonical_text, text_sha256, word_count, imported_at, updated_at, origin_name, provenance_json)
     VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?, 3, ?, ?, '', ?)`,
  ).run(id, title, `${id}.${type}`, type, Buffer.from(text), `src-${id}`, text, `txt-${id}`, NOW, NOW, provenance);
}

function insertAnnotationV8(db: Db, id: string, documentId: string, exact: string): void {
  db.prepare(
    `INSERT INTO annotations (id, document_id, kind, start_offset, end_offset, exact, prefix, suffix, text_sha256,
       anchor_status, anchor_score, color, note_json, note_text, note_markdown, author_id, author_name, created_at, updated_at)
     VALUES (?, ?, 'highlight', 0, ?, ?, '', '', 'x', 'exact', 1, 'yellow', '', 'a note', 'a note', 'me', 'Ada', ?, ?)`,
  ).run(id, documentId, exact.length, exact, NOW, NOW);
}

/** A library at version 8: a PDF with provenance and an attachment, a text document, annotations, a tag and a reply. */
function makeVersion8Library(dataDir: string): void {
  const db = openDatabase(databasePathIn(dataDir), { targetVersion: 8 });
  insertDocumentV8(db, 'd1', 'pdf', 'Harbour report', 'Fishing boats left the harbour at dawn.', PROVENANCE);
  insertDocumentV8(db, 'd2', 'txt', 'Desert notes', 'The caravan crossed the dunes.');
  insertAnnotationV8(db, 'a1', 'd1', 'Fishing');
  insertAnnotationV8(db, 'a2', 'd2', 'The caravan');
  db.prepare(`INSERT INTO tags (id, path, created_at, updated_at) VALUES ('t1', 'Places', ?, ?)`).run(NOW, NOW);
  db.prepare(`INSERT INTO annotation_tags (annotation_id, tag_id) VALUES ('a1', 't1'), ('a2', 't1')`).run();
  db.prepare(
    `INSERT INTO replies (id, annotation_id, document_id, body_markdown, body_text, author_id, author_name, created_at, updated_at)
     VALUES ('r1', 'a1', 'd1', 'yes', 'yes', 'me', 'Ada', ?, ?)`,
  ).run(NOW, NOW);
  db.prepare(
    `INSERT INTO document_attachments (document_id, idx, file_name, mime_type, size, sha256, bytes)
     VALUES ('d1', 0, 'map.png', 'image/png', 1, 'att', x'89')`,
  ).run();
  expect(schemaVersionOf(db)).toBe(8);
  db.close();
}

async function documentsFound(core: MarginaliaCore, query: string): Promise<string[]> {
  const result = await core.call('search', { query });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as SearchResults).groups.map((group) => group.documentId);
}

describe('migration 9 on a library made at version 8', () => {
  it('keeps every document with its provenance, annotations, tags, replies, attachments and search', async () => {
    makeVersion8Library(temp.path);
    const core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
    try {
      expect(schemaVersionOf(core.db)).toBe(LATEST_SCHEMA_VERSION);
      expect(core.documents.list().map((document) => [document.id, document.sourceType])).toEqual([
        ['d2', 'txt'],
        ['d1', 'pdf'],
      ]);
      const source = await core.call('getDocumentSource', { id: 'd1' });
      if (!source.ok) throw new Error(source.error.message);
      expect((source.value as DocumentSource).provenance).toEqual(JSON.parse(PROVENANCE));
      expect(core.annotations.list('d1').map((annotation) => [annotation.id, annotation.target?.quote.exact])).toEqual([
        ['a1', 'Fishing'],
      ]);
      expect(core.annotations.list('d2').map((annotation) => annotation.id)).toEqual(['a2']);
      const tagged = core.db.prepare(`SELECT count(*) AS n FROM annotation_tags WHERE tag_id = 't1'`).get();
      expect(tagged).toEqual({ n: 2 });
      expect(core.db.prepare(`SELECT id FROM replies`).all()).toEqual([{ id: 'r1' }]);
      expect(core.documents.attachment('d1', 0).fileName).toBe('map.png');
      expect(await documentsFound(core, 'harbour')).toEqual(['d1']);
      expect(
        core.db.prepare(`INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')`).run(),
      ).toBeTruthy();
    } finally {
      core.close();
    }
  });

  it('lets an image be stored, still refuses unknown types, and removing a document removes what points at it', async () => {
    makeVersion8Library(temp.path);
    const core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
    try {
      core.db
        .prepare(
          `INSERT INTO documents (id, title, source_name, source_type, source_bytes, source_sha256, lexical_json,
             canonical_text, text_sha256, word_count, imported_at, updated_at)
           VALUES ('d3', 'Scan', 'scan.png', 'image', x'89', 'png-sha', '{}', 'lighthouse keepers', 't3', 2, ?, ?)`,
        )
        .run(NOW, NOW);
      expect(await documentsFound(core, 'lighthouse')).toEqual(['d3']);
      expect(() => core.db.prepare(`UPDATE documents SET source_type = 'exe' WHERE id = 'd3'`).run()).toThrow(
        /CHECK constraint/,
      );
      core.documents.remove('d1');
      const count = (table: string) =>
        (core.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE document_id = 'd1'`).get() as { n: number }).n;
      expect([count('annotations'), count('replies'), count('document_attachments')]).toEqual([0, 0, 0]);
      expect(await documentsFound(core, 'harbour')).toEqual([]);
      expect(core.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(core.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      core.close();
    }
  });
});
