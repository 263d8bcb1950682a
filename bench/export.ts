// PDF export at briefing scale (issue 5): a 100-page document with 1,000 highlights and
// 300 notes, exported in a fresh process per run so each run reports its own peak memory
// (maxRSS). Beside it, in the same run: the same text with no annotations.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { HIGHLIGHT_COLORS } from '../src/shared/annotations';
import { MarginaliaCore } from '../src/core/core';
import { makeTempDir } from '../tests/support/temp';
import { median, round, seededRandom, sentence } from './support';

const HIGHLIGHTS = 1000;
const NOTES = 300;
const RUNS = 5;
const FONTS_DIR = join(import.meta.dirname, '..', 'resources', 'fonts');
const TAGS = Array.from({ length: 30 }, (_, index) => `Theme ${index % 6}/Topic ${index}`);

interface WorkerResult {
  milliseconds: number;
  maxRssMegabytes: number;
  heapUsedMegabytes: number;
  pages: number;
  highlights: number;
  bytes: number;
}

function runWorker(dataDir: string, documentId: string, out: string): WorkerResult {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'export-worker.ts'), dataDir, documentId, out, FONTS_DIR],
    {
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(`export worker failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as WorkerResult;
}

export async function runExportBenchmark(): Promise<Record<string, unknown>> {
  const temp = makeTempDir('marginalia-bench-export-');
  const dataDir = join(temp.path, 'data');
  const core = new MarginaliaCore({ dataDir, host: 'cli', version: 'bench', fontsDir: FONTS_DIR });
  core.profile.rename('Bench Analyst');
  const random = seededRandom(5);
  const paragraphs = Array.from({ length: 670 }, () =>
    Array.from({ length: 4 }, () => sentence(random, 10 + Math.floor(random() * 8))).join(' '),
  );
  const body = `Briefing benchmark report\n\n${paragraphs.join('\n\n')}\n`;
  const annotated = core.importBytes('annotated.txt', Buffer.from(body)).document;
  const plain = core.importBytes('plain.txt', Buffer.from(`${body}\n`)).document;
  const text = core.documents.canonicalText(annotated.id);
  core.db
    .transaction(() => {
      for (let index = 0; index < HIGHLIGHTS; index += 1) {
        const start = Math.floor(random() * (text.length - 400));
        const end = start + 15 + Math.floor(random() * (random() < 0.1 ? 600 : 160));
        const withNote = index % Math.round(HIGHLIGHTS / NOTES) === 0 && index / Math.round(HIGHLIGHTS / NOTES) < NOTES;
        core.annotations.create({
          documentId: annotated.id,
          start,
          end: Math.min(end, text.length),
          color: HIGHLIGHT_COLORS[Math.floor(random() * HIGHLIGHT_COLORS.length)]!,
          tags: random() < 0.6 ? [TAGS[Math.floor(random() * TAGS.length)]!] : [],
          ...(withNote
            ? {
                noteMarkdown: Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
                  sentence(random, 8 + Math.floor(random() * 14)),
                ).join(' '),
              }
            : {}),
        });
      }
    })
    .immediate();
  const notes = core.annotations.list(annotated.id).filter((annotation) => annotation.note.text !== '').length;
  core.close();

  const withAnnotations: WorkerResult[] = [];
  const without: WorkerResult[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    without.push(runWorker(dataDir, plain.id, join(temp.path, `plain-${run}.pdf`)));
    withAnnotations.push(runWorker(dataDir, annotated.id, join(temp.path, `annotated-${run}.pdf`)));
  }
  temp.remove();
  const summary = (results: WorkerResult[]) => ({
    medianMilliseconds: round(median(results.map((result) => result.milliseconds))),
    medianMaxRssMegabytes: round(median(results.map((result) => result.maxRssMegabytes))),
    pages: results[0]!.pages,
    highlights: results[0]!.highlights,
    megabytes: round(results[0]!.bytes / 1024 / 1024, 2),
  });
  const annotatedSummary = summary(withAnnotations);
  const plainSummary = summary(without);
  return {
    document: { characters: text.length, highlights: HIGHLIGHTS, notes },
    runs: RUNS,
    annotated: annotatedSummary,
    baselineNoAnnotations: plainSummary,
    timeRatio: round(annotatedSummary.medianMilliseconds / plainSummary.medianMilliseconds, 2),
    memoryRatio: round(annotatedSummary.medianMaxRssMegabytes / plainSummary.medianMaxRssMegabytes, 2),
    targets: { timeRatio: 2, aimMilliseconds: 3000 },
  };
}
