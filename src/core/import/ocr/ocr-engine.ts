// Recognizes text on page images with tesseract.js, offline: the English model is read from
// the @tesseract.js-data/eng package on disk, nothing is fetched and nothing is cached.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Block, PageRef } from '../../../shared/document-blocks';
import { UserFacingError } from '../../../shared/result';
import type { SourceFacts } from '../formats/format-reader';
import type { FormatInput } from '../formats/format-reader';
import type { OcrBlock } from './ocr-blocks';
import { ConfidenceTally, LOW_CONFIDENCE, pageParagraphs } from './ocr-blocks';

/**
 * English only: tesseract.js 7 reads every language of a worker from one langPath, and the
 * French model ships in another package; a second language also slows each page.
 */
export const OCR_LANGUAGE = 'eng';

/** The folder holding `eng.traineddata.gz`, inside the installed package (never a URL). */
export function ocrLanguagePath(language: string = OCR_LANGUAGE): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve(`@tesseract.js-data/${language}`)), '4.0.0_best_int');
}

/** "tesseract.js 7.0.0 eng", for the provenance's "imported with". */
export function ocrImporterName(): string {
  const require = createRequire(import.meta.url);
  const { version } = require('tesseract.js/package.json') as { version: string };
  return `tesseract.js ${version} ${OCR_LANGUAGE}`;
}

/** What tesseract.js is started with: a local model folder, and no cache written anywhere. */
export function ocrWorkerOptions(cachePath?: string) {
  return {
    langPath: ocrLanguagePath(),
    gzip: true,
    // 'none' neither reads nor writes a cached model (the default writes one in the working folder).
    cacheMethod: 'none',
    ...(cachePath === undefined ? {} : { cachePath }),
    // A failed job already rejects its promise; without a handler tesseract.js also throws
    // the error where nothing can catch it, which would end the whole process.
    errorHandler: () => undefined,
  };
}

export interface OcrSession {
  /** The blocks tesseract found on one page image (PNG, JPEG or TIFF bytes). */
  recognize(image: Uint8Array): Promise<OcrBlock[]>;
  close(): Promise<void>;
}

/** Starts one tesseract worker (LSTM engine only), for all the pages of one file. */
export async function openOcr(cachePath?: string): Promise<OcrSession> {
  const { createWorker, OEM, PSM } = await import('tesseract.js');
  const worker = await createWorker(OCR_LANGUAGE, OEM.LSTM_ONLY, ocrWorkerOptions(cachePath));
  // Tesseract's API reads a page as one block unless told otherwise, which splices the lines
  // of two columns together; automatic segmentation finds the columns and reads each in turn.
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
  return {
    async recognize(image) {
      const result = await worker.recognize(Buffer.from(image), {}, { blocks: true, text: false });
      return (result.data.blocks ?? []) as OcrBlock[];
    },
    async close() {
      await worker.terminate();
    },
  };
}

/** The pages to recognize: how many, and each one's image and page reference, made when it is its turn. */
export interface PageImages {
  count: number;
  page(index: number): PageRef;
  image(index: number): Promise<Uint8Array>;
}

export interface Recognized {
  /** Each page's paragraphs, in the order of `PageImages`. */
  pages: Block[][];
  ocr: NonNullable<SourceFacts['ocr']>;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason;
}

/** Settles with `work`, or rejects as soon as `signal` aborts (the caller then ends the worker doing it). */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** One page recognized; an image tesseract cannot read (damaged, cut short) is said as such. */
async function recognizeOne(
  session: OcrSession,
  image: Uint8Array,
  input: FormatInput,
  index: number,
  count: number,
): Promise<OcrBlock[]> {
  try {
    return await session.recognize(image);
  } catch (error) {
    if (input.signal?.aborted) throw input.signal.reason;
    const page = count > 1 ? `Page ${index + 1} of “${input.fileName}”` : `“${input.fileName}”`;
    const why = (error instanceof Error ? error.message : String(error)).replace(/^Error: /, '').slice(0, 200);
    throw new UserFacingError(
      'INVALID_INPUT',
      `${page} could not be read as an image; it may be damaged or cut short (${why}).`,
    );
  }
}

/**
 * Recognizes the pages one after another in one tesseract worker, saying after each how
 * many are done (stage 'recognizing'; 0 of N first, so the worker's host can allow time for
 * N pages). Cancel is checked between pages and ends the tesseract worker.
 */
export async function recognizePages(pages: PageImages, input: FormatInput): Promise<Recognized> {
  throwIfAborted(input.signal);
  input.onProgress?.(0, pages.count, 'recognizing');
  const session = await openOcr();
  const tally = new ConfidenceTally();
  const recognized: Block[][] = [];
  try {
    for (let index = 0; index < pages.count; index++) {
      throwIfAborted(input.signal);
      const image = await pages.image(index);
      throwIfAborted(input.signal);
      const blocks = await unlessAborted(recognizeOne(session, image, input, index, pages.count), input.signal);
      recognized.push(pageParagraphs(blocks, pages.page(index), tally));
      input.onProgress?.(index + 1, pages.count, 'recognizing');
    }
  } finally {
    await session.close();
  }
  throwIfAborted(input.signal);
  return {
    pages: recognized,
    ocr: {
      meanConfidence: tally.mean(),
      lowConfidenceWords: tally.low,
      threshold: LOW_CONFIDENCE,
      languages: OCR_LANGUAGE,
      pagesRecognized: pages.count,
    },
  };
}
