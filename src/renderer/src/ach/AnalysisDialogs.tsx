// The dialog an analysis has open, if any: its question, a hypothesis to add or rename, a
// cell's rating and note, or the evidence picker.
import type { AchView } from '../../../shared/evidence';
import { useStores } from '../app/stores';
import { CellDialog, TextDialog } from './AchDialogs';
import { EvidencePicker } from './EvidencePicker';
import type { AnalysisDialog } from './use-grid-actions';
import type { AnalysisState } from './use-analysis';

interface AnalysisDialogsProps {
  id: string;
  view: AchView;
  analysis: AnalysisState;
  dialog: AnalysisDialog;
  onClose: () => void;
}

export function AnalysisDialogs({ id, view, analysis, dialog, onClose }: AnalysisDialogsProps) {
  const { client } = useStores();
  if (!dialog) return null;
  /** Runs a change and closes on success; on failure the dialog shows the reason. */
  const save = (call: () => ReturnType<typeof client.getAnalysis>) => async () => {
    const result = await call();
    if (!result.ok) return result.error.message;
    await analysis.reload();
    onClose();
    return null;
  };
  switch (dialog.kind) {
    case 'question':
      return (
        <TextDialog
          title="Edit question"
          label="Question"
          initial={view.question}
          submitLabel="Save"
          onCancel={onClose}
          onSubmit={(question) => save(() => client.saveAnalysis({ id, question }))()}
        />
      );
    case 'addHypothesis':
      return (
        <TextDialog
          title="Add hypothesis"
          label="Hypothesis"
          submitLabel="Add"
          onCancel={onClose}
          onSubmit={(label) => save(() => client.saveHypothesis({ analysisId: id, label }))()}
        />
      );
    case 'renameHypothesis': {
      const hypothesis = view.hypotheses.find((candidate) => candidate.id === dialog.id);
      return (
        <TextDialog
          title="Rename hypothesis"
          label="Hypothesis"
          initial={hypothesis?.label ?? ''}
          submitLabel="Rename"
          onCancel={onClose}
          onSubmit={(label) => save(() => client.saveHypothesis({ analysisId: id, id: dialog.id, label }))()}
        />
      );
    }
    case 'cell': {
      const row = view.rows.find((candidate) => candidate.id === dialog.rowId);
      const hypothesis = view.hypotheses.find((candidate) => candidate.id === dialog.hypothesisId);
      const mine = view.cells.find(
        (cell) =>
          cell.rowId === dialog.rowId &&
          cell.hypothesisId === dialog.hypothesisId &&
          cell.authorId === analysis.myAuthorId,
      );
      return (
        <CellDialog
          evidence={row?.label ?? ''}
          hypothesis={hypothesis?.label ?? ''}
          rating={mine?.rating ?? null}
          note={mine?.note ?? ''}
          onCancel={onClose}
          onSubmit={(rating, note) => {
            analysis.rate(dialog.rowId, dialog.hypothesisId, rating, note);
            onClose();
          }}
        />
      );
    }
    case 'evidence':
      return (
        <EvidencePicker
          present={view.rows.map((row) => row.evidence)}
          onClose={onClose}
          onAdd={(evidence) =>
            analysis.change("Couldn't add the evidence", () => client.saveAchRow({ analysisId: id, evidence }))
          }
        />
      );
  }
}
