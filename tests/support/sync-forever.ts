// A child process for the sync crash test: edits notes one after another and, after each,
// writes the workspace files and prints what it wrote, until it is killed.
import { MarginaliaCore } from '../../src/core/core';

const [dataDir, workspace, ...ids] = process.argv.slice(2) as [string, string, ...string[]];
const core = new MarginaliaCore({ dataDir, host: 'cli', version: 'crash-test' });
const engine = await core.startSync(workspace, { watch: false });
const parent = process.ppid;
for (let index = 0; ; index += 1) {
  // A test that fails or times out may not kill its child: an orphan stops by itself.
  if (process.ppid !== parent) process.exit(1);
  const id = ids[index % ids.length]!;
  const note = `edit ${process.pid}-${index}`;
  core.annotations.update({ id, noteMarkdown: note });
  await engine.flush();
  process.stdout.write(`${id} ${note}\n`);
}
