// Workspace sync at scale (issue 4): scans of a workspace of 1,000 documents with 100
// annotations each, beside reading and JSON-parsing the same files in the same run: the
// scan at start with nothing changed, after a pull changed a tenth of the files, with the
// sync records lost (every file parsed and compared), and into an empty library (a
// rebuild); then latency both ways with the watcher running.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HIGHLIGHT_COLORS } from '../src/shared/annotations';
import { quoteSelectorFor } from '../src/shared/selectors';
import { MarginaliaCore } from '../src/core/core';
import { makeTempDir } from '../tests/support/temp';
import { highlightRow, median, percentile, round, seededRandom, sentence } from './support';

const DOCUMENTS = 1000;
const PER_DOCUMENT = 100;
const LATENCY_SAMPLES = 40;

function seed(core: MarginaliaCore): void {
  const random = seededRandom(4);
  const author = core.profile.read();
  core.db
    .transaction(() => {
      for (let doc = 0; doc < DOCUMENTS; doc++) {
        const paragraphs = Array.from({ length: 6 }, () =>
          Array.from({ length: 3 }, () => sentence(random, 10 + Math.floor(random() * 8))).join(' '),
        );
        const { document } = core.importBytes(
          `report-${doc}.txt`,
          Buffer.from(`Report ${doc}\n\n${paragraphs.join('\n\n')}\n`),
        );
        const text = core.documents.canonicalText(document.id);
        const hash = core.documents.textSha256(document.id);
        const ids: string[] = [];
        for (let index = 0; index < PER_DOCUMENT; index++) {
          const start = Math.floor(random() * (text.length - 60));
          const end = start + 5 + Math.floor(random() * 50);
          const quote = quoteSelectorFor(text, start, end);
          const note = random() < 0.3 ? sentence(random, 10) : '';
          const at = new Date(Date.UTC(2026, 0, 1, 0, 0, doc * PER_DOCUMENT + index)).toISOString();
          const row = highlightRow({
            id: `00000000-0000-4000-8000-${String(doc * PER_DOCUMENT + index).padStart(12, '0')}`,
            documentId: document.id,
            start: start,
            end: end,
            quote,
            textSha256: hash,
            anchorStatus: 'exact',
            color: HIGHLIGHT_COLORS[index % 8]!,
            note: note,
            author: { id: author.authorId, name: author.displayName },
            at: at,
          });
          core.annotations.store.insertRow(row);
          ids.push(row.id);
        }
        core.annotations.store.reindex(ids);
      }
    })
    .immediate();
}

export async function runSyncBenchmark(): Promise<Record<string, unknown>> {
  const temp = makeTempDir('marginalia-bench-sync-');
  const workspace = join(temp.path, 'workspace');
  const source = new MarginaliaCore({ dataDir: join(temp.path, 'source'), host: 'cli', version: 'bench' });
  seed(source);
  const writeStarted = performance.now();
  await source.startSync(workspace, { watch: false });
  const firstWriteMs = performance.now() - writeStarted;
  source.close();

  // Baseline: read and JSON-parse every sidecar.
  const readStarted = performance.now();
  let items = 0;
  for (const name of readdirSync(workspace)) {
    if (!name.endsWith('.annotations.json')) continue;
    items +=
      (JSON.parse(readFileSync(join(workspace, name), 'utf8')) as { first?: { items: unknown[] } }).first?.items
        .length ?? 0;
  }
  const readParseMs = performance.now() - readStarted;

  // The first scan into an empty library: every document and annotation comes from the files.
  const rebuilt = new MarginaliaCore({ dataDir: join(temp.path, 'rebuilt'), host: 'cli', version: 'bench' });
  const scanStarted = performance.now();
  const engine = await rebuilt.startSync(workspace, { watch: true });
  const firstScanMs = performance.now() - scanStarted;
  const restored = rebuilt.annotations.store.database
    .prepare<[], { count: number }>('SELECT count(*) AS count FROM annotations')
    .get()!.count;

  // A start with nothing changed on either side: only files whose size or time moved are read.
  await engine.stop();
  const rescanStarted = performance.now();
  let again = await rebuilt.startSync(workspace, { watch: true });
  const unchangedScanMs = performance.now() - rescanStarted;
  await again.whenWatching();
  const unchangedWatchingMs = performance.now() - rescanStarted;
  await again.stop();

  // A start after a pull brought a changed note in one file in ten, made on another machine.
  const sidecars = readdirSync(workspace).filter((name) => name.endsWith('.annotations.json'));
  for (const name of sidecars.filter((_, index) => index % 10 === 0)) {
    const sidecar = JSON.parse(readFileSync(join(workspace, name), 'utf8')) as {
      first: { items: Array<{ modified: string; body?: Array<{ purpose: string; value: string }> }> };
    };
    // As another Marginalia writes it: the note's text changed and its time moved on.
    const item = sidecar.first.items.find((candidate) =>
      candidate.body?.some((body) => body.purpose === 'commenting'),
    )!;
    item.body!.find((body) => body.purpose === 'commenting')!.value = 'Changed on another machine';
    item.modified = '2027-01-01T00:00:00.000Z';
    writeFileSync(join(workspace, name), `${JSON.stringify(sidecar, null, 2)}\n`);
  }
  const pulledStarted = performance.now();
  again = await rebuilt.startSync(workspace, { watch: true });
  const afterPullScanMs = performance.now() - pulledStarted;
  await again.whenWatching();
  const afterPullWatchingMs = performance.now() - pulledStarted;
  await again.stop();
  const pulledNotes = rebuilt.annotations.store.database
    .prepare<[], { count: number }>(
      "SELECT count(*) AS count FROM annotations WHERE note_text = 'Changed on another machine'",
    )
    .get()!.count;

  // The library holds everything but has lost its sync records: every file is parsed and compared.
  rebuilt.db.exec('DELETE FROM sync_files; DELETE FROM sync_bases;');
  const lostStarted = performance.now();
  again = await rebuilt.startSync(workspace, { watch: true });
  const syncRecordsLostScanMs = performance.now() - lostStarted;
  await again.whenWatching();

  // Latency: app change to file, and file change to the app, with the watcher running.
  const documentId = rebuilt.documents.list()[0]!.id;
  const annotation = rebuilt.annotations.create({ documentId, start: 0, end: 6, noteMarkdown: 'latency probe' });
  const wait = async (check: () => boolean) => {
    const started = performance.now();
    while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
    return performance.now() - started;
  };
  let sidecar = '';
  await wait(() => {
    sidecar =
      readdirSync(workspace).find(
        (name) =>
          name.endsWith('.annotations.json') && readFileSync(join(workspace, name), 'utf8').includes(annotation.id),
      ) ?? '';
    return sidecar !== '';
  });
  const path = join(workspace, sidecar);
  const appToFile: number[] = [];
  const fileToApp: number[] = [];
  for (let sample = 0; sample < LATENCY_SAMPLES; sample++) {
    const fromApp = `app ${sample}`;
    rebuilt.annotations.update({ id: annotation.id, noteMarkdown: fromApp });
    appToFile.push(await wait(() => readFileSync(path, 'utf8').includes(`"${fromApp}"`)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fromFile = `file ${sample}`;
    const started = performance.now();
    writeFileSync(path, readFileSync(path, 'utf8').replace(`"${fromApp}"`, `"${fromFile}"`));
    await wait(() => rebuilt.annotations.get(annotation.id).note.text === fromFile);
    fileToApp.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await again.stop();
  rebuilt.close();
  temp.remove();
  const stats = (values: number[]) => ({
    p50Ms: round(percentile(values, 50)),
    p95Ms: round(percentile(values, 95)),
    maxMs: round(Math.max(...values)),
  });
  return {
    workspace: { documents: DOCUMENTS, annotationsPerDocument: PER_DOCUMENT, sidecarItems: items },
    baselineReadAndParseMs: round(readParseMs),
    startWithNothingChangedMs: round(unchangedScanMs),
    startWithNothingChangedRatio: round(unchangedScanMs / readParseMs, 2),
    startWithNothingChangedUntilWatchingMs: round(unchangedWatchingMs),
    startAfterPullChangedTenthMs: round(afterPullScanMs),
    startAfterPullChangedTenthRatio: round(afterPullScanMs / readParseMs, 2),
    startAfterPullUntilWatchingMs: round(afterPullWatchingMs),
    notesChangedByThePull: pulledNotes,
    firstScanWithSyncRecordsLostMs: round(syncRecordsLostScanMs),
    firstScanWithSyncRecordsLostRatio: round(syncRecordsLostScanMs / readParseMs, 2),
    rebuildIntoEmptyLibraryMs: round(firstScanMs),
    rebuildIntoEmptyLibraryRatio: round(firstScanMs / readParseMs, 2),
    annotationsRestored: restored,
    firstWriteOfTheWorkspaceMs: round(firstWriteMs),
    targetRatio: 2,
    latency: {
      appToFile: stats(appToFile),
      fileToApp: stats(fileToApp),
      samples: LATENCY_SAMPLES,
      targetP95Ms: 1000,
      aimMs: 250,
      medianAppToFileMs: round(median(appToFile)),
    },
  };
}
