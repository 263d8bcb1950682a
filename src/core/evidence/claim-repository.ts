// The SQL of claims and their evidence (annotations, each with a stance).
import type { Database } from 'better-sqlite3';
import type { Claim, ClaimEvidence, Stance } from '../../shared/evidence';
import { cachedStatement } from '../store/statements';
import { TombstoneRepository } from './tombstone-repository';

interface ClaimRow {
  id: string;
  statement: string;
  author_id: string;
  created_at: string;
  updated_at: string;
}

export class ClaimRepository {
  private readonly tombstones: TombstoneRepository;

  constructor(private readonly db: Database) {
    this.tombstones = new TombstoneRepository(db);
  }

  claim(id: string): Claim | undefined {
    const row = cachedStatement<[string], ClaimRow>(
      this.db,
      'SELECT id, statement, author_id, created_at, updated_at FROM claims WHERE id = ?',
    ).get(id);
    return row ? toClaim(row, this.evidenceOf(id)) : undefined;
  }

  /** Every claim with its evidence, newest change first. */
  all(): Claim[] {
    const evidence = new Map<string, ClaimEvidence[]>();
    const rows = cachedStatement<[], { claim_id: string; annotation_id: string; stance: Stance }>(
      this.db,
      'SELECT claim_id, annotation_id, stance FROM claim_evidence ORDER BY claim_id, position',
    ).all();
    for (const row of rows) {
      const list = evidence.get(row.claim_id) ?? [];
      list.push({ annotationId: row.annotation_id, stance: row.stance });
      evidence.set(row.claim_id, list);
    }
    return cachedStatement<[], ClaimRow>(
      this.db,
      'SELECT id, statement, author_id, created_at, updated_at FROM claims ORDER BY updated_at DESC, id',
    )
      .all()
      .map((row) => toClaim(row, evidence.get(row.id) ?? []));
  }

  evidenceOf(claimId: string): ClaimEvidence[] {
    return cachedStatement<[string], { annotationId: string; stance: Stance }>(
      this.db,
      'SELECT annotation_id AS annotationId, stance FROM claim_evidence WHERE claim_id = ? ORDER BY position',
    ).all(claimId);
  }

  upsert(claim: Pick<Claim, 'id' | 'statement' | 'authorId' | 'createdAt' | 'updatedAt'>): void {
    cachedStatement(
      this.db,
      `INSERT INTO claims (id, statement, author_id, created_at, updated_at) VALUES (@id, @statement, @authorId, @createdAt, @updatedAt)
         ON CONFLICT (id) DO UPDATE SET statement = excluded.statement, updated_at = excluded.updated_at`,
    ).run(claim);
    this.tombstones.clear({ kind: 'claims', id: claim.id });
  }

  touch(id: string, now: string): void {
    cachedStatement(this.db, 'UPDATE claims SET updated_at = ? WHERE id = ?').run(now, id);
  }

  /** Adds a piece at the end, or changes the stance of one already there (keeping its place). */
  setEvidence(claimId: string, annotationId: string, stance: Stance, authorId: string, now: string): void {
    cachedStatement(
      this.db,
      `INSERT INTO claim_evidence (claim_id, annotation_id, stance, position, author_id, created_at, updated_at)
         VALUES (?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM claim_evidence WHERE claim_id = ?), ?, ?, ?)
         ON CONFLICT (claim_id, annotation_id) DO UPDATE SET stance = excluded.stance, author_id = excluded.author_id,
           updated_at = excluded.updated_at`,
    ).run(claimId, annotationId, stance, claimId, authorId, now, now);
    this.tombstones.clear({ kind: 'claimEvidence', id: claimId, partId: annotationId });
  }

  /**
   * Takes a piece of evidence off a claim; with `deletedAt` (a deletion, not a rewrite of the
   * claim's pieces by a merge) it leaves a tombstone under the piece's author.
   */
  removeEvidence(claimId: string, annotationId: string, deletedAt?: string): void {
    const piece = cachedStatement<[string, string], { author_id: string }>(
      this.db,
      'SELECT author_id FROM claim_evidence WHERE claim_id = ? AND annotation_id = ?',
    ).get(claimId, annotationId);
    cachedStatement(this.db, 'DELETE FROM claim_evidence WHERE claim_id = ? AND annotation_id = ?').run(
      claimId,
      annotationId,
    );
    if (piece && deletedAt !== undefined)
      this.tombstones.put({ kind: 'claimEvidence', id: claimId, partId: annotationId }, piece.author_id, deletedAt);
  }

  /** Deletes a claim (its pieces and rows citing it go with it) and leaves a tombstone under its author. */
  delete(id: string, deletedAt: string): void {
    const claim = this.claim(id);
    cachedStatement(this.db, 'DELETE FROM claims WHERE id = ?').run(id);
    if (claim) this.tombstones.put({ kind: 'claims', id }, claim.authorId, deletedAt);
  }

  /** The documents a claim's evidence comes from. */
  documentsOf(claimId: string): string[] {
    return cachedStatement<[string], { document_id: string }>(
      this.db,
      `SELECT DISTINCT a.document_id FROM claim_evidence e JOIN annotations a ON a.id = e.annotation_id WHERE e.claim_id = ?`,
    )
      .all(claimId)
      .map((row) => row.document_id);
  }
}

function toClaim(row: ClaimRow, evidence: ClaimEvidence[]): Claim {
  return {
    id: row.id,
    statement: row.statement,
    evidence,
    authorId: row.author_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
