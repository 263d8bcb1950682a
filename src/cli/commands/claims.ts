// `marginalia claims`: the claims register with computed statuses; `claims add` makes a
// claim with its evidence, `claims show` prints one with its evidence grouped by stance, `claims
// remove` deletes one and says how many ACH rows went with it (`claims evidence` and `claims
// reword`, which change one, are in claims-edit.ts).
import { Command } from 'commander';
import type { ClaimDetail, Stance } from '../../shared/evidence';
import { STANCES } from '../../shared/evidence';
import { UserFacingError } from '../../shared/result';
import { claimLine } from '../claim-line';
import { resolveAnnotations, resolveClaim } from '../evidence-reference';
import type { CliSession } from '../session';
import { asText, parsedOption, repeatable } from '../usage';
import { claimEvidenceCommand, claimRewordCommand } from './claims-edit';

type ClaimOptions = Partial<Record<Stance, string[]>>;

export function claimReport(claim: ClaimDetail): string {
  const groups = STANCES.flatMap((stance) => {
    const pieces = claim.evidence.filter((piece) => piece.stance === stance);
    if (pieces.length === 0) return [];
    const lines = pieces.map((piece) => {
      const where = [piece.passage.documentTitle, piece.passage.page].filter(Boolean).join(', ');
      const sources = piece.sources.map((source) => source.name).join(', ') || 'no source named';
      return `  ${(piece.grade || '-').padEnd(3)} “${piece.passage.quote}” (${where})\n      ${sources}; annotation ${piece.annotationId}`;
    });
    return [`${stance[0]!.toUpperCase()}${stance.slice(1)}:\n${lines.join('\n')}`];
  });
  const weight = claim.supportCredibility ? ` (as an ACH row: credibility ${claim.supportCredibility})` : '';
  const reasons = claim.singleSourceReasons.map((reason) => `Single source: ${reason}\n`).join('');
  return (
    `${claim.statement}\n${claim.status}, ${claim.independentSupport} independent supporting ` +
    `${claim.independentSupport === 1 ? 'source' : 'sources'}; best supporting grade ${claim.bestGrade || '-'}${weight}\n` +
    reasons +
    (groups.length ? `\n${groups.join('\n\n')}\n` : '\nNo evidence yet.\n')
  );
}

function addCommand(session: CliSession): Command {
  const { argv } = session;
  const evidence = (stance: Stance, what: string) =>
    parsedOption(`--${stance} <annotation>`, `an annotation that ${what} (may repeat)`, argv, repeatable(asText));
  return new Command('add')
    .summary('make a claim with its evidence; prints its id')
    .description('Make a claim: a short statement with evidence (annotations from any documents), each with a stance.')
    .argument('<statement>', 'what is claimed')
    .usage('STATEMENT [--supports ANNOTATION]... [--contradicts ANNOTATION]... [--context ANNOTATION]...')
    .addOption(evidence('supports', 'supports it'))
    .addOption(evidence('contradicts', 'contradicts it'))
    .addOption(evidence('context', 'gives context'))
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia claims add "IS fighters beheaded 11 people in Sabratha" --supports 5b1e --supports 9c04 --contradicts 77aa',
    )
    .action(async (statement: string, options: ClaimOptions) => {
      if (statement.trim() === '')
        throw new UserFacingError(
          'INVALID_INPUT',
          'A claim needs a statement, e.g. claims add "IS fighters beheaded 11 people" --supports ID',
        );
      const pieces: Array<{ annotationId: string; stance: Stance }> = [];
      for (const stance of STANCES)
        for (const annotationId of await resolveAnnotations(session, options[stance] ?? []))
          pieces.push({ annotationId, stance });
      const claim = await session.call('saveClaim', { statement, evidence: pieces });
      session.print(`${claim.id}  ${claim.status}\n`, claim);
    });
}

function showCommand(session: CliSession): Command {
  return new Command('show')
    .summary('print a claim with its status and its evidence by stance')
    .description('Print a claim: its status, how many supporting sources are independent, and its evidence by stance.')
    .argument('<claim>', 'a claim id, a unique prefix of one, or words only its statement has')
    .usage('CLAIM')
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia claims show 2d7f\n  marginalia claims show "beheaded Sabratha"\n  marginalia --json claims show 2d7f',
    )
    .action(async (reference: string) => {
      const claim = await session.call('getClaim', { id: await resolveClaim(session, reference) });
      session.print(claimReport(claim), claim);
    });
}

/** How many rows of which analyses are built on a claim: the core deletes them with it. */
async function rowsOnClaim(session: CliSession, claimId: string): Promise<Array<{ question: string; rows: number }>> {
  const found: Array<{ question: string; rows: number }> = [];
  for (const analysis of await session.call('listAnalyses', {})) {
    const view = await session.call('getAnalysis', { id: analysis.id });
    const rows = view.rows.filter((row) => row.evidence.kind === 'claim' && row.evidence.id === claimId).length;
    if (rows > 0) found.push({ question: view.question, rows });
  }
  return found;
}

function removeCommand(session: CliSession): Command {
  return new Command('remove')
    .summary('delete one of your claims, with the ACH rows built on it')
    .description(
      'Delete a claim (its evidence stays as annotations). Rows of analyses built on the claim go with it; the output ' +
        "says how many. Another analyst's claim is refused.",
    )
    .argument('<claim>', 'a claim id, a unique prefix of one, or words only its statement has')
    .usage('CLAIM')
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia claims remove 2d7f\n  marginalia claims remove "boats left at dawn"',
    )
    .action(async (reference: string) => {
      const id = await resolveClaim(session, reference);
      const { statement } = await session.call('getClaim', { id });
      const analyses = await rowsOnClaim(session, id);
      await session.call('deleteClaim', { id });
      const removedRows = analyses.reduce((sum, item) => sum + item.rows, 0);
      const where = analyses.map((item) => `“${item.question}”`).join(', ');
      const warning =
        removedRows === 0
          ? ''
          : `Warning: ${removedRows} ACH ${removedRows === 1 ? 'row' : 'rows'} built on it went with it (in ${where}).\n`;
      session.print(`Deleted claim ${id}  ${statement}\n${warning}`, { deleted: true, id, removedRows, analyses });
    });
}

export function claimsCommand(session: CliSession): Command {
  return new Command('claims')
    .summary(
      'list claims with their status, evidence counts and best supporting grade; add, show, change or remove one',
    )
    .description(
      'List claims with their computed status (corroborated, contested, single-source, unsupported), evidence counts ' +
        '(+ supports, - contradicts, ~ context) and the best grade among the supporting evidence; or add, show, change or remove one.',
    )
    .usage('[add STATEMENT [flags] | show CLAIM | evidence CLAIM [flags] | reword CLAIM STATEMENT | remove CLAIM]')
    .addCommand(addCommand(session))
    .addCommand(showCommand(session))
    .addCommand(claimEvidenceCommand(session))
    .addCommand(claimRewordCommand(session))
    .addCommand(removeCommand(session))
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia claims\n  marginalia claims add "Boats left at dawn" --supports 5b1e',
    )
    .action(async () => {
      const claims = await session.call('listClaims', {});
      session.print(claims.length === 0 ? 'No claims yet.\n' : `${claims.map(claimLine).join('\n')}\n`, claims);
    });
}
