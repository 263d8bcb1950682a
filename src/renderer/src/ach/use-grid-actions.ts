// What the grid's keys and buttons do to one analysis: rate, set relevance, and the dialogs
// and confirmations for notes, renaming and removing. Stable across renders (the grid's rows
// are memoized on them); the latest view is read through a ref.
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { AchView } from '../../../shared/evidence';
import { notifications } from '../app/notifications/store';
import { useStores } from '../app/stores';
import type { Ownership } from '../evidence/ownership';
import { ownedBy } from '../evidence/ownership';
import type { GridActions } from './AchGrid';
import type { AnalysisState } from './use-analysis';

export type AnalysisDialog =
  | { kind: 'question' }
  | { kind: 'addHypothesis' }
  | { kind: 'renameHypothesis'; id: string }
  | { kind: 'cell'; rowId: string; hypothesisId: string }
  | { kind: 'evidence' }
  | null;

/** What the matrix's keys say on another analyst's analysis, whose shape only they change. */
export function theirAnalysisNote(ownership: Ownership): string {
  const whose = `This is ${ownedBy(ownership, 'analysis')}: only they can change its question, hypotheses and evidence.`;
  return `${whose} You can still rate it: your ratings are kept beside theirs.`;
}

function notifyTheirs(ownership: Ownership): void {
  notifications.notify(theirAnalysisNote(ownership), 'info');
}

export function useGridActions(
  id: string,
  analysis: AnalysisState,
  openDialog: (dialog: AnalysisDialog) => void,
): GridActions {
  const { client, dialogs } = useStores();
  const latest = useRef<AchView | null>(analysis.view);
  const owner = useRef<Ownership>(analysis.ownership);
  useLayoutEffect(() => {
    latest.current = analysis.view;
    owner.current = analysis.ownership;
  });
  const { change, rate } = analysis;
  return useMemo<GridActions>(() => {
    const hypothesisLabel = (hypothesisId: string) =>
      latest.current?.hypotheses.find((hypothesis) => hypothesis.id === hypothesisId)?.label ?? '';
    const rowLabel = (rowId: string) => latest.current?.rows.find((row) => row.id === rowId)?.label ?? '';
    /** Runs a change to the analysis's shape when it is mine; else says whose it is. */
    const shape = (run: () => void) => (owner.current.mine ? run() : notifyTheirs(owner.current));
    return {
      rate,
      note: (rowId, hypothesisId) => openDialog({ kind: 'cell', rowId, hypothesisId }),
      relevance: (rowId, relevance) =>
        shape(
          () =>
            void change("Couldn't change the relevance", () =>
              client.saveAchRow({ analysisId: id, id: rowId, relevance }),
            ),
        ),
      renameHypothesis: (hypothesisId) => shape(() => openDialog({ kind: 'renameHypothesis', id: hypothesisId })),
      removeHypothesis: (hypothesisId) =>
        shape(() =>
          dialogs.confirm({
            title: `Remove the hypothesis “${hypothesisLabel(hypothesisId)}”?`,
            body: 'Its column and every rating in it are removed from this analysis.',
            confirmLabel: 'Remove',
            onConfirm: () =>
              void change("Couldn't remove the hypothesis", () =>
                client.removeHypothesis({ analysisId: id, id: hypothesisId }),
              ),
          }),
        ),
      removeRow: (rowId) =>
        shape(() =>
          dialogs.confirm({
            title: 'Remove this evidence from the analysis?',
            body: `“${rowLabel(rowId).slice(0, 200)}” and its ratings leave the matrix. The claim or annotation itself stays.`,
            confirmLabel: 'Remove',
            onConfirm: () =>
              void change("Couldn't remove the evidence", () => client.removeAchRow({ analysisId: id, id: rowId })),
          }),
        ),
    };
  }, [change, rate, client, dialogs, id, openDialog]);
}
