import { describe, expect, it } from 'vitest';
import { workerReader } from '../../src/core/import/reader-worker-host';
import { UserFacingError } from '../../src/shared/result';

// The reader worker's timeout grows with the pages a reader says it will recognize, so a
// long OCR run is not cut off, while a reader that says nothing keeps the fixed allowance.

const TEST_WORKER = new URL('../support/test-reader-worker.ts', import.meta.url);
const slowOcr = (ms: number) => Buffer.from(`%PDF-1.7\nSLOW_OCR ${ms}\n== page 1\nRecognized text.`, 'latin1');

async function outcome(recognizeMsPerPage: number): Promise<string> {
  const read = workerReader('pdf', TEST_WORKER, { maxOldGenerationSizeMb: 64, timeoutMs: 4000, recognizeMsPerPage });
  try {
    const document = await read({ fileName: 'scan.pdf', bytes: slowOcr(6000) });
    return document.title;
  } catch (error) {
    if (error instanceof UserFacingError) return error.message;
    throw error;
  }
}

describe('the reader worker’s time for OCR', () => {
  it('gives a reader that recognizes 2 pages the fixed time plus its allowance for each page', async () => {
    expect(await outcome(4000)).toBe('Paged test document');
  }, 30_000);

  it('still stops a reader at the fixed time when no time is allowed per page', async () => {
    expect(await outcome(0)).toMatch(/took longer than 4 s/);
  }, 30_000);
});
