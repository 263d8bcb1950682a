// One import (or its baseline) in a process of its own, so maxRSS is that work's peak memory:
// `pipeline FILE DATA_DIR` imports through the core end to end (reader worker, SQLite);
// `pdfjs FILE` is pdfjs-dist's getTextContent of every page alone; `mammoth FILE` is mammoth alone.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { MarginaliaCore } from '../src/core/core';
import { openPdf, pdfjsLibrary } from '../src/core/import/formats/pdf-library';

const [mode, file, dataDir] = process.argv.slice(2) as [string, string, string | undefined];

async function pipeline(): Promise<Record<string, number>> {
  const core = new MarginaliaCore({ dataDir: dataDir!, host: 'cli', version: 'bench', maxImportMegabytes: 200 });
  const started = performance.now();
  const outcome = await core.importFile(file);
  const milliseconds = performance.now() - started;
  const characters = core.documents.canonicalText(outcome.document.id).length;
  core.close();
  return { milliseconds, characters };
}

async function pdfjsAlone(): Promise<Record<string, number>> {
  const started = performance.now();
  const pdfjs = await pdfjsLibrary();
  const pdf = await openPdf(pdfjs, { fileName: basename(file), bytes: readFileSync(file) });
  let characters = 0;
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    for (const item of content.items) if ('str' in item) characters += item.str.length;
    page.cleanup();
  }
  await pdf.destroy();
  return { milliseconds: performance.now() - started, characters };
}

async function mammothAlone(): Promise<Record<string, number>> {
  const started = performance.now();
  const mammoth = await import('mammoth');
  const result = await mammoth.convertToHtml({ buffer: readFileSync(file) });
  return { milliseconds: performance.now() - started, characters: result.value.length };
}

const run = mode === 'pipeline' ? pipeline : mode === 'pdfjs' ? pdfjsAlone : mammothAlone;
const result = await run();
process.stdout.write(`${JSON.stringify({ ...result, maxRssMegabytes: process.resourceUsage().maxRSS / 1024 })}\n`);
