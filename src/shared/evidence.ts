// The evidence model: sources and their grades, links between annotations, claims with
// their evidence, and analyses of competing hypotheses (ACH). Every item points at real
// passages through annotation ids; statuses and scores are computed, never stored.
import { countOf } from './plural';

export const SOURCE_KINDS = ['outlet', 'official', 'person', 'group', 'document', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** One level of a grading scale: a code ("B", "2"), its name and what it means. */
export interface GradeLevel {
  code: string;
  label: string;
  description: string;
}

/**
 * A grading scheme: source reliability and information credibility, each ordered from best
 * to worst. The last level of each is "cannot be judged", which ranks as no grade.
 */
export interface GradingScheme {
  name: string;
  reliability: GradeLevel[];
  credibility: GradeLevel[];
}

/** The Admiralty (NATO) system, the default scheme. */
export const ADMIRALTY_SCHEME: GradingScheme = {
  name: 'Admiralty',
  reliability: [
    {
      code: 'A',
      label: 'Completely reliable',
      description: 'No doubt of authenticity, trustworthiness or competency; a history of complete reliability.',
    },
    {
      code: 'B',
      label: 'Usually reliable',
      description: 'Minor doubt; a history of valid information most of the time.',
    },
    { code: 'C', label: 'Fairly reliable', description: 'Doubt; has provided valid information in the past.' },
    {
      code: 'D',
      label: 'Not usually reliable',
      description: 'Significant doubt; has provided valid information in the past.',
    },
    {
      code: 'E',
      label: 'Unreliable',
      description: 'Lacking in authenticity, trustworthiness and competency; a history of invalid information.',
    },
    {
      code: 'F',
      label: 'Reliability cannot be judged',
      description: 'No basis exists for evaluating the reliability of the source.',
    },
  ],
  credibility: [
    {
      code: '1',
      label: 'Confirmed by other sources',
      description:
        'Confirmed by other independent sources; logical in itself; consistent with other information on the subject.',
    },
    {
      code: '2',
      label: 'Probably true',
      description: 'Not confirmed; logical in itself; consistent with other information on the subject.',
    },
    {
      code: '3',
      label: 'Possibly true',
      description: 'Not confirmed; reasonably logical in itself; agrees with some other information on the subject.',
    },
    {
      code: '4',
      label: 'Doubtful',
      description: 'Not confirmed; possible but not logical; no other information on the subject.',
    },
    {
      code: '5',
      label: 'Improbable',
      description: 'Not confirmed; not logical in itself; contradicted by other information on the subject.',
    },
    {
      code: '6',
      label: 'Truth cannot be judged',
      description: 'No basis exists for evaluating the validity of the information.',
    },
  ],
};

/** Who said it: an outlet, an official, "residents", a document. Reused across documents. */
export interface EvidenceSource {
  id: string;
  name: string;
  kind: SourceKind;
  /** A reliability code of the library's scheme, or '' when not graded. */
  reliability: string;
  reliabilityReason: string;
  notes: string;
  authorId: string;
  createdAt: string;
  updatedAt: string;
}

/** An annotation's own sources (else its document's) and the credibility of what it says. */
export interface AnnotationGrade {
  annotationId: string;
  documentId: string;
  /** The annotation's own sources; empty means its document's default sources apply. */
  sourceIds: string[];
  /** A credibility code of the scheme, or '' when not graded. */
  credibility: string;
  authorId: string;
  updatedAt: string;
}

export const LINK_KINDS = ['supports', 'contradicts', 'same-event', 'cites', 'repeats'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** A typed link from one annotation to another ("from repeats to": from is derived from to). */
export interface AnnotationLink {
  id: string;
  kind: LinkKind;
  fromId: string;
  toId: string;
  authorId: string;
  createdAt: string;
}

/** What still names a source: annotation grades and documents (as their default source). */
export interface SourceUses {
  grades: number;
  documents: number;
}

export interface DeleteSourceResult {
  deleted: true;
  /** What the source was taken off. */
  uses: SourceUses;
}

/** How a refusal to delete a source in use ends; the command line says its own flag instead. */
export const DELETE_ANYWAY = ', or delete it anyway.';

/** “residents” is the source of 3 grades and 1 document; remove it from them first */
export function sourceInUseMessage(name: string, uses: SourceUses): string {
  return `“${name}” is the source of ${usesText(uses)}; remove it from them first`;
}

/** "3 grades and 1 document", "1 grade", "2 documents". */
export function usesText(uses: SourceUses): string {
  const parts = [
    ...(uses.grades > 0 ? [countOf(uses.grades, 'grade')] : []),
    ...(uses.documents > 0 ? [countOf(uses.documents, 'document')] : []),
  ];
  return parts.length === 0 ? 'nothing' : parts.join(' and ');
}

/** An annotation as the evidence views show it: where it is and what it quotes. */
export interface PassageRef {
  annotationId: string;
  documentId: string;
  documentTitle: string;
  /** The quoted text (shortened), or the note's first words for a note without a quote. */
  quote: string;
  /** "p. 3" or '' when the document has no pages. */
  page: string;
}

/** A link seen from one of its ends: the other end, and which way the link points. */
export interface LinkView extends AnnotationLink {
  direction: 'outgoing' | 'incoming';
  other: PassageRef;
}

export const STANCES = ['supports', 'contradicts', 'context'] as const;
export type Stance = (typeof STANCES)[number];

export interface ClaimEvidence {
  annotationId: string;
  stance: Stance;
}

export interface Claim {
  id: string;
  statement: string;
  evidence: ClaimEvidence[];
  authorId: string;
  createdAt: string;
  updatedAt: string;
}

export const CLAIM_STATUSES = ['corroborated', 'contested', 'single-source', 'unsupported'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface ClaimSummary {
  id: string;
  statement: string;
  status: ClaimStatus;
  counts: Record<Stance, number>;
  /**
   * The best grade among the supporting evidence, such as "B2" (reliability ranks first);
   * '' when none is graded. Contradicting and context pieces do not count.
   */
  bestGrade: string;
  /** Who made the claim, the only one who may reword it, change its evidence or delete it. */
  authorId: string;
  updatedAt: string;
}

/** A piece of a claim's evidence with what is needed to weigh it. */
export interface ClaimEvidenceView extends ClaimEvidence {
  passage: PassageRef;
  sources: Array<Pick<EvidenceSource, 'id' | 'name' | 'reliability'>>;
  credibility: string;
  /** Reliability and credibility together, such as "B2", "B" or "2"; '' when neither. */
  grade: string;
}

export interface ClaimDetail extends ClaimSummary {
  evidence: ClaimEvidenceView[];
  /** How many supporting pieces are independent of one another (groups of dependent ones count once). */
  independentSupport: number;
  /**
   * Why the supporting pieces count as one source, one sentence per merged piece, such as
   * “B…” repeats “A…” or “A…” and “B…” are both from Libya's Channel; empty unless the claim
   * is single-source with more than one supporting piece.
   */
  singleSourceReasons: string[];
  /**
   * The best credibility among the supporting evidence ('' when none is graded): what weighs
   * the claim as an ACH row. It can differ from `bestGrade`'s, which ranks reliability first.
   */
  supportCredibility: string;
  createdAt: string;
}

export const ACH_RATINGS = ['CC', 'C', 'N', 'I', 'II', 'NA'] as const;
export type AchRating = (typeof ACH_RATINGS)[number];

export const RELEVANCE_LEVELS = ['low', 'medium', 'high'] as const;
export type Relevance = (typeof RELEVANCE_LEVELS)[number];

export interface AchHypothesis {
  id: string;
  label: string;
}

/** A row of the matrix: a claim or an annotation, with the relevance the analyst gives it. */
export interface AchRow {
  id: string;
  evidence: { kind: 'claim' | 'annotation'; id: string };
  relevance: Relevance;
}

/** One analyst's rating of one row against one hypothesis. */
export interface AchCell {
  rowId: string;
  hypothesisId: string;
  rating: AchRating;
  note: string;
  authorId: string;
  updatedAt: string;
}

export interface AchAnalysis {
  id: string;
  question: string;
  hypotheses: AchHypothesis[];
  rows: AchRow[];
  /** Every analyst's ratings; the local analyst's are the ones edited. */
  cells: AchCell[];
  authorId: string;
  createdAt: string;
  updatedAt: string;
}

/** What the matrix computes from one analyst's ratings. */
export interface AchScores {
  /** Weighted inconsistency per hypothesis (I = 1, II = 2, times credibility and relevance weights). */
  inconsistency: Record<string, number>;
  /** Hypothesis ids, least inconsistent (most likely) first; equal scores in the order the hypotheses were added. */
  ranking: string[];
  /** Per hypothesis: its standard competition rank (equal scores share a rank: 1, 1, 3). */
  ranks: Record<string, number>;
  /** Per row: how much it separates the hypotheses (0 when it rates them all alike). */
  diagnosticity: Record<string, number>;
  /** Rows whose removal alone would change any hypothesis's rank (order or ties). */
  sensitiveRows: string[];
}

/** A cell where analysts disagree. */
export interface AchDisagreement {
  rowId: string;
  hypothesisId: string;
  ratings: Array<{ authorId: string; authorName: string; rating: AchRating }>;
}

export interface AchRowView extends AchRow {
  /** The claim's statement or the annotation's quote. */
  label: string;
  /** The evidence's credibility code ('' when not graded). */
  credibility: string;
}

/** An analyst who has rated cells of an analysis. */
export interface AchAnalyst {
  authorId: string;
  name: string;
  /** How many cells they have rated. */
  ratings: number;
  /** Whether this is the local analyst, the only one whose ratings can be changed here. */
  you: boolean;
}

export interface AchView extends Omit<AchAnalysis, 'rows'> {
  /** Rows sorted by diagnosticity, most diagnostic first. */
  rows: AchRowView[];
  /** Computed from the shown analyst's ratings. */
  scores: AchScores;
  disagreements: AchDisagreement[];
  /**
   * Whose ratings the scores, ranking and matrix show: the one asked for, else the local analyst
   * once they have rated anything, else the analysis's author, else whoever rated most, so an
   * analysis received in a bundle opens on its sender's matrix rather than an empty one.
   */
  analyst: AchAnalyst;
  /** Everyone who rated cells, the local analyst always among them; the analysis's author first. */
  analysts: AchAnalyst[];
}

export interface AchSummary {
  id: string;
  question: string;
  hypotheses: number;
  rows: number;
  /** The hypotheses ranked first by the local analyst's ratings (several when tied); none when nothing is rated. */
  leading: string[];
  /** Who made the analysis, the only one who may change its question, hypotheses and rows or delete it. */
  authorId: string;
  /** Their name where their ratings carry it; '' when unknown. */
  authorName: string;
  updatedAt: string;
}
