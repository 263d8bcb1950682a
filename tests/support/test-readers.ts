// Small format readers for pipeline tests, registered through the importer's `readers`
// seam (never in production code). Their input is plain text after a format's magic bytes,
// so tests can write files from known text; a few words make them misbehave on purpose.
import type { ReaderRegistry } from '../../src/core/import/formats';
import type { FormatInput, ReadDocument } from '../../src/core/import/formats/format-reader';
import { textRun } from '../../src/shared/document-blocks';
import { sha256Hex } from '../../src/core/files/sha256';
import { UserFacingError } from '../../src/shared/result';

/** Lines after the header; "== page N [label]" starts page N. */
function pagedRead(input: FormatInput, importer: string): ReadDocument {
  const text = Buffer.from(input.bytes).toString('latin1');
  const lines = text.split('\n').slice(1);
  let page: { number: number; label?: string } | undefined;
  const blocks: ReadDocument['blocks'] = [];
  for (const line of lines) {
    const marker = /^== page (\d+)(?: (\S+))?$/.exec(line);
    if (marker) page = { number: Number(marker[1]), ...(marker[2] ? { label: marker[2] } : {}) };
    else if (line.trim() !== '')
      blocks.push({ kind: 'paragraph', children: [textRun(line)], ...(page ? { page } : {}) });
  }
  const pageCount = new Set(blocks.map((block) => block.page?.number)).size;
  return {
    title: 'Paged test document',
    byline: '',
    publishedAt: '',
    siteName: '',
    blocks,
    facts: { importer, pageCount },
  };
}

/** Misbehaves as its bytes say: throws later (a crash), eats memory, or spins forever. */
async function misbehave(input: FormatInput): Promise<void> {
  const text = Buffer.from(input.bytes).toString('latin1');
  if (text.includes('CRASH')) {
    setTimeout(() => {
      throw new Error('the test reader crashed');
    });
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if (text.includes('HOG')) {
    const hoard: number[][] = [];
    for (;;) hoard.push(new Array<number>(1_000_000).fill(hoard.length));
  }
  if (text.includes('SPIN')) for (;;);
  const slow = /SLOW_OCR (\d+)/.exec(text);
  if (slow) {
    // Says it will recognize 2 pages, then takes the given milliseconds (a long OCR run).
    input.onProgress?.(0, 2, 'recognizing');
    await new Promise((resolve) => setTimeout(resolve, Number(slow[1])));
    input.onProgress?.(2, 2, 'recognizing');
  }
  if (text.includes('REFUSE')) throw new UserFacingError('INVALID_INPUT', 'This PDF is encrypted.');
}

async function readTestPdf(input: FormatInput): Promise<ReadDocument> {
  await misbehave(input);
  input.onProgress?.(1, 1);
  return pagedRead(input, 'test-pdf 1.0');
}

/** A message: "Subject: …" and "Message-ID: …" headers, a body, and every "Attach: name=text" line as a file. */
async function readTestEmail(input: FormatInput): Promise<ReadDocument> {
  const text = Buffer.from(input.bytes).toString('utf8');
  if (text.includes('BROKEN')) throw new Error('the test e-mail reader failed');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(text)?.[1] ?? '';
  const attachments = [...text.matchAll(/^Attach: ([^=]+)=(.*)$/gm)].map(([, fileName, content]) => {
    const bytes = new TextEncoder().encode(content!);
    return { fileName: fileName!, mimeType: 'text/plain', size: bytes.length, sha256: sha256Hex(bytes), bytes };
  });
  const body = text
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n')
    .trim();
  return {
    title: header('Subject'),
    byline: header('From'),
    publishedAt: '',
    siteName: '',
    blocks: [{ kind: 'paragraph', children: [textRun(body)] }],
    facts: { importer: 'test-email 1.0', headers: { Subject: header('Subject'), 'Message-ID': header('Message-ID') } },
    attachments,
  };
}

/** A Word document whose one paragraph carries a comment. */
async function readTestDocx(): Promise<ReadDocument> {
  return {
    title: 'Memo',
    byline: '',
    publishedAt: '',
    siteName: '',
    blocks: [{ kind: 'paragraph', children: [textRun('The budget was approved.')] }],
    facts: { importer: 'test-docx 1.0' },
    notes: [
      { quote: 'budget', blockIndex: 0, text: 'Which year?', author: 'Mallory', createdAt: '2026-01-02T00:00:00Z' },
    ],
  };
}

export const TEST_READERS: ReaderRegistry = { pdf: readTestPdf, eml: readTestEmail, docx: readTestDocx };
