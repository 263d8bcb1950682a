// `marginalia claims evidence` adds, restances or removes a claim's evidence; `claims reword` changes its statement.
import { Command } from 'commander';
import type { ClaimDetail, Stance } from '../../shared/evidence';
import { STANCES } from '../../shared/evidence';
import { UserFacingError } from '../../shared/result';
import { claimLine } from '../claim-line';
import { resolveAnnotations, resolveClaim } from '../evidence-reference';
import type { CliSession } from '../session';
import { UsageError, asText, parsedOption, repeatable, usageOf } from '../usage';

type EvidenceOptions = Partial<Record<Stance | 'remove', string[]>>;

const CLAIM_ARGUMENT = 'a claim id, a unique prefix of one, or words only its statement has';

/** Each annotation the flags name with the stance it is to have (null: taken off the claim), in the order of STANCES then --remove. */
async function changesAsked(
  session: CliSession,
  options: EvidenceOptions,
): Promise<Array<{ annotationId: string; stance: Stance | null }>> {
  const changes: Array<{ annotationId: string; stance: Stance | null }> = [];
  for (const stance of [...STANCES, 'remove'] as const)
    for (const annotationId of await resolveAnnotations(session, options[stance] ?? []))
      changes.push({ annotationId, stance: stance === 'remove' ? null : stance });
  const twice = changes.find(
    (change, index) => changes.findIndex((c) => c.annotationId === change.annotationId) < index,
  );
  if (twice)
    throw new UsageError(`Annotation ${twice.annotationId} is given twice; a piece of evidence has one stance.`);
  return changes;
}

/** Refuses --remove of an annotation that is not evidence of the claim, naming it. */
function checkRemovals(claim: ClaimDetail, changes: ReadonlyArray<{ annotationId: string; stance: Stance | null }>) {
  const held = new Set(claim.evidence.map((piece) => piece.annotationId));
  const stray = changes.find((change) => change.stance === null && !held.has(change.annotationId));
  if (stray)
    throw new UserFacingError(
      'NOT_FOUND',
      `Annotation ${stray.annotationId} is not evidence of “${claim.statement}”; \`marginalia claims show\` lists its evidence.`,
    );
}

export function claimEvidenceCommand(session: CliSession): Command {
  const { argv } = session;
  const annotations = (flag: string, what: string) =>
    parsedOption(`--${flag} <annotation>`, `an annotation ${what} (may repeat)`, argv, repeatable(asText));
  return new Command('evidence')
    .summary("add evidence to a claim, change a piece's stance, or remove it; prints the claim's new status line")
    .description(
      'Add annotations to a claim as evidence with a stance, change the stance of a piece it has (give it under its new ' +
        "stance), or take pieces off it with --remove. Prints the claim's line as `claims` lists it.",
    )
    .argument('<claim>', CLAIM_ARGUMENT)
    .usage(
      'CLAIM [--supports ANNOTATION]... [--contradicts ANNOTATION]... [--context ANNOTATION]... [--remove ANNOTATION]...',
    )
    .addOption(annotations('supports', 'that supports it'))
    .addOption(annotations('contradicts', 'that contradicts it'))
    .addOption(annotations('context', 'that gives context'))
    .addOption(annotations('remove', 'to take off the claim'))
    .addHelpText(
      'after',
      '\nExamples:\n  marginalia claims evidence 2d7f --supports 5b1e --contradicts 77aa\n  marginalia claims evidence "left at dawn" --remove 9c04',
    )
    .action(async (reference: string, options: EvidenceOptions, command: Command) => {
      if ([...STANCES, 'remove' as const].every((flag) => options[flag] === undefined))
        throw usageOf(
          command,
          'claims evidence needs a change: --supports, --contradicts, --context or --remove ANNOTATION.',
        );
      const claimId = await resolveClaim(session, reference);
      const changes = await changesAsked(session, options);
      checkRemovals(await session.call('getClaim', { id: claimId }), changes);
      let claim: ClaimDetail | undefined;
      for (const change of changes) claim = await session.call('setClaimEvidence', { claimId, ...change });
      session.print(`${claimLine(claim!)}\n`, claim);
    });
}

export function claimRewordCommand(session: CliSession): Command {
  return new Command('reword')
    .summary('change the statement of one of your claims; prints its line')
    .description("Change a claim's statement; its evidence stays. Prints the claim's line as `claims` lists it.")
    .argument('<claim>', CLAIM_ARGUMENT)
    .argument('<statement>', 'the new statement')
    .usage('CLAIM STATEMENT')
    .addHelpText('after', '\nExamples:\n  marginalia claims reword 2d7f "Boats left Zuwara before dawn"')
    .action(async (reference: string, statement: string, _options: unknown, command: Command) => {
      if (statement.trim() === '') throw usageOf(command, 'claims reword needs the new statement, and it is empty.');
      const claim = await session.call('saveClaim', { id: await resolveClaim(session, reference), statement });
      session.print(`${claimLine(claim)}\n`, claim);
    });
}
