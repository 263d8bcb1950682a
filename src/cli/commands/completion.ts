// `marginalia completion bash|zsh`: prints a completion script made from the commands' own flags.
import { Argument, Command } from 'commander';
import type { CompletionShell } from '../completion';
import { COMPLETION_SHELLS, completionScript } from '../completion';
import type { CliSession } from '../session';
import { UsageError } from '../usage';

export function completionCommand(session: CliSession): Command {
  const command = new Command('completion')
    .summary('print a shell completion script for bash or zsh')
    .description("Print a script that completes marginalia's commands and flags in bash or zsh.")
    .addArgument(new Argument('<shell>', 'bash or zsh').choices(COMPLETION_SHELLS).argParser(shellOf))
    .usage('bash|zsh')
    .addHelpText(
      'after',
      '\nExamples:\n  source <(marginalia completion bash)   # in ~/.bashrc\n  source <(marginalia completion zsh)    # in ~/.zshrc, after compinit',
    )
    .action((shell: CompletionShell) => {
      let program: Command = command;
      while (program.parent) program = program.parent;
      session.io.stdout(completionScript(program, shell));
    });
  return command;
}

function shellOf(value: string): CompletionShell {
  const shell = COMPLETION_SHELLS.find((known) => known === value);
  if (!shell) throw new UsageError(`unknown shell “${value}”; completion is for ${COMPLETION_SHELLS.join(' or ')}.`);
  return shell;
}
