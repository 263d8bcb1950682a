// What the grid's keys and buttons do to one analysis: rate, set relevance, and the dialogs
// and confirmations for notes, renaming and removing. Stable across renders (the grid's rows
// are memoized on them); the latest view is read through a ref.
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { AchView } from '../../../shared/evidence';
import { useStores } from '../app/stores';
import type { GridActions } from './AchGrid';
import type { AnalysisState } from './use-analysis';

export type AnalysisDialog =
  | { kind: 'question' }
  | { kind: 'addHypothesis' }
  | { kind: 'renameHypothesis'; id: string }
  | { kind: 'cell'; rowId: string; hypothesisId: string }
  | { kind: 'evidence' }
  | null;

export function useGridActions(
  id: string,
  analysis: AnalysisState,
  openDialog: (dialog: AnalysisDialog) => void,
): GridActions {
  const { client, dialogs } = useStores();
  const latest = useRef<AchView | null>(analysis.view);
  useLayoutEffect(() => {
    latest.current = analysis.view;
  });
  const { change, rate } = analysis;
  return useMemo<GridActions>(() => {
    const hypothesisLabel = (hypothesisId: string) =>
      latest.current?.hypotheses.find((hypothesis) => hypothesis.id === hypothesisId)?.label ?? '';
    const rowLabel = (rowId: string) => latest.current?.rows.find((row) => row.id === rowId)?.label ?? '';
    return {
      rate,
      note: (rowId, hypothesisId) => openDialog({ kind: 'cell', rowId, hypothesisId }),
      relevance: (rowId, relevance) =>
        void change("Couldn't change the relevance", () => client.saveAchRow({ analysisId: id, id: rowId, relevance })),
      renameHypothesis: (hypothesisId) => openDialog({ kind: 'renameHypothesis', id: hypothesisId }),
      removeHypothesis: (hypothesisId) =>
        dialogs.confirm({
          title: `Remove the hypothesis “${hypothesisLabel(hypothesisId)}”?`,
          body: 'Its column and every rating in it are removed from this analysis.',
          confirmLabel: 'Remove',
          onConfirm: () =>
            void change("Couldn't remove the hypothesis", () =>
              client.removeHypothesis({ analysisId: id, id: hypothesisId }),
            ),
        }),
      removeRow: (rowId) =>
        dialogs.confirm({
          title: 'Remove this evidence from the analysis?',
          body: `“${rowLabel(rowId).slice(0, 200)}” and its ratings leave the matrix. The claim or annotation itself stays.`,
          confirmLabel: 'Remove',
          onConfirm: () =>
            void change("Couldn't remove the evidence", () => client.removeAchRow({ analysisId: id, id: rowId })),
        }),
    };
  }, [change, rate, client, dialogs, id, openDialog]);
}
