import { describe, expect, it } from 'vitest';
import { appReadAgain, lowConfidenceHint, LOW_MEAN_CONFIDENCE } from './ocr-confidence-hint';

const cli = ({ code }: { code: string }) => `read it again with --ocr-lang ${code}`;

describe('the hint a poorly recognized scan gets', () => {
  it('names the language it was read in, its mean confidence and the other language, in one sentence', () => {
    expect(lowConfidenceHint('“scan.pdf”', { meanConfidence: 61.6, languages: 'eng' }, cli)).toBe(
      '“scan.pdf” was read as English with a low mean OCR confidence (62%): if it is in French, read it again with --ocr-lang fra.',
    );
    expect(lowConfidenceHint('This document', { meanConfidence: 70, languages: 'fra' }, appReadAgain)).toBe(
      'This document was read as French with a low mean OCR confidence (70%): if it is in English, delete it, ' +
        'choose English under Settings › Language of scanned pages (OCR) and import it again.',
    );
  });

  it('says nothing of a text read well, nor of one read in both languages or with no language recorded', () => {
    expect(lowConfidenceHint('x', { meanConfidence: LOW_MEAN_CONFIDENCE, languages: 'eng' }, cli)).toBeUndefined();
    // 87.6 shows as 88%: a hint calling 88% low while 88 is the line would contradict itself.
    expect(
      lowConfidenceHint('x', { meanConfidence: LOW_MEAN_CONFIDENCE - 0.4, languages: 'eng' }, cli),
    ).toBeUndefined();
    expect(lowConfidenceHint('x', { meanConfidence: LOW_MEAN_CONFIDENCE - 1, languages: 'eng' }, cli)).toContain(
      '(87%)',
    );
    expect(lowConfidenceHint('x', { meanConfidence: 40, languages: 'eng+fra' }, cli)).toBeUndefined();
    expect(lowConfidenceHint('x', { meanConfidence: 40 }, cli)).toBeUndefined();
  });
});
