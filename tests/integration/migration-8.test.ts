import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { databasePathIn } from '../../src/core/paths';
import { openDatabase } from '../../src/core/store/database';
import { LATEST_SCHEMA_VERSION, schemaVersionOf } from '../../src/core/store/migrations';
import type { SearchResults } from '../../src/shared/search-results';
import { makeTempDir } from '../support/temp';

// Migration 8 rebuilds the documents table (SQLite cannot widen a CHECK). A library made at
// version 7, with documents, annotations, tags, replies and its search index, must come
// through whole: same rows, search still finding text, removals still cascading.

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const NOW = '2026-01-01T00:00:00.000Z';

function insertDocumentV7(db: ReturnType<typeof openDatabase>, id: string, title: string, text: string): void {
  db.prepare(
    `INSERT INTO documents (id, title, source_name, source_type, source_bytes, source_sha256, lexical_json,
       canonical_text, text_sha256, word_count, imported_at, updated_at, origin_name)
     VALUES (?, ?, ?, 'txt', ?, ?, '{}', ?, ?, 3, ?, ?, 'Ben')`,
  ).run(id, title, `${id}.txt`, Buffer.from(text), `src-${id}`, text, `txt-${id}`, NOW, NOW);
}

function insertAnnotationV7(db: ReturnType<typeof openDatabase>, id: string, documentId: string, exact: string): void {
  db.prepare(
    `INSERT INTO annotations (id, document_id, kind, start_offset, end_offset, exact, prefix, suffix, text_sha256,
       anchor_status, anchor_score, color, note_json, note_text, note_markdown, author_id, author_name, created_at, updated_at)
     VALUES (?, ?, 'highlight', 0, ?, ?, '', '', 'x', 'exact', 1, 'yellow', '', 'a note', 'a note', 'me', 'Ada', ?, ?)`,
  ).run(id, documentId, exact.length, exact, NOW, NOW);
}

/** A library at version 7: two documents, annotations with a tag, a reply and a sync conflict. */
function makeVersion7Library(dataDir: string): void {
  const db = openDatabase(databasePathIn(dataDir), { targetVersion: 7 });
  insertDocumentV7(db, 'd1', 'Harbour report', 'Fishing boats left the harbour at dawn.');
  insertDocumentV7(db, 'd2', 'Desert notes', 'The caravan crossed the dunes.');
  insertAnnotationV7(db, 'a1', 'd1', 'Fishing');
  insertAnnotationV7(db, 'a2', 'd2', 'The caravan');
  db.prepare(`INSERT INTO tags (id, path, created_at, updated_at) VALUES ('t1', 'Places', ?, ?)`).run(NOW, NOW);
  db.prepare(`INSERT INTO annotation_tags (annotation_id, tag_id) VALUES ('a1', 't1'), ('a2', 't1')`).run();
  db.prepare(
    `INSERT INTO replies (id, annotation_id, document_id, body_markdown, body_text, author_id, author_name, created_at, updated_at)
     VALUES ('r1', 'a2', 'd2', 'yes', 'yes', 'me', 'Ada', ?, ?)`,
  ).run(NOW, NOW);
  db.prepare(
    `INSERT INTO sync_conflicts (id, document_id, annotation_id, theirs_json, file, created_at) VALUES ('c1', 'd2', 'a2', '{}', 'f', ?)`,
  ).run(NOW);
  expect(schemaVersionOf(db)).toBe(7);
  db.close();
}

/** The ids of the documents whose text a search finds. */
async function documentsFound(core: MarginaliaCore, query: string): Promise<string[]> {
  const result = await core.call('search', { query });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as SearchResults).groups.map((group) => group.documentId);
}

describe('migration 8 on a library made at version 7', () => {
  it('keeps every document, annotation and tag, and search still finds document text', async () => {
    makeVersion7Library(temp.path);
    const core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
    try {
      expect(schemaVersionOf(core.db)).toBe(LATEST_SCHEMA_VERSION);
      expect(core.documents.list().map((document) => [document.id, document.title, document.originName])).toEqual([
        ['d2', 'Desert notes', 'Ben'],
        ['d1', 'Harbour report', 'Ben'],
      ]);
      expect(core.documents.canonicalText('d1')).toBe('Fishing boats left the harbour at dawn.');
      expect(core.annotations.list('d1').map((annotation) => annotation.id)).toEqual(['a1']);
      expect(await documentsFound(core, 'harbour')).toEqual(['d1']);
      expect(
        core.db.prepare(`INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')`).run(),
      ).toBeTruthy();
    } finally {
      core.close();
    }
  });

  it('lets a pdf be stored, keeps the index in step with new rows, and removing a document still removes what points at it', async () => {
    makeVersion7Library(temp.path);
    const core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
    try {
      core.db
        .prepare(
          `INSERT INTO documents (id, title, source_name, source_type, source_bytes, source_sha256, lexical_json,
             canonical_text, text_sha256, word_count, imported_at, updated_at)
           VALUES ('d3', 'Scanned', 'scan.pdf', 'pdf', x'25', 'pdf-sha', '{}', 'lighthouse keepers', 't3', 2, ?, ?)`,
        )
        .run(NOW, NOW);
      expect(await documentsFound(core, 'lighthouse')).toEqual(['d3']);
      expect(() => core.db.prepare(`UPDATE documents SET source_type = 'exe' WHERE id = 'd3'`).run()).toThrow(
        /CHECK constraint/,
      );
      core.documents.remove('d2');
      const count = (table: string) =>
        (core.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE document_id = 'd2'`).get() as { n: number }).n;
      expect([count('annotations'), count('replies'), count('sync_conflicts')]).toEqual([0, 0, 0]);
      expect(await documentsFound(core, 'caravan')).toEqual([]);
      expect(core.db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(core.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('gives every existing document an empty provenance', () => {
    makeVersion7Library(temp.path);
    const db = openDatabase(databasePathIn(temp.path));
    expect(db.prepare('SELECT DISTINCT provenance_json FROM documents').all()).toEqual([{ provenance_json: '{}' }]);
    db.close();
  });
});
