// An analysis of competing hypotheses as text: the hypotheses ranked with their scores, the
// matrix of one analyst's ratings (rows most diagnostic first) and where analysts disagree;
// and the one line that confirms a rating.
import type { AchRating, AchView } from '../shared/evidence';
import { leadersOf } from '../shared/evidence-rules';
import { clipText as clip } from '../shared/clip-text';
import { countsAsRated, leadersText, rankText, scoreText, sharesRank } from '../shared/evidence-export';

const shortId = (id: string): string => id.slice(0, 8);
// Scores read as the CSV, the PDF and the window print them: "0.00", never "0".
const number = (value: number | undefined): string => scoreText(value ?? 0);

/** Whether the shown analyst has rated anything but N/A: before that nothing is ranked. */
function anythingRated(view: AchView): boolean {
  return view.cells.some((cell) => cell.authorId === view.analyst.authorId && countsAsRated(cell.rating));
}

function hypothesesTable(view: AchView): string[] {
  const { ranks } = view.scores;
  const rated = anythingRated(view);
  return view.hypotheses.map(
    (hypothesis, index) =>
      `  H${index + 1}  ${shortId(hypothesis.id)}  ` +
      `rank ${(rated && rankText(ranks[hypothesis.id] ?? 0, sharesRank(ranks, hypothesis.id))) || '-'}  ` +
      `inconsistency ${number(view.scores.inconsistency[hypothesis.id])}  ${hypothesis.label}`,
  );
}

function matrixTable(view: AchView): string[] {
  const rating = new Map(
    view.cells
      .filter((cell) => cell.authorId === view.analyst.authorId)
      .map((cell) => [`${cell.rowId} ${cell.hypothesisId}`, cell.rating]),
  );
  const header =
    `  ${'row'.padEnd(8)}  ${'diag'.padStart(5)}  ${'relev.'.padEnd(6)}  cred  ` +
    `${view.hypotheses.map((_, index) => `H${index + 1}`.padEnd(3)).join(' ')}  evidence`;
  const rows = view.rows.map((row) => {
    const cells = view.hypotheses.map((hypothesis) => (rating.get(`${row.id} ${hypothesis.id}`) ?? '·').padEnd(3));
    const sensitive = view.scores.sensitiveRows.includes(row.id) ? ' *' : '';
    return (
      `  ${shortId(row.id)}  ${number(view.scores.diagnosticity[row.id]).padStart(5)}  ${row.relevance.padEnd(6)}  ` +
      `${(row.credibility || '-').padEnd(4)}  ${cells.join(' ')}  ${row.evidence.kind === 'claim' ? 'claim: ' : ''}${clip(row.label, 60)}${sensitive}`
    );
  });
  return [header, ...rows];
}

function disagreementLines(view: AchView): string[] {
  const hypothesis = new Map(view.hypotheses.map((item, index) => [item.id, `H${index + 1}`]));
  return view.disagreements.map(
    (cell) =>
      `  row ${shortId(cell.rowId)} × ${hypothesis.get(cell.hypothesisId) ?? shortId(cell.hypothesisId)}: ` +
      cell.ratings.map((rating) => `${rating.authorName} ${rating.rating}`).join(', '),
  );
}

/** Whose ratings these are, and the others there are to see. */
function analystLine(view: AchView): string {
  const who = view.analyst.you ? `yours (${view.analyst.name})` : view.analyst.name;
  const others = view.analysts.filter((analyst) => analyst.authorId !== view.analyst.authorId && analyst.ratings > 0);
  const also =
    others.length === 0
      ? ''
      : `; also rated by ${others.map((analyst) => analyst.name).join(', ')} (see --analyst NAME)`;
  return `Ratings: ${who}${also}\n`;
}

/** The labels of the hypotheses ranked first, in ranking order. */
function leaderLabels(view: AchView): string[] {
  const label = new Map(view.hypotheses.map((hypothesis) => [hypothesis.id, hypothesis.label]));
  return leadersOf(view.scores).map((id) => label.get(id) ?? id);
}

export function achReport(view: AchView): string {
  const leaders = leaderLabels(view);
  const parts = [
    `${view.question}\n`,
    `Hypotheses (rank 1 is the least inconsistent; 1= a shared rank):\n${hypothesesTable(view).join('\n') || '  none yet'}\n`,
    analystLine(view),
    view.rows.length === 0
      ? 'Evidence: none yet.\n'
      : `Evidence, most diagnostic first (* the ranking hangs on it):\n${matrixTable(view).join('\n')}\n`,
  ];
  if (!anythingRated(view) && view.hypotheses.length > 0)
    parts.push('Nothing rated yet: the hypotheses are not ranked.\n');
  else if (leaders.length > 0) parts.push(`${leadersText(leaders)}\n`);
  if (view.disagreements.length > 0) parts.push(`Analysts disagree:\n${disagreementLines(view).join('\n')}\n`);
  return parts.join('\n');
}

/** What each rating says, as `ach rate --help` lists them. */
const RATING_MEANINGS: Record<AchRating, string> = {
  CC: 'very consistent',
  C: 'consistent',
  N: 'neutral',
  I: 'inconsistent',
  II: 'very inconsistent',
  NA: 'not applicable',
};

/** The cell `ach rate` set, as one line with who leads now: "Rated row 9e0b… “storm…” against H2 “Seized”: II, very inconsistent. Leading: Storm". */
export function ratingConfirmation(
  view: AchView,
  cell: { rowId: string; hypothesisId: string; rating: AchRating },
): string {
  const row = view.rows.find((item) => item.id === cell.rowId);
  const index = view.hypotheses.findIndex((item) => item.id === cell.hypothesisId);
  const hypothesis = view.hypotheses[index];
  const evidence = `row ${shortId(cell.rowId)}${row ? ` “${clip(row.label, 50)}”` : ''}`;
  const against = hypothesis ? `H${index + 1} “${clip(hypothesis.label, 40)}”` : shortId(cell.hypothesisId);
  const leaders = leadersText(leaderLabels(view));
  return `Rated ${evidence} against ${against}: ${cell.rating}, ${RATING_MEANINGS[cell.rating]}.${leaders ? ` ${leaders}` : ''}\n`;
}
