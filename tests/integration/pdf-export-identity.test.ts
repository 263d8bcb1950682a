// The PDF export's bytes, pinned: a restructure of the exporter must write exactly the same
// PDF (dates and /ID aside). Annotated documents are built through the core, then their ids
// and times are replaced by fixed ones and the exporter runs with a fixed clock, so each
// variant's bytes have one SHA-256 digest, recorded in pdf-export-identity.digests.json.
// To re-record after an intended change of the output: MARGINALIA_RECORD_PDF_DIGESTS=1; to keep
// the PDFs to look at: MARGINALIA_KEEP_PDFS=<folder>.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { ExportSource } from '../../src/core/export';
import { renderAnnotatedPdf } from '../../src/core/export';
import type { Annotation, HighlightColor } from '../../src/shared/annotations';
import { HIGHLIGHT_COLORS } from '../../src/shared/annotations';
import type { PdfExportOptions } from '../../src/shared/export-options';
import { resolvePdfExportOptions } from '../../src/shared/export-options';
import { canonicalTextOf } from '../../src/shared/lexical-document';
import { FIXTURES, FONTS_DIR, SAMPLE_REPORT, makeTempDir } from '../support/temp';

const DIGESTS_FILE = join(import.meta.dirname, 'pdf-export-identity.digests.json');
const RECORD = process.env['MARGINALIA_RECORD_PDF_DIGESTS'] === '1';
/** A folder to keep each variant's PDF in, to look at. */
const KEEP_IN = process.env['MARGINALIA_KEEP_PDFS'];
const EXPORTED_AT = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));

const VARIANTS: Record<
  string,
  { documents: Array<'sample' | 'briefing' | 'scripts'>; options: Partial<PdfExportOptions> }
> = {
  'sample-a4-screen': { documents: ['sample'], options: {} },
  'sample-letter-print': { documents: ['sample'], options: { paper: 'letter', colorScheme: 'print' } },
  'sample-without-notes': { documents: ['sample'], options: { includeNotes: false } },
  'sample-without-tags-appendix-orphans': {
    documents: ['sample'],
    options: { includeTags: false, includeAppendix: false, includeOrphans: false },
  },
  'sample-filtered': {
    documents: ['sample'],
    options: { colors: ['green', 'blue', 'red'], tags: ['Actor'], paper: 'letter' },
  },
  'three-documents': { documents: ['sample', 'briefing', 'scripts'], options: {} },
  'scripts-print': { documents: ['scripts'], options: { colorScheme: 'print' } },
};

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
const sources = new Map<string, ExportSource>();

/** Offsets of the first match of `quote`, where a space also matches no-break spaces and line breaks. */
function rangeOf(text: string, quote: string): { start: number; end: number } {
  const pattern = new RegExp(quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s\\u00a0]+'));
  const match = pattern.exec(text);
  if (!match) throw new Error(`no “${quote}”`);
  return { start: match.index, end: match.index + match[0].length };
}

function textOf(documentId: string): string {
  return canonicalTextOf(core.documents.detail(documentId).lexicalJson);
}

/** Highlights in every color, notes short and long, tags, a document note, a highlight across pages and an orphan. */
async function annotateSample(): Promise<string> {
  const { document } = core.importPath(SAMPLE_REPORT);
  const id = document.id;
  const text = textOf(id);
  const quotes = [
    'Islamic State militants stormed the centre of Sabratha',
    'seizing the security directorate, the main hospital and beheading 11 people',
    'the main hospital',
    '“We realized that a massacre was going to happen in Sabratha after we found a lot of different weapons',
  ];
  const tags = [['Actor/IS', 'Claim/Casualties'], [], ['Place'], ['Actor/Militia']];
  quotes.forEach((quote, index) => {
    const color: HighlightColor = HIGHLIGHT_COLORS[index]!;
    core.annotations.create({
      documentId: id,
      ...rangeOf(text, quote),
      color,
      tags: tags[index]!,
      noteMarkdown: index === 1 ? 'Who confirmed the **beheadings**? <script>alert(1)</script>' : '',
    });
  });
  // The rest of the colors spread through the text, each with a note, crowding the margin.
  const remaining = HIGHLIGHT_COLORS.slice(quotes.length);
  remaining.forEach((color, index) => {
    const start = Math.floor(text.length * (0.2 + index * 0.04));
    core.annotations.create({
      documentId: id,
      start,
      end: start + 40,
      color,
      tags: index % 2 === 0 ? ['Claim'] : ['Actor/Other', 'Follow-up'],
      noteMarkdown: `Note in ${color}: checked against the wires on the day.`,
    });
  });
  // Three notes on one line, pushed down the margin one below the other.
  for (const [index, word] of ['Islamic State', 'militants', 'stormed'].entries()) {
    const { start } = rangeOf(text, 'Islamic State militants stormed the centre of Sabratha');
    const offset = text.indexOf(word, start);
    core.annotations.create({
      documentId: id,
      start: offset,
      end: offset + word.length,
      color: HIGHLIGHT_COLORS[index + 4]!,
      noteMarkdown: `Crowded note ${index + 1}, long enough to take two lines of the margin column.`,
    });
  }
  // Too long for the margin: continues after the text.
  core.annotations.create({
    documentId: id,
    start: Math.floor(text.length * 0.3),
    end: Math.floor(text.length * 0.3) + 25,
    color: 'orange',
    noteMarkdown: Array.from({ length: 30 }, (_, line) => `Paragraph ${line + 1} of a long note, العربية too.`).join(
      '\n\n',
    ),
  });
  // A long highlight, likely across a page break.
  core.annotations.create({
    documentId: id,
    start: Math.floor(text.length * 0.45),
    end: Math.floor(text.length * 0.65),
    color: 'purple',
    tags: ['Long'],
    noteMarkdown: 'A long stretch.',
  });
  core.annotations.create({ documentId: id, kind: 'document', noteMarkdown: 'Read before the meeting.' });
  core.annotations.create({
    documentId: id,
    ...rangeOf(text, 'beheading 11 people'),
    color: 'red',
    tags: ['Claim/Casualties'],
    noteMarkdown: 'The count matters.',
  });
  const changed = join(temp.path, 'changed.txt');
  writeFileSync(
    changed,
    readFileSync(SAMPLE_REPORT, 'utf8').replace('and beheading 11 people, residents', 'and residents'),
  );
  await core.updateDocumentFromPath(id, changed);
  return id;
}

function annotateBriefing(): string {
  const { document } = core.importPath(join(FIXTURES, 'briefing.md'));
  const text = textOf(document.id);
  core.annotations.create({
    documentId: document.id,
    ...rangeOf(text, 'key claims'),
    color: 'blue',
    noteMarkdown: 'Linked.',
  });
  core.annotations.create({ documentId: document.id, ...rangeOf(text, 'hospital figures'), color: 'gray' });
  return document.id;
}

function annotateScripts(): string {
  const file = join(temp.path, 'scripts.txt');
  writeFileSync(
    file,
    'Scripts\n\nCafé naïve — “quoted” Ελληνικά Русский العربية and 漢字 with 🎉 too. Cafe\u0301 au lait.\n\n' +
      'שלום עולם and (العربية) in one line, the office fine.\n',
  );
  const { document } = core.importPath(file);
  const text = textOf(document.id);
  core.annotations.create({ documentId: document.id, ...rangeOf(text, 'naïve — “quo'), color: 'yellow' });
  core.annotations.create({
    documentId: document.id,
    ...rangeOf(text, 'ffi'),
    color: 'pink',
    noteMarkdown: 'שלום — a note that starts right to left.',
  });
  return document.id;
}

/** The source with fixed ids and times in place of the ones the core made. */
function fixedSource(name: string, documentId: string): ExportSource {
  const detail = { ...core.documents.detail(documentId), id: `document-${name}` };
  const annotations: Annotation[] = core.annotations.list(documentId).map((annotation, index) => {
    const time = new Date(Date.UTC(2026, 9, 1 + index, 8, index, 0)).toISOString();
    return {
      ...annotation,
      id: `annotation-${name}-${index + 1}`,
      documentId: detail.id,
      author: { id: 'author-ada', name: annotation.author.name },
      createdAt: time,
      updatedAt: time,
    };
  });
  return { detail, annotations };
}

/** The bytes with the export's dates and /ID blanked (same lengths, so offsets stay put). */
function normalised(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  const blank = (match: string): string => match.replace(/[0-9A-Za-z+'-]/g, '0');
  return Buffer.from(
    text
      .replace(
        /\/(CreationDate|ModDate) \(D:[^)]*\)/g,
        (match) => `/${match.slice(1).split(' ')[0]} ${blank(match.slice(match.indexOf('(')))}`,
      )
      .replace(/\/ID \[<[0-9a-fA-F]*> <[0-9a-fA-F]*>\]/g, (match) => `/ID [${blank(match.slice(5, -1))}]`)
      .replace(/<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*</g, (match) =>
        match.replace(/>[^<]*</, (inner) => blank(inner)),
      ),
    'latin1',
  );
}

beforeAll(async () => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: '4.5.6', fontsDir: FONTS_DIR });
  core.profile.rename('Ada Analyst');
  sources.set('sample', fixedSource('sample', await annotateSample()));
  sources.set('briefing', fixedSource('briefing', annotateBriefing()));
  sources.set('scripts', fixedSource('scripts', annotateScripts()));
});
afterAll(() => {
  core.close();
  temp.remove();
});

describe('PDF export byte identity', () => {
  const recorded = JSON.parse(readFileSync(DIGESTS_FILE, 'utf8')) as Record<string, string>;
  const digests: Record<string, string> = {};
  afterAll(() => {
    if (RECORD) writeFileSync(DIGESTS_FILE, `${JSON.stringify(digests, null, 2)}\n`);
  });

  for (const [variant, { documents, options }] of Object.entries(VARIANTS)) {
    it(`writes the recorded bytes for ${variant}`, async () => {
      const rendered = await renderAnnotatedPdf(
        documents.map((name) => sources.get(name)!),
        resolvePdfExportOptions(options),
        { fontsDir: FONTS_DIR, exporterName: 'Ada Analyst', exportedAt: EXPORTED_AT, appVersion: '4.5.6' },
      );
      const digest = createHash('sha256').update(normalised(rendered.bytes)).digest('hex');
      digests[variant] = digest;
      if (KEEP_IN) writeFileSync(join(KEEP_IN, `${variant}.pdf`), rendered.bytes);
      if (!RECORD) expect(digest, `${variant}: the PDF's bytes changed`).toBe(recorded[variant]);
    });
  }
});
