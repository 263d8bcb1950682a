// The matrix as an ARIA grid named by the question: hypotheses as columns (with score, rank
// and the leader marked), evidence rows most diagnostic first. One cell is in the Tab order
// (roving tabindex); arrows move, letters rate, Enter opens the note, Delete clears.
import type { FocusEvent, KeyboardEvent } from 'react';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { AchHypothesis, AchRating, AchScores, Relevance } from '../../../shared/evidence';
import { RELEVANCE_LEVELS } from '../../../shared/evidence';
import { formatScore } from './ach-labels';
import type { MatrixRow } from './ach-model';
import { standingLabel } from './ach-model';
import { AchRow, DIAGNOSTICITY_COL, EVIDENCE_COL, RELEVANCE_COL } from './AchRow';
import type { CellKind, GridIntent } from './grid-keys';
import { intentForKey } from './grid-keys';
import { moveInGrid } from './grid-nav';
import { useRowWindow } from './row-window';
import styles from './Ach.module.css';

export interface GridActions {
  rate: (rowId: string, hypothesisId: string, rating: AchRating | null) => void;
  note: (rowId: string, hypothesisId: string) => void;
  relevance: (rowId: string, relevance: Relevance) => void;
  removeRow: (rowId: string) => void;
  renameHypothesis: (hypothesisId: string) => void;
  removeHypothesis: (hypothesisId: string) => void;
}

interface AchGridProps {
  question: string;
  hypotheses: readonly AchHypothesis[];
  rows: readonly MatrixRow[];
  scores: AchScores;
  /** The hypotheses ranked first (several when tied); none before I rate anything. */
  leaders: readonly string[];
  actions: GridActions;
  /** Someone else's ratings are shown: the cells can be read, not rated. */
  readOnly?: boolean;
  /** Whether the analysis is mine to shape (rows removed here); another analyst's is theirs. */
  canShape?: boolean;
}

const HEADER = 'header';
interface Active {
  row: string;
  col: string;
}

function HypothesisHeader(props: {
  hypothesis: AchHypothesis;
  scores: AchScores;
  leaders: readonly string[];
  active: boolean;
}) {
  const { hypothesis, scores } = props;
  const leading = props.leaders.includes(hypothesis.id);
  // Before any rating every hypothesis scores 0: no standing is shown then, as no leader is.
  const standing = props.leaders.length > 0 ? standingLabel(scores, hypothesis.id, props.leaders) : '';
  return (
    <th
      role="columnheader"
      scope="col"
      tabIndex={props.active ? 0 : -1}
      data-col={hypothesis.id}
      className={styles.hypothesis}
      data-leading={leading ? 'true' : undefined}
    >
      <span className={styles.hypothesisLabel}>{hypothesis.label}</span>
      <span className={styles.score}>
        {standing && <span className={leading ? styles.leading : undefined}>{standing} · </span>}
        <span title="Weighted inconsistency: lower is more likely">
          {formatScore(scores.inconsistency[hypothesis.id])}
        </span>
      </span>
    </th>
  );
}

/** Stands in for the rows not drawn, so the scrollbar spans them all. */
function Spacer({ height, cols }: { height: number; cols: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" className={styles.spacer}>
      <td colSpan={cols} style={{ height }} />
    </tr>
  );
}

function cellKind(active: Active): CellKind {
  if (active.row === HEADER)
    return active.col === EVIDENCE_COL || active.col === RELEVANCE_COL || active.col === DIAGNOSTICITY_COL
      ? 'other'
      : 'hypothesis';
  if (active.col === EVIDENCE_COL) return 'evidence';
  if (active.col === RELEVANCE_COL) return 'relevance';
  return active.col === DIAGNOSTICITY_COL ? 'other' : 'rating';
}

/** The active cell, kept on the same row and column when rows re-sort, else on the nearest one. */
function useActiveCell(rows: readonly MatrixRow[], cols: readonly string[]) {
  const [wanted, setWanted] = useState<Active>({ row: HEADER, col: EVIDENCE_COL });
  const lastIndex = useRef({ row: 0, col: 0 });
  const rowIds = [HEADER, ...rows.map((row) => row.row.id)];
  let rowIndex = rowIds.indexOf(wanted.row);
  let colIndex = cols.indexOf(wanted.col);
  if (rowIndex < 0) rowIndex = Math.min(lastIndex.current.row, rowIds.length - 1);
  if (colIndex < 0) colIndex = Math.min(lastIndex.current.col, cols.length - 1);
  lastIndex.current = { row: rowIndex, col: colIndex };
  const active: Active = { row: rowIds[rowIndex]!, col: cols[colIndex]! };
  const moveTo = (row: number, col: number) => setWanted({ row: rowIds[row]!, col: cols[col]! });
  return { active, rowIndex, colIndex, rowCount: rowIds.length, setActive: setWanted, moveTo };
}

/**
 * The rows in the order they had when the keyboard came into the grid, while it stays there:
 * re-sorting under the keys at each rating sent ↓ back to a row already rated, and its next
 * keys over ratings made. New rows join at the end; the grid sorts again once focus leaves it.
 */
function useHeldOrder(rows: readonly MatrixRow[], holding: boolean): readonly MatrixRow[] {
  const held = useRef<string[] | null>(null);
  if (!holding) {
    held.current = null;
    return rows;
  }
  held.current ??= rows.map((row) => row.row.id);
  const byId = new Map(rows.map((row) => [row.row.id, row]));
  const kept = held.current.flatMap((id) => byId.get(id) ?? []);
  const known = new Set(held.current);
  const added = rows.filter((row) => !known.has(row.row.id));
  held.current = [...kept, ...added].map((row) => row.row.id);
  return [...kept, ...added];
}

/** Focus follows the active cell when its row moves; `setWithin` learns when focus comes in and leaves. */
function useFocusFollow(active: Active, setWithin: (within: boolean) => void) {
  const grid = useRef<HTMLTableElement>(null);
  const holding = useRef(false);
  useLayoutEffect(() => {
    const table = grid.current;
    if (!table || !holding.current) return;
    const row =
      active.row === HEADER
        ? table.querySelector('thead tr')
        : table.querySelector(`tr[data-row="${CSS.escape(active.row)}"]`);
    const cell = row?.querySelector<HTMLElement>(`[data-col="${CSS.escape(active.col)}"]`);
    if (cell && document.activeElement !== cell) cell.focus();
  });
  const onFocus = () => {
    holding.current = true;
    setWithin(true);
  };
  // Focus leaving to nowhere (a removed row) is still the grid's; to another control, it is not.
  // Tab past the last control also leaves to nowhere: once the moment's refocusing is done and
  // focus is still outside, the rows may sort again.
  const onBlur = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (next && !grid.current?.contains(next)) {
      holding.current = false;
      setWithin(false);
      return;
    }
    if (!next)
      setTimeout(() => {
        if (grid.current?.contains(document.activeElement)) return;
        holding.current = false;
        setWithin(false);
      }, 0);
  };
  return { grid, onFocus, onBlur };
}

/** A letter that may join the next into a chord ("CC"), on the cell it was typed on. */
interface Chord extends Active {
  key: string;
  at: number;
}

function chordOn(chord: Chord | null, active: Active): Chord | null {
  return chord && chord.row === active.row && chord.col === active.col ? chord : null;
}

function useGridKeys(rows: readonly MatrixRow[], cols: readonly string[], actions: GridActions, readOnly: boolean) {
  const cell = useActiveCell(rows, cols);
  // Only a letter typed on this cell, in my own ratings, joins the next: an "i" refused on another
  // analyst's cell made the "i" typed on my own a moment later II.
  const chord = useRef<Chord | null>(null);
  const byId = new Map(rows.map((row) => [row.row.id, row]));
  const run = (intent: GridIntent, active: Active) => {
    const { row, col } = active;
    if (intent.kind === 'rate') actions.rate(row, col, intent.rating);
    else if (intent.kind === 'note') actions.note(row, col);
    else if (intent.kind === 'relevance') actions.relevance(row, intent.relevance);
    else if (intent.kind === 'rename') actions.renameHypothesis(col);
    else if (row === HEADER) actions.removeHypothesis(col);
    else actions.removeRow(row);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (event.altKey || ((event.ctrlKey || event.metaKey) && event.key !== 'Home' && event.key !== 'End')) return;
    const moved = moveInGrid(event, { row: cell.rowIndex, col: cell.colIndex }, cell.rowCount, cols.length);
    if (moved) {
      event.preventDefault();
      chord.current = null;
      cell.moveTo(moved.row, moved.col);
      return;
    }
    const model = byId.get(cell.active.row);
    const now = Date.now();
    const found = intentForKey({
      key: event.key,
      cell: cellKind(cell.active),
      rating: model?.mine[cell.active.col]?.rating ?? null,
      relevance: model?.row.relevance ?? 'medium',
      last: chordOn(chord.current, cell.active),
      now,
    });
    if (!found) return;
    event.preventDefault();
    chord.current = found.chordKey && !readOnly ? { ...cell.active, key: found.chordKey, at: now } : null;
    run(found.intent, cell.active);
  };
  return { ...cell, onKeyDown };
}

export function AchGrid({
  question,
  hypotheses,
  rows: sorted,
  scores,
  leaders,
  actions,
  readOnly = false,
  canShape = true,
}: AchGridProps) {
  const cols = [EVIDENCE_COL, RELEVANCE_COL, DIAGNOSTICITY_COL, ...hypotheses.map((hypothesis) => hypothesis.id)];
  const [within, setWithin] = useState(false);
  const rows = useHeldOrder(sorted, within);
  const { active, rowIndex, setActive, onKeyDown } = useGridKeys(rows, cols, actions, readOnly);
  const shown = useRowWindow(rows.length, rowIndex - 1);
  const { grid, onFocus, onBlur } = useFocusFollow(active, setWithin);
  const onCellFocus = (event: FocusEvent) => {
    onFocus();
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-col]');
    const row = target?.closest('tr')?.getAttribute('data-row') ?? HEADER;
    const col = target?.getAttribute('data-col');
    if (col && (row !== active.row || col !== active.col)) setActive({ row, col });
  };
  // Stable across renders, so rows that did not change are not drawn again.
  const latestRows = useRef(rows);
  useLayoutEffect(() => {
    latestRows.current = rows;
  });
  const cycleRelevance = useCallback(
    (rowId: string) => {
      const row = latestRows.current.find((candidate) => candidate.row.id === rowId);
      if (!row) return;
      const next = RELEVANCE_LEVELS[(RELEVANCE_LEVELS.indexOf(row.row.relevance) + 1) % RELEVANCE_LEVELS.length]!;
      actions.relevance(rowId, next);
    },
    [actions],
  );
  const headerTab = (col: string) => (active.row === HEADER && active.col === col ? 0 : -1);
  return (
    <div className={styles.gridScroll} ref={shown.scroller} onScroll={shown.onScroll}>
      <table
        ref={grid}
        role="grid"
        aria-label={question}
        aria-rowcount={rows.length + 1}
        aria-colcount={cols.length}
        aria-readonly={readOnly || undefined}
        className={styles.grid}
        onKeyDown={onKeyDown}
        onFocus={onCellFocus}
        onBlur={onBlur}
        onDoubleClick={() =>
          active.row !== HEADER && cellKind(active) === 'rating' && actions.note(active.row, active.col)
        }
      >
        <colgroup>
          <col className={styles.evidenceCol} />
          <col className={styles.numberCol} />
          <col className={styles.numberCol} />
          {hypotheses.map((hypothesis) => (
            <col key={hypothesis.id} className={styles.hypothesisCol} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            <th
              role="columnheader"
              scope="col"
              tabIndex={headerTab(EVIDENCE_COL)}
              data-col={EVIDENCE_COL}
              className={styles.evidenceHead}
            >
              Evidence
            </th>
            <th role="columnheader" scope="col" tabIndex={headerTab(RELEVANCE_COL)} data-col={RELEVANCE_COL}>
              Relevance
            </th>
            <th
              role="columnheader"
              scope="col"
              tabIndex={headerTab(DIAGNOSTICITY_COL)}
              data-col={DIAGNOSTICITY_COL}
              title="How much the row separates the hypotheses; rows are sorted by it when you leave the matrix"
            >
              Diagnosticity
            </th>
            {hypotheses.map((hypothesis) => (
              <HypothesisHeader
                key={hypothesis.id}
                hypothesis={hypothesis}
                scores={scores}
                leaders={leaders}
                active={active.row === HEADER && active.col === hypothesis.id}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          <Spacer height={shown.first * shown.rowHeight} cols={cols.length} />
          {rows.slice(shown.first, shown.last).map((model, index) => (
            <AchRow
              key={model.row.id}
              rowIndex={shown.first + index + 2}
              model={model}
              hypotheses={hypotheses}
              activeCol={active.row === model.row.id ? active.col : null}
              onRemove={canShape ? actions.removeRow : null}
              onCycleRelevance={cycleRelevance}
            />
          ))}
          <Spacer height={(rows.length - shown.last) * shown.rowHeight} cols={cols.length} />
        </tbody>
      </table>
    </div>
  );
}
