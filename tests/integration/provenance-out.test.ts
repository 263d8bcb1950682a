import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { sidecarSchema } from '../../src/shared/sidecar';
import { pageAt } from '../../src/shared/page-map';
import { readPdf } from '../support/pdf-reader';
import { w3cFailures } from '../support/w3c-annotation-model';
import { buildFixturePdf } from '../support/pdf-fixtures';
import { FONTS_DIR, makeTempDir } from '../support/temp';

// Provenance and pages leave the app with a paged document: the exported PDF's cover and
// appendix, each highlight's /Contents, the workspace sidecar and the note bundle, each with
// an RFC 3778 FragmentSelector (page=N) beside the quote and position, and no local path.

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
beforeEach(() => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: '1', fontsDir: FONTS_DIR });
});
afterEach(() => {
  core.close();
  temp.remove();
});

let pdfBytes: Uint8Array | undefined;

/** A three-page PDF imported from a file path, with a highlight on a phrase of its last page. */
async function pagedDocument() {
  pdfBytes ??= (await buildFixturePdf()).bytes;
  const path = join(temp.path, 'private-folder', 'coastal.pdf');
  mkdirSync(join(temp.path, 'private-folder'));
  writeFileSync(path, pdfBytes);
  const outcome = await core.importFile(path);
  const id = outcome.document.id;
  const text = core.documents.canonicalText(id);
  const { provenance } = core.documents.source(id);
  const last = provenance!.pageMap.at(-1)!;
  const start = text.indexOf(' ', last.start + 40) + 1;
  const end = text.indexOf(' ', start + 12);
  const annotation = core.annotations.create({ documentId: id, start, end, noteMarkdown: 'Check this' });
  expect(pageAt(provenance!.pageMap, start)?.number).toBe(last.number);
  return { id, annotation, page: last.number, provenance: provenance!, path };
}

describe('provenance and pages out of the app', () => {
  it('writes the page as an RFC 3778 FragmentSelector and the provenance (without the local path) into the sidecar, and reads it back', async () => {
    const { id, annotation, page, provenance, path } = await pagedDocument();
    const workspace = join(temp.path, 'workspace');
    await (await core.startSync(workspace, { watch: false })).stop();
    const name = readdirSync(workspace).find((file) => file.endsWith('.annotations.json'))!;
    const raw = readFileSync(join(workspace, name), 'utf8');
    expect(raw).not.toContain(path);
    expect(raw).not.toContain('private-folder');
    const file = JSON.parse(raw) as {
      marginalia: { document: { source: Record<string, unknown> } };
      first: { items: Array<{ id: string; target: { selector: unknown[] } }> };
    };
    expect(file.marginalia.document.source).toMatchObject({
      fileName: 'coastal.pdf',
      sourceType: 'pdf',
      mimeType: 'application/pdf',
      sha256: provenance.sha256,
      size: provenance.size,
      originKind: 'file',
      pageCount: 3,
      importer: provenance.importer,
      importedAt: provenance.importedAt,
    });
    const item = file.first.items.find((candidate) => candidate.id === `urn:uuid:${annotation.id}`)!;
    expect(item.target.selector[2]).toEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
      value: `page=${page}`,
    });
    // Still a W3C collection by every must-assertion of the Web Annotation test suite.
    expect(w3cFailures(file as unknown as Record<string, unknown>)).toEqual([]);
    const read = sidecarSchema.safeParse(file);
    expect(read.success).toBe(true);
    expect(id).toBe(read.data?.marginalia.document.id);
  });

  it('carries the provenance and the page in a bundle, which reads back with both into another library', async () => {
    const { id, annotation, page, provenance } = await pagedDocument();
    const bytes = core.exportBundle({ documentIds: [id], includeSources: true }).bytes;
    const other = new MarginaliaCore({ dataDir: join(temp.path, 'other'), host: 'cli', version: '1' });
    try {
      const merged = await other.importBundle(Buffer.from(bytes), { allowUnsigned: false, apply: true });
      expect(merged).toBeTruthy();
      const received = other.annotations.list(id);
      expect(received.map((item) => item.id)).toContain(annotation.id);
      // The receiver keeps the sender's description as a claim, under the bundle as origin.
      const claimed = other.documents.source(id);
      expect(claimed.provenance).toMatchObject({ fileName: 'coastal.pdf', origin: { kind: 'bundle' }, pageCount: 3 });
      expect(claimed.provenance?.shared?.sha256).toBe(provenance.sha256);
      expect(claimed.bundle?.fingerprint).toBe(core.identity.identity().fingerprint);
    } finally {
      other.close();
    }
    const { readBundle } = await import('../../src/core/bundles');
    const { sizeLimits } = await import('../../src/shared/bundle-schemas');
    const bundle = await readBundle(Buffer.from(bytes), { allowUnsigned: false, limits: sizeLimits(20 * 1024 * 1024) });
    const document = bundle.documents[0]!;
    expect(document.source).toMatchObject({ fileName: 'coastal.pdf', sha256: provenance.sha256, pageCount: 3 });
    expect(JSON.stringify(document.source)).not.toContain('private-folder');
    const web = bundle.items.find((item) => item.id === `urn:uuid:${annotation.id}`)!;
    expect(typeof web.target === 'object' && web.target.selector?.[2]).toMatchObject({ value: `page=${page}` });
  });

  /** The cover block's lines of an exported document: from its first row to "Exported by". */
  async function coverLines(id: string): Promise<string[]> {
    const out = join(temp.path, `${id}.pdf`);
    await core.exportPdfToFile([id], {}, out);
    const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).split('\n');
    const first = lines.findIndex((line) => /^(Original|Source):/.test(line));
    return lines
      .slice(
        first,
        lines.findIndex((line) => line.startsWith('Exported by')),
      )
      .filter((line) => line !== '');
  }

  /** The exported PDF's text from its title to the end of the cover block ("By tag: …"). */
  async function headOfExport(id: string): Promise<string[]> {
    const out = join(temp.path, `${id}-head.pdf`);
    await core.exportPdfToFile([id], {}, out);
    const lines = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).split('\n');
    return lines.slice(0, lines.findIndex((line) => line.startsWith('By tag:')) + 1).filter((line) => line !== '');
  }

  it('sets each fact of the original once on the cover, under one label, and its SHA-256 in whole groups of eight', async () => {
    const built = await buildFixturePdf({ info: { Title: 'Ruins', Author: 'Ann Example' } });
    const path = join(temp.path, 'ruins.pdf');
    writeFileSync(path, built.bytes);
    const id = (await core.importFile(path)).document.id;
    const sha256 = core.documents.source(id).provenance!.sha256;
    const lines = await coverLines(id);
    const named = lines.filter((line) => line.includes('ruins.pdf'));
    expect(named).toHaveLength(1);
    expect(named[0]).toMatch(/^Original: ruins\.pdf · PDF document · /);
    expect(lines.join('\n')).not.toMatch(/^(Source|Byline):/m);
    const hashLines = lines.filter((line) => /(^|\s)[0-9a-f]{8}(\s|$)/.test(line));
    for (const line of hashLines) expect(line).toMatch(/^(SHA-256: )?[0-9a-f]{8}( [0-9a-f]{8})*$/);
    expect(hashLines.join(' ').replace('SHA-256: ', '').replace(/ /g, '')).toBe(sha256);
  });

  it('names a PDF’s author once, in the byline under its title, with no Author row on the cover repeating it', async () => {
    const built = await buildFixturePdf({ info: { Title: 'Ruins', Author: 'Ann Example' } });
    const path = join(temp.path, 'ruins.pdf');
    writeFileSync(path, built.bytes);
    const head = await headOfExport((await core.importFile(path)).document.id);
    expect(head.filter((line) => line.includes('Ann Example'))).toEqual(['Ann Example']);
    expect(head.slice(0, 2)).toEqual(['Ruins', 'Ann Example']);
    expect(head.join('\n')).not.toMatch(/^Author/m);
  });

  it('says who sent a message and when once, in its own header lines, not again on the cover above them', async () => {
    const path = join(temp.path, 'note.eml');
    const headers = ['From: Ada <ada@example.org>', 'To: desk@example.org', 'Subject: Harbour closed'];
    const message = [...headers, 'Date: Thu, 05 Mar 2026 15:05:00 +0100', 'Content-Type: text/plain', '', 'Closed.'];
    writeFileSync(path, message.join('\r\n'));
    const id = (await core.importFile(path)).document.id;
    const out = join(temp.path, 'note.pdf');
    await core.exportPdfToFile([id], {}, out);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    const head = text.slice(0, text.indexOf('Appendix: annotations by tag'));
    expect(head.match(/ada@example\.org/g)).toEqual(['ada@example.org']);
    expect(head).toContain('From: Ada <ada@example.org>');
    expect(head).not.toMatch(/March 5/);
    expect(head).toContain('Date: Thursday, 5 March 2026, 15:05 (UTC+01:00)');
    expect(head).not.toMatch(/Sent /);
  });

  it('prints a message’s subject once, as the title over the cover, with no Subject line under it', async () => {
    const path = join(temp.path, 'note.eml');
    const message = [
      'From: Ada <ada@example.org>',
      'Subject: Harbour closed',
      'Content-Type: text/plain',
      '',
      'Closed.',
    ];
    writeFileSync(path, message.join('\r\n'));
    const out = join(temp.path, 'note.pdf');
    await core.exportPdfToFile([(await core.importFile(path)).document.id], {}, out);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    const lines = text.slice(0, text.indexOf('Appendix: annotations by tag')).split('\n');
    expect(lines.filter((line) => line.includes('Harbour closed'))).toEqual(['Harbour closed']);
    expect(lines).toContain('Closed.');
  });

  /** The cover lines of a PDF whose metadata says it was created on 1 January 2024 at 09:30 UTC. */
  async function coverOfRuinsCreated(): Promise<string[]> {
    const created = new Date(Date.UTC(2024, 0, 1, 9, 30));
    const built = await buildFixturePdf({ info: { Title: 'Ruins', CreationDate: created } });
    const path = join(temp.path, 'ruins.pdf');
    writeFileSync(path, built.bytes);
    return headOfExport((await core.importFile(path)).document.id);
  }

  it('writes every date and time on the cover in one form, the day written out and the minute in UTC', async () => {
    const lines = await coverOfRuinsCreated();
    const head = lines.join(' ');
    const when = /[A-Z][a-z]+ \d{1,2}, \d{4}, \d{2}:\d{2} UTC/.source;
    // Each date whole on its line: the import's once wrapped as "Imported January 1, 2024, / 09:30 UTC".
    expect(lines.filter((line) => /[A-Z][a-z]+ \d{1,2}, \d{4},$/.test(line))).toEqual([]);
    expect(lines.filter((line) => new RegExp(when).test(line))).toHaveLength(3);
    expect(head).toMatch(/Created January 1, 2024, 09:30 UTC( ·)? Imported/);
    expect(head).toMatch(new RegExp(`Imported ${when} with pdfjs-dist`));
    expect(head).toMatch(new RegExp(`Exported by [^\\n]+ on ${when}`));
    expect(head).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('keeps each label on the cover on the line of the date it names, wrapping before the label', async () => {
    const lines = await coverOfRuinsCreated();
    // "… · Imported" at a line's end, its date on the next, read as two facts (trial); and no line
    // ends in the "·" between two facts, each of which, too long for one line together, has its own.
    expect(lines.filter((line) => /(Created|Sent|Imported|Fetched:|Published:|\bon)$/.test(line))).toEqual([]);
    expect(lines.filter((line) => /·$/.test(line.trim()))).toEqual([]);
    expect(lines).toContain('Created January 1, 2024, 09:30 UTC');
    expect(
      lines.some((line) => /^Imported [A-Z][a-z]+ \d{1,2}, \d{4}, \d{2}:\d{2} UTC with pdfjs-dist/.test(line)),
    ).toBe(true);
  });

  it('gives an annotation of a document without pages no page in the appendix', async () => {
    const path = join(temp.path, 'note.eml');
    writeFileSync(path, ['From: ada@example.org', 'Subject: Harbour', '', 'The harbour is closed.'].join('\r\n'));
    const id = (await core.importFile(path)).document.id;
    const start = core.documents.canonicalText(id).indexOf('harbour is closed');
    core.annotations.create({ documentId: id, start, end: start + 17, tags: ['Place'], noteMarkdown: 'Since when?' });
    const out = join(temp.path, 'note.pdf');
    await core.exportPdfToFile([id], {}, out);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    const appendix = text.slice(text.indexOf('Appendix: annotations by tag'));
    // Its margin note's number, and no page.
    expect(appendix).toMatch(/Place \(1\)\s+“harbour is closed”\s+— note 1 · [^\n·]+\s+Since when\?/);
    expect(appendix).not.toMatch(/(page|p\.) \d/);
  });

  it('puts the provenance on the exported PDF’s cover in readable dates, and the page in the appendix and the highlight', async () => {
    const { id, page, provenance } = await pagedDocument();
    const out = join(temp.path, 'export.pdf');
    await core.exportPdfToFile([id], {}, out);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toMatch(/Original: coastal\.pdf · PDF document · 3 pages · [\d.]+ KB/);
    expect(text).toContain(`SHA-256: ${provenance.sha256.slice(0, 8)} ${provenance.sha256.slice(8, 16)}`);
    expect(text).toContain('Came from: a file on the exporter’s computer');
    expect(text).not.toContain('private-folder');
    expect(text).toMatch(/Imported [A-Z][a-z]+ \d{1,2}, \d{4}, \d{2}:\d{2} UTC with pdfjs-dist/);
    // The PDF's creation date is the file's metadata, not a publication date.
    expect(provenance.createdAt).toBeTruthy();
    expect(text).not.toContain('Published:');
    expect(text).toMatch(/Created [A-Z][a-z]+ \d{1,2}, \d{4}, \d{2}:\d{2} UTC( ·)?\s+Imported/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    expect(text).toMatch(new RegExp(`— (note \\d+ · )?[^·]+ · p\\. ${page}\\b`));
    const pdf = await readPdf(readFileSync(out));
    const highlight = pdf.annotations.find((annotation) => annotation.subtype === 'Highlight')!;
    expect(highlight.contents).toBe(`Check this\n\np. ${page}`);
  });
});
