// Where tesseract reads its language models from, offline: one language's installed
// @tesseract.js-data package folder, or for English + French a folder in the app's data folder
// holding copies of both packages' models, made on first use (never in node_modules, never fetched).
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { OcrLanguages } from '../../../shared/model';

/** The packages' LSTM-only integer models: the size and speed tesseract.js is made for. */
const MODEL_FOLDER = '4.0.0_best_int';

/** What OCR reads in, and where a combined model folder may be made (the app's data folder). */
export interface OcrChoice {
  languages: OcrLanguages;
  /** Absent (tests, the benchmark): a folder in the system's temporary folder. */
  modelsDir?: string;
}

export const DEFAULT_OCR: OcrChoice = { languages: 'eng' };

/** Where a library keeps its two-language model folder: beside its database, in its data folder. */
export function ocrModelsDirIn(dataDir: string): string {
  return join(dataDir, 'ocr-models');
}

/**
 * The languages as tesseract is started with them. Its first language decides a word both
 * read: French first keeps "très", "à", "où" (English first reads "tres", "a", "ou", 2 % of the
 * characters of a French page wrong), and an English page still reads as well either way.
 */
export function tesseractLanguages(languages: OcrLanguages): string {
  return languages === 'eng+fra' ? 'fra+eng' : languages;
}

/** The folder of one language's model inside its installed package. */
export function packageModelPath(code: string): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve(`@tesseract.js-data/${code}`)), MODEL_FOLDER);
}

function modelBytes(code: string): Buffer {
  return readFileSync(join(packageModelPath(code), `${code}.traineddata.gz`));
}

/** Copies `code`'s model into `folder` unless an identical copy is there; a copy appears whole or not at all. */
function placeModel(folder: string, code: string): void {
  const source = modelBytes(code);
  const target = join(folder, `${code}.traineddata.gz`);
  try {
    if (readFileSync(target).equals(source)) return;
  } catch {
    // Not there yet.
  }
  // A name of its own, so two imports starting at once (the app and the CLI) never write one file.
  const partial = `${target}.${randomUUID()}.partial`;
  copyFileSync(join(packageModelPath(code), `${code}.traineddata.gz`), partial);
  renameSync(partial, target);
}

/**
 * The langPath for `choice`: tesseract.js 7 reads every language of a worker from one folder,
 * and each language's model ships in its own package, so two languages need one folder with both.
 */
export function ocrLanguagePath(choice: OcrChoice = DEFAULT_OCR): string {
  const codes = choice.languages.split('+');
  if (codes.length === 1) return packageModelPath(codes[0]!);
  const folder = join(choice.modelsDir ?? join(tmpdir(), 'marginalia-ocr-models'), MODEL_FOLDER);
  mkdirSync(folder, { recursive: true });
  for (const code of codes) placeModel(folder, code);
  return folder;
}
