import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { databasePathIn } from '../../src/core/paths';
import { openDatabase } from '../../src/core/store/database';
import { LATEST_SCHEMA_VERSION, schemaVersionOf } from '../../src/core/store/migrations';
import { makeTempDir } from '../support/temp';

// Migration 10 adds the evidence tables (issue 17). A library made at version 9 must come
// through whole, and the new rows must go with the annotation or document they point at.

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const NOW = '2026-01-01T00:00:00.000Z';
type Db = ReturnType<typeof openDatabase>;

function insertDocumentV9(db: Db, id: string, title: string, text: string): void {
  db.prepare(
    `INSERT INTO documents (id, title, source_name, source_type, source_bytes, source_sha256, lexical_json,
       canonical_text, text_sha256, word_count, imported_at, updated_at, origin_name, provenance_json)
     VALUES (?, ?, ?, 'txt', ?, ?, '{}', ?, ?, 3, ?, ?, '', '{}')`,
  ).run(id, title, `${id}.txt`, Buffer.from(text), `src-${id}`, text, `txt-${id}`, NOW, NOW);
}

function insertAnnotationV9(db: Db, id: string, documentId: string, exact: string): void {
  db.prepare(
    `INSERT INTO annotations (id, document_id, kind, start_offset, end_offset, exact, prefix, suffix, text_sha256,
       anchor_status, anchor_score, color, note_json, note_text, note_markdown, author_id, author_name, created_at, updated_at)
     VALUES (?, ?, 'highlight', 0, ?, ?, '', '', 'x', 'exact', 1, 'yellow', '', '', '', 'me', 'Ada', ?, ?)`,
  ).run(id, documentId, exact.length, exact, NOW, NOW);
}

function makeVersion9Library(dataDir: string): void {
  const db = openDatabase(databasePathIn(dataDir), { targetVersion: 9 });
  insertDocumentV9(db, 'd1', 'Harbour report', 'Fishing boats left the harbour at dawn.');
  insertDocumentV9(db, 'd2', 'Desert notes', 'The caravan crossed the dunes.');
  insertAnnotationV9(db, 'a1', 'd1', 'Fishing');
  insertAnnotationV9(db, 'a2', 'd2', 'The caravan');
  insertAnnotationV9(db, 'a3', 'd2', 'dunes');
  expect(schemaVersionOf(db)).toBe(9);
  db.close();
}

/** Grades, links, a claim and an analysis row over the version 9 library's annotations. */
function addEvidence(core: MarginaliaCore): void {
  const run = (sql: string) => core.db.prepare(sql).run();
  run(
    `INSERT INTO evidence_sources (id, name, kind, author_id, created_at, updated_at) VALUES ('s1', 'Harbour Radio', 'outlet', 'me', '${NOW}', '${NOW}')`,
  );
  run(
    `INSERT INTO document_sources (document_id, source_id, position, author_id, updated_at) VALUES ('d1', 's1', 0, 'me', '${NOW}')`,
  );
  for (const id of ['a1', 'a2'])
    run(`INSERT INTO annotation_grades (annotation_id, document_id, credibility, author_id, created_at, updated_at)
         SELECT id, document_id, '2', 'me', '${NOW}', '${NOW}' FROM annotations WHERE id = '${id}'`);
  run(`INSERT INTO annotation_grade_sources (annotation_id, source_id, position) VALUES ('a2', 's1', 0)`);
  run(
    `INSERT INTO annotation_links (id, kind, from_id, to_id, author_id, created_at, updated_at) VALUES ('l1', 'repeats', 'a2', 'a1', 'me', '${NOW}', '${NOW}')`,
  );
  run(
    `INSERT INTO claims (id, statement, author_id, created_at, updated_at) VALUES ('c1', 'Boats left', 'me', '${NOW}', '${NOW}')`,
  );
  for (const [index, id] of ['a1', 'a2', 'a3'].entries())
    run(`INSERT INTO claim_evidence (claim_id, annotation_id, stance, position, author_id, created_at, updated_at)
         VALUES ('c1', '${id}', 'supports', ${index}, 'me', '${NOW}', '${NOW}')`);
  run(
    `INSERT INTO ach_analyses (id, question, author_id, created_at, updated_at) VALUES ('q1', 'Why?', 'me', '${NOW}', '${NOW}')`,
  );
  run(
    `INSERT INTO ach_hypotheses (id, analysis_id, label, position, author_id, created_at, updated_at) VALUES ('h1', 'q1', 'Weather', 0, 'me', '${NOW}', '${NOW}')`,
  );
  run(
    `INSERT INTO ach_rows (id, analysis_id, evidence_kind, evidence_id, relevance, position, author_id, created_at, updated_at) VALUES ('r1', 'q1', 'annotation', 'a1', 'high', 0, 'me', '${NOW}', '${NOW}')`,
  );
  run(
    `INSERT INTO ach_rows (id, analysis_id, evidence_kind, evidence_id, relevance, position, author_id, created_at, updated_at) VALUES ('r2', 'q1', 'claim', 'c1', 'low', 1, 'me', '${NOW}', '${NOW}')`,
  );
  for (const author of ['me', 'you'])
    run(
      `INSERT INTO ach_cells (analysis_id, row_id, hypothesis_id, author_id, author_name, rating, updated_at) VALUES ('q1', 'r1', 'h1', '${author}', '${author}', 'C', '${NOW}')`,
    );
}

const count = (core: MarginaliaCore, table: string): number =>
  (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('migration 10 on a library made at version 9', () => {
  it('keeps the documents and annotations and adds empty evidence tables', () => {
    makeVersion9Library(temp.path);
    const core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
    try {
      expect(schemaVersionOf(core.db)).toBe(LATEST_SCHEMA_VERSION);
      expect(
        core.documents
          .list()
          .map((document) => document.id)
          .sort(),
      ).toEqual(['d1', 'd2']);
      expect(core.annotations.list('d2').map((annotation) => annotation.id)).toEqual(['a2', 'a3']);
      for (const table of ['evidence_sources', 'annotation_grades', 'annotation_links', 'claims', 'ach_cells'])
        expect(count(core, table)).toBe(0);
    } finally {
      core.close();
    }
  });

  it('lets two analysts rate one cell, and removes grades, links and evidence with their annotation', () => {
    makeVersion9Library(temp.path);
    const core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
    try {
      addEvidence(core);
      expect(count(core, 'ach_cells')).toBe(2);
      core.annotations.store.deleteAnnotation('a1');
      expect(count(core, 'annotation_links')).toBe(0);
      expect(core.db.prepare(`SELECT annotation_id FROM annotation_grades`).all()).toEqual([{ annotation_id: 'a2' }]);
      expect(core.db.prepare(`SELECT annotation_id FROM claim_evidence ORDER BY position`).all()).toEqual([
        { annotation_id: 'a2' },
        { annotation_id: 'a3' },
      ]);
      expect(core.db.prepare(`SELECT id FROM ach_rows`).all()).toEqual([{ id: 'r2' }]);
      expect(count(core, 'ach_cells')).toBe(0);
      core.documents.remove('d2');
      expect([
        count(core, 'annotation_grades'),
        count(core, 'annotation_grade_sources'),
        count(core, 'claim_evidence'),
      ]).toEqual([0, 0, 0]);
      expect(count(core, 'claims')).toBe(1);
      core.db.prepare(`DELETE FROM claims`).run();
      expect(count(core, 'ach_rows')).toBe(0);
      core.documents.remove('d1');
      expect([count(core, 'document_sources'), count(core, 'evidence_sources')]).toEqual([0, 1]);
      expect(core.db.pragma('foreign_key_check')).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('refuses a link from an annotation to itself and a second identical link', () => {
    makeVersion9Library(temp.path);
    const core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
    try {
      const link = (id: string, from: string, to: string) =>
        core.db
          .prepare(
            `INSERT INTO annotation_links (id, kind, from_id, to_id, author_id, created_at, updated_at) VALUES (?, 'cites', ?, ?, 'me', ?, ?)`,
          )
          .run(id, from, to, NOW, NOW);
      expect(() => link('l1', 'a1', 'a1')).toThrow(/CHECK constraint/);
      link('l2', 'a1', 'a2');
      expect(() => link('l3', 'a1', 'a2')).toThrow(/UNIQUE constraint/);
    } finally {
      core.close();
    }
  });
});
