// The CLI run in the test's own process with its output captured, as the integration tests call it.
import type { CliContext, CliIo } from '../../src/cli/cli';
import { runCli } from '../../src/cli/cli';

export async function runCliCaptured(
  args: string[],
  options: Partial<CliContext> = {},
  env: NodeJS.ProcessEnv = {},
  askPassword?: CliIo['askPassword'],
  terminal: Pick<CliIo, 'stderrIsTerminal'> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env,
    ...terminal,
    ...(askPassword ? { askPassword } : {}),
  };
  const code = await runCli(args, io, { version: '1', ...options });
  return { code, stdout, stderr };
}
