// One analysis: its question, the ranking of its hypotheses (leaders marked, a shared rank numbered alike, none numbered
// before anything is rated; each renamed or removed from here too), the buttons that add hypotheses and evidence, and the matrix.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AchView } from '../../../shared/evidence';
import { formatScore } from './ach-labels';
import type { MatrixRow } from './ach-model';
import { leadingHypotheses, matrixRows, standingLabel } from './ach-model';
import { AchGrid } from './AchGrid';
import { AnalysisDialogs } from './AnalysisDialogs';
import type { AnalysisDialog } from './use-grid-actions';
import { theirAnalysisNote, useGridActions } from './use-grid-actions';
import { useAnalysis } from './use-analysis';
import { useExportCsv } from './use-export-csv';
import styles from './Ach.module.css';

function Standing({ label, leading }: { label: string; leading: boolean }) {
  if (leading) return <strong className={styles.leadingBadge}> {label}</strong>;
  return label.startsWith('Tied') ? <span className={styles.muted}> · {label}</span> : null;
}

interface RankingProps {
  view: AchView;
  leaders: readonly string[];
  onRename: (id: string) => void;
  onRemove: (id: string) => void;
  /** Whether the analysis is mine, so its hypotheses can be renamed and removed here. */
  mine: boolean;
}

function HypothesisButtons({
  id,
  onRename,
  onRemove,
  mine,
}: { id: string } & Pick<RankingProps, 'onRename' | 'onRemove' | 'mine'>) {
  if (!mine) return null;
  return (
    <>
      <button type="button" className={`button ${styles.small}`} onClick={() => onRename(id)}>
        Rename…
      </button>
      <button type="button" className={`button ${styles.small}`} onClick={() => onRemove(id)}>
        Remove…
      </button>
    </>
  );
}

/**
 * Before any rating every hypothesis scores 0, and numbering them all 1 would read as a ranking:
 * the ranking says nothing is rated yet and lists them unnumbered, in the order they were added.
 */
function Unranked({ view, onRename, onRemove, mine }: Omit<RankingProps, 'leaders'>) {
  return (
    <>
      <p className={styles.hint}>Nothing rated yet: rate the evidence against each hypothesis to rank them.</p>
      <ul>
        {view.hypotheses.map(({ id, label }) => (
          <li key={id}>
            <span className={styles.rankLabel}>{label}</span>
            <HypothesisButtons id={id} onRename={onRename} onRemove={onRemove} mine={mine} />
          </li>
        ))}
      </ul>
    </>
  );
}

function Ranked({ view, leaders, onRename, onRemove, mine }: RankingProps) {
  const byId = new Map(view.hypotheses.map((hypothesis) => [hypothesis.id, hypothesis]));
  const ranked = [
    ...view.scores.ranking.filter((id) => byId.has(id)),
    ...view.hypotheses.map((hypothesis) => hypothesis.id).filter((id) => !view.scores.ranking.includes(id)),
  ];
  return (
    <ol>
      {ranked.map((id, index) => (
        // A shared rank is numbered alike (1, 1, 3): the list's own count would say 1, 2, 3.
        <li
          key={id}
          value={view.scores.ranks[id] ?? index + 1}
          data-leading={leaders.includes(id) ? 'true' : undefined}
        >
          <span className={styles.rankLabel}>{byId.get(id)!.label}</span>{' '}
          <span className={styles.muted}>inconsistency {formatScore(view.scores.inconsistency[id])}</span>
          <Standing label={standingLabel(view.scores, id, leaders)} leading={leaders.includes(id)} />
          <HypothesisButtons id={id} onRename={onRename} onRemove={onRemove} mine={mine} />
        </li>
      ))}
    </ol>
  );
}

function Ranking(props: RankingProps) {
  if (props.view.hypotheses.length === 0)
    return <p className={styles.hint}>Add the hypotheses that could answer the question.</p>;
  return (
    <section aria-labelledby="ach-ranking" className={styles.ranking}>
      <h3 id="ach-ranking">Ranking</h3>
      {props.leaders.length === 0 ? <Unranked {...props} /> : <Ranked {...props} />}
    </section>
  );
}

/** Whose ratings the matrix shows, when there is anyone else's to see. */
function AnalystChoice({ view, onChoose }: { view: AchView; onChoose: (authorId: string) => void }) {
  if (view.analyst.you && !view.analysts.some((analyst) => !analyst.you && analyst.ratings > 0)) return null;
  const plural = (count: number) => (count === 1 ? '1 rating' : `${count} ratings`);
  return (
    <div className={styles.analystRow}>
      <label>
        Ratings by{' '}
        <select value={view.analyst.authorId} onChange={(event) => onChoose(event.target.value)}>
          {view.analysts.map((analyst) => (
            <option key={analyst.authorId} value={analyst.authorId}>
              {analyst.you ? `You (${analyst.name})` : analyst.name} — {plural(analyst.ratings)}
            </option>
          ))}
        </select>
      </label>
      {!view.analyst.you && (
        <p className={styles.hint} role="note">
          These are {view.analyst.name}'s ratings: only they can change them. Choose yours to rate; where you differ,
          both show in the cell.
        </p>
      )}
    </div>
  );
}

const KEYS_HELP = [
  'In the matrix: arrow keys move; C, CC, N, I, II or N then A (N/A) rate; + and − step; Enter edits the note;',
  'Delete clears. On relevance: L, M, H. On a hypothesis or evidence header: Delete removes it.',
  'Rows keep their places while you work in the matrix and sort by diagnosticity when you leave it.',
].join(' ');

function useRows(view: AchView | null, myAuthorId: string | null): MatrixRow[] {
  const previous = useRef<MatrixRow[]>([]);
  return useMemo(() => {
    if (!view) return [];
    previous.current = matrixRows(view, myAuthorId, previous.current);
    return previous.current;
  }, [view, myAuthorId]);
}

/** The hypotheses as the grid gets them: the same array while their ids and labels stay. */
function useHypotheses(view: AchView | null) {
  const key = view?.hypotheses.map((hypothesis) => `${hypothesis.id}\u0001${hypothesis.label}`).join('\u0002') ?? '';
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on ids and labels, not on the array
  return useMemo(() => view?.hypotheses ?? [], [key]);
}

/** What shapes the analysis, offered on one's own: Add hypothesis… and Add evidence…. */
function ShapeButtons({ onOpen }: { onOpen: (dialog: AnalysisDialog) => void }) {
  return (
    <>
      <button type="button" className="button" onClick={() => onOpen({ kind: 'addHypothesis' })}>
        Add hypothesis…
      </button>
      <button type="button" className="button" onClick={() => onOpen({ kind: 'evidence' })}>
        Add evidence…
      </button>
    </>
  );
}

export function AnalysisPage({ id, onBack }: { id: string; onBack: () => void }) {
  const analysis = useAnalysis(id);
  const { view, failed } = analysis;
  const [dialog, setDialog] = useState<AnalysisDialog>(null);
  const openDialog = useCallback((next: AnalysisDialog) => setDialog(next), []);
  const actions = useGridActions(id, analysis, openDialog);
  const rows = useRows(view, view?.analyst.authorId ?? null);
  const hypotheses = useHypotheses(view);
  const leaders = view ? leadingHypotheses(view, view.analyst.authorId) : [];
  const exportCsv = useExportCsv(view);
  const { mine } = analysis.ownership;
  // Opened (or just created), focus lands on the question, so the keyboard starts here and not on the page.
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = view !== null;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);
  return (
    <div className={styles.analysis}>
      <div className={styles.topBar}>
        <button type="button" className="button" onClick={onBack}>
          All analyses
        </button>
      </div>
      {failed !== null && <p role="alert">Couldn't open this analysis: {failed}</p>}
      {view && (
        <>
          <div className={styles.titleRow}>
            <h2 className={styles.question} ref={heading} tabIndex={-1}>
              {view.question}
            </h2>
            {mine && (
              <button
                type="button"
                className={`button ${styles.small}`}
                onClick={() => setDialog({ kind: 'question' })}
              >
                Edit question…
              </button>
            )}
          </div>
          {!mine && (
            <p className={styles.theirs} role="note">
              {theirAnalysisNote(analysis.ownership)}
            </p>
          )}
          <div className={styles.toolbar}>
            {mine && <ShapeButtons onOpen={setDialog} />}
            <button type="button" className="button" onClick={() => void exportCsv()}>
              Export CSV…
            </button>
          </div>
          <AnalystChoice view={view} onChoose={analysis.showAnalyst} />
          <Ranking
            view={view}
            leaders={leaders}
            onRename={actions.renameHypothesis}
            onRemove={actions.removeHypothesis}
            mine={mine}
          />
          <p className={styles.hint} id="ach-keys">
            {KEYS_HELP}
          </p>
          <AchGrid
            question={view.question}
            hypotheses={hypotheses}
            rows={rows}
            scores={view.scores}
            leaders={leaders}
            actions={actions}
            readOnly={analysis.readOnly}
            canShape={mine}
          />
          <AnalysisDialogs id={id} view={view} analysis={analysis} dialog={dialog} onClose={() => setDialog(null)} />
        </>
      )}
    </div>
  );
}
