// A child process for the crash test: creates annotations one by one and prints each id
// only after its transaction has committed, until it is killed.
import { MarginaliaCore } from '../../src/core/core';

const [dataDir, documentId] = process.argv.slice(2) as [string, string];
const core = new MarginaliaCore({ dataDir, host: 'cli', version: 'crash-test' });
const text = core.documents.canonicalText(documentId);
const parent = process.ppid;
for (let index = 0; ; index += 1) {
  // A test that fails or times out may not kill its child: an orphan stops by itself.
  if (process.ppid !== parent) process.exit(1);
  const start = (index * 37) % (text.length - 40);
  const created = core.annotations.create({
    documentId,
    start,
    end: start + 20,
    tags: [`Crash/${index % 5}`],
    noteMarkdown: `note ${index}`,
  });
  process.stdout.write(`${created.id}\n`);
}
