// The Analyses view, in the reader's place: the questions under analysis with their leading
// hypothesis, New analysis… and delete (after a confirmation); one opened shows its matrix.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AchSummary } from '../../../shared/evidence';
import { leadersText } from '../../../shared/evidence-export';
import { countOf } from '../../../shared/plural';
import { reportFailure } from '../app/notifications/store';
import { useStore } from '../app/store';
import { useStores } from '../app/stores';
import type { Ownership } from '../evidence/ownership';
import { ownedBy, useOwnership } from '../evidence/ownership';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { TextDialog } from './AchDialogs';
import { analyses } from './analyses-store';
import { AnalysisPage } from './AnalysisPage';
import styles from './Ach.module.css';

function useSummaries() {
  const { client } = useStores();
  const [summaries, setSummaries] = useState<AchSummary[] | null>(null);
  const load = useCallback(async () => {
    const result = await client.listAnalyses({});
    if (result.ok) setSummaries(result.value);
    else reportFailure("Couldn't list the analyses", result.error);
  }, [client]);
  useEffect(() => {
    void load();
    return client.on('evidenceChanged', ({ kinds }) => {
      if (kinds.includes('analyses')) void load();
    });
  }, [client, load]);
  return { summaries, load };
}

interface DeleteOrOwnerProps {
  summary: AchSummary;
  ownership: Ownership;
  onDelete: (summary: AchSummary) => void;
}

/** Delete… on one's own analysis; on another analyst's, whose it is (only they may delete it). */
function DeleteOrOwner({ summary, ownership, onDelete }: DeleteOrOwnerProps) {
  if (!ownership.mine)
    return (
      <span className={styles.muted} title="Only they can change or delete it; you can rate it">
        {ownedBy(ownership, 'analysis')}
      </span>
    );
  return (
    <button
      type="button"
      className={`button ${styles.small}`}
      aria-label={`Delete analysis “${summary.question}”`}
      onClick={() => onDelete(summary)}
    >
      Delete…
    </button>
  );
}

function AnalysisList({ onNew }: { onNew: () => void }) {
  const { client, dialogs } = useStores();
  const { summaries, load } = useSummaries();
  const ownershipOf = useOwnership(
    useMemo(
      () =>
        (summaries ?? [])
          .map((summary) => ({ authorId: summary.authorId, name: summary.authorName }))
          .filter((entry) => entry.name !== ''),
      [summaries],
    ),
  );
  const remove = (summary: AchSummary) =>
    dialogs.confirm({
      title: `Delete the analysis “${summary.question.slice(0, 120)}”?`,
      body: 'Its hypotheses, evidence rows and every rating are deleted. The claims and annotations it used stay.',
      confirmLabel: 'Delete',
      onConfirm: () =>
        void client.deleteAnalysis({ id: summary.id }).then((result) => {
          if (!result.ok) reportFailure("Couldn't delete the analysis", result.error);
          void load();
        }),
    });
  return (
    <>
      <div className={styles.toolbar}>
        <button type="button" className="button button--primary" onClick={onNew}>
          New analysis…
        </button>
      </div>
      {summaries?.length === 0 && (
        <p className={styles.hint}>
          No analyses yet. An analysis weighs competing hypotheses for one question against your evidence.
        </p>
      )}
      <ul className={styles.questions} aria-label="Questions">
        {summaries?.map((summary) => (
          <li key={summary.id}>
            <button type="button" className={styles.questionButton} onClick={() => analyses.show(summary.id)}>
              {summary.question}
            </button>
            <span className={styles.muted}>
              {leadersText(summary.leading) || 'Nothing rated yet'} ·{' '}
              {countOf(summary.hypotheses, 'hypothesis', 'hypotheses')} · {countOf(summary.rows, 'row')}
            </span>
            <DeleteOrOwner summary={summary} ownership={ownershipOf(summary.authorId)} onDelete={remove} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function AnalysesView() {
  const { client } = useStores();
  const analysisId = useStore(analyses, (state) => state.analysisId);
  const [creating, setCreating] = useState(false);
  // Opened on the list (from the palette, say), the keyboard starts at its heading, not where it was.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (analysisId !== null) return;
    const timer = setTimeout(() => heading.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, [analysisId]);
  const create = async (question: string) => {
    const result = await client.saveAnalysis({ question });
    if (!result.ok) return result.error.message;
    setCreating(false);
    analyses.show(result.value.id);
    return null;
  };
  return (
    <main className={styles.view} aria-labelledby="analyses-heading" id="analyses">
      <div className={styles.viewHeader}>
        <h1 id="analyses-heading" ref={heading} tabIndex={-1}>
          Analyses
        </h1>
        <button type="button" className="button" onClick={() => analyses.close()}>
          Close Analyses
        </button>
      </div>
      <ErrorBoundary region="analysis" resetKeys={[analysisId]}>
        {analysisId === null ? (
          <AnalysisList onNew={() => setCreating(true)} />
        ) : (
          <AnalysisPage key={analysisId} id={analysisId} onBack={() => analyses.show(null)} />
        )}
      </ErrorBoundary>
      {creating && (
        <TextDialog
          title="New analysis"
          label="Question"
          submitLabel="Create"
          onCancel={() => setCreating(false)}
          onSubmit={create}
        />
      )}
    </main>
  );
}
