// Merging a bundle's analyses of competing hypotheses: the question (its author's), each
// hypothesis and row (each its author's), and every analyst's cells, which are kept per
// author: two analysts' ratings of one cell sit side by side and show as a disagreement.
import type { SharedAnalysis, SharedCell, SharedHypothesis, SharedRow } from '../../shared/bundle-evidence';
import type { Version } from '../../shared/merge';
import { AchRepository } from '../evidence/ach-repository';
import type { TombstoneKey } from '../evidence/tombstone-repository';
import type { EvidenceMergeHost } from './evidence-merge-context';
import { content, decideItem, localVersion, skipItem } from './evidence-merge-context';

/** Merges analyses; true when anything was written. */
export function mergeAnalyses(
  host: EvidenceMergeHost,
  analyses: readonly SharedAnalysis[],
  claimHere: (id: string) => boolean,
): boolean {
  const merge = new AnalysisMerge(host, claimHere);
  for (const analysis of analyses) merge.analysis(analysis);
  return merge.wrote;
}

interface Stamped {
  author_id: string;
  updated_at: string;
}

class AnalysisMerge {
  private readonly repository: AchRepository;
  wrote = false;

  constructor(
    private readonly host: EvidenceMergeHost,
    private readonly claimHere: (id: string) => boolean,
  ) {
    this.repository = new AchRepository(host.db);
  }

  /** The item here as a version: the live row, or else its tombstone. */
  private versionOf(row: Stamped | undefined, text: string, key: TombstoneKey): Version | undefined {
    return localVersion(this.host, row && { updatedAt: row.updated_at, authorId: row.author_id, content: text }, key);
  }

  analysis(analysis: SharedAnalysis): void {
    const here = this.repository.analysis(analysis.id);
    const author = this.host.authorOf({ id: analysis.authorId, name: '' });
    const updatedAt = this.host.time(analysis.updatedAt);
    const local = this.versionOf(here, content(here?.question), { kind: 'analyses', id: analysis.id });
    const write = decideItem(this.host, 'analyses', analysis.id, local, {
      updatedAt,
      authorId: author.id,
      content: content(analysis.question),
    });
    // Without the analysis here, nothing inside it has a place.
    if (!here && !write) {
      const parts = analysis.hypotheses.length + analysis.rows.length + analysis.cells.length;
      this.host.plan.evidenceSkipped += parts;
      return;
    }
    if (write && this.host.apply) {
      this.repository.upsertAnalysis({
        id: analysis.id,
        question: analysis.question,
        author_id: here?.author_id ?? author.id,
        created_at: here?.created_at ?? this.host.time(analysis.createdAt),
        updated_at: updatedAt,
      });
      this.wrote = true;
    }
    const hypotheses = new Set(
      analysis.hypotheses.flatMap((item) => (this.hypothesis(analysis.id, item) ? [item.id] : [])),
    );
    const rows = new Map(
      analysis.rows.flatMap((row) => {
        const local = this.row(analysis.id, row);
        return local ? [[row.id, local] as const] : [];
      }),
    );
    for (const cell of analysis.cells) {
      const rowId = rows.get(cell.rowId);
      if (!rowId || !hypotheses.has(cell.hypothesisId)) skipItem(this.host);
      else this.cell(analysis.id, rowId, cell);
    }
  }

  /** True when the hypothesis is (or would be) in this analysis afterwards. */
  private hypothesis(analysisId: string, hypothesis: SharedHypothesis): boolean {
    const here = this.host.db
      .prepare<[string], Stamped & { analysis_id: string; label: string }>(
        'SELECT analysis_id, label, author_id, updated_at FROM ach_hypotheses WHERE id = ?',
      )
      .get(hypothesis.id);
    if (here && here.analysis_id !== analysisId) return skipItem(this.host);
    const author = this.host.authorOf({ id: hypothesis.authorId, name: '' });
    const updatedAt = this.host.time(hypothesis.updatedAt);
    const local = this.versionOf(here, content(here?.label), { kind: 'hypotheses', id: hypothesis.id });
    const write = decideItem(this.host, 'hypotheses', hypothesis.id, local, {
      updatedAt,
      authorId: author.id,
      content: content(hypothesis.label),
    });
    if (write && this.host.apply) {
      this.repository.saveHypothesis(analysisId, hypothesis.id, hypothesis.label, author.id, updatedAt);
      this.wrote = true;
    }
    return write || here !== undefined;
  }

  /** The local id of the row (the one here for the same evidence), or undefined when it has no place here. */
  private row(analysisId: string, row: SharedRow): string | undefined {
    const evidenceId =
      row.evidence.kind === 'annotation'
        ? this.host.annotationHere(row.evidence.id)
        : this.claimHere(row.evidence.id)
          ? row.evidence.id
          : undefined;
    if (!evidenceId) return void skipItem(this.host);
    const evidence = { kind: row.evidence.kind, id: evidenceId };
    const byId = this.host.db
      .prepare<[string], Stamped & { analysis_id: string; relevance: string }>(
        'SELECT analysis_id, relevance, author_id, updated_at FROM ach_rows WHERE id = ?',
      )
      .get(row.id);
    if (byId && byId.analysis_id !== analysisId) return void skipItem(this.host);
    const sameEvidence = byId ? undefined : this.repository.rowFor(analysisId, evidence);
    const localId = sameEvidence ?? row.id;
    const here = byId ?? (sameEvidence === undefined ? undefined : this.rowStamp(sameEvidence));
    const author = this.host.authorOf({ id: row.authorId, name: '' });
    const updatedAt = this.host.time(row.updatedAt);
    const local = this.versionOf(here, content(here?.relevance), { kind: 'rows', id: localId });
    const write = decideItem(this.host, 'rows', localId, local, {
      updatedAt,
      authorId: author.id,
      content: content(row.relevance),
    });
    if (write && this.host.apply) {
      if (here) this.repository.setRelevance(localId, row.relevance, updatedAt);
      else
        this.repository.insertRow(
          analysisId,
          { id: localId, evidence, relevance: row.relevance },
          author.id,
          updatedAt,
        );
      this.wrote = true;
    }
    return write || here ? localId : undefined;
  }

  private rowStamp(id: string): (Stamped & { relevance: string }) | undefined {
    return this.host.db
      .prepare<[string], Stamped & { relevance: string }>(
        'SELECT relevance, author_id, updated_at FROM ach_rows WHERE id = ?',
      )
      .get(id);
  }

  /** One analyst's rating: kept beside other analysts' ratings of the same cell. */
  private cell(analysisId: string, rowId: string, cell: SharedCell): void {
    const author = this.host.authorOf({ id: cell.authorId, name: cell.authorName });
    const here = this.host.db
      .prepare<[string, string, string], Stamped & { rating: string; note: string }>(
        'SELECT rating, note, author_id, updated_at FROM ach_cells WHERE row_id = ? AND hypothesis_id = ? AND author_id = ?',
      )
      .get(rowId, cell.hypothesisId, author.id);
    const updatedAt = this.host.time(cell.updatedAt);
    const write = decideItem(
      this.host,
      'cells',
      `${rowId}|${cell.hypothesisId}|${author.id}`,
      this.versionOf(here, content(here?.rating, here?.note), {
        kind: 'cells',
        id: rowId,
        partId: cell.hypothesisId,
        ownerId: author.id,
      }),
      {
        updatedAt,
        authorId: author.id,
        content: content(cell.rating, cell.note),
      },
    );
    if (!write || !this.host.apply) return;
    this.repository.putCell(analysisId, {
      rowId,
      hypothesisId: cell.hypothesisId,
      rating: cell.rating,
      note: cell.note,
      authorId: author.id,
      authorName: author.name,
      updatedAt,
    });
    this.wrote = true;
  }
}
