// Analyses of competing hypotheses: a question, its hypotheses, rows of evidence (claims or
// annotations) and each analyst's ratings. Scores, ranking, diagnosticity and disagreements
// come from the pure rules over the local analyst's cells; others' cells are kept beside them.
import { randomUUID } from 'node:crypto';
import type { ChangeSource } from '../../shared/change-source';
import type {
  AchAnalyst,
  AchCell,
  AchRating,
  AchRow,
  AchRowView,
  AchSummary,
  AchView,
  Relevance,
} from '../../shared/evidence';
import { achDisagreements, leadersOf, scoreAnalysis } from '../../shared/evidence-rules';
import { UserFacingError } from '../../shared/result';
import type { AchRepository, AnalysisRow, StoredCell } from './ach-repository';
import type { ClaimService } from './claim-service';
import type { EvidenceContext } from './context';
import { Passages } from './passages';
import type { Weighing } from './weighing';

/** Everyone who rated cells of an analysis, and the local analyst; its author first, then by name. */
function analystsOf(
  stored: ReadonlyArray<{ authorId: string; authorName: string }>,
  ownerId: string,
  local: { authorId: string; name: string },
): AchAnalyst[] {
  const byId = new Map<string, AchAnalyst>();
  byId.set(local.authorId, { authorId: local.authorId, name: local.name, ratings: 0, you: true });
  for (const cell of stored) {
    const entry = byId.get(cell.authorId) ?? { authorId: cell.authorId, name: cell.authorName, ratings: 0, you: false };
    entry.ratings += 1;
    byId.set(cell.authorId, entry);
  }
  return [...byId.values()].sort(
    (a, b) => Number(b.authorId === ownerId) - Number(a.authorId === ownerId) || a.name.localeCompare(b.name),
  );
}

/** The analyst asked for if they rated here (or are local); else as AchView.analyst says. */
function shownAnalyst(analysts: readonly AchAnalyst[], ownerId: string, asked: string | undefined): AchAnalyst {
  const local = analysts.find((entry) => entry.you)!;
  const chosen = asked === undefined ? undefined : analysts.find((entry) => entry.authorId === asked);
  if (asked !== undefined && !chosen)
    throw new UserFacingError('NOT_FOUND', `No analyst with id ${asked} rated this analysis.`);
  if (chosen) return chosen;
  if (local.ratings > 0) return local;
  const owner = analysts.find((entry) => entry.authorId === ownerId && entry.ratings > 0);
  const busiest = [...analysts].sort((a, b) => b.ratings - a.ratings)[0]!;
  return owner ?? (busiest.ratings > 0 ? busiest : local);
}

/**
 * "H1: Storm" typed as the first hypothesis is stored as "Storm": every view numbers hypotheses
 * itself, so a typed number of the same place printed "H1 H1: Storm", and would go stale once a
 * hypothesis before it is removed. Another number ("H2: Storm" as H1) is the analyst's text and stays.
 */
function withoutOwnNumber(label: string, number: number): string {
  const match = new RegExp(`^h${number}(?::\\s*|\\s+)`, 'i').exec(label);
  const rest = match ? label.slice(match[0].length).trim() : '';
  return rest === '' ? label : rest;
}

export class AchService {
  constructor(
    private readonly context: EvidenceContext,
    readonly repository: AchRepository,
    private readonly claims: ClaimService,
  ) {}

  requireAnalysis(id: string): AnalysisRow {
    const row = this.repository.analysis(id);
    if (!row) throw new UserFacingError('NOT_FOUND', `No analysis with id ${id} exists.`);
    return row;
  }

  list(): AchSummary[] {
    const weighing = this.claims.weighing();
    return this.repository.analyses().map((analysis) => {
      const view = this.view(analysis.id, weighing);
      const label = new Map(view.hypotheses.map((hypothesis) => [hypothesis.id, hypothesis.label]));
      const rated = view.analyst.ratings > 0;
      return {
        id: analysis.id,
        question: analysis.question,
        hypotheses: view.hypotheses.length,
        rows: view.rows.length,
        leading: rated ? leadersOf(view.scores).map((id) => label.get(id) ?? id) : [],
        authorId: analysis.author_id,
        authorName: view.analysts.find((analyst) => analyst.authorId === analysis.author_id)?.name ?? '',
        updatedAt: analysis.updated_at,
      };
    });
  }

  /** The matrix with its scores: rows most diagnostic first (ties keep the order they were added in). */
  view(id: string, weighing: Weighing = this.claims.weighing(), analystId?: string): AchView {
    const analysis = this.requireAnalysis(id);
    const hypotheses = this.repository.hypotheses(id);
    const rows = this.rowViews(this.repository.rows(id), weighing);
    const stored = this.repository.cells(id);
    const { authorId, displayName } = this.context.author();
    const analysts = analystsOf(stored, analysis.author_id, { authorId, name: displayName });
    const analyst = shownAnalyst(analysts, analysis.author_id, analystId);
    const scores = scoreAnalysis({
      hypothesisIds: hypotheses.map((hypothesis) => hypothesis.id),
      rows: rows.map((row) => ({ id: row.id, relevance: row.relevance, credibility: row.credibility })),
      ratings: stored.filter((cell) => cell.authorId === analyst.authorId),
      scheme: weighing.scheme,
    });
    const names = new Map(analysts.map((entry) => [entry.authorId, entry.name]));
    const cells: AchCell[] = stored.map(({ authorName: _name, ...cell }) => cell);
    const order = new Map(rows.map((row, index) => [row.id, index]));
    const diagnosticity = (rowId: string) => scores.diagnosticity[rowId] ?? 0;
    return {
      id: analysis.id,
      question: analysis.question,
      hypotheses,
      rows: [...rows].sort((a, b) => diagnosticity(b.id) - diagnosticity(a.id) || order.get(a.id)! - order.get(b.id)!),
      cells,
      scores,
      disagreements: achDisagreements(cells, (id) => names.get(id) ?? id),
      analyst,
      analysts,
      authorId: analysis.author_id,
      createdAt: analysis.created_at,
      updatedAt: analysis.updated_at,
    };
  }

  private rowViews(rows: readonly AchRow[], weighing: Weighing): AchRowView[] {
    const passages = new Passages(this.context);
    return rows.flatMap((row) => {
      if (row.evidence.kind === 'annotation') {
        const passage = passages.of(row.evidence.id);
        if (!passage) return [];
        return [{ ...row, label: passage.quote, credibility: weighing.credibilityOf(row.evidence.id) }];
      }
      const claim = this.claims.repository.claim(row.evidence.id);
      if (!claim) return [];
      const supporting = claim.evidence
        .filter((piece) => piece.stance === 'supports')
        .map((piece) => piece.annotationId);
      return [{ ...row, label: claim.statement, credibility: weighing.bestCredibility(supporting) }];
    });
  }

  /**
   * Someone else's analysis is theirs to shape (question, hypotheses, rows, deletion); I can
   * still rate it, as my ratings are kept beside theirs.
   */
  private requireOwnAnalysis(id: string, source: ChangeSource): AnalysisRow {
    const row = this.requireAnalysis(id);
    const instead = 'You can still rate it: your ratings are kept beside theirs.';
    this.context.assertOwn({ noun: 'analysis', authorId: row.author_id, instead }, source);
    return row;
  }

  save(input: { id?: string; question: string }, source: ChangeSource = 'local'): AchView {
    const current = input.id === undefined ? undefined : this.requireOwnAnalysis(input.id, source);
    const id = current?.id ?? randomUUID();
    this.context.change(['analyses'], source, () => {
      const now = this.context.now();
      this.repository.upsertAnalysis({
        id,
        question: input.question.replace(/\s+/g, ' ').trim(),
        author_id: current?.author_id ?? this.context.author().authorId,
        created_at: current?.created_at ?? now,
        updated_at: now,
      });
      return { result: undefined };
    });
    return this.view(id);
  }

  remove(id: string, source: ChangeSource = 'local'): { deleted: true } {
    this.requireOwnAnalysis(id, source);
    return this.context.change(['analyses'], source, () => {
      this.repository.deleteAnalysis(id, this.context.now());
      return { result: { deleted: true as const } };
    });
  }

  /** Runs a change to one analysis (bumping its time) and returns the analysis as it now is. */
  private changeAnalysis(
    analysisId: string,
    source: ChangeSource,
    mutate: (now: string) => void,
    analystId?: string,
  ): AchView {
    this.requireAnalysis(analysisId);
    this.context.change(['analyses'], source, () => {
      const now = this.context.now();
      mutate(now);
      this.repository.touch(analysisId, now);
      return { result: undefined };
    });
    return this.view(analysisId, undefined, analystId);
  }

  private requireHypothesis(analysisId: string, id: string): void {
    if (!this.repository.hypotheses(analysisId).some((hypothesis) => hypothesis.id === id))
      throw new UserFacingError('NOT_FOUND', `No hypothesis with id ${id} is in this analysis.`);
  }

  private requireRow(analysisId: string, id: string): void {
    if (!this.repository.rows(analysisId).some((row) => row.id === id))
      throw new UserFacingError('NOT_FOUND', `No row with id ${id} is in this analysis.`);
  }

  saveHypothesis(input: { analysisId: string; id?: string; label: string }, source: ChangeSource = 'local'): AchView {
    this.requireOwnAnalysis(input.analysisId, source);
    if (input.id !== undefined) this.requireHypothesis(input.analysisId, input.id);
    const hypotheses = this.repository.hypotheses(input.analysisId);
    const position = input.id === undefined ? hypotheses.length : hypotheses.findIndex((item) => item.id === input.id);
    const label = withoutOwnNumber(input.label.replace(/\s+/g, ' ').trim(), position + 1);
    return this.changeAnalysis(input.analysisId, source, (now) =>
      this.repository.saveHypothesis(
        input.analysisId,
        input.id ?? randomUUID(),
        label,
        this.context.author().authorId,
        now,
      ),
    );
  }

  removeHypothesis(input: { analysisId: string; id: string }, source: ChangeSource = 'local'): AchView {
    this.requireOwnAnalysis(input.analysisId, source);
    this.requireHypothesis(input.analysisId, input.id);
    return this.changeAnalysis(input.analysisId, source, (now) => this.repository.deleteHypothesis(input.id, now));
  }

  /** Adds a row for a piece of evidence (the row already there when it is in the matrix), or changes a row's relevance. */
  saveRow(
    input: { analysisId: string; id?: string; evidence?: AchRow['evidence']; relevance?: Relevance },
    source: ChangeSource = 'local',
  ): AchView {
    this.requireOwnAnalysis(input.analysisId, source);
    if (input.id !== undefined) {
      this.requireRow(input.analysisId, input.id);
      if (input.evidence !== undefined)
        throw new UserFacingError('INVALID_INPUT', "A row's evidence cannot change: remove the row and add another.");
      const { id, relevance } = input;
      if (relevance === undefined) return this.view(input.analysisId);
      return this.changeAnalysis(input.analysisId, source, (now) => this.repository.setRelevance(id, relevance, now));
    }
    const evidence = input.evidence;
    if (evidence === undefined)
      throw new UserFacingError('INVALID_INPUT', 'A new row needs its evidence: a claim or an annotation.');
    if (evidence.kind === 'claim') this.claims.requireClaim(evidence.id);
    else this.context.annotation(evidence.id);
    if (this.repository.rowFor(input.analysisId, evidence) !== undefined) return this.view(input.analysisId);
    const row: AchRow = { id: randomUUID(), evidence, relevance: input.relevance ?? 'medium' };
    return this.changeAnalysis(input.analysisId, source, (now) =>
      this.repository.insertRow(input.analysisId, row, this.context.author().authorId, now),
    );
  }

  removeRow(input: { analysisId: string; id: string }, source: ChangeSource = 'local'): AchView {
    this.requireOwnAnalysis(input.analysisId, source);
    this.requireRow(input.analysisId, input.id);
    return this.changeAnalysis(input.analysisId, source, (now) => this.repository.deleteRow(input.id, now));
  }

  /** The local analyst's rating of a cell; other analysts' ratings of it stay as they are. */
  rate(
    input: { analysisId: string; rowId: string; hypothesisId: string; rating: AchRating | null; note?: string },
    source: ChangeSource = 'local',
  ): AchView {
    this.requireAnalysis(input.analysisId);
    this.requireRow(input.analysisId, input.rowId);
    this.requireHypothesis(input.analysisId, input.hypothesisId);
    const { authorId, displayName } = this.context.author();
    const earlier = this.repository
      .cells(input.analysisId)
      .find(
        (cell) => cell.rowId === input.rowId && cell.hypothesisId === input.hypothesisId && cell.authorId === authorId,
      );
    const rating = input.rating;
    return this.changeAnalysis(
      input.analysisId,
      source,
      (now) => {
        // null takes my rating back (and its note).
        if (rating === null) return this.repository.deleteCell(input.rowId, input.hypothesisId, authorId, now);
        const cell: StoredCell = {
          rowId: input.rowId,
          hypothesisId: input.hypothesisId,
          rating,
          note: input.note ?? earlier?.note ?? '',
          authorId,
          authorName: displayName,
          updatedAt: now,
        };
        this.repository.putCell(input.analysisId, cell);
      },
      authorId,
    ); // the rater's own matrix, even when this took back their last rating
  }
}
