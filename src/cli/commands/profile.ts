// `marginalia profile`: your author name and your signing key's fingerprint; --name sets the name.
import { Command } from 'commander';
import type { CliSession } from '../session';
import { valueOption } from '../usage';

export function profileCommand(session: CliSession): Command {
  return new Command('profile')
    .summary("show your author name and signing key's fingerprint; --name sets the name")
    .description(
      "Show your author name and your signing key's fingerprint. --name sets the name on your annotations and replies " +
        '(those already written too), exports and bundles.',
    )
    .usage('[--name NAME]')
    .addOption(
      valueOption('--name <name>', 'the name to put on your annotations, replies, exports and bundles', session.argv),
    )
    .addHelpText('after', '\nExamples:\n  marginalia profile\n  marginalia profile --name "Ada Analyst"')
    .action(async (flags: { name?: string }) => {
      if (flags.name !== undefined) await session.call('updateProfile', { displayName: flags.name });
      const { displayName, fingerprint } = await session.call('getIdentity', {});
      session.print(`Name: ${displayName}\nKey fingerprint: ${fingerprint}\n`, { name: displayName, fingerprint });
    });
}
