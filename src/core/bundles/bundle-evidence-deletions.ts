// Merging the tombstones a bundle (or the workspace file) carries: each deletion is one more
// version of its item, decided by the rule every evidence item follows (its author's latest
// version wins, and only its author deletes it). A deletion kept with nothing here still
// stays, so an older copy of the item arriving later does not bring it back.
import type { EvidenceTombstone, SharedEvidenceKind } from '../../shared/bundle-evidence';
import type { Version } from '../../shared/merge';
import { DELETED_CONTENT } from '../../shared/merge';
import { AchRepository } from '../evidence/ach-repository';
import { ClaimRepository } from '../evidence/claim-repository';
import { GradingRepository } from '../evidence/grading-repository';
import type { TombstoneKey } from '../evidence/tombstone-repository';
import { TombstoneRepository } from '../evidence/tombstone-repository';
import type { EvidenceMergeHost, EvidenceTouched } from './evidence-merge-context';
import { content, decideDeletion, localVersion } from './evidence-merge-context';

/** Merges tombstones after every live item, recording in `touched` what they deleted. */
export function mergeDeletions(
  host: EvidenceMergeHost,
  deleted: readonly EvidenceTombstone[],
  touched: EvidenceTouched,
): void {
  const merge = new DeletionMerge(host, touched);
  for (const tombstone of deleted) merge.deletion(tombstone);
}

/** One kind's view of an item here: its plan kind and merge key, its live version, and how to delete it. */
interface Target {
  kind: SharedEvidenceKind;
  mergeKey: string;
  key: TombstoneKey;
  live: Version | undefined;
  remove(deletedAt: string): void;
}

interface Stamped {
  author_id: string;
  updated_at: string;
}

const stamped = (row: Stamped | undefined, text: string): Version | undefined =>
  row && { updatedAt: row.updated_at, authorId: row.author_id, content: text };

class DeletionMerge {
  private readonly grading: GradingRepository;
  private readonly claims: ClaimRepository;
  private readonly ach: AchRepository;
  private readonly tombstones: TombstoneRepository;

  constructor(
    private readonly host: EvidenceMergeHost,
    private readonly touched: EvidenceTouched,
  ) {
    this.grading = new GradingRepository(host.db);
    this.claims = new ClaimRepository(host.db);
    this.ach = new AchRepository(host.db);
    this.tombstones = new TombstoneRepository(host.db);
  }

  deletion(tombstone: EvidenceTombstone): void {
    const target = this.target(tombstone);
    // What it deleted is not in this library and never was (a document or annotation not here).
    if (!target) return;
    const deletedAt = this.host.time(tombstone.deletedAt);
    const incoming = { updatedAt: deletedAt, authorId: tombstone.authorId, content: DELETED_CONTENT };
    const local = localVersion(this.host, target.live, target.key);
    if (!decideDeletion(this.host, target.kind, target.mergeKey, local, incoming) || !this.host.apply) return;
    if (target.live) target.remove(deletedAt);
    else this.tombstones.put(target.key, tombstone.authorId, deletedAt);
  }

  private touch(kinds: Array<'sources' | 'claims' | 'analyses'>, documentIds: readonly string[] = []): void {
    for (const kind of kinds) this.touched.kinds.add(kind);
    for (const id of documentIds) this.touched.documentIds.add(id);
  }

  private target(tombstone: EvidenceTombstone): Target | undefined {
    const { id } = tombstone;
    switch (tombstone.kind) {
      case 'sources':
        return this.source(id);
      case 'documentSources':
        return this.documentSources(id);
      case 'claims':
        return this.claim(id);
      case 'claimEvidence':
        return this.piece(id, tombstone.partId ?? '');
      case 'analyses':
        return this.analysis(id);
      case 'hypotheses':
      case 'rows':
        return this.part(tombstone.kind, id);
      case 'cells':
        return this.cell(id, tombstone.partId ?? '', tombstone.authorId);
    }
  }

  private source(id: string): Target {
    const row = this.grading.source(id);
    const live = row && content(row.name, row.kind, row.reliability, row.reliability_reason, row.notes);
    return {
      kind: 'sources',
      mergeKey: id,
      key: { kind: 'sources', id },
      live: stamped(row, live ?? ''),
      remove: (at) => this.touch(['sources'], this.grading.deleteSource(id, at)),
    };
  }

  private documentSources(bundleId: string): Target | undefined {
    const documentId = this.host.documentHere(bundleId);
    if (!documentId) return undefined;
    const latest = this.host.db
      .prepare<[string], Stamped>(
        'SELECT author_id, updated_at FROM document_sources WHERE document_id = ? ORDER BY updated_at DESC LIMIT 1',
      )
      .get(documentId);
    return {
      kind: 'documentSources',
      mergeKey: documentId,
      key: { kind: 'documentSources', id: documentId },
      live: stamped(latest, content(this.grading.documentSources(documentId))),
      remove: (at) => {
        this.grading.setDocumentSources(documentId, [], latest!.author_id, at);
        this.touch(['sources'], [documentId]);
      },
    };
  }

  private claim(id: string): Target {
    const claim = this.claims.claim(id);
    const live = claim && {
      updatedAt: claim.updatedAt,
      authorId: claim.authorId,
      content: content(claim.statement, claim.evidence),
    };
    return {
      kind: 'claims',
      mergeKey: id,
      key: { kind: 'claims', id },
      live,
      remove: (at) => {
        // An analysis row citing the claim goes with it (a trigger), so analyses change too.
        this.touch(['claims', 'analyses'], this.claims.documentsOf(id));
        this.claims.delete(id, at);
      },
    };
  }

  /** A claim's piece of evidence: an item of its own (the claim's id and the annotation's). */
  private piece(claimId: string, bundleAnnotationId: string): Target | undefined {
    const annotationId = this.host.annotationHere(bundleAnnotationId);
    if (!annotationId) return undefined;
    const row = this.host.db
      .prepare<[string, string], Stamped & { stance: string }>(
        'SELECT stance, author_id, updated_at FROM claim_evidence WHERE claim_id = ? AND annotation_id = ?',
      )
      .get(claimId, annotationId);
    return {
      kind: 'claims',
      mergeKey: `${claimId}|${annotationId}`,
      key: { kind: 'claimEvidence', id: claimId, partId: annotationId },
      live: stamped(row, content(row?.stance)),
      remove: (at) => {
        this.touch(['claims'], this.claims.documentsOf(claimId));
        this.claims.removeEvidence(claimId, annotationId, at);
      },
    };
  }

  private analysis(id: string): Target {
    const row = this.ach.analysis(id);
    return {
      kind: 'analyses',
      mergeKey: id,
      key: { kind: 'analyses', id },
      live: stamped(row, content(row?.question)),
      remove: (at) => {
        this.ach.deleteAnalysis(id, at);
        this.touch(['analyses']);
      },
    };
  }

  /** A hypothesis or a row of an analysis. */
  private part(kind: 'hypotheses' | 'rows', id: string): Target {
    const row =
      kind === 'hypotheses'
        ? this.host.db
            .prepare<[string], Stamped & { text: string }>(
              'SELECT label AS text, author_id, updated_at FROM ach_hypotheses WHERE id = ?',
            )
            .get(id)
        : this.host.db
            .prepare<[string], Stamped & { text: string }>(
              'SELECT relevance AS text, author_id, updated_at FROM ach_rows WHERE id = ?',
            )
            .get(id);
    return {
      kind,
      mergeKey: id,
      key: { kind, id },
      live: stamped(row, content(row?.text)),
      remove: (at) => {
        if (kind === 'hypotheses') this.ach.deleteHypothesis(id, at);
        else this.ach.deleteRow(id, at);
        this.touch(['analyses']);
      },
    };
  }

  /** One analyst's rating of a cell: a cleared cell is that rating's tombstone. */
  private cell(rowId: string, hypothesisId: string, authorId: string): Target {
    const row = this.host.db
      .prepare<[string, string, string], Stamped & { rating: string; note: string }>(
        'SELECT rating, note, author_id, updated_at FROM ach_cells WHERE row_id = ? AND hypothesis_id = ? AND author_id = ?',
      )
      .get(rowId, hypothesisId, authorId);
    return {
      kind: 'cells',
      mergeKey: `${rowId}|${hypothesisId}|${authorId}`,
      key: { kind: 'cells', id: rowId, partId: hypothesisId, ownerId: authorId },
      live: stamped(row, content(row?.rating, row?.note)),
      remove: (at) => {
        this.ach.deleteCell(rowId, hypothesisId, authorId, at);
        this.touch(['analyses']);
      },
    };
  }
}
