// Recognizes text on page images with tesseract.js, offline: the language models are read from
// the installed @tesseract.js-data packages (ocr-models.ts), nothing is fetched and nothing is cached.
import { createRequire } from 'node:module';
import type { OcrLanguages } from '../../../shared/model';
import type Tesseract from 'tesseract.js';
import type { OcrBlock } from './ocr-blocks';
import type { OcrChoice } from './ocr-models';
import { DEFAULT_OCR, ocrLanguagePath, tesseractLanguages } from './ocr-models';

/** "tesseract.js 7.0.0 eng+fra", for the provenance's "imported with". */
export function ocrImporterName(languages: OcrLanguages = DEFAULT_OCR.languages): string {
  const require = createRequire(import.meta.url);
  const { version } = require('tesseract.js/package.json') as { version: string };
  return `tesseract.js ${version} ${languages}`;
}

/** What tesseract.js is started with: a local model folder, and no cache written anywhere. */
export function ocrWorkerOptions(choice: OcrChoice = DEFAULT_OCR, cachePath?: string) {
  return {
    langPath: ocrLanguagePath(choice),
    gzip: true,
    // 'none' neither reads nor writes a cached model (the default writes one in the working folder).
    cacheMethod: 'none',
    ...(cachePath === undefined ? {} : { cachePath }),
    // A failed job already rejects its promise; without a handler tesseract.js also throws
    // the error where nothing can catch it, which would end the whole process.
    errorHandler: () => undefined,
  };
}

/**
 * Only what the reader uses of a page's blocks: every page is held until the last is read (running
 * heads are told by repeating), and tesseract's symbols and choices would be most of it.
 */
function leanBlocks(blocks: readonly Tesseract.Block[]): OcrBlock[] {
  return blocks.map((block) => ({
    paragraphs: (block.paragraphs ?? []).map((paragraph) => ({
      lines: paragraph.lines.map(({ words, bbox, baseline, rowAttributes }) => ({
        words: words.map(({ text, confidence, bbox: box }) => ({ text, confidence, bbox: box })),
        bbox,
        baseline,
        rowAttributes: { rowHeight: rowAttributes.rowHeight },
      })),
    })),
  }));
}

export interface OcrSession {
  /** The blocks tesseract found on one page image (PNG, JPEG, TIFF or PNM bytes). */
  recognize(image: Uint8Array): Promise<OcrBlock[]>;
  close(): Promise<void>;
}

/** Starts one tesseract worker (LSTM engine only) reading `choice`'s languages. */
export async function openOcr(choice: OcrChoice = DEFAULT_OCR, cachePath?: string): Promise<OcrSession> {
  const { createWorker, OEM, PSM } = await import('tesseract.js');
  const languages = tesseractLanguages(choice.languages);
  const worker = await createWorker(languages, OEM.LSTM_ONLY, ocrWorkerOptions(choice, cachePath));
  // Tesseract's API reads a page as one block unless told otherwise, which splices the lines
  // of two columns together; automatic segmentation finds the columns and reads each in turn.
  await worker.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
  return {
    async recognize(image) {
      // debug: tesseract's own notes ("Estimating resolution as 407") go to the result, which
      // is not read, instead of the terminal, where the CLI's user saw them as if they mattered.
      const result = await worker.recognize(Buffer.from(image), {}, { blocks: true, text: false, debug: true });
      return leanBlocks(result.data.blocks ?? []);
    },
    async close() {
      await worker.terminate();
    },
  };
}
