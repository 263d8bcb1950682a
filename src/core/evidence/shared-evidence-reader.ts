// Reads the evidence touching a set of annotations as it travels (a bundle's evidence.json):
// every item with its author and times, so the receiver can merge it by the same rules as
// annotations, and the tombstones of deleted items, so deletions travel too. Reads the tables
// directly (not the views), to keep what the views drop.
import type { Database } from 'better-sqlite3';
import type {
  EvidenceEntry,
  SharedAnalysis,
  SharedClaim,
  SharedGrade,
  SharedLink,
  SharedSource,
} from '../../shared/bundle-evidence';
import { EVIDENCE_LIMITS, emptyEvidenceEntry } from '../../shared/bundle-evidence';
import { toSource, type SourceRow } from './grading-repository';
import { TombstoneRepository } from './tombstone-repository';

export interface EvidenceSelection {
  /** The annotations travelling (their evidence goes with them). */
  annotationIds: ReadonlySet<string>;
  /** The documents travelling (their default sources go with them). */
  documentIds: readonly string[];
  /** For a review: only this author's grades, links, claims and cells (the structure of analyses goes along). */
  onlyAuthor?: string;
  /** The bundle's signer: its tombstones travel (a receiver takes a deletion only from its author). */
  tombstonesBy?: string;
}

const TEMP_TABLE = 'temp.shared_annotation_ids';

export class SharedEvidenceReader {
  constructor(private readonly db: Database) {}

  read(selection: EvidenceSelection): EvidenceEntry {
    if (selection.annotationIds.size === 0 && selection.documentIds.length === 0) return emptyEvidenceEntry();
    this.db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${TEMP_TABLE} (id TEXT PRIMARY KEY) WITHOUT ROWID`);
    this.db.exec(`DELETE FROM ${TEMP_TABLE}`);
    const insert = this.db.prepare(`INSERT OR IGNORE INTO ${TEMP_TABLE} (id) VALUES (?)`);
    for (const id of selection.annotationIds) insert.run(id);
    const entry = this.collect(selection);
    if (selection.tombstonesBy !== undefined) entry.deleted = this.deleted(selection.tombstonesBy);
    return entry;
  }

  /** The newest tombstones (one author's, or everyone's), within what an entry may hold. */
  private deleted(authorId?: string): EvidenceEntry['deleted'] {
    return new TombstoneRepository(this.db).list(EVIDENCE_LIMITS.deleted, authorId);
  }

  /** The whole library's evidence (the workspace's evidence file); empty at once when there is none. */
  readAll(): EvidenceEntry {
    const any = this.db
      .prepare<[], { present: number }>(
        `SELECT EXISTS (SELECT 1 FROM evidence_sources UNION ALL SELECT 1 FROM annotation_grades UNION ALL SELECT 1 FROM annotation_links
           UNION ALL SELECT 1 FROM claims UNION ALL SELECT 1 FROM ach_analyses
           UNION ALL SELECT 1 FROM evidence_tombstones) AS present`,
      )
      .get();
    if (!any?.present) return emptyEvidenceEntry();
    this.db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${TEMP_TABLE} (id TEXT PRIMARY KEY) WITHOUT ROWID`);
    this.db.exec(`DELETE FROM ${TEMP_TABLE}`);
    // Only the annotations evidence touches: a library of a million annotations lists a few here.
    this.db.exec(
      `INSERT OR IGNORE INTO ${TEMP_TABLE} (id) SELECT annotation_id FROM annotation_grades
         UNION SELECT from_id FROM annotation_links UNION SELECT to_id FROM annotation_links
         UNION SELECT annotation_id FROM claim_evidence
         UNION SELECT evidence_id FROM ach_rows WHERE evidence_kind = 'annotation'`,
    );
    const documentIds = this.db
      .prepare<[], { id: string }>('SELECT DISTINCT document_id AS id FROM document_sources ORDER BY 1')
      .all()
      .map((row) => row.id);
    const entry = this.collect({ annotationIds: new Set(), documentIds });
    // Everything else too: sources nothing names yet, claims without evidence, analyses without rows.
    const all = (table: string) =>
      this.db
        .prepare<[], { id: string }>(`SELECT id FROM ${table} ORDER BY created_at, id`)
        .all()
        .map((row) => row.id);
    entry.sources = this.sources(new Set(all('evidence_sources')));
    entry.claims = this.claims(true);
    entry.analyses = all('ach_analyses').flatMap((id) => this.analysis(id) ?? []);
    entry.deleted = this.deleted();
    return entry;
  }

  private collect(selection: EvidenceSelection): EvidenceEntry {
    const entry = emptyEvidenceEntry();
    try {
      const mine = (authorId: string) => selection.onlyAuthor === undefined || authorId === selection.onlyAuthor;
      entry.grades = this.grades().filter((grade) => mine(grade.authorId));
      entry.links = this.links().filter((link) => mine(link.authorId));
      this.tombstones(entry, mine);
      entry.claims = this.claims().filter((claim) => mine(claim.authorId));
      entry.analyses = this.analyses(new Set(entry.claims.map((claim) => claim.id)), selection.onlyAuthor);
      entry.documentSources = this.documentSources(selection.documentIds).filter((item) => mine(item.authorId));
      const named = new Set([
        ...entry.grades.flatMap((grade) => grade.sourceIds),
        ...entry.documentSources.flatMap((item) => item.sourceIds),
      ]);
      entry.sources = this.sources(named);
    } finally {
      this.db.exec(`DELETE FROM ${TEMP_TABLE}`);
    }
    return entry;
  }

  private sources(ids: ReadonlySet<string>): SharedSource[] {
    const select = this.db.prepare<[string], SourceRow>(
      `SELECT id, name, kind, reliability, reliability_reason, notes, author_id, created_at, updated_at
         FROM evidence_sources WHERE id = ?`,
    );
    return [...ids].flatMap((id) => {
      const row = select.get(id);
      if (!row) return [];
      const { id: _id, authorId, createdAt, updatedAt, ...rest } = toSource(row);
      return [{ id, ...rest, authorId, createdAt, updatedAt }];
    });
  }

  private documentSources(documentIds: readonly string[]): EvidenceEntry['documentSources'] {
    const select = this.db.prepare<[string], { source_id: string; author_id: string; updated_at: string }>(
      'SELECT source_id, author_id, updated_at FROM document_sources WHERE document_id = ? ORDER BY position',
    );
    return documentIds.flatMap((documentId) => {
      const rows = select.all(documentId);
      if (rows.length === 0) return [];
      const latest = rows.reduce((best, row) => (row.updated_at > best.updated_at ? row : best), rows[0]!);
      return [
        {
          documentId,
          sourceIds: rows.map((row) => row.source_id),
          authorId: latest.author_id,
          updatedAt: latest.updated_at,
        },
      ];
    });
  }

  private grades(): SharedGrade[] {
    const rows = this.db
      .prepare<
        [],
        { annotation_id: string; credibility: string; author_id: string; created_at: string; updated_at: string }
      >(
        `SELECT g.annotation_id, g.credibility, g.author_id, g.created_at, g.updated_at FROM annotation_grades g
           JOIN ${TEMP_TABLE} t ON t.id = g.annotation_id ORDER BY g.annotation_id`,
      )
      .all();
    const sources = this.db.prepare<[string], { source_id: string }>(
      'SELECT source_id FROM annotation_grade_sources WHERE annotation_id = ? ORDER BY position',
    );
    return rows.map((row) => ({
      annotationId: row.annotation_id,
      sourceIds: sources.all(row.annotation_id).map((source) => source.source_id),
      credibility: row.credibility,
      authorId: row.author_id,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    }));
  }

  private links(): SharedLink[] {
    return this.db
      .prepare<[], SharedLink>(
        `SELECT id, kind, from_id AS fromId, to_id AS toId, author_id AS authorId, created_at AS createdAt
           FROM annotation_links
           WHERE from_id IN (SELECT id FROM ${TEMP_TABLE}) OR to_id IN (SELECT id FROM ${TEMP_TABLE})
           ORDER BY created_at, id`,
      )
      .all();
  }

  /** The removals of the travelling annotations' grades and links (migration 11), only when there are any. */
  private tombstones(entry: EvidenceEntry, mine: (authorId: string) => boolean): void {
    const grades = this.db
      .prepare<[], NonNullable<EvidenceEntry['gradeTombstones']>[number]>(
        `SELECT annotation_id AS annotationId, author_id AS authorId, deleted_at AS deletedAt FROM grade_tombstones
           WHERE annotation_id IN (SELECT id FROM ${TEMP_TABLE}) ORDER BY annotation_id`,
      )
      .all()
      .filter((tombstone) => mine(tombstone.authorId));
    const links = this.db
      .prepare<[], NonNullable<EvidenceEntry['linkTombstones']>[number]>(
        `SELECT id, kind, from_id AS fromId, to_id AS toId, author_id AS authorId, deleted_at AS deletedAt
           FROM link_tombstones
           WHERE from_id IN (SELECT id FROM ${TEMP_TABLE}) OR to_id IN (SELECT id FROM ${TEMP_TABLE}) ORDER BY id`,
      )
      .all()
      .filter((tombstone) => mine(tombstone.authorId));
    if (grades.length > 0) entry.gradeTombstones = grades;
    if (links.length > 0) entry.linkTombstones = links;
  }

  private claims(all = false): SharedClaim[] {
    const touching = `WHERE id IN (SELECT claim_id FROM claim_evidence WHERE annotation_id IN (SELECT id FROM ${TEMP_TABLE}))`;
    const rows = this.db
      .prepare<[], Omit<SharedClaim, 'evidence'>>(
        `SELECT id, statement, author_id AS authorId, created_at AS createdAt, updated_at AS updatedAt FROM claims
           ${all ? '' : touching} ORDER BY created_at, id`,
      )
      .all();
    const evidence = this.db.prepare<[string], SharedClaim['evidence'][number]>(
      'SELECT annotation_id AS annotationId, stance FROM claim_evidence WHERE claim_id = ? ORDER BY position',
    );
    return rows.map((row) => ({ ...row, evidence: evidence.all(row.id) }));
  }

  /** Analyses with a row on a travelling annotation or claim: their question, hypotheses, rows and cells. */
  private analyses(claimIds: ReadonlySet<string>, onlyAuthor: string | undefined): SharedAnalysis[] {
    const touching = this.db
      .prepare<[], { analysis_id: string; evidence_kind: string; evidence_id: string }>(
        `SELECT analysis_id, evidence_kind, evidence_id FROM ach_rows
           WHERE evidence_kind = 'claim' OR evidence_id IN (SELECT id FROM ${TEMP_TABLE})`,
      )
      .all()
      .filter((row) => row.evidence_kind === 'annotation' || claimIds.has(row.evidence_id))
      .map((row) => row.analysis_id);
    return [...new Set(touching)].sort().flatMap((id) => {
      const analysis = this.analysis(id);
      if (!analysis) return [];
      if (onlyAuthor !== undefined) analysis.cells = analysis.cells.filter((cell) => cell.authorId === onlyAuthor);
      return [analysis];
    });
  }

  private analysis(id: string): SharedAnalysis | undefined {
    const head = this.db
      .prepare<[string], Omit<SharedAnalysis, 'hypotheses' | 'rows' | 'cells'>>(
        `SELECT id, question, author_id AS authorId, created_at AS createdAt, updated_at AS updatedAt
           FROM ach_analyses WHERE id = ?`,
      )
      .get(id);
    if (!head) return undefined;
    const hypotheses = this.db
      .prepare<[string], SharedAnalysis['hypotheses'][number]>(
        `SELECT id, label, author_id AS authorId, created_at AS createdAt, updated_at AS updatedAt
           FROM ach_hypotheses WHERE analysis_id = ? ORDER BY position, created_at`,
      )
      .all(id);
    const rows = this.db
      .prepare<
        [string],
        {
          id: string;
          kind: 'claim' | 'annotation';
          evidenceId: string;
          relevance: SharedAnalysis['rows'][number]['relevance'];
          authorId: string;
          createdAt: string;
          updatedAt: string;
        }
      >(
        `SELECT id, evidence_kind AS kind, evidence_id AS evidenceId, relevance, author_id AS authorId,
           created_at AS createdAt, updated_at AS updatedAt FROM ach_rows WHERE analysis_id = ? ORDER BY position, created_at`,
      )
      .all(id)
      .map(({ kind, evidenceId, ...row }) => ({ ...row, evidence: { kind, id: evidenceId } }));
    const cells = this.db
      .prepare<[string], SharedAnalysis['cells'][number]>(
        `SELECT row_id AS rowId, hypothesis_id AS hypothesisId, rating, note, author_id AS authorId,
           author_name AS authorName, updated_at AS updatedAt FROM ach_cells WHERE analysis_id = ?
           ORDER BY row_id, hypothesis_id, author_id`,
      )
      .all(id);
    return { ...head, hypotheses, rows, cells };
  }
}
