// The `ach` subcommands that change a built analysis: hypotheses, rows, ratings, its question, or the whole.
import { Command } from 'commander';
import type { AchRowView, AchView, Relevance } from '../../shared/evidence';
import { RELEVANCE_LEVELS } from '../../shared/evidence';
import { clipText } from '../../shared/clip-text';
import { chooseById, hypothesisIn, resolveAnalysis } from '../evidence-reference';
import type { CliSession } from '../session';
import { oneOf, usageOf } from '../usage';

const ANALYSIS_ARGUMENT = 'an analysis id, a unique prefix of one, or words only its question has';
const ROW_ARGUMENT = 'a row id or a unique prefix of one (as ach show prints them)';
const HYPOTHESIS_ARGUMENT = 'H1, H2… as ach show numbers them, a hypothesis id or prefix, or words only its label has';

const relevanceOf = oneOf(
  RELEVANCE_LEVELS,
  (value) => `unknown relevance “${value}”; use ${RELEVANCE_LEVELS.join(', ')}.`,
);

const clip = (text: string): string => clipText(text, 50);

function rowIn(view: AchView, reference: string): AchRowView {
  return chooseById(view.rows, reference, 'row');
}

/** `row 9e0b1c2d “storm closed the harbour”`: a row as ach show names it. */
const rowName = (row: AchRowView): string => `row ${row.id.slice(0, 8)} “${clip(row.label)}”`;

async function analysisOf(session: CliSession, reference: string): Promise<AchView> {
  return session.call('getAnalysis', { id: await resolveAnalysis(session, reference) });
}

export function renameHypothesisCommand(session: CliSession): Command {
  return new Command('rename-hypothesis')
    .summary('reword a hypothesis of one of your analyses')
    .description('Reword a hypothesis; its ratings stay. Prints its number, id and new text.')
    .argument('<analysis>', ANALYSIS_ARGUMENT)
    .argument('<hypothesis>', HYPOTHESIS_ARGUMENT)
    .argument('<label>', 'the new text of the hypothesis')
    .usage('ANALYSIS HYPOTHESIS LABEL')
    .addHelpText('after', '\nExamples:\n  marginalia ach rename-hypothesis 41c2 H2 "Seized by the coast guard"')
    .action(async (reference: string, which: string, label: string, _options: unknown, command: Command) => {
      if (label.trim() === '') throw usageOf(command, 'ach rename-hypothesis needs the new text, and it is empty.');
      const view = await analysisOf(session, reference);
      const { hypothesis, number } = hypothesisIn(view, which);
      const renamed = await session.call('saveHypothesis', { analysisId: view.id, id: hypothesis.id, label });
      session.print(`Renamed ${number}  ${hypothesis.id}  ${label}\n`, renamed);
    });
}

export function removeHypothesisCommand(session: CliSession): Command {
  return new Command('remove-hypothesis')
    .summary('remove a hypothesis, with its ratings, from one of your analyses')
    .description('Remove a hypothesis and every rating against it; the hypotheses after it are numbered one less.')
    .argument('<analysis>', ANALYSIS_ARGUMENT)
    .argument('<hypothesis>', HYPOTHESIS_ARGUMENT)
    .usage('ANALYSIS HYPOTHESIS')
    .addHelpText('after', '\nExamples:\n  marginalia ach remove-hypothesis 41c2 H3')
    .action(async (reference: string, which: string) => {
      const view = await analysisOf(session, reference);
      const { hypothesis, number } = hypothesisIn(view, which);
      const after = await session.call('removeHypothesis', { analysisId: view.id, id: hypothesis.id });
      session.print(`Removed ${number} “${clip(hypothesis.label)}”\n`, after);
    });
}

export function removeRowCommand(session: CliSession): Command {
  return new Command('remove-row')
    .summary('remove a row of evidence, with its ratings, from one of your analyses')
    .description('Remove a row of evidence and every rating of it; the claim or annotation it shows stays.')
    .argument('<analysis>', ANALYSIS_ARGUMENT)
    .argument('<row>', ROW_ARGUMENT)
    .usage('ANALYSIS ROW')
    .addHelpText('after', '\nExamples:\n  marginalia ach remove-row 41c2 9e0b')
    .action(async (reference: string, which: string) => {
      const view = await analysisOf(session, reference);
      const row = rowIn(view, which);
      const after = await session.call('removeAchRow', { analysisId: view.id, id: row.id });
      session.print(`Removed ${rowName(row)}\n`, after);
    });
}

export function relevanceCommand(session: CliSession): Command {
  return new Command('relevance')
    .summary("set a row's relevance: low, medium or high")
    .description(
      'Set how much a row of evidence bears on the question (low, medium or high), which weighs its ratings.',
    )
    .argument('<analysis>', ANALYSIS_ARGUMENT)
    .argument('<row>', ROW_ARGUMENT)
    .argument('<level>', RELEVANCE_LEVELS.join(', '))
    .usage('ANALYSIS ROW low|medium|high')
    .addHelpText('after', '\nExamples:\n  marginalia ach relevance 41c2 9e0b high')
    .action(async (reference: string, which: string, level: string) => {
      const relevance: Relevance = relevanceOf(level.trim().toLowerCase());
      const view = await analysisOf(session, reference);
      const row = rowIn(view, which);
      const after = await session.call('saveAchRow', { analysisId: view.id, id: row.id, relevance });
      session.print(`${rowName(row)}: relevance ${relevance}\n`, after);
    });
}

export function clearCommand(session: CliSession): Command {
  return new Command('clear')
    .summary('clear your rating of a row against a hypothesis')
    .description("Clear your rating (and its note) of a row against a hypothesis; other analysts' ratings stay.")
    .argument('<analysis>', ANALYSIS_ARGUMENT)
    .argument('<row>', ROW_ARGUMENT)
    .argument('<hypothesis>', HYPOTHESIS_ARGUMENT)
    .usage('ANALYSIS ROW HYPOTHESIS')
    .addHelpText('after', '\nExamples:\n  marginalia ach clear 41c2 9e0b H2')
    .action(async (reference: string, whichRow: string, whichHypothesis: string) => {
      const view = await analysisOf(session, reference);
      const row = rowIn(view, whichRow);
      const { hypothesis, number } = hypothesisIn(view, whichHypothesis);
      const cell = { analysisId: view.id, rowId: row.id, hypothesisId: hypothesis.id, rating: null };
      const after = await session.call('rateAchCell', cell);
      session.print(`Cleared your rating of ${rowName(row)} against ${number} “${clip(hypothesis.label)}”\n`, after);
    });
}

export function questionCommand(session: CliSession): Command {
  return new Command('question')
    .summary('reword the question of one of your analyses')
    .description('Reword the question an analysis answers; its hypotheses, rows and ratings stay.')
    .argument('<analysis>', ANALYSIS_ARGUMENT)
    .argument('<question>', 'the new question')
    .usage('ANALYSIS QUESTION')
    .addHelpText('after', '\nExamples:\n  marginalia ach question 41c2 "Why did the boats not come back on 3 May?"')
    .action(async (reference: string, question: string, _options: unknown, command: Command) => {
      if (question.trim() === '') throw usageOf(command, 'ach question needs the new question, and it is empty.');
      const view = await session.call('saveAnalysis', { id: await resolveAnalysis(session, reference), question });
      session.print(`${view.id}  ${view.question}\n`, view);
    });
}

export function removeAnalysisCommand(session: CliSession): Command {
  return new Command('remove')
    .summary('delete one of your analyses, with its hypotheses, rows and ratings')
    .description('Delete an analysis with its hypotheses, rows and ratings; the claims and annotations it used stay.')
    .argument('<analysis>', ANALYSIS_ARGUMENT)
    .usage('ANALYSIS')
    .addHelpText('after', '\nExamples:\n  marginalia ach remove 41c2\n  marginalia ach remove "boats come back"')
    .action(async (reference: string) => {
      const view = await analysisOf(session, reference);
      await session.call('deleteAnalysis', { id: view.id });
      session.print(`Deleted analysis ${view.id}  ${view.question}\n`, { deleted: true, id: view.id });
    });
}
