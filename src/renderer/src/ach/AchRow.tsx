// One evidence row of the matrix: the evidence (row header, with its sensitivity as text),
// relevance, diagnosticity and my rating against each hypothesis. Drawn again only when the
// row's model or the focused column in it changes.
import { memo } from 'react';
import type { AchHypothesis } from '../../../shared/evidence';
import { cellName, disagreementText, formatScore, RATING_TEXT, RELEVANCE_NAMES } from './ach-labels';
import type { MatrixRow } from './ach-model';
import styles from './Ach.module.css';

export const EVIDENCE_COL = 'evidence';
export const RELEVANCE_COL = 'relevance';
export const DIAGNOSTICITY_COL = 'diagnosticity';

interface AchRowProps {
  model: MatrixRow;
  /** The row's place in the whole grid (aria-rowindex: the header is 1), drawn or not. */
  rowIndex: number;
  hypotheses: readonly AchHypothesis[];
  /** The focusable column in this row (roving tabindex), or null when focus is in another row. */
  activeCol: string | null;
  /** Removes the row; null on another analyst's analysis, which only they shape. */
  onRemove: ((rowId: string) => void) | null;
  onCycleRelevance: (rowId: string) => void;
}

const tab = (activeCol: string | null, col: string) => (activeCol === col ? 0 : -1);

function EvidenceHeader({ model, activeCol, onRemove }: Pick<AchRowProps, 'model' | 'activeCol' | 'onRemove'>) {
  const { row } = model;
  const kind = row.evidence.kind === 'claim' ? 'Claim' : 'Annotation';
  return (
    <th
      role="rowheader"
      scope="row"
      className={styles.evidence}
      tabIndex={tab(activeCol, EVIDENCE_COL)}
      data-col={EVIDENCE_COL}
    >
      <span className={styles.evidenceLabel}>{row.label}</span>
      <span className={styles.evidenceMeta}>
        {kind}
        {row.credibility && ` · credibility ${row.credibility}`}
        {model.sensitive && (
          <span className={styles.sensitive} title="Removing this evidence alone would change the ranking">
            Sensitive
          </span>
        )}
      </span>
      {onRemove && (
        <button
          type="button"
          tabIndex={-1}
          className={styles.rowRemove}
          aria-label={`Remove evidence “${row.label}”`}
          onClick={() => onRemove(row.id)}
        >
          ×
        </button>
      )}
    </th>
  );
}

function RatingCell({ model, hypothesis, active }: { model: MatrixRow; hypothesis: AchHypothesis; active: boolean }) {
  const cell = model.mine[hypothesis.id];
  const disagreement = model.disagreements[hypothesis.id];
  const rating = cell?.rating ?? null;
  return (
    <td
      role="gridcell"
      tabIndex={active ? 0 : -1}
      data-col={hypothesis.id}
      data-rating={rating ?? ''}
      data-disagree={disagreement ? 'true' : undefined}
      className={styles.rating}
      aria-label={cellName({
        evidence: model.row.label,
        hypothesis: hypothesis.label,
        rating,
        note: cell?.note ?? '',
        disagreement,
      })}
      title={cell?.note || undefined}
    >
      <span className={styles.ratingText}>{rating ? RATING_TEXT[rating] : ''}</span>
      {cell?.note && (
        <span className={styles.noteMark} aria-hidden="true">
          ✎
        </span>
      )}
      {disagreement && (
        <span className={styles.disagree} aria-hidden="true">
          ≠ {disagreementText(disagreement)}
        </span>
      )}
    </td>
  );
}

function AchRowImpl({ model, rowIndex, hypotheses, activeCol, onRemove, onCycleRelevance }: AchRowProps) {
  const { row } = model;
  return (
    <tr data-row={row.id} aria-rowindex={rowIndex} data-sensitive={model.sensitive ? 'true' : undefined}>
      <EvidenceHeader model={model} activeCol={activeCol} onRemove={onRemove} />
      <td
        role="gridcell"
        tabIndex={tab(activeCol, RELEVANCE_COL)}
        data-col={RELEVANCE_COL}
        className={styles.relevance}
        aria-label={`Relevance of “${row.label.slice(0, 80)}”: ${RELEVANCE_NAMES[row.relevance]}`}
        onClick={() => onCycleRelevance(row.id)}
      >
        {RELEVANCE_NAMES[row.relevance]}
      </td>
      <td
        role="gridcell"
        tabIndex={tab(activeCol, DIAGNOSTICITY_COL)}
        data-col={DIAGNOSTICITY_COL}
        className={styles.diagnosticity}
        aria-label={`Diagnosticity of “${row.label.slice(0, 80)}”: ${formatScore(model.diagnosticity)}`}
      >
        {formatScore(model.diagnosticity)}
      </td>
      {hypotheses.map((hypothesis) => (
        <RatingCell key={hypothesis.id} model={model} hypothesis={hypothesis} active={activeCol === hypothesis.id} />
      ))}
    </tr>
  );
}

/** Rows compare by model identity (ach-model keeps unchanged rows identical) and focused column. */
export const AchRow = memo(
  AchRowImpl,
  (before, after) =>
    before.model === after.model &&
    before.rowIndex === after.rowIndex &&
    before.activeCol === after.activeCol &&
    before.onRemove === after.onRemove &&
    before.onCycleRelevance === after.onCycleRelevance,
);
