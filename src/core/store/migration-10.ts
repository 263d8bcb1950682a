// Migration 10's schema, frozen as released: the tables of the evidence features (issue 17).
// Never edit once released; a later change is a new migration.
import type { Database } from 'better-sqlite3';

/**
 * Every item carries its author and times (bundles and sync merge them). Rows that point at
 * an annotation or a document go with it (ON DELETE CASCADE): a deleted annotation takes its
 * grade, its links and its places as evidence with it, and a claim keeps its other evidence.
 */
const EVIDENCE_TABLES_V10 = `
  -- The library's grading scheme; no row means the Admiralty system.
  CREATE TABLE evidence_scheme (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    scheme_json TEXT NOT NULL,
    author_id TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE evidence_sources (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('outlet', 'official', 'person', 'group', 'document', 'other')),
    reliability TEXT NOT NULL DEFAULT '',
    reliability_reason TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    author_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX evidence_sources_by_name ON evidence_sources (name COLLATE NOCASE);

  -- A document's default sources (its outlet), in the order given.
  CREATE TABLE document_sources (
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    source_id TEXT NOT NULL REFERENCES evidence_sources (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    author_id TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (document_id, source_id)
  ) WITHOUT ROWID;
  CREATE INDEX document_sources_by_source ON document_sources (source_id);

  -- An annotation's credibility; its own sources are in annotation_grade_sources.
  CREATE TABLE annotation_grades (
    annotation_id TEXT PRIMARY KEY NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    credibility TEXT NOT NULL DEFAULT '',
    author_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX annotation_grades_by_document ON annotation_grades (document_id);

  CREATE TABLE annotation_grade_sources (
    annotation_id TEXT NOT NULL REFERENCES annotation_grades (annotation_id) ON DELETE CASCADE,
    source_id TEXT NOT NULL REFERENCES evidence_sources (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (annotation_id, source_id)
  ) WITHOUT ROWID;
  CREATE INDEX annotation_grade_sources_by_source ON annotation_grade_sources (source_id);

  -- "from repeats to": from is derived from to. One link per pair and kind, never to itself.
  CREATE TABLE annotation_links (
    id TEXT PRIMARY KEY NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('supports', 'contradicts', 'same-event', 'cites', 'repeats')),
    from_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
    to_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
    author_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (from_id <> to_id),
    UNIQUE (from_id, to_id, kind)
  );
  CREATE INDEX annotation_links_by_to ON annotation_links (to_id);

  CREATE TABLE claims (
    id TEXT PRIMARY KEY NOT NULL,
    statement TEXT NOT NULL,
    author_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE claim_evidence (
    claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    annotation_id TEXT NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
    stance TEXT NOT NULL CHECK (stance IN ('supports', 'contradicts', 'context')),
    position INTEGER NOT NULL,
    author_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (claim_id, annotation_id)
  ) WITHOUT ROWID;
  CREATE INDEX claim_evidence_by_annotation ON claim_evidence (annotation_id);

  CREATE TABLE ach_analyses (
    id TEXT PRIMARY KEY NOT NULL,
    question TEXT NOT NULL,
    author_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE ach_hypotheses (
    id TEXT PRIMARY KEY NOT NULL,
    analysis_id TEXT NOT NULL REFERENCES ach_analyses (id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    position INTEGER NOT NULL,
    author_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX ach_hypotheses_by_analysis ON ach_hypotheses (analysis_id, position);

  -- A row is a claim or an annotation (every column NOT NULL, so no pair of nullable
  -- foreign keys): triggers remove the row when its evidence goes.
  CREATE TABLE ach_rows (
    id TEXT PRIMARY KEY NOT NULL,
    analysis_id TEXT NOT NULL REFERENCES ach_analyses (id) ON DELETE CASCADE,
    evidence_kind TEXT NOT NULL CHECK (evidence_kind IN ('claim', 'annotation')),
    evidence_id TEXT NOT NULL,
    relevance TEXT NOT NULL CHECK (relevance IN ('low', 'medium', 'high')),
    position INTEGER NOT NULL,
    author_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (analysis_id, evidence_kind, evidence_id)
  );
  CREATE INDEX ach_rows_by_analysis ON ach_rows (analysis_id, position);
  CREATE INDEX ach_rows_by_evidence ON ach_rows (evidence_kind, evidence_id);
  CREATE TRIGGER ach_rows_of_deleted_annotation AFTER DELETE ON annotations BEGIN
    DELETE FROM ach_rows WHERE evidence_kind = 'annotation' AND evidence_id = old.id;
  END;
  CREATE TRIGGER ach_rows_of_deleted_claim AFTER DELETE ON claims BEGIN
    DELETE FROM ach_rows WHERE evidence_kind = 'claim' AND evidence_id = old.id;
  END;

  -- Each analyst's rating of a row against a hypothesis: several analysts' cells coexist.
  CREATE TABLE ach_cells (
    analysis_id TEXT NOT NULL REFERENCES ach_analyses (id) ON DELETE CASCADE,
    row_id TEXT NOT NULL REFERENCES ach_rows (id) ON DELETE CASCADE,
    hypothesis_id TEXT NOT NULL REFERENCES ach_hypotheses (id) ON DELETE CASCADE,
    author_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('CC', 'C', 'N', 'I', 'II', 'NA')),
    note TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (row_id, hypothesis_id, author_id)
  ) WITHOUT ROWID;
  CREATE INDEX ach_cells_by_analysis ON ach_cells (analysis_id);
  CREATE INDEX ach_cells_by_hypothesis ON ach_cells (hypothesis_id);
`;

export function createEvidenceTablesV10(db: Database): void {
  db.exec(EVIDENCE_TABLES_V10);
}
