// OCR section of the import-formats benchmark: 10 scanned Letter pages of generated known
// text (rendered at 300 dpi, embedded as images in a PDF with no text layer) read through
// the PDF reader, which renders and recognizes each page: seconds per page and the
// character error rate against the known text.
import { readPdf } from '../../src/core/import/formats/pdf';
import { blockRuns, inlineText } from '../../src/shared/document-blocks';
import { LETTER_PAGE, characterErrorRate, imagePdf, knownText, scannedPages } from '../../tests/support/ocr-fixtures';

const PAGES = 10;
/** About 300 words a page, a page of plain prose. */
const WORDS_PER_PAGE = 300;

export async function ocrSection(): Promise<{ secondsPerPage: number; cer: number; pages: number }> {
  const texts = Array.from({ length: PAGES }, (_, index) => knownText(101 + index, WORDS_PER_PAGE));
  const pdf = await imagePdf(await scannedPages(texts, LETTER_PAGE), LETTER_PAGE);
  const started = performance.now();
  const read = await readPdf({ fileName: 'bench-scan.pdf', bytes: pdf });
  const seconds = (performance.now() - started) / 1000;
  const recognized = read.blocks.map((block) => inlineText(blockRuns(block))).join(' ');
  return {
    secondsPerPage: Math.round((seconds / PAGES) * 100) / 100,
    cer: Math.round(characterErrorRate(texts.join(' '), recognized) * 10_000) / 10_000,
    pages: read.facts.ocr?.pagesRecognized ?? 0,
  };
}

// Run alone (node --import tsx bench/import-formats/ocr.ts) it prints its figures.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await ocrSection()));
}
