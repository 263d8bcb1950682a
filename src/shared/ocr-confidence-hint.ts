// The one sentence a poorly recognized scan gets: text OCR read with a low mean confidence may
// be in another language than the one it was read in, so the CLI, the import notification and
// the Source panel say so, each with its own way to read it again in the other language.
import { ocrLanguageNames } from './provenance-labels';

/**
 * Under this mean word confidence (0–100, rounded) the text reads poorly. Clean scans of known
 * text (tesseract.js 7, 75–300 dpi) read in their own language scored 93–96, and French read as
 * English 82–90, the poorer the scan the lower: 88 catches most of those and no page read right.
 */
export const LOW_MEAN_CONFIDENCE = 88;

/** What the hint needs of the OCR's facts: its mean confidence and the language(s) it was read in. */
export interface OcrReading {
  meanConfidence: number;
  languages?: string;
}

/** The language to read it in instead: its tesseract code ("fra") and its name ("French"). */
export interface OtherLanguage {
  code: 'eng' | 'fra';
  name: string;
}

/** The other single language to try: French after English, English after French; none after both. */
function otherLanguage(languages: string | undefined): 'eng' | 'fra' | undefined {
  if (languages === 'eng') return 'fra';
  if (languages === 'fra') return 'eng';
  return undefined;
}

/**
 * "scan.pdf was read as English with a low mean OCR confidence (62%): if it is in French,
 * HOW." for a text read poorly in one language; undefined otherwise (read well, read in both
 * languages already, or recorded without its language).
 */
export function lowConfidenceHint(
  subject: string,
  ocr: OcrReading,
  readAgain: (language: OtherLanguage) => string,
): string | undefined {
  const mean = Math.round(ocr.meanConfidence);
  const other = otherLanguage(ocr.languages);
  if (mean >= LOW_MEAN_CONFIDENCE || other === undefined) return undefined;
  const read = ocrLanguageNames(ocr.languages ?? '');
  const name = ocrLanguageNames(other);
  return `${subject} was read as ${read} with a low mean OCR confidence (${mean}%): if it is in ${name}, ${readAgain({ code: other, name })}.`;
}

/** How the app reads a document again in another language: Settings holds the only choice of language. */
export function appReadAgain({ name }: OtherLanguage): string {
  return `delete it, choose ${name} under Settings › Language of scanned pages (OCR) and import it again`;
}
