// The SQL of the grading scheme, sources, documents' default sources and annotation grades.
import type { Database } from 'better-sqlite3';
import type { SharedGrade } from '../../shared/bundle-evidence';
import type { AnnotationGrade, EvidenceSource, GradingScheme, SourceKind } from '../../shared/evidence';
import { ADMIRALTY_SCHEME } from '../../shared/evidence';
import { cachedStatement } from '../store/statements';
import { TombstoneRepository } from './tombstone-repository';

export interface SourceRow {
  id: string;
  name: string;
  kind: SourceKind;
  reliability: string;
  reliability_reason: string;
  notes: string;
  author_id: string;
  created_at: string;
  updated_at: string;
}

interface GradeRow {
  annotation_id: string;
  document_id: string;
  credibility: string;
  author_id: string;
  created_at: string;
  updated_at: string;
}

/** A removed grade, kept so the removal travels and no older copy brings the grade back (migration 11). */
export interface GradeTombstone {
  annotationId: string;
  documentId: string;
  authorId: string;
  deletedAt: string;
}

interface GradeTombstoneRow {
  annotation_id: string;
  document_id: string;
  author_id: string;
  deleted_at: string;
}

function toGradeTombstone(row: GradeTombstoneRow): GradeTombstone {
  return {
    annotationId: row.annotation_id,
    documentId: row.document_id,
    authorId: row.author_id,
    deletedAt: row.deleted_at,
  };
}

const GRADE_TOMBSTONE_COLUMNS = 'annotation_id, document_id, author_id, deleted_at';

const SOURCE_COLUMNS = 'id, name, kind, reliability, reliability_reason, notes, author_id, created_at, updated_at';

export function toSource(row: SourceRow): EvidenceSource {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    reliability: row.reliability,
    reliabilityReason: row.reliability_reason,
    notes: row.notes,
    authorId: row.author_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class GradingRepository {
  private readonly tombstones: TombstoneRepository;

  constructor(private readonly db: Database) {
    this.tombstones = new TombstoneRepository(db);
  }

  scheme(): GradingScheme {
    const json = cachedStatement<[], { scheme_json: string }>(
      this.db,
      'SELECT scheme_json FROM evidence_scheme WHERE id = 1',
    ).get()?.scheme_json;
    return json ? (JSON.parse(json) as GradingScheme) : ADMIRALTY_SCHEME;
  }

  saveScheme(scheme: GradingScheme, authorId: string, now: string): void {
    cachedStatement(
      this.db,
      `INSERT INTO evidence_scheme (id, scheme_json, author_id, updated_at) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET scheme_json = excluded.scheme_json, author_id = excluded.author_id, updated_at = excluded.updated_at`,
    ).run(JSON.stringify(scheme), authorId, now);
  }

  sources(): EvidenceSource[] {
    return cachedStatement<[], SourceRow>(
      this.db,
      `SELECT ${SOURCE_COLUMNS} FROM evidence_sources ORDER BY name COLLATE NOCASE, created_at`,
    )
      .all()
      .map(toSource);
  }

  source(id: string): SourceRow | undefined {
    return cachedStatement<[string], SourceRow>(
      this.db,
      `SELECT ${SOURCE_COLUMNS} FROM evidence_sources WHERE id = ?`,
    ).get(id);
  }

  sourceNamed(name: string): SourceRow | undefined {
    return cachedStatement<[string], SourceRow>(
      this.db,
      `SELECT ${SOURCE_COLUMNS} FROM evidence_sources WHERE name = ? COLLATE NOCASE`,
    ).get(name);
  }

  upsertSource(row: SourceRow): void {
    cachedStatement(
      this.db,
      `INSERT INTO evidence_sources (${SOURCE_COLUMNS})
         VALUES (@id, @name, @kind, @reliability, @reliability_reason, @notes, @author_id, @created_at, @updated_at)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, reliability = excluded.reliability,
           reliability_reason = excluded.reliability_reason, notes = excluded.notes, updated_at = excluded.updated_at`,
    ).run(row);
    this.tombstones.clear({ kind: 'sources', id: row.id });
  }

  /**
   * Deletes a source (the cascade takes it off documents and grades) and leaves a tombstone
   * under its author; returns the documents that named it.
   */
  deleteSource(id: string, deletedAt: string): string[] {
    const authorId = this.source(id)?.author_id;
    const documentIds = cachedStatement<[string, string], { document_id: string }>(
      this.db,
      `SELECT document_id FROM document_sources WHERE source_id = ?
         UNION SELECT g.document_id FROM annotation_grade_sources s JOIN annotation_grades g ON g.annotation_id = s.annotation_id
         WHERE s.source_id = ?`,
    )
      .all(id, id)
      .map((row) => row.document_id);
    cachedStatement(this.db, 'DELETE FROM evidence_sources WHERE id = ?').run(id);
    if (authorId !== undefined) this.tombstones.put({ kind: 'sources', id }, authorId, deletedAt);
    return documentIds;
  }

  documentSources(documentId: string): string[] {
    return cachedStatement<[string], { source_id: string }>(
      this.db,
      'SELECT source_id FROM document_sources WHERE document_id = ? ORDER BY position',
    )
      .all(documentId)
      .map((row) => row.source_id);
  }

  /** Sets a document's default sources; setting none deletes the list (a tombstone under the setter). */
  setDocumentSources(documentId: string, sourceIds: readonly string[], authorId: string, now: string): void {
    const removed = cachedStatement(this.db, 'DELETE FROM document_sources WHERE document_id = ?').run(documentId);
    const key = { kind: 'documentSources', id: documentId } as const;
    if (sourceIds.length > 0) this.tombstones.clear(key);
    else if (removed.changes > 0) this.tombstones.put(key, authorId, now);
    const insert = cachedStatement(
      this.db,
      'INSERT INTO document_sources (document_id, source_id, position, author_id, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    sourceIds.forEach((sourceId, index) => insert.run(documentId, sourceId, index, authorId, now));
  }

  /** Every document's default sources, for computing many claims at once. */
  allDocumentSources(): Map<string, string[]> {
    return groupPairs(
      cachedStatement<[], [string, string]>(
        this.db,
        'SELECT document_id, source_id FROM document_sources ORDER BY document_id, position',
      )
        .raw(true)
        .all(),
    );
  }

  /** Every annotation's own sources. */
  allGradeSources(): Map<string, string[]> {
    return groupPairs(
      cachedStatement<[], [string, string]>(
        this.db,
        'SELECT annotation_id, source_id FROM annotation_grade_sources ORDER BY annotation_id, position',
      )
        .raw(true)
        .all(),
    );
  }

  /** Every annotation's credibility ('' ones left out). */
  allCredibilities(): Map<string, string> {
    return new Map(
      cachedStatement<[], [string, string]>(
        this.db,
        "SELECT annotation_id, credibility FROM annotation_grades WHERE credibility <> ''",
      )
        .raw(true)
        .all(),
    );
  }

  grade(annotationId: string): AnnotationGrade | undefined {
    const row = cachedStatement<[string], GradeRow>(
      this.db,
      'SELECT annotation_id, document_id, credibility, author_id, created_at, updated_at FROM annotation_grades WHERE annotation_id = ?',
    ).get(annotationId);
    return row ? this.toGrade(row) : undefined;
  }

  grades(documentId: string): AnnotationGrade[] {
    return cachedStatement<[string], GradeRow>(
      this.db,
      `SELECT g.annotation_id, g.document_id, g.credibility, g.author_id, g.created_at, g.updated_at
         FROM annotation_grades g JOIN annotations a ON a.id = g.annotation_id
         WHERE g.document_id = ? ORDER BY a.start_offset, a.created_at`,
    )
      .all(documentId)
      .map((row) => this.toGrade(row));
  }

  /** A document's grades with their creation times, as they travel (its sidecar). */
  sharedGradesOf(documentId: string): SharedGrade[] {
    return cachedStatement<[string], GradeRow>(
      this.db,
      `SELECT annotation_id, document_id, credibility, author_id, created_at, updated_at FROM annotation_grades
         WHERE document_id = ? ORDER BY annotation_id`,
    )
      .all(documentId)
      .map((row) => ({
        annotationId: row.annotation_id,
        sourceIds: this.gradeSources(row.annotation_id),
        credibility: row.credibility,
        authorId: row.author_id,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      }));
  }

  private gradeSources(annotationId: string): string[] {
    return cachedStatement<[string], { source_id: string }>(
      this.db,
      'SELECT source_id FROM annotation_grade_sources WHERE annotation_id = ? ORDER BY position',
    )
      .all(annotationId)
      .map((row) => row.source_id);
  }

  private toGrade(row: GradeRow): AnnotationGrade {
    return {
      annotationId: row.annotation_id,
      documentId: row.document_id,
      sourceIds: this.gradeSources(row.annotation_id),
      credibility: row.credibility,
      authorId: row.author_id,
      updatedAt: row.updated_at,
    };
  }

  /** Writes a grade whole; a grade with no sources and no credibility is removed instead (leaving a tombstone). */
  putGrade(grade: AnnotationGrade, createdAt: string): void {
    if (grade.sourceIds.length === 0 && grade.credibility === '') {
      this.removeGrade(grade.annotationId, grade.authorId, grade.updatedAt);
      return;
    }
    cachedStatement(this.db, 'DELETE FROM annotation_grade_sources WHERE annotation_id = ?').run(grade.annotationId);
    // Graded again after a removal: the grade is back, its tombstone is no longer true.
    cachedStatement(this.db, 'DELETE FROM grade_tombstones WHERE annotation_id = ?').run(grade.annotationId);
    cachedStatement(
      this.db,
      `INSERT INTO annotation_grades (annotation_id, document_id, credibility, author_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (annotation_id) DO UPDATE SET credibility = excluded.credibility, author_id = excluded.author_id,
           updated_at = excluded.updated_at`,
    ).run(grade.annotationId, grade.documentId, grade.credibility, grade.authorId, createdAt, grade.updatedAt);
    const insert = cachedStatement(
      this.db,
      'INSERT INTO annotation_grade_sources (annotation_id, source_id, position) VALUES (?, ?, ?)',
    );
    grade.sourceIds.forEach((sourceId, index) => insert.run(grade.annotationId, sourceId, index));
  }

  /**
   * Removes an annotation's grade and records who removed it and when, so the removal
   * travels in sidecars and bundles; nothing is recorded when there was no grade.
   */
  removeGrade(annotationId: string, authorId: string, deletedAt: string): boolean {
    const row = cachedStatement<[string], { document_id: string }>(
      this.db,
      'SELECT document_id FROM annotation_grades WHERE annotation_id = ?',
    ).get(annotationId);
    if (!row) return false;
    cachedStatement(this.db, 'DELETE FROM annotation_grades WHERE annotation_id = ?').run(annotationId);
    this.recordGradeTombstone({ annotationId, documentId: row.document_id, authorId, deletedAt });
    return true;
  }

  /** Records a grade's removal made elsewhere (its annotation may not be here, or not graded here). */
  recordGradeTombstone(tombstone: GradeTombstone): void {
    cachedStatement(
      this.db,
      `INSERT INTO grade_tombstones (${GRADE_TOMBSTONE_COLUMNS}) VALUES (?, ?, ?, ?)
         ON CONFLICT (annotation_id) DO UPDATE SET author_id = excluded.author_id, deleted_at = excluded.deleted_at
         WHERE excluded.deleted_at > grade_tombstones.deleted_at`,
    ).run(tombstone.annotationId, tombstone.documentId, tombstone.authorId, tombstone.deletedAt);
  }

  gradeTombstone(annotationId: string): GradeTombstone | undefined {
    const row = cachedStatement<[string], GradeTombstoneRow>(
      this.db,
      `SELECT ${GRADE_TOMBSTONE_COLUMNS} FROM grade_tombstones WHERE annotation_id = ?`,
    ).get(annotationId);
    return row ? toGradeTombstone(row) : undefined;
  }

  /** The removed grades of a document's annotations, for its sidecar. */
  gradeTombstonesOf(documentId: string): GradeTombstone[] {
    return cachedStatement<[string], GradeTombstoneRow>(
      this.db,
      `SELECT ${GRADE_TOMBSTONE_COLUMNS} FROM grade_tombstones WHERE document_id = ? ORDER BY annotation_id`,
    )
      .all(documentId)
      .map(toGradeTombstone);
  }
}

function groupPairs(pairs: Array<[string, string]>): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [key, value] of pairs) {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }
  return map;
}
