// Note bundles at scale (issue 6): 50 documents with 20,000 annotations exported and
// imported, each in a fresh process (time and peak memory), beside inserting the same rows
// straight into an empty store; then 10,000 mutated and malicious bundles imported.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HIGHLIGHT_COLORS } from '../src/shared/annotations';
import { quoteSelectorFor } from '../src/shared/selectors';
import { MarginaliaCore } from '../src/core/core';
import { UserFacingError } from '../src/shared/result';
import { mutateBundle } from '../tests/support/bundle-fuzz';
import { makeTempDir } from '../tests/support/temp';
import { highlightRow, median, round, seededRandom, sentence } from './support';

const DOCUMENTS = 50;
const ANNOTATIONS = 20_000;
const RUNS = 3;
const FUZZ_CASES = 10_000;

interface WorkerResult {
  milliseconds: number;
  maxRssMegabytes: number;
}

function runWorker(mode: 'export' | 'import' | 'direct', dataDir: string, file: string): WorkerResult {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'bundle-worker.ts'), mode, dataDir, file],
    { encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`bundle worker (${mode}) failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as WorkerResult;
}

function seed(core: MarginaliaCore): void {
  const random = seededRandom(3);
  core.profile.rename('Bench Analyst');
  const author = core.profile.read();
  core.db
    .transaction(() => {
      const tagIds: string[] = [];
      for (let index = 0; index < 30; index++) {
        const now = new Date().toISOString();
        const id = `tag-${index}`;
        core.annotations.store.upsertTag({
          id,
          path: `Theme ${index % 6}/Topic ${index}`,
          color: '',
          description: '',
          created_at: now,
          updated_at: now,
        });
        tagIds.push(id);
      }
      const ids: string[] = [];
      for (let doc = 0; doc < DOCUMENTS; doc++) {
        const paragraphs = Array.from({ length: 40 }, () =>
          Array.from({ length: 4 }, () => sentence(random, 10 + Math.floor(random() * 8))).join(' '),
        );
        const { document } = core.importBytes(
          `report-${doc}.txt`,
          Buffer.from(`Report ${doc}\n\n${paragraphs.join('\n\n')}\n`),
        );
        const text = core.documents.canonicalText(document.id);
        const hash = core.documents.textSha256(document.id);
        for (let index = 0; index < ANNOTATIONS / DOCUMENTS; index++) {
          const start = Math.floor(random() * (text.length - 200));
          const end = start + 10 + Math.floor(random() * 100);
          const quote = quoteSelectorFor(text, start, end);
          const note = random() < 0.3 ? sentence(random, 8 + Math.floor(random() * 12)) : '';
          const at = new Date(Date.UTC(2026, 0, 1, 0, 0, ids.length)).toISOString();
          const row = highlightRow({
            id: `00000000-0000-4000-8000-${String(ids.length).padStart(12, '0')}`,
            documentId: document.id,
            start: start,
            end: end,
            quote,
            textSha256: hash,
            anchorStatus: 'exact',
            color: HIGHLIGHT_COLORS[ids.length % 8]!,
            note: note,
            author: { id: author.authorId, name: author.displayName },
            at: at,
          });
          core.annotations.store.insertRow(row);
          core.annotations.store.setTags(row.id, [tagIds[ids.length % tagIds.length]!]);
          ids.push(row.id);
        }
      }
      core.annotations.store.reindex(ids);
    })
    .immediate();
}

/** The rows of the sender's library, for the direct-insert baseline. */
function dumpRows(core: MarginaliaCore, path: string): void {
  const documents = core.documents.list().map((summary) => {
    const detail = core.documents.detail(summary.id);
    return {
      id: summary.id,
      title: detail.title,
      sourceName: detail.sourceName,
      sourceType: detail.sourceType,
      sourceBase64: core.documents.sourceBytes(summary.id).toString('base64'),
      sourceSha256: `bench-${summary.id}`,
      lexicalJson: detail.lexicalJson,
      canonicalText: core.documents.canonicalText(summary.id),
      textSha256: detail.textSha256,
      byline: detail.byline,
      publishedAt: detail.publishedAt,
      siteName: detail.siteName,
      wordCount: detail.wordCount,
    };
  });
  const tags = core.db.prepare('SELECT id, path, color, description, created_at, updated_at FROM tags').all();
  const annotations = documents.flatMap((document) =>
    core.annotations.store
      .rowsOfDocument(document.id)
      .map((row) => ({ ...row, tagIds: core.annotations.store.record(row.id)!.tagIds })),
  );
  writeFileSync(path, JSON.stringify({ documents, tags, annotations }));
}

export async function runBundlesBenchmark(): Promise<Record<string, unknown>> {
  const temp = makeTempDir('marginalia-bench-bundles-');
  const senderDir = join(temp.path, 'sender');
  const sender = new MarginaliaCore({ dataDir: senderDir, host: 'cli', version: 'bench' });
  seed(sender);
  const rowsFile = join(temp.path, 'rows.json');
  dumpRows(sender, rowsFile);
  sender.close();

  const bundleFile = join(temp.path, 'bench.mnb');
  const exports: WorkerResult[] = [];
  const imports: WorkerResult[] = [];
  const direct: WorkerResult[] = [];
  for (let run = 0; run < RUNS; run++) {
    exports.push(runWorker('export', senderDir, bundleFile));
    direct.push(runWorker('direct', join(temp.path, `direct-${run}`), rowsFile));
    imports.push(runWorker('import', join(temp.path, `import-${run}`), bundleFile));
  }
  const bundleBytes = readFileSync(bundleFile);

  // Fuzz: every case either imports or is refused with a message, fast, without touching Object.prototype.
  const receiver = new MarginaliaCore({ dataDir: join(temp.path, 'fuzz'), host: 'cli', version: 'bench' });
  const small = new MarginaliaCore({ dataDir: join(temp.path, 'fuzz-sender'), host: 'cli', version: 'bench' });
  const { document } = small.importBytes('fuzz.txt', Buffer.from(`Fuzz report\n\n${sentence(seededRandom(1), 200)}\n`));
  const text = small.documents.canonicalText(document.id);
  for (let index = 0; index < 5; index++) {
    const created = small.annotations.create({
      documentId: document.id,
      start: index * 20,
      end: index * 20 + 10,
      tags: ['Fuzz'],
      noteMarkdown: `note ${index}`,
    });
    small.annotations.createReply(created.id, 'reply');
  }
  void text;
  const valid = small.exportBundle({ documentIds: [document.id], includeSources: true }).bytes;
  small.close();
  const random = seededRandom(42);
  let crashes = 0;
  let hangs = 0;
  let refused = 0;
  let imported = 0;
  let slowest = 0;
  const fuzzStarted = performance.now();
  for (let index = 0; index < FUZZ_CASES; index++) {
    const { bytes } = mutateBundle(random, valid);
    const started = performance.now();
    try {
      await receiver.importBundle(Buffer.from(bytes), { allowUnsigned: true, apply: true });
      imported++;
    } catch (error) {
      if (error instanceof UserFacingError) refused++;
      else crashes++;
    }
    const elapsed = performance.now() - started;
    slowest = Math.max(slowest, elapsed);
    if (elapsed > 2000) hangs++;
  }
  const fuzzSeconds = (performance.now() - fuzzStarted) / 1000;
  receiver.close();
  temp.remove();

  const summary = (results: WorkerResult[]) => ({
    medianMilliseconds: round(median(results.map((result) => result.milliseconds))),
    medianMaxRssMegabytes: round(median(results.map((result) => result.maxRssMegabytes))),
  });
  const importSummary = summary(imports);
  const directSummary = summary(direct);
  return {
    bundle: { documents: DOCUMENTS, annotations: ANNOTATIONS, megabytes: round(bundleBytes.length / 1048576, 2) },
    runs: RUNS,
    export: summary(exports),
    import: importSummary,
    baselineDirectInsert: directSummary,
    importRatioVsDirectInsert: round(importSummary.medianMilliseconds / directSummary.medianMilliseconds, 2),
    target: 3,
    fuzz: {
      cases: FUZZ_CASES,
      imported,
      refusedWithMessage: refused,
      crashes,
      hangsOver2s: hangs,
      slowestMs: round(slowest),
      seconds: round(fuzzSeconds),
      objectPrototypeUntouched: !Object.getOwnPropertyNames(Object.prototype).includes('polluted'),
    },
  };
}
