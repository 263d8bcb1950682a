// One scale measurement in a process of its own, so maxRSS is that measurement's peak
// memory. Prints one line of JSON: the timings, maxRSS and the V8 heap at the end.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HIGHLIGHT_COLORS, type HighlightSpans } from '../src/shared/annotations';
import type { Result } from '../src/shared/result';
import { MarginaliaCore } from '../src/core/core';
import { median, percentile, round, seededRandom } from './support';
import { AUTHORS, TAG_GROUPS } from './scale-library';

const WORDS = ['militia', 'hospital', 'coastal', 'fighters', 'directorate', 'brigades', 'witnesses', 'officials'];

/** The search benchmark's mix of words, phrases, prefixes, tags, colors, authors and operators, seeded. */
function scaleQueries(count: number): string[] {
  const random = seededRandom(11);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const kind = index % 8;
    if (kind === 0) return pick(WORDS);
    if (kind === 1) return `"${pick(WORDS)} ${pick(['and', 'the', 'of'])}"`;
    if (kind === 2) return `${pick(WORDS).slice(0, 4)}*`;
    if (kind === 3) return `tag:"Group ${index % TAG_GROUPS}"`;
    if (kind === 4) return `color:${pick(HIGHLIGHT_COLORS)} ${pick(WORDS)}`;
    if (kind === 5) return `author:"${pick(AUTHORS)}" ${pick(WORDS)}`;
    if (kind === 6) return 'is:orphan';
    return `${pick(WORDS)} ${pick(WORDS)}`;
  });
}

type Task = (args: string[]) => Promise<Record<string, unknown>>;

function openCore(dataDir: string): MarginaliaCore {
  return new MarginaliaCore({ dataDir, host: 'cli', version: 'bench' });
}

async function call<T>(core: MarginaliaCore, method: string, input: unknown): Promise<T> {
  const result: Result<unknown> = await core.call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value as T;
}

/** What the reader paints from, as Reader.tsx builds it from the compact highlight columns. */
function paintableFrom(spans: HighlightSpans): Array<{ id: string; start: number; end: number; color: string }> {
  return spans.ids.map((id, index) => ({
    id,
    start: spans.starts[index]!,
    end: spans.ends[index]!,
    color: spans.colors[index]!,
  }));
}

const tasks: Record<string, Task> = {
  // A process that loads the core and opens nothing: the floor under every other figure's memory.
  floor: async () => ({ milliseconds: 0 }),

  // Start to the library listed: open the store, then what the app asks for before it shows the list.
  list: async ([dataDir]) => {
    const started = performance.now();
    const core = openCore(dataDir!);
    const [, , documents] = await Promise.all([
      call(core, 'getAppInfo', {}),
      call(core, 'getSettings', {}),
      call<unknown[]>(core, 'listDocuments', {}),
      call(core, 'getProfile', {}),
    ]);
    const milliseconds = performance.now() - started;
    core.close();
    return { milliseconds, documents: documents.length };
  },

  // Open a document: its text, then its highlight spans (what is painted first), then the full
  // annotations and replies. The first open in the process, then the median of warm repeats.
  open: async ([dataDir, documentId, repeats]) => {
    const core = openCore(dataDir!);
    const once = async () => {
      const started = performance.now();
      const detail = await call<{ lexicalJson: string }>(core, 'getDocument', { id: documentId });
      JSON.parse(detail.lexicalJson);
      const paintable = paintableFrom(await call<HighlightSpans>(core, 'listHighlightSpans', { documentId }));
      const painted = performance.now() - started;
      const annotations = await call<unknown[]>(core, 'listAnnotations', { documentId });
      await call(core, 'listReplies', { documentId });
      return { painted, loaded: performance.now() - started, spans: paintable.length, annotations: annotations.length };
    };
    const first = await once();
    const warm = [];
    for (let index = 0; index < Number(repeats); index += 1) warm.push(await once());
    core.close();
    return {
      milliseconds: median(warm.map((run) => run.painted)),
      firstMilliseconds: first.painted,
      withAllAnnotationsMilliseconds: median(warm.map((run) => run.loaded)),
      firstWithAllAnnotationsMilliseconds: first.loaded,
      spans: first.spans,
      annotations: first.annotations,
    };
  },

  // Search through the contract: the first query (which builds the annotation directory), then p50/p95.
  search: async ([dataDir, count]) => {
    const core = openCore(dataDir!);
    const queries = scaleQueries(Number(count));
    let started = performance.now();
    await call(core, 'search', { query: queries[0] });
    const firstMilliseconds = performance.now() - started;
    const times: number[] = [];
    let hits = 0;
    for (const query of queries) {
      started = performance.now();
      hits += (await call<{ total: number }>(core, 'search', { query })).total;
      times.push(performance.now() - started);
    }
    core.close();
    return {
      milliseconds: percentile(times, 95),
      p50Milliseconds: percentile(times, 50),
      firstMilliseconds,
      averageHits: round(hits / times.length),
    };
  },

  // The least any search can do: a bare FTS5 MATCH on the annotation index, same database.
  bareSearch: async ([dataDir, count]) => {
    const core = openCore(dataDir!);
    const bare = core.db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ? ORDER BY rank LIMIT 200)',
    );
    const times: number[] = [];
    for (let index = 0; index < Number(count); index += 1) {
      const started = performance.now();
      bare.get(`"${WORDS[index % WORDS.length]!}"`);
      times.push(performance.now() - started);
    }
    core.close();
    return { milliseconds: percentile(times, 95), p50Milliseconds: percentile(times, 50) };
  },

  // Sync start with nothing changed on either side, as the app starts it (watching).
  sync: async ([dataDir, workspace]) => {
    const core = openCore(dataDir!);
    const started = performance.now();
    const engine = await core.startSync(workspace!, { watch: true });
    const milliseconds = performance.now() - started;
    await engine.whenWatching();
    const untilWatchingMilliseconds = performance.now() - started;
    await engine.stop();
    core.close();
    return { milliseconds, untilWatchingMilliseconds };
  },

  // Sync's baseline: stat and read every file in the workspace.
  readWorkspace: async ([workspace]) => {
    const started = performance.now();
    let files = 0;
    let bytes = 0;
    for (const name of readdirSync(workspace!)) {
      const path = join(workspace!, name);
      if (!statSync(path).isFile()) continue;
      bytes += readFileSync(path).length;
      files += 1;
    }
    return { milliseconds: performance.now() - started, files, megabytes: round(bytes / 1024 / 1024) };
  },
};

const [name, ...args] = process.argv.slice(2);
const task = tasks[name!];
if (!task) throw new Error(`unknown scale task ${name}`);
const result = await task(args);
process.stdout.write(
  `${JSON.stringify({
    ...result,
    maxRssMegabytes: process.resourceUsage().maxRSS / 1024,
    heapUsedMegabytes: process.memoryUsage().heapUsed / 1024 / 1024,
  })}\n`,
);
