// Document import at report scale (issue 16): a generated 300-page text PDF imported end to end
// (the built CLI: core, real SQLite in a temp dir, the reader worker) beside pdfjs-dist's
// getTextContent of every page alone, and a 200-page Word file beside mammoth alone; each run
// is a fresh process timed from its start to its exit, with its own peak memory. OCR and mbox
// sections join when their files exist.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { makeTempDir } from '../tests/support/temp';
import { appImportSection } from './import-formats/app-import';
import { median, round, seededRandom, sentence } from './support';

const RUNS = Number(process.env.IMPORT_BENCH_RUNS ?? 3);
const PDF_PAGES = 300;
const DOCX_PARAGRAPHS = 1000;
const FONT = join(import.meta.dirname, '..', 'resources', 'fonts', 'DejaVuSerif.ttf');

interface WorkerResult {
  milliseconds: number;
  maxRssMegabytes: number;
  cpuMilliseconds: number;
}

/** Runs bench/import-formats-child.mjs; its figures are the last line of its stderr. */
function runChild(args: string[]): WorkerResult {
  const child = spawnSync(process.execPath, [join(import.meta.dirname, 'import-formats-child.mjs'), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) throw new Error(`import child (${args.join(' ')}) failed: ${child.stderr}`);
  return JSON.parse(child.stderr.trim().split('\n').pop()!) as WorkerResult;
}

/** The end-to-end import is the built CLI's: built here first, so it is this checkout's code. */
function buildCli(): void {
  const built = spawnSync(process.execPath, [join(import.meta.dirname, '..', 'scripts', 'build-cli.mjs')], {
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);
}

/** A report of exactly PDF_PAGES pages: section headings and paragraphs flowing in one column, a page number at each foot. */
async function generatePdf(path: string): Promise<number> {
  const random = seededRandom(16);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 72,
    bufferPages: true,
    info: { Title: 'Import benchmark report' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve) => doc.on('end', resolve));
  doc.font(FONT);
  let pages = 1;
  doc.on('pageAdded', () => (pages += 1));
  for (let section = 1; pages < PDF_PAGES; section += 1) {
    doc.fontSize(16).text(`Section ${section}`, { paragraphGap: 6 });
    for (let paragraph = 0; paragraph < 6 && pages < PDF_PAGES; paragraph += 1) {
      const text = Array.from({ length: 5 }, () => sentence(random, 12 + Math.floor(random() * 8))).join(' ');
      doc.fontSize(11).text(text, { paragraphGap: 8, align: 'left' });
    }
  }
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // The foot sits in the bottom margin: without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .fontSize(9)
      .text(`${index + 1}`, 0, doc.page.height - 40, { width: doc.page.width, align: 'center', lineBreak: false });
  }
  doc.end();
  await done;
  writeFileSync(path, Buffer.concat(chunks));
  return range.count;
}

/** A Word file of about 200 pages: headings, paragraphs and a small table every 50 paragraphs. */
export async function generateDocx(path: string, title = 'Import benchmark'): Promise<void> {
  const random = seededRandom(17);
  const children: Array<Paragraph | Table> = [];
  for (let index = 0; index < DOCX_PARAGRAPHS; index += 1) {
    if (index % 10 === 0)
      children.push(new Paragraph({ text: `Chapter part ${index / 10 + 1}`, heading: HeadingLevel.HEADING_2 }));
    const text = Array.from({ length: 5 }, () => sentence(random, 12 + Math.floor(random() * 8))).join(' ');
    children.push(new Paragraph({ children: [new TextRun(text)] }));
    if (index % 50 === 25) {
      const rows = [
        ['Site', 'Count', 'Status'],
        ...Array.from({ length: 4 }, (_, row) => [`Place ${row}`, `${row * 7}`, 'Open']),
      ];
      children.push(
        new Table({
          rows: rows.map(
            (cells) =>
              new TableRow({ children: cells.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) }),
          ),
        }),
      );
    }
  }
  const doc = new Document({ title, sections: [{ children }] });
  writeFileSync(path, await Packer.toBuffer(doc));
}

function summary(results: WorkerResult[]) {
  return {
    medianMilliseconds: round(median(results.map((result) => result.milliseconds))),
    medianMaxRssMegabytes: round(median(results.map((result) => result.maxRssMegabytes))),
    medianCpuMilliseconds: round(median(results.map((result) => result.cpuMilliseconds))),
  };
}

/** The pipeline and its baseline alternate run by run, so a change in the machine's load falls on both alike. */
function compare(pipelineArgs: (run: number) => string[], baselineArgs: string[]) {
  const pipeline: WorkerResult[] = [];
  const baseline: WorkerResult[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    baseline.push(runChild(baselineArgs));
    pipeline.push(runChild(pipelineArgs(run)));
  }
  const imported = summary(pipeline);
  const alone = summary(baseline);
  return {
    imported,
    baseline: alone,
    timeRatio: round(imported.medianMilliseconds / alone.medianMilliseconds, 2),
    memoryRatio: round(imported.medianMaxRssMegabytes / alone.medianMaxRssMegabytes, 2),
    cpuRatio: round(imported.medianCpuMilliseconds / alone.medianCpuMilliseconds, 2),
  };
}

/** An optional section another part of the work provides; skipped with a note when its file is absent. */
async function optionalSection<T>(name: string, exported: string): Promise<T | { skipped: string }> {
  const path = join(import.meta.dirname, 'import-formats', `${name}.ts`);
  if (!existsSync(path)) return { skipped: `bench/import-formats/${name}.ts is not there yet` };
  const module = (await import(pathToFileURL(path).href)) as Record<string, () => Promise<T>>;
  const section = module[exported];
  if (typeof section !== 'function') return { skipped: `bench/import-formats/${name}.ts exports no ${exported}` };
  return section();
}

/** IMPORT_BENCH_ONLY=pdf|docx|ocr|mbox (comma-separated) runs only those sections; unset runs them all. */
const ONLY = new Set((process.env.IMPORT_BENCH_ONLY ?? '').split(',').filter(Boolean));
const wanted = (section: string): boolean => ONLY.size === 0 || ONLY.has(section);
const notWanted = { skipped: 'not in IMPORT_BENCH_ONLY' };

type CliArgs = (file: string, name: string) => (run: number) => string[];

async function pdfSection(dir: string, cli: CliArgs): Promise<Record<string, unknown>> {
  const pdfPath = join(dir, 'report.pdf');
  const pages = await generatePdf(pdfPath);
  const pdf = compare(cli(pdfPath, 'pdf'), ['pdfjs', pdfPath]);
  return {
    pages,
    ...pdf,
    baselineIs: 'pdfjs-dist getTextContent of every page',
    targets: { timeRatio: 1.5, memoryRatio: 2 },
  };
}

async function docxSection(dir: string, cli: CliArgs): Promise<Record<string, unknown>> {
  const docxPath = join(dir, 'report.docx');
  await generateDocx(docxPath);
  const docx = compare(cli(docxPath, 'docx'), ['mammoth', docxPath]);
  // The same text under another title: other bytes, so the served library takes it as another file.
  const nextPath = join(dir, 'report-next.docx');
  await generateDocx(nextPath, 'Import benchmark, next');
  const inApp = await appImportSection(docxPath, nextPath, (run) => join(dir, `docx-app-${run}`), RUNS);
  // What reading in a worker costs before anything of Marginalia's: the floor under the command line's ratio.
  const workerFloor = compare(() => ['mammoth-in-worker', docxPath], ['mammoth', docxPath]);
  return {
    paragraphs: DOCX_PARAGRAPHS,
    commandLine: { ...docx, baselineIs: 'mammoth.convertToHtml alone, each in a fresh process timed start to exit' },
    inApp,
    mammothInWorker: {
      ...workerFloor,
      commandLineOverThis: round(docx.imported.medianMilliseconds / workerFloor.imported.medianMilliseconds, 2),
      baselineIs:
        'mammoth.convertToHtml alone in a fresh process; against it, the same in a worker thread of a fresh process',
    },
    targets: { timeRatio: 1.3 },
  };
}

export async function runImportFormatsBenchmark(): Promise<Record<string, unknown>> {
  const temp = makeTempDir('marginalia-bench-import-');
  try {
    buildCli();
    const cli: CliArgs = (file, name) => (run) => [
      'cli',
      '--data-dir',
      join(temp.path, `${name}-data-${run}`),
      '--max-import-mb',
      '200',
      'import',
      file,
    ];
    return {
      runs: RUNS,
      pdf: wanted('pdf') ? await pdfSection(temp.path, cli) : notWanted,
      docx: wanted('docx') ? await docxSection(temp.path, cli) : notWanted,
      ocr: wanted('ocr')
        ? await optionalSection<{ secondsPerPage: number; cer: number; pages: number }>('ocr', 'ocrSection')
        : notWanted,
      mbox: wanted('mbox')
        ? await optionalSection<{ messages: number; seconds: number; peakRssMb: number }>('mbox', 'mboxSection')
        : notWanted,
    };
  } finally {
    temp.remove();
  }
}
