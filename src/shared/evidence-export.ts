// What the export carries of the evidence: each exported annotation's grade and sources, the
// sources, claims and analyses bearing on the exported documents, and an analysis as a plain
// matrix (the same cells in the PDF's table and in the CSV).
import type { AchRating, AchView, ClaimDetail, EvidenceSource, GradingScheme, SourceKind } from './evidence';

/** An annotation's grade as the export prints it, and who said it. */
export interface AnnotationEvidence {
  /** "B2 — Usually reliable, Probably true"; '' when neither reliability nor credibility is graded. */
  grade: string;
  /** Its sources (its own, else its document's), such as "Harbour Radio (B)". */
  sources: string[];
}

/** An analysis as one analyst's matrix: the cells of the PDF's table and of the CSV. */
export interface AchMatrix {
  question: string;
  /** Whose ratings the matrix and scores are (AchView.analyst). */
  ratedBy: string;
  /** Rank is the standard competition rank (1, 1, 3); tied when another hypothesis shares it. */
  hypotheses: Array<{ label: string; inconsistency: number; rank: number; tied: boolean }>;
  rows: Array<{
    label: string;
    kind: 'claim' | 'annotation';
    relevance: string;
    credibility: string;
    diagnosticity: number;
    /** Whether removing the row alone would change any hypothesis's rank (order or ties). */
    sensitive: boolean;
    /** One rating per hypothesis, in the hypotheses' order; '' when not rated. */
    ratings: Array<AchRating | ''>;
  }>;
  /** Cells where analysts disagree, as "row label × hypothesis label: Ada CC, Ben II". */
  /** The shown analyst's notes on their ratings, in row order: "Evidence × H2 Label (I): note". */
  cellNotes: string[];
  disagreements: string[];
}

export interface EvidenceDossier {
  scheme: GradingScheme;
  /** By annotation id: the exported annotations that have a grade or sources. */
  annotations: Record<string, AnnotationEvidence>;
  /** The sources the exported documents and their annotations name. */
  sources: Array<Pick<EvidenceSource, 'name' | 'reliability' | 'reliabilityReason'> & { kind: SourceKind }>;
  /** Claims with evidence in the exported documents. */
  claims: ClaimDetail[];
  /** Analyses with a row of evidence from the exported documents or their claims. */
  analyses: AchMatrix[];
}

export function dossierIsEmpty(dossier: EvidenceDossier): boolean {
  return dossier.sources.length === 0 && dossier.claims.length === 0 && dossier.analyses.length === 0;
}

/** "B2 — Usually reliable, Probably true", "B — Usually reliable", "2 — Probably true"; '' when neither. */
export function gradeMeaning(reliability: string, credibility: string, scheme: GradingScheme): string {
  const reliabilityLevel = scheme.reliability.find((level) => level.code === reliability);
  const credibilityLevel = scheme.credibility.find((level) => level.code === credibility);
  const labels = [reliabilityLevel?.label, credibilityLevel?.label].filter((label) => label !== undefined);
  if (labels.length === 0) return '';
  return `${reliabilityLevel?.code ?? ''}${credibilityLevel?.code ?? ''} — ${labels.join(', ')}`;
}

/** "B — Usually reliable" for a source; '' when not graded. */
export function reliabilityMeaning(reliability: string, scheme: GradingScheme): string {
  const level = scheme.reliability.find((item) => item.code === reliability);
  return level ? `${level.code} — ${level.label}` : '';
}

/** One analyst's matrix of an analysis view (scores are the local analyst's, as the view computes them). */
export function achMatrix(view: AchView, localAuthor: string): AchMatrix {
  const rating = new Map(
    view.cells
      .filter((cell) => cell.authorId === localAuthor)
      .map((cell) => [`${cell.rowId} ${cell.hypothesisId}`, cell.rating]),
  );
  const labelOf = new Map([...view.hypotheses, ...view.rows].map((item) => [item.id, item.label]));
  const hypothesisName = new Map(view.hypotheses.map((item, index) => [item.id, `H${index + 1} ${item.label}`]));
  const rowOrder = new Map(view.rows.map((row, index) => [row.id, index]));
  return {
    question: view.question,
    ratedBy: view.analyst.name,
    hypotheses: view.hypotheses.map((hypothesis) => ({
      label: hypothesis.label,
      inconsistency: view.scores.inconsistency[hypothesis.id] ?? 0,
      rank: view.scores.ranks[hypothesis.id] ?? 0,
      tied: sharesRank(view.scores.ranks, hypothesis.id),
    })),
    rows: view.rows.map((row) => ({
      label: row.label,
      kind: row.evidence.kind,
      relevance: row.relevance,
      credibility: row.credibility,
      diagnosticity: view.scores.diagnosticity[row.id] ?? 0,
      sensitive: view.scores.sensitiveRows.includes(row.id),
      ratings: view.hypotheses.map((hypothesis) => rating.get(`${row.id} ${hypothesis.id}`) ?? ''),
    })),
    cellNotes: view.cells
      .filter((cell) => cell.authorId === localAuthor && cell.note.trim() !== '' && rowOrder.has(cell.rowId))
      .sort((a, b) => rowOrder.get(a.rowId)! - rowOrder.get(b.rowId)!)
      .map(
        (cell) =>
          `${labelOf.get(cell.rowId) ?? cell.rowId} × ${hypothesisName.get(cell.hypothesisId) ?? cell.hypothesisId} ` +
          `(${cell.rating === 'NA' ? 'N/A' : cell.rating}): ${cell.note.trim()}`,
      ),
    disagreements: view.disagreements.map(
      (cell) =>
        `${labelOf.get(cell.rowId) ?? cell.rowId} × ${labelOf.get(cell.hypothesisId) ?? cell.hypothesisId}: ` +
        cell.ratings.map((item) => `${item.authorName} ${item.rating}`).join(', '),
    ),
  };
}

/**
 * Hypotheses' labels as one phrase that reads right when a label holds a comma: each quoted,
 * the last joined by "and" (“Yes, covert” and “No, overt”; “A”, “B” and “C”).
 */
export function quotedLabels(labels: readonly string[]): string {
  const quoted = labels.map((label) => `“${label}”`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/**
 * How the views name first place: "Leading: Storm" when one hypothesis alone ranks first,
 * "Tied for first: “Storm” and “Seized at sea”" when several share it; '' when none does.
 */
export function leadersText(labels: readonly string[]): string {
  if (labels.length === 0) return '';
  return labels.length === 1 ? `Leading: ${labels[0]}` : `Tied for first: ${quotedLabels(labels)}`;
}

/** A rank as text: "2", or "2=" when another hypothesis shares it. */
export function rankText(rank: number, shared: boolean): string {
  return rank > 0 ? `${rank}${shared ? '=' : ''}` : '';
}

/** A score as the export prints it: two decimals, so the CSV and the PDF agree. */
export function scoreText(value: number): string {
  return value.toFixed(2);
}

/** An annotation's grade and sources as short phrases: "Grade: B2 — Usually reliable, Probably true", "Source: Harbour Radio (B)". */
export function evidencePhrases(evidence: AnnotationEvidence | undefined): string[] {
  if (!evidence) return [];
  const phrases: string[] = [];
  if (evidence.grade !== '') phrases.push(`Grade: ${evidence.grade}`);
  if (evidence.sources.length > 0)
    phrases.push(`${evidence.sources.length === 1 ? 'Source' : 'Sources'}: ${evidence.sources.join('; ')}`);
  return phrases;
}

/** Whether another hypothesis has the same rank as `id`. */
export function sharesRank(ranks: Readonly<Record<string, number>>, id: string): boolean {
  const rank = ranks[id];
  return rank !== undefined && Object.keys(ranks).some((other) => other !== id && ranks[other] === rank);
}

/** Whether a cell's rating counts as rated: N/A and an empty cell rate nothing, so they rank nothing either. */
export function countsAsRated(rating: AchRating | ''): boolean {
  return rating !== '' && rating !== 'NA';
}

/**
 * Before any rating every hypothesis scores 0: ranked "1=" each they would read as a ranking,
 * so they stay unranked until something is rated, as the app, the CLI, the CSV and the PDF leave them (N/A rates nothing).
 */
export function unrankedUntilRated(matrix: AchMatrix): AchMatrix {
  if (matrix.rows.some((row) => row.ratings.some(countsAsRated))) return matrix;
  return { ...matrix, hypotheses: matrix.hypotheses.map((hypothesis) => ({ ...hypothesis, rank: 0, tied: false })) };
}
