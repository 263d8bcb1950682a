// `marginalia ach`: analyses of competing hypotheses. `ach new` asks a question, `ach
// hypothesis` and `ach row` build the matrix, `ach rate` rates a cell, `ach show` prints it
// with scores, ranking and diagnosticity (or as CSV), `ach export` writes it as a CSV file.
import { Command } from 'commander';
import { resolve } from 'node:path';
import type { AchRating, AchRowView, AchView, Relevance } from '../../shared/evidence';
import { ACH_RATINGS, RELEVANCE_LEVELS } from '../../shared/evidence';
import { quotedLabels } from '../../shared/evidence-export';
import { achReport, ratingConfirmation } from '../ach-matrix';
import { writeFile } from '../host';
import { chooseById, hypothesisIn, resolveAnalysis, resolveAnnotations, resolveClaim } from '../evidence-reference';
import type { CliSession } from '../session';
import { UsageError, oneOf, parsedOption, usageOf, valueOption } from '../usage';
import * as edit from './ach-edit';

const relevanceOf = oneOf(
  RELEVANCE_LEVELS,
  (value) => `unknown relevance “${value}”; use ${RELEVANCE_LEVELS.join(', ')}.`,
);
const ratingCode = oneOf(ACH_RATINGS, (value) => `unknown rating “${value}”; ratings are ${ACH_RATINGS.join(', ')}.`);

/** A rating as typed, in any case; N/A, as the app and the PDF write it, is NA. */
function ratingOf(typed: string): AchRating {
  const code = typed.trim().toUpperCase();
  return ratingCode(code === 'N/A' ? 'NA' : code);
}

/** "leading: Storm  " or "tied for first: “Storm” and “Seized”  " in the list; nothing before any rating. */
function standing(leaders: readonly string[]): string {
  if (leaders.length === 0) return '';
  return leaders.length === 1 ? `leading: ${leaders[0]}  ` : `tied for first: ${quotedLabels(leaders)}  `;
}

/** How every subcommand that takes an analysis describes it: found as `claims` finds a claim. */
const ANALYSIS_ARGUMENT = 'an analysis id, a unique prefix of one, or words only its question has';

/** "3 hypotheses × 4 rows of evidence", "1 hypothesis × 1 row of evidence": an analysis's size in the list. */
function matrixSize(hypotheses: number, rows: number): string {
  const hypothesisCount = hypotheses === 1 ? '1 hypothesis' : `${hypotheses} hypotheses`;
  return `${hypothesisCount} × ${rows === 1 ? '1 row' : `${rows} rows`} of evidence`;
}

function printView(session: CliSession, view: AchView): void {
  session.print(achReport(view), view);
}

function newCommand(session: CliSession): Command {
  return new Command('new')
    .summary('start an analysis of a question; prints its id')
    .description('Start an analysis of competing hypotheses for a question and print its id.')
    .argument('<question>', 'the question the hypotheses answer')
    .usage('QUESTION')
    .addHelpText('after', '\nExamples:\n  marginalia ach new "Who carried out the Sabratha killings?"')
    .action(async (question: string) => {
      const view = await session.call('saveAnalysis', { question });
      session.print(`${view.id}\n`, view);
    });
}

function hypothesisCommand(session: CliSession): Command {
  return new Command('hypothesis')
    .summary('add a hypothesis to an analysis; prints its number (H1, H2…), id and text')
    .description(
      'Add a hypothesis to an analysis; prints its number as ach show and ach rate use it, its id and its text.',
    )
    .argument('<analysis>', ANALYSIS_ARGUMENT)
    .argument('<label>', 'the hypothesis')
    .usage('ANALYSIS LABEL')
    .addHelpText('after', '\nExamples:\n  marginalia ach hypothesis 41c2 "A local militia"')
    .action(async (reference: string, label: string) => {
      const analysisId = await resolveAnalysis(session, reference);
      const before = new Set((await session.call('getAnalysis', { id: analysisId })).hypotheses.map((item) => item.id));
      const view = await session.call('saveHypothesis', { analysisId, label });
      const index = view.hypotheses.findIndex((item) => !before.has(item.id));
      const made = view.hypotheses[index];
      session.print(made ? `Added H${index + 1}  ${made.id}  ${made.label}\n` : `${view.question}\n`, view);
    });
}

interface RowOptions {
  claim?: string;
  annotation?: string;
  relevance?: Relevance;
}

function rowCommand(session: CliSession): Command {
  const { argv } = session;
  return new Command('row')
    .summary("add a claim or an annotation to an analysis as evidence; prints the new row's id and text")
    .description('Add a row of evidence (a claim or an annotation) to an analysis, with the relevance you give it.')
    .argument('<analysis>', ANALYSIS_ARGUMENT)
    .usage('ANALYSIS (--claim CLAIM | --annotation ANNOTATION) [--relevance low|medium|high]')
    .addOption(valueOption('--claim <claim>', 'a claim id or prefix', argv))
    .addOption(valueOption('--annotation <annotation>', 'an annotation id or prefix', argv))
    .addOption(
      parsedOption('--relevance <level>', 'how much it bears on the question', argv, relevanceOf, RELEVANCE_LEVELS),
    )
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia ach row 41c2 --claim 2d7f --relevance high\n  marginalia ach row 41c2 --annotation 5b1e',
    )
    .action(async (reference: string, options: RowOptions, command: Command) => {
      if ((options.claim === undefined) === (options.annotation === undefined))
        throw usageOf(
          command,
          options.claim === undefined
            ? 'ach row needs the evidence: --claim CLAIM or --annotation ANNOTATION.'
            : 'ach row takes one piece of evidence: --claim CLAIM or --annotation ANNOTATION, not both.',
        );
      const analysisId = await resolveAnalysis(session, reference);
      const evidence =
        options.claim !== undefined
          ? { kind: 'claim' as const, id: await resolveClaim(session, options.claim) }
          : { kind: 'annotation' as const, id: (await resolveAnnotations(session, [options.annotation!]))[0]! };
      const rows = (await session.call('getAnalysis', { id: analysisId })).rows;
      const existing = rows.find((item) => item.evidence.kind === evidence.kind && item.evidence.id === evidence.id);
      if (existing) return reportExistingRow(session, analysisId, existing, options.relevance);
      const view = await session.call('saveAchRow', {
        analysisId,
        evidence,
        ...(options.relevance ? { relevance: options.relevance } : {}),
      });
      const before = new Set(rows.map((item) => item.id));
      const made = view.rows.find((item) => !before.has(item.id));
      // The short id is what ach show prints and ach rate takes.
      if (made) session.print(`Added row ${made.id.slice(0, 8)}  ${made.label}\n`, { ...made, new: true });
      else printView(session, view);
    });
}

/**
 * Evidence already in the matrix makes no second row: says which row it is (as `import` says a
 * file is already in the library), and sets its relevance when another was asked for.
 */
async function reportExistingRow(
  session: CliSession,
  analysisId: string,
  row: AchRowView,
  relevance: Relevance | undefined,
): Promise<void> {
  const changing = relevance !== undefined && relevance !== row.relevance;
  if (changing) await session.call('saveAchRow', { analysisId, id: row.id, relevance });
  const shown = changing ? { ...row, relevance } : row;
  const change = changing ? `; its relevance is now ${relevance}` : '';
  session.print(`Already a row: ${row.id.slice(0, 8)}  ${row.label}${change}\n`, { ...shown, new: false });
}

function rateCommand(session: CliSession): Command {
  return new Command('rate')
    .summary('rate a row against a hypothesis: CC, C, N, I, II or NA; prints what was set and who leads now')
    .description(
      'Rate how consistent a row of evidence is with a hypothesis: CC very consistent, C consistent, N neutral, I inconsistent, ' +
        'II very inconsistent, NA (or N/A) not applicable. Your rating only; other analysts keep theirs. Prints one line: what ' +
        'was set and the hypothesis leading now (ach show prints the matrix; --json gives the whole analysis).',
    )
    .argument('<analysis>', ANALYSIS_ARGUMENT)
    .argument('<row>', 'a row id or a unique prefix of one (as ach show prints them)')
    .argument(
      '<hypothesis>',
      'H1, H2… as ach show numbers them, a hypothesis id or prefix, or words only its label has',
    )
    .argument('<rating>', `${ACH_RATINGS.join(', ')} (NA may be written N/A)`)
    .usage('ANALYSIS ROW HYPOTHESIS CC|C|N|I|II|NA [--note TEXT]')
    .addOption(valueOption('--note <text>', 'why', session.argv))
    .addHelpText('after', '\nExamples:\n  marginalia ach rate 41c2 9e0b H2 II --note "Contradicted by the port log"')
    .action(async (reference: string, row: string, hypothesis: string, rating: string, options: { note?: string }) => {
      const analysisId = await resolveAnalysis(session, reference);
      const view = await session.call('getAnalysis', { id: analysisId });
      const hypothesisId = hypothesisIn(view, hypothesis).hypothesis.id;
      const rowId = chooseById(
        view.rows.map((item) => ({ id: item.id, label: item.label })),
        row,
        'row',
      ).id;
      const cell = { rowId, hypothesisId, rating: ratingOf(rating) };
      const rated = await session.call('rateAchCell', {
        analysisId,
        ...cell,
        ...(options.note !== undefined ? { note: options.note } : {}),
      });
      // One line, not the whole matrix (ach show prints that); --json keeps giving the whole analysis.
      session.print(ratingConfirmation(rated, cell), rated);
    });
}

function exportCommand(session: CliSession): Command {
  return new Command('export')
    .summary('write an analysis as CSV: the matrix with scores and ranks')
    .description(
      'Write your matrix of an analysis as CSV (RFC 4180): one record per row of evidence, most diagnostic first, with ' +
        'its rating against each hypothesis, then each hypothesis’s weighted inconsistency and rank. Cells that a ' +
        'spreadsheet would run as formulas are written with a leading apostrophe.',
    )
    .argument('<analysis>', ANALYSIS_ARGUMENT)
    .usage('ANALYSIS --out FILE')
    .addOption(valueOption('--out <file>', 'the CSV file to write', session.argv))
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia ach export 41c2 --out matrix.csv\n  marginalia ach show 41c2 --csv',
    )
    .action(async (reference: string, options: { out?: string }, command: Command) => {
      if (options.out === undefined)
        throw usageOf(command, 'ach export needs --out FILE, the CSV file to write (or use ach show ANALYSIS --csv).');
      const { csv } = await session.call('exportAnalysisCsv', { id: await resolveAnalysis(session, reference) });
      const path = resolve(options.out);
      await writeFile(path, new TextEncoder().encode(csv));
      session.print(`Wrote ${path}\n`, { path });
    });
}

/** The analyst `--analyst` names: by name (any case) or by the start of their id. */
function analystNamed(view: AchView, wanted: string): string {
  const name = wanted.trim().toLowerCase();
  const exact = view.analysts.filter(
    (analyst) => analyst.name.toLowerCase() === name || analyst.authorId.startsWith(wanted.trim()),
  );
  // "Ben" names Ben Receiver when no other analyst's name starts so.
  const found =
    exact.length > 0 ? exact : view.analysts.filter((analyst) => analyst.name.toLowerCase().startsWith(name));
  if (found.length === 1) return found[0]!.authorId;
  const known = view.analysts.map((analyst) => `“${analyst.name}”`).join(', ');
  throw new UsageError(
    found.length === 0
      ? `No analyst “${wanted}” has rated this analysis; the analysts are ${known}.`
      : `More than one analyst matches “${wanted}”; give more of the id.`,
  );
}

function showCommand(session: CliSession): Command {
  return new Command('show')
    .summary('print an analysis: the matrix with scores, ranking and diagnosticity')
    .description(
      'Print an analysis: each hypothesis with its weighted inconsistency and rank, the matrix of your ratings with rows ' +
        'most diagnostic first, and where analysts disagree.',
    )
    .argument('<analysis>', ANALYSIS_ARGUMENT)
    .usage('ANALYSIS [--analyst NAME] [--csv]')
    .addOption(
      valueOption(
        '--analyst <name>',
        'whose ratings to show (a name or an id prefix, as ach show lists them)',
        session.argv,
      ),
    )
    .option('--csv', 'print the matrix as CSV instead')
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia ach show 41c2\n  marginalia ach show "boats come back"\n  marginalia ach show 41c2 --csv\n' +
        '  marginalia --json ach show 41c2',
    )
    .action(async (reference: string, options: { csv?: boolean; analyst?: string }) => {
      const id = await resolveAnalysis(session, reference);
      const analystId =
        options.analyst === undefined
          ? undefined
          : analystNamed(await session.call('getAnalysis', { id }), options.analyst);
      const which = analystId === undefined ? { id } : { id, analystId };
      if (options.csv) {
        const exported = await session.call('exportAnalysisCsv', which);
        session.print(exported.csv, exported);
        return;
      }
      printView(session, await session.call('getAnalysis', which));
    });
}

export function achCommand(session: CliSession): Command {
  return new Command('ach')
    .summary('analyses of competing hypotheses: list, start, build, rate, show and change them')
    .description(
      'List analyses of competing hypotheses with their leading hypothesis, or start, build, rate and show one.',
    )
    .usage(
      '[new QUESTION | hypothesis ANALYSIS LABEL | row ANALYSIS ... | rate ANALYSIS ROW HYP RATING | show ANALYSIS | export ANALYSIS --out FILE' +
        ' | clear ANALYSIS ROW HYP | relevance ANALYSIS ROW LEVEL | rename-hypothesis|remove-hypothesis|remove-row|question|remove ANALYSIS ...]',
    )
    .addCommand(newCommand(session))
    .addCommand(hypothesisCommand(session))
    .addCommand(rowCommand(session))
    .addCommand(rateCommand(session))
    .addCommand(showCommand(session))
    .addCommand(exportCommand(session))
    .addCommand(edit.clearCommand(session))
    .addCommand(edit.relevanceCommand(session))
    .addCommand(edit.renameHypothesisCommand(session))
    .addCommand(edit.removeHypothesisCommand(session))
    .addCommand(edit.removeRowCommand(session))
    .addCommand(edit.questionCommand(session))
    .addCommand(edit.removeAnalysisCommand(session))
    .addHelpText('after', '\nExamples:\n  marginalia ach\n  marginalia ach new "Who carried out the killings?"')
    .action(async () => {
      const analyses = await session.call('listAnalyses', {});
      session.print(
        analyses.length === 0
          ? 'No analyses yet.\n'
          : `${analyses
              .map(
                (item) =>
                  `${item.id}  ${matrixSize(item.hypotheses, item.rows)}  ${standing(item.leading)}${item.question}`,
              )
              .join('\n')}\n`,
        analyses,
      );
    });
}
