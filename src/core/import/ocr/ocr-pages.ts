// Recognizes the pages of one file: two tesseract workers take pages in turn (this machine's two
// cores; tesseract itself runs single-threaded in wasm), progress after each page, Cancel between
// and during pages.
import { availableParallelism } from 'node:os';
import type { Block, PageRef } from '../../../shared/document-blocks';
import { UserFacingError } from '../../../shared/result';
import type { FormatInput, SourceFacts } from '../formats/format-reader';
import { imageHeight } from './image-header';
import type { OcrBlock } from './ocr-blocks';
import { ConfidenceTally, LOW_CONFIDENCE, pageParagraphs, paragraphText } from './ocr-blocks';
import type { OcrSession } from './ocr-engine';
import { openOcr } from './ocr-engine';
import type { RecognizedPage } from './ocr-layout';
import { layOut } from './ocr-layout';
import { DEFAULT_OCR } from './ocr-models';

/** At most this many pages are recognized at once: each tesseract worker holds a page and a model (~100 MB). */
export const MAX_OCR_WORKERS = 2;

/** The pages to recognize: how many, and each one's image and page reference, made when it is its turn. */
export interface PageImages {
  count: number;
  page(index: number): PageRef;
  image(index: number): Promise<Uint8Array>;
}

export interface Recognized {
  /** Each page's paragraphs, in the order of `PageImages`. */
  pages: Block[][];
  /** The first page's largest text when it is set larger than the rest, for a title; else empty. */
  title: string;
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

/** Starts `count` workers; if one cannot start, those that did are ended. */
async function openSessions(count: number, input: FormatInput): Promise<OcrSession[]> {
  const opened = await Promise.allSettled(Array.from({ length: count }, () => openOcr(input.ocr ?? DEFAULT_OCR)));
  const sessions = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = opened.find((result) => result.status === 'rejected');
  if (failed === undefined) return sessions;
  await Promise.all(sessions.map((session) => session.close()));
  throw failed.reason;
}

/**
 * Recognizes the pages, two at a time in two tesseract workers when there are several, saying
 * after each how many are done (stage 'recognizing'; 0 of N first, so the worker's host can
 * allow time for N pages). Cancel is checked between pages and ends the tesseract workers.
 */
export async function recognizePages(pages: PageImages, input: FormatInput): Promise<Recognized> {
  throwIfAborted(input.signal);
  input.onProgress?.(0, pages.count, 'recognizing');
  const workers = Math.max(1, Math.min(MAX_OCR_WORKERS, availableParallelism(), pages.count));
  const sessions = await openSessions(workers, input);
  const recognized: RecognizedPage[] = Array.from({ length: pages.count }, () => ({ blocks: [], height: 0 }));
  let next = 0;
  let done = 0;
  let failed = false;
  // Each lane takes the next page not yet taken, until none is left or another lane failed.
  const lane = async (session: OcrSession): Promise<void> => {
    while (next < pages.count && !failed) {
      const index = next++;
      throwIfAborted(input.signal);
      const image = await pages.image(index);
      throwIfAborted(input.signal);
      const blocks = await unlessAborted(recognizeOne(session, image, input, index, pages.count), input.signal);
      recognized[index] = { blocks, height: imageHeight(image) };
      input.onProgress?.(++done, pages.count, 'recognizing');
    }
  };
  try {
    const lanes = await Promise.allSettled(
      sessions.map((session) =>
        lane(session).catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
    const failure = lanes.find((result) => result.status === 'rejected');
    if (failure !== undefined) throw failure.reason;
  } finally {
    await Promise.all(sessions.map((session) => session.close()));
  }
  throwIfAborted(input.signal);
  // Running heads and page numbers are told by their repeating across pages: all must be read first.
  const tally = new ConfidenceTally();
  const layout = layOut(recognized);
  return {
    pages: layout.pages.map((blocks, index) => pageParagraphs(blocks, pages.page(index), tally)),
    title: layout.title === undefined ? '' : paragraphText(layout.title),
    ocr: {
      meanConfidence: tally.mean(),
      lowConfidenceWords: tally.low,
      threshold: LOW_CONFIDENCE,
      languages: (input.ocr ?? DEFAULT_OCR).languages,
      pagesRecognized: pages.count,
    },
  };
}
