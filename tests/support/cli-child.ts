// The CLI as its own process, for tests that must outlive a hang or a runaway read: bundled
// once by the test and run with a timeout, so a sync stuck on a FIFO fails instead of hanging.
import { runCli } from '../../src/cli/cli';

process.exitCode = await runCli(
  process.argv.slice(2),
  {
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    env: process.env,
  },
  { version: 'test' },
);
