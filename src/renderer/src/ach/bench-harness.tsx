// The matrix alone on a synthetic analysis, for bench/ach-render.ts (bundled there, never by
// the app): each timed rating recomputes the scores with the shared rules, rebuilds the view
// and re-renders the grid, then forces layout, as the app does when a rating comes back.
import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { AchCell, AchRating, AchView } from '../../../shared/evidence';
import { ADMIRALTY_SCHEME, RELEVANCE_LEVELS } from '../../../shared/evidence';
import { scoreAnalysis } from '../../../shared/evidence-rules';
import '../app/tokens.css';
import '../app/global.css';
import type { MatrixRow } from './ach-model';
import { leadingHypotheses, matrixRows } from './ach-model';
import { AchGrid } from './AchGrid';
import type { GridActions } from './AchGrid';

const ME = 'bench-analyst';
const RATINGS: AchRating[] = ['CC', 'C', 'N', 'I', 'II', 'NA'];

export interface RatingTiming {
  scoreMs: number;
  renderMs: number;
  layoutMs: number;
  totalMs: number;
}

/** An analysis of `hypotheses` × `rows`, every cell rated from a fixed pattern. */
function syntheticView(hypotheses: number, rows: number): AchView {
  const at = '2026-12-01T00:00:00.000Z';
  const cells: AchCell[] = [];
  for (let row = 0; row < rows; row += 1)
    for (let column = 0; column < hypotheses; column += 1)
      cells.push({
        rowId: `r${row}`,
        hypothesisId: `h${column}`,
        rating: RATINGS[(row * 7 + column * 3) % RATINGS.length]!,
        note: '',
        authorId: ME,
        updatedAt: at,
      });
  const view: AchView = {
    id: 'bench',
    question: 'Who carried out the attack on the coastal city?',
    hypotheses: Array.from({ length: hypotheses }, (_, index) => ({
      id: `h${index}`,
      label: `Hypothesis ${index + 1}`,
    })),
    rows: Array.from({ length: rows }, (_, index) => ({
      id: `r${index}`,
      evidence: { kind: 'annotation' as const, id: `a${index}` },
      relevance: RELEVANCE_LEVELS[index % 3]!,
      label: `Evidence ${index + 1}: residents and officials told the channel what they saw near the hospital`,
      credibility: String((index % 6) + 1),
    })),
    cells,
    authorId: ME,
    createdAt: at,
    updatedAt: at,
    scores: { inconsistency: {}, ranking: [], ranks: {}, diagnosticity: {}, sensitiveRows: [] },
    disagreements: [],
    analyst: { authorId: ME, name: 'Bench', ratings: cells.length, you: true },
    analysts: [{ authorId: ME, name: 'Bench', ratings: cells.length, you: true }],
  };
  return { ...view, scores: score(view) };
}

function score(view: AchView) {
  return scoreAnalysis({
    hypothesisIds: view.hypotheses.map((hypothesis) => hypothesis.id),
    rows: view.rows.map((row) => ({ id: row.id, relevance: row.relevance, credibility: row.credibility })),
    ratings: view.cells.map(({ rowId, hypothesisId, rating }) => ({ rowId, hypothesisId, rating })),
    scheme: ADMIRALTY_SCHEME,
  });
}

const NO_ACTIONS: GridActions = {
  rate: () => undefined,
  note: () => undefined,
  relevance: () => undefined,
  removeRow: () => undefined,
  renameHypothesis: () => undefined,
  removeHypothesis: () => undefined,
};

const bridge: { apply: ((view: AchView, share: boolean) => void) | null } = { apply: null };

function Harness({ initial }: { initial: AchView }) {
  const [state, setState] = useState({ view: initial, share: true });
  const previous = useRef<MatrixRow[]>([]);
  useLayoutEffect(() => {
    bridge.apply = (view, share) => setState({ view, share });
  }, []);
  previous.current = matrixRows(state.view, ME, state.share ? previous.current : []);
  return (
    <AchGrid
      question={state.view.question}
      hypotheses={initial.hypotheses}
      rows={previous.current}
      scores={state.view.scores}
      leaders={leadingHypotheses(state.view, ME)}
      actions={NO_ACTIONS}
    />
  );
}

function mount(hypotheses: number, rows: number): AchView {
  const view = syntheticView(hypotheses, rows);
  const root = document.getElementById('root')!;
  flushSync(() => createRoot(root).render(<Harness initial={view} />));
  return view;
}

let current: AchView | null = null;

/** Rates one cell, as the app shows the core's answer; `share: false` draws every row again. */
function rate(row: number, column: number, rating: AchRating, share = true): RatingTiming {
  const start = performance.now();
  const view = current!;
  const cells = view.cells.map((cell) =>
    cell.rowId === `r${row}` && cell.hypothesisId === `h${column}` ? { ...cell, rating } : cell,
  );
  const next: AchView = { ...view, cells };
  next.scores = score(next);
  const scored = performance.now();
  flushSync(() => bridge.apply!(next, share));
  const rendered = performance.now();
  void document.getElementById('root')!.getBoundingClientRect().height;
  const laidOut = performance.now();
  current = next;
  return {
    scoreMs: scored - start,
    renderMs: rendered - scored,
    layoutMs: laidOut - rendered,
    totalMs: laidOut - start,
  };
}

/** The floor: the text of one drawn rating cell changed straight in the DOM, then layout. */
function rawCellChange(row: number, column: number, text: string): number {
  const start = performance.now();
  const drawn = document.querySelectorAll('tbody tr[data-row]');
  const cell = drawn[row % Math.max(1, drawn.length)]?.querySelector(`[data-col="h${column}"] span`);
  if (cell) cell.textContent = text;
  void document.getElementById('root')!.getBoundingClientRect().height;
  return performance.now() - start;
}

Object.assign(window, {
  __ach: {
    mount: (hypotheses: number, rows: number) => {
      current = mount(hypotheses, rows);
      return document.querySelectorAll('[role="gridcell"]').length;
    },
    rate,
    rawCellChange,
  },
});
