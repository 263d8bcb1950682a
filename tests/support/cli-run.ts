// The CLI run in the test's own process with its output captured, as the integration tests call it.
import type { CliContext } from '../../src/cli/cli';
import { runCli } from '../../src/cli/cli';

export async function runCliCaptured(
  args: string[],
  options: Partial<CliContext> = {},
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    args,
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env },
    { version: '1', ...options },
  );
  return { code, stdout, stderr };
}
