import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Document as WordDocument, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { runCli } from '../../src/cli/cli';
import { MarginaliaCore } from '../../src/core/core';
import type { Annotation } from '../../src/shared/annotations';
import type { PdfExportResult } from '../../src/shared/export-options';
import { canonicalTextOf } from '../../src/shared/lexical-document';
import { collapseWhitespace, readPdf, textUnderQuads } from '../support/pdf-reader';
import { FIXTURES, FONTS_DIR, SAMPLE_REPORT, makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
beforeEach(() => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: '4.5.6', fontsDir: FONTS_DIR });
  core.profile.rename('Ada Analyst');
});
afterEach(() => {
  core.close();
  temp.remove();
});

function sampleWithText(): { id: string; text: string } {
  const { document } = core.importPath(SAMPLE_REPORT);
  return { id: document.id, text: canonicalTextOf(core.documents.detail(document.id).lexicalJson) };
}

/** Highlights the first match of `quote`, where a space also matches the sample's no-break spaces and line breaks. */
function highlight(
  documentId: string,
  text: string,
  quote: string,
  extra: Partial<Parameters<MarginaliaCore['annotations']['create']>[0]> = {},
): Annotation {
  const pattern = new RegExp(quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s\\u00a0]+'));
  const match = pattern.exec(text);
  if (!match) throw new Error(`the sample has no “${quote}”`);
  return core.annotations.create({ documentId, start: match.index, end: match.index + match[0].length, ...extra });
}

function withoutWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, '');
}

function pdftotext(path: string, args: string[] = []): string {
  return execFileSync('pdftotext', [...args, '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

/** Every /Highlight annotation dictionary, read with qpdf (a second, independent reader). */
function qpdfHighlights(path: string): Array<Record<string, unknown>> {
  const json = JSON.parse(
    execFileSync('qpdf', ['--json=2', '--json-key=qpdf', path], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }),
  ) as {
    qpdf: [unknown, Record<string, { value?: Record<string, unknown> }>];
  };
  return Object.values(json.qpdf[1])
    .map((object) => object.value)
    .filter(
      (value): value is Record<string, unknown> =>
        typeof value === 'object' && value !== null && value['/Subtype'] === '/Highlight',
    );
}

describe('annotated PDF export', () => {
  it('puts one /Highlight per highlight whose quads cover exactly the quoted text, with note, tags, author, time and id', async () => {
    const { id, text } = sampleWithText();
    const tagged = highlight(id, text, 'seizing the security directorate, the main hospital and beheading 11 people', {
      color: 'green',
      tags: ['Actor/IS', 'Claim/Casualties'],
      noteMarkdown: 'Who confirmed the **beheadings**? <script>alert(1)</script>',
    });
    const nested = highlight(id, text, 'the main hospital', { color: 'pink' });
    const curly = highlight(
      id,
      text,
      '“We realized that a massacre was going to happen in Sabratha after we found a lot of different weapons',
      {
        color: 'blue',
        noteMarkdown: 'Quote from a fighter — unverified.',
      },
    );
    const out = join(temp.path, 'report.pdf');
    const result = await core.exportPdfToFile([id], {}, out);
    expect(result).toMatchObject({ highlightCount: 3, warnings: [] });

    const pdf = await readPdf(readFileSync(out));
    const highlights = pdf.annotations.filter((annotation) => annotation.subtype === 'Highlight');
    // A highlight that crosses a page break is one /Highlight per page (the cover's length decides where breaks fall).
    for (const annotation of [tagged, nested, curly]) {
      const found = highlights.filter((candidate) => candidate.contents === pdfContents(annotation));
      expect(found.length, `the PDF annotation for “${annotation.target!.quote.exact}”`).toBeGreaterThanOrEqual(1);
      let under = '';
      for (const pdfAnnotation of found) {
        expect(pdfAnnotation.title).toBe('Ada Analyst');
        expect(pdfAnnotation.hasAppearance).toBe(true);
        expect(pdfAnnotation.modified).toMatch(/^D:\d{14}/);
        under += textUnderQuads(pdf.items[pdfAnnotation.page - 1]!, pdfAnnotation.quadPoints);
      }
      expect(withoutWhitespace(under)).toBe(withoutWhitespace(annotation.target!.quote.exact));
    }
    expect(highlights.find((candidate) => candidate.contents.includes('beheadings'))!.contents).toBe(
      'Who confirmed the beheadings? <script>alert(1)</script>\n\nTags: Actor/IS, Claim/Casualties',
    );
    const fighter = highlights.filter((candidate) => candidate.contents.includes('fighter'));
    expect(fighter.reduce((lines, part) => lines + part.quadPoints.length, 0)).toBeGreaterThan(1);

    const dictionaries = qpdfHighlights(out);
    expect(
      [...new Set(dictionaries.map((dictionary) => String(dictionary['/NM']).replace(/#\d+$/, '')))].sort(),
    ).toEqual([tagged.id, nested.id, curly.id].map((value) => `u:${value}`).sort());
    for (const dictionary of dictionaries) {
      expect(dictionary['/AP']).toBeDefined();
      expect(dictionary['/T']).toBe('u:Ada Analyst');
      expect(dictionary['/C']).toHaveLength(3);
    }
  });

  it('keeps all the text, in order, as real selectable text with embedded fonts, and passes qpdf --check', async () => {
    const { id, text } = sampleWithText();
    highlight(id, text, 'Islamic State militants stormed the centre of Sabratha', {
      noteMarkdown: 'A margin note that sits beside the text.',
    });
    const out = join(temp.path, 'report.pdf');
    await core.exportPdfToFile([id], {}, out);

    expect(spawnSync('qpdf', ['--check', out]).status).toBe(0);
    const fonts = execFileSync('pdffonts', [out], { encoding: 'utf8' });
    expect(fonts).toMatch(/DejaVuSerif\s/);
    for (const row of fonts
      .split('\n')
      .slice(2)
      .filter((line) => line.trim() !== ''))
      expect(row).toMatch(/\byes\s+yes\s+yes\b/);

    // Only the text column, without running heads, page numbers or margin notes.
    // (A4: the text column ends at 56 + 322.3 pt; markers start 7 pt to its right.)
    const body = collapseWhitespace(pdftotext(out, ['-x', '0', '-y', '50', '-W', '381', '-H', '735']));
    let from = 0;
    for (const paragraph of text.split('\n\n')) {
      const wanted = collapseWhitespace(paragraph);
      const at = body.indexOf(wanted, from);
      expect(at, `paragraph “${wanted.slice(0, 60)}…” in order`).toBeGreaterThanOrEqual(from);
      from = at + wanted.length;
    }
  });

  it('sets a Word subscript below the line and a superscript above it, smaller, as the reader does (H₂O, 5th)', async () => {
    const run = (text: string, raised: 'subScript' | 'superScript' | '' = '') =>
      new TextRun({ text, ...(raised ? { [raised]: true } : {}) });
    const paragraph = new Paragraph({
      children: [run('Water is H'), run('2', 'subScript'), run('O, on the 5'), run('th', 'superScript'), run(' day.')],
    });
    const path = join(temp.path, 'water.docx');
    writeFileSync(path, await Packer.toBuffer(new WordDocument({ sections: [{ children: [paragraph] }] })));
    const { document } = await core.importFile(path);
    const out = join(temp.path, 'water.pdf');
    await core.exportPdfToFile([document.id], {}, out);
    const items = (await readPdf(readFileSync(out))).items[0]!;
    const item = (text: string) => items.find((candidate) => candidate.str === text)!;
    const line = item('Water is H');
    // pdf.js measures y up from the page's foot: a subscript sits lower, a superscript higher.
    expect(item('2').y).toBeLessThan(line.y - 1);
    expect(item('th').y).toBeGreaterThan(line.y + 2);
    expect(item('2').height).toBeLessThan(line.height);
  });

  it('sets a Heading 1 of the text a step below the document’s title, which is also a level-1 heading', async () => {
    const file = new WordDocument({
      title: 'Water quality report',
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Findings' }),
            new Paragraph('Every sample held little else.'),
            new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Method' }),
          ],
        },
      ],
    });
    const path = join(temp.path, 'report.docx');
    writeFileSync(path, await Packer.toBuffer(file));
    const { document } = await core.importFile(path);
    const out = join(temp.path, 'report.pdf');
    await core.exportPdfToFile([document.id], {}, out);
    const items = (await readPdf(readFileSync(out))).items[0]!;
    const height = (text: string) => items.find((item) => item.str === text)!.height;
    expect(height('Findings')).toBeLessThan(height('Water quality report') * 0.92);
    expect(height('Method')).toBeLessThan(height('Findings'));
  });

  it('prints a cover block, numbered margin notes with tags, running heads, page numbers, an outline and an appendix by tag', async () => {
    const { document } = core.importPath(join(FIXTURES, 'briefing.md'));
    const text = canonicalTextOf(core.documents.detail(document.id).lexicalJson);
    highlight(document.id, text, 'Residents reported fighting near the hospital.', {
      tags: ['Place/Hospital'],
      noteMarkdown: 'Which hospital?',
    });
    highlight(document.id, text, 'Who controls the security directorate?', { color: 'red', tags: ['Actor/Unknown'] });
    const out = join(temp.path, 'briefing.pdf');
    await core.exportPdfToFile([document.id], {}, out);

    const pdf = await readPdf(readFileSync(out));
    expect(pdf.info).toMatchObject({
      Title: 'Field briefing: coastal cities',
      Author: 'Ada Analyst',
      Keywords: 'Actor/Unknown, Place/Hospital',
      Creator: 'Marginalia 4.5.6',
    });
    expect(pdf.outline).toEqual([
      'Field briefing: coastal cities',
      '  Situation',
      '  Open questions',
      'Appendix: annotations by tag',
    ]);
    const all = pdftotext(out);
    expect(all).toContain('Exported by Ada Analyst');
    expect(all).toMatch(/By tag: Actor\/Unknown \(1\) · Place\/Hospital \(1\)/);
    expect(all).toMatch(
      /1\s+Ada Analyst\s+[A-Z][a-z]+ \d{1,2}, \d{4}, \d\d:\d\d UTC\s+Which hospital\?\s+#Place\/Hospital/,
    );
    // A highlight without a note has no margin note; its tag is in the appendix and its PDF annotation.
    expect(all).not.toContain('#Actor/Unknown');
    expect(all).toMatch(/Page 1 of \d+/);
    expect(all).toMatch(
      /Appendix: annotations by tag[\s\S]*Actor\/Unknown \(1\)[\s\S]*“Who controls the security directorate\?” — Ada Analyst\n[\s\S]*Place\/Hospital \(1\)/,
    );
    // The appendix names the margin note of an annotation that has one, and no number for one
    // without; each entry names whose annotation it is, as its margin note would.
    expect(all).toMatch(/“Residents reported fighting near the hospital\.”\s+— note 1 · Ada Analyst\b/);
    expect(all).toMatch(/“Who controls the security directorate\?” — Ada Analyst\n/);
    expect(all).toContain('<script>alert');
  });

  it('sets a margin note’s bold, italic, code and link as the note shows them, in the margin and after the text', async () => {
    const { id, text } = sampleWithText();
    const note = '**Two** sources *disagree*; see `ref-12` and [the wire](https://example.org/wire).\n\n- first point';
    highlight(id, text, 'Islamic State militants stormed the centre of Sabratha', { noteMarkdown: note });
    const long = `${'A very long note that keeps going. '.repeat(400)}It ends in **bold words**.`;
    highlight(id, text, 'beheading 11 people', { noteMarkdown: long });
    const out = join(temp.path, 'styled.pdf');
    await core.exportPdfToFile([id], {}, out);
    // poppler's pdftohtml reads each piece's face back: <b> for a bold face, <i> for an italic one.
    const xml = execFileSync('pdftohtml', ['-xml', '-i', '-stdout', out], { encoding: 'utf8' });
    const families = new Map(
      [...xml.matchAll(/<fontspec id="(\d+)"[^>]*family="(?:[A-Z]{6}\+)?([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    /** How the first piece of text that is exactly `words` is set: its family and its <b>/<i>. */
    const setting = (words: string) => {
      const match = new RegExp(`<text[^>]*font="(\\d+)"[^>]*>((?:<[bi]>)*)${words}<`).exec(xml);
      return match ? `${families.get(match[1]!)} ${match[2]}` : 'not found';
    };
    expect(setting('Two')).toBe('DejaVuSans <b>');
    expect(setting('disagree')).toBe('DejaVuSans <i>');
    expect(setting('ref-12')).toBe('DejaVuSansMono ');
    expect(setting('bold words')).toBe('DejaVuSans <b>');
    expect(xml).toMatch(/<a href="https:\/\/example\.org\/wire">/);
    // The Markdown's own marks are not printed.
    const all = collapseWhitespace(pdftotext(out));
    expect(all).toContain('Two sources disagree; see ref-12 and the wire.');
    expect(all).toMatch(/• first point/);
    expect(all).not.toMatch(/\*\*|`ref-12`|\]\(/);
  });

  it('continues notes that do not fit in the margin as endnotes that point back to their page', async () => {
    const { id, text } = sampleWithText();
    const huge = `${'A very long note that keeps going. '.repeat(2500)}The end of the long note.`;
    highlight(id, text, 'Islamic State militants stormed the centre of Sabratha', { noteMarkdown: huge });
    const out = join(temp.path, 'long.pdf');
    const result = await core.exportPdfToFile([id], {}, out);
    const all = collapseWhitespace(pdftotext(out));
    expect(all).toContain('1 continues in the notes after the text');
    expect(all).toMatch(/Notes continued 1 Ada Analyst · [^·]+ · on page 1 ↩ A very long note/);
    expect(all).toContain('The end of the long note.');
    expect(result.pageCount).toBeGreaterThan(8);
  });

  it('stacks the numbered chips of two notes on one line in the gutter, one under the other, never one over the other', async () => {
    const { id, text } = sampleWithText();
    highlight(id, text, 'Islamic State militants', { noteMarkdown: 'First reading', color: 'red' });
    highlight(id, text, 'Islamic State militants stormed the centre', { noteMarkdown: 'Second reading' });
    const out = join(temp.path, 'same-line.pdf');
    await core.exportPdfToFile([id], {}, out);
    // pdftotext's word boxes: the gutter's chips are the words "1" and "2" right of the text.
    const words = [
      ...pdftotext(out, ['-bbox', '-f', '1', '-l', '1']).matchAll(
        /xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g,
      ),
    ].map(([, x, top, bottom, word]) => ({ x: Number(x), top: Number(top), bottom: Number(bottom), word }));
    const gutter = Math.max(...words.filter((word) => word.word === 'reading').map((word) => word.x)) - 40;
    const chips = ['1', '2'].map((label) =>
      words.find((word) => word.word === label && word.x > gutter - 80 && word.x < gutter),
    );
    expect(chips.every(Boolean)).toBe(true);
    expect(chips[0]!.x).toBeCloseTo(chips[1]!.x, 0);
    expect(chips[1]!.top).toBeGreaterThanOrEqual(chips[0]!.bottom);
    expect(chips[1]!.top - chips[0]!.top).toBeLessThan(14);
  });

  it('writes every time in the export as the cover does, the day spelled out and never broken across lines', async () => {
    const { id, text } = sampleWithText();
    highlight(id, text, 'Islamic State militants stormed the centre of Sabratha', { noteMarkdown: 'In the margin.' });
    const long = `${'A note too long for the margin. '.repeat(300)}Its end.`;
    highlight(id, text, 'beheading 11 people', { noteMarkdown: long });
    const out = join(temp.path, 'times.pdf');
    await core.exportPdfToFile([id], {}, out);
    const all = pdftotext(out);
    // pdftotext gives the no-break spaces as spaces; a date broken across lines would have a line break in it.
    const coverForm = '[A-Z][a-z]+ \\d{1,2}, \\d{4}, \\d\\d:\\d\\d UTC';
    // The margin note, its time on a line of its own in the narrow column (no "·" left at a line's
    // end), and the note continued after the text, each with the whole date on one line.
    expect(all).toMatch(new RegExp(`1 Ada Analyst\\n${coverForm}\\n`));
    expect(all).toMatch(new RegExp(`Notes continued\\s+2 Ada Analyst · ${coverForm} · on page \\d+ ↩`));
    expect(all).not.toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d/);
  });

  it('exports a document with no annotations, and says so in the appendix', async () => {
    const { id } = sampleWithText();
    const out = join(temp.path, 'plain.pdf');
    const result = await core.exportPdfToFile([id], {}, out);
    expect(result).toMatchObject({ highlightCount: 0, noteCount: 0 });
    const pdf = await readPdf(readFileSync(out));
    expect(pdf.annotations.filter((annotation) => annotation.subtype === 'Highlight')).toEqual([]);
    expect(pdftotext(out)).toContain('This document has no annotations to list.');
  });

  it('lists orphaned annotations in their own section with the quote they had', async () => {
    const { id, text } = sampleWithText();
    highlight(id, text, 'beheading 11 people', { noteMarkdown: 'The count matters.' });
    const changed = join(temp.path, 'changed.txt');
    writeFileSync(
      changed,
      readFileSync(SAMPLE_REPORT, 'utf8').replace('and beheading 11 people, residents', 'and residents'),
    );
    expect((await core.updateDocumentFromPath(id, changed)).orphaned).toBe(1);
    const out = join(temp.path, 'orphans.pdf');
    await core.exportPdfToFile([id], {}, out);
    expect(collapseWhitespace(pdftotext(out))).toMatch(
      /Orphaned annotations \(1\) .* “beheading 11 people” — Ada Analyst The count matters\./,
    );
    await core.exportPdfToFile([id], { includeOrphans: false }, out);
    expect(pdftotext(out)).not.toContain('Orphaned annotations');
  });

  it('embeds fonts for accented Latin, Greek, Cyrillic and Arabic, and names the characters no bundled font has', async () => {
    const file = join(temp.path, 'scripts.txt');
    // "Cafe\u0301" spells the accent as a combining mark, which the font places by an offset.
    writeFileSync(
      file,
      'Scripts\n\nCafé naïve — “quoted” Ελληνικά Русский العربية and 漢字 with 🎉 too. Cafe\u0301 au lait.\n',
    );
    const { document } = core.importPath(file);
    const out = join(temp.path, 'scripts.pdf');
    const result = await core.exportPdfToFile([document.id], {}, out);
    expect(result.warnings).toEqual([
      'No bundled font has these characters; they are shown as “\uFFFD” in the PDF: “漢” (U+6F22), “字” (U+5B57), “🎉” (U+1F389).',
    ]);
    const extracted = pdftotext(out);
    expect(extracted).toContain('Café naïve — “quoted” Ελληνικά Русский');
    expect(collapseWhitespace(extracted)).toContain('\uFFFD\uFFFD with \uFFFD too.');
    expect(collapseWhitespace(extracted).normalize('NFC')).toContain('too. Café au lait.');
  });

  it('sets Arabic right to left: words in reading order inside an English line, an Arabic paragraph flush right with its brackets mirrored, and highlights on exactly their words', async () => {
    const file = join(temp.path, 'arabic.txt');
    writeFileSync(
      file,
      'Mixed directions\n\nThe council said قالت المصادر المحلية إن الكتائب in Sabratha.\n\nقالت المصادر (المحلية) في صبراتة إن الكتائب بدأت القتال عند الفجر.\n',
    );
    const { document } = core.importPath(file);
    const text = canonicalTextOf(core.documents.detail(document.id).lexicalJson);
    highlight(document.id, text, 'المصادر المحلية', { color: 'yellow', noteMarkdown: 'Two Arabic words' });
    const out = join(temp.path, 'arabic.pdf');
    await core.exportPdfToFile([document.id], {}, out);
    const pdf = await readPdf(readFileSync(out));
    const items = pdf.items[0]!.filter((item) => item.str.trim() !== '');
    const on = (y: number) => items.filter((item) => Math.abs(item.y - y) < 0.5);
    const find = (str: string, y?: number) =>
      items.find((item) => item.str === str && (y === undefined || Math.abs(item.y - y) < 0.5))!;

    // Inside the English line the Arabic reads from right to left, between "said" and "in".
    const said = find('The council said');
    const mixed = on(said.y);
    const xOf = (str: string) => mixed.find((item) => item.str === str || item.str.startsWith(`${str} `))!.x;
    expect(xOf('The council said')).toBeLessThan(xOf('الكتائب'));
    expect(xOf('الكتائب')).toBeLessThan(xOf('إن'));
    expect(xOf('إن')).toBeLessThan(xOf('المحلية'));
    expect(xOf('المحلية')).toBeLessThan(xOf('المصادر'));
    expect(xOf('المصادر')).toBeLessThan(xOf('قالت'));
    expect(xOf('قالت')).toBeLessThan(xOf('in'));

    // The Arabic paragraph starts at the right margin (A4: 56 pt margin + 322.28 pt text column).
    const arabicLine = on(items.find((item) => item.str === 'قالت' && item.y < said.y - 1)!.y).sort(
      (a, b) => a.x - b.x,
    );
    const first = arabicLine[arabicLine.length - 1]!;
    expect(first.str).toBe('قالت');
    expect(first.x + first.width).toBeCloseTo(378.28, 0);
    // "(المحلية)": the opening bracket, first in reading order, is drawn mirrored on the word's right.
    const word = arabicLine.findIndex((item) => item.str === 'المحلية');
    expect([arabicLine[word - 1]!.str, arabicLine[word + 1]!.str]).toEqual(['(', ')']);

    const [mark] = pdf.annotations.filter((annotation) => annotation.subtype === 'Highlight');
    const under = textUnderQuads(pdf.items[0]!, mark!.quadPoints)
      .split(/\s+/)
      .filter((part) => part !== '');
    expect(under.sort()).toEqual(['المحلية', 'المصادر'].sort());
  });

  it('honours the options: no notes or tags, tag and color filters, Letter paper and print colors', async () => {
    const { id, text } = sampleWithText();
    highlight(id, text, 'Islamic State militants stormed', {
      color: 'green',
      tags: ['Actor/IS'],
      noteMarkdown: 'Green note',
    });
    highlight(id, text, 'the main hospital and beheading', {
      color: 'red',
      tags: ['Place/Sabratha'],
      noteMarkdown: 'Red note',
    });
    const out = join(temp.path, 'filtered.pdf');

    await core.exportPdfToFile([id], { tags: ['Actor'], paper: 'letter' }, out);
    let pdf = await readPdf(readFileSync(out));
    expect(pdf.pageSizes[0]).toEqual({ width: 612, height: 792 });
    expect(
      pdf.annotations
        .filter((annotation) => annotation.subtype === 'Highlight')
        .map((annotation) => annotation.contents),
    ).toEqual(['Green note\n\nTags: Actor/IS']);

    await core.exportPdfToFile(
      [id],
      { includeNotes: false, includeTags: false, includeAppendix: false, colors: ['red'], colorScheme: 'print' },
      out,
    );
    pdf = await readPdf(readFileSync(out));
    const highlights = pdf.annotations.filter((annotation) => annotation.subtype === 'Highlight');
    expect(highlights.map((annotation) => annotation.contents)).toEqual(['']);
    expect(highlights[0]!.color).toEqual([255, 209, 209]);
    const all = pdftotext(out);
    expect(all).not.toContain('Red note');
    expect(all).not.toContain('Appendix');
    // The cover counts no notes it does not print, and says they were left out.
    expect(collapseWhitespace(all)).toContain('Annotations: 1 highlight · notes not included');
  });

  it('refuses an unwritable path with a clear message and leaves no partial file', async () => {
    const { id } = sampleWithText();
    const blocker = join(temp.path, 'not-a-folder');
    writeFileSync(blocker, 'x');
    await expect(core.exportPdfToFile([id], {}, join(blocker, 'out.pdf'))).rejects.toThrow(
      `Can't write “${join(blocker, 'out.pdf')}”: part of the path is not a folder.`,
    );
    await expect(core.exportPdfToFile([id], {}, join(temp.path, 'missing', 'out.pdf'))).rejects.toThrow(
      'the folder does not exist',
    );
    const folder = join(temp.path, 'existing');
    mkdirSync(folder);
    writeFileSync(join(folder, 'keep.pdf'), 'old');
    mkdirSync(join(folder, 'taken.pdf'));
    await expect(core.exportPdfToFile([id], {}, join(folder, 'taken.pdf'))).rejects.toThrow('it is a folder');
    expect(readdirSync(folder).sort()).toEqual(['keep.pdf', 'taken.pdf']);
  });

  it('exports several documents in the library’s order, whatever order they are asked in, numbering notes on from one to the next, as “Field briefing coastal cities and 1 other (annotated).pdf”, after the first of them', async () => {
    const sample = sampleWithText();
    highlight(sample.id, sample.text, 'Islamic State militants stormed the centre of Sabratha', {
      noteMarkdown: 'First.',
    });
    highlight(sample.id, sample.text, 'beheading 11 people', { noteMarkdown: 'Second.' });
    const { document } = core.importPath(join(FIXTURES, 'briefing.md'));
    const briefing = canonicalTextOf(core.documents.detail(document.id).lexicalJson);
    highlight(document.id, briefing, 'Residents reported fighting near the hospital.', { noteMarkdown: 'Third.' });
    const long = `${'A note too long for the margin. '.repeat(60)}Its end.`;
    highlight(document.id, briefing, 'How many were injured?', { noteMarkdown: long });
    // The library lists the briefing first (imported last); the call names the sample first.
    expect(core.documents.list().map((doc) => doc.id)).toEqual([document.id, sample.id]);

    const result = await core.call('exportPdf', { documentIds: [sample.id, document.id] });
    if (!result.ok) throw new Error(result.error.message);
    const exported = result.value as PdfExportResult;
    expect(exported.fileName).toBe('Field briefing coastal cities and 1 other (annotated).pdf');
    const out = join(temp.path, 'combined.pdf');
    writeFileSync(out, Buffer.from(exported.dataBase64, 'base64'));
    const pdf = await readPdf(readFileSync(out));
    expect(pdf.outline.filter((title) => !title.startsWith(' '))).toEqual([
      'Field briefing: coastal cities',
      'Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha',
    ]);
    const all = collapseWhitespace(pdftotext(out));
    // Each number names one note: the briefing's notes are 1 and 2, the sample's carry on at 3.
    expect(all).toMatch(/1 Ada Analyst\s+[^·]+ UTC Third\./);
    expect(all).toContain('2 continues in the notes after the text');
    expect(all).toMatch(/Notes continued 2 Ada Analyst · [^·]+ · on page \d+ ↩ A note too long/);
    // (pdftotext reads the gutter's chip for note 4 in among note 3's lines.)
    expect(all).toMatch(/3 Ada Analyst\s+[^·]+ UTC (4 )?First\./);
    expect(all).toMatch(/4 Ada Analyst\s+[^·]+ UTC Second\./);
    expect(all.indexOf('Third.')).toBeLessThan(all.indexOf('First.'));
    expect(all.match(/\d Ada Analyst\b/g)).toEqual([
      '1 Ada Analyst',
      '2 Ada Analyst',
      '3 Ada Analyst',
      '4 Ada Analyst',
    ]);
  });

  it('reports progress through events while it lays out pages', async () => {
    const { id } = sampleWithText();
    const progress: Array<{ done: number; total: number; stage: string }> = [];
    core.events.subscribe((envelope) => {
      if (envelope.event === 'exportProgress' && envelope.payload.jobId === 'job-1') progress.push(envelope.payload);
    });
    const result = await core.call('exportPdf', { documentIds: [id], jobId: 'job-1' });
    expect(result.ok).toBe(true);
    expect(progress.at(-1)).toMatchObject({ stage: 'done' });
    expect(progress.filter((event) => event.stage === 'layout').length).toBeGreaterThan(1);
    expect(progress.every((event) => event.done <= event.total)).toBe(true);
  });
});

describe('marginalia export', () => {
  async function cli(args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(
      args,
      { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {} },
      { version: '1', fontsDir: FONTS_DIR },
    );
    return { code, stdout, stderr };
  }

  it('writes one PDF per document with --out-dir and all of them in one with --out', async () => {
    core.close();
    const data = ['--data-dir', join(temp.path, 'data')];
    expect((await cli([...data, 'import', SAMPLE_REPORT, join(FIXTURES, 'briefing.md')])).code).toBe(0);
    expect(
      (
        await cli([
          ...data,
          'annotate',
          'Reports',
          '--quote',
          'Islamic State',
          '--occurrence',
          '1',
          '--tag',
          'Actor/IS',
          '--note',
          'IS again',
        ])
      ).code,
    ).toBe(0);
    const noted = ['annotate', 'Field', '--quote', 'near the hospital', '--note', 'Hospital?'];
    expect((await cli([...data, ...noted])).code).toBe(0);

    // A folder that is not there yet is made, as `mkdir -p` would.
    const dir = join(temp.path, 'pdfs', 'briefings');
    const each = await cli([...data, 'export', 'Reports', 'Field', '--format', 'pdf', '--out-dir', dir]);
    expect(each.stderr).toBe('');
    expect(each.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'Field briefing coastal cities (annotated).pdf',
      'Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha (annotated).pdf',
    ]);
    // In the library's order, newest import first, as `marginalia list` shows them.
    expect(each.stdout).toMatch(
      /coastal cities \(annotated\).pdf  \(1 page, 1 highlight, 1 note\)\n.*Sabratha \(annotated\).pdf  \(4 pages, 1 highlight, 1 note\)\n$/,
    );

    // One rule for the order, as in the app: the library's, whatever order the documents are named in.
    const combined = join(temp.path, 'both.pdf');
    const both = await cli([...data, 'export', 'Reports', 'Field', '--out', combined, '--paper', 'letter']);
    expect(both.code).toBe(0);
    const pdf = await readPdf(readFileSync(combined));
    // A viewer's title bar names what the combined PDF holds, as its file name does.
    expect(pdf.info.Title).toBe('Field briefing: coastal cities and 1 other');
    expect(pdf.outline.filter((title) => !title.startsWith(' '))).toEqual([
      'Field briefing: coastal cities',
      'Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha',
    ]);
    const text = collapseWhitespace(pdftotext(combined));
    expect(text).toMatch(/^Field briefing: coastal cities[\s\S]*Page 1 of \d+[\s\S]*Reports of western/);
    // Note numbers carry on into the second document: one number, one note.
    expect(text).toMatch(/1 Ada Analyst\s+[^·]+ UTC Hospital\?/);
    expect(text).toMatch(/2 Ada Analyst\s+[^·]+ UTC IS again/);
    const json = await cli([...data, '--json', 'export', 'Field', 'Reports', '--out', combined, '--paper', 'letter']);
    const [written] = JSON.parse(json.stdout) as Array<{ documents: string[] }>;
    const listed = JSON.parse((await cli([...data, '--json', 'list'])).stdout) as Array<{ id: string }>;
    expect(written!.documents).toEqual(listed.map((doc) => doc.id));
    expect(collapseWhitespace(pdftotext(combined)).replace(/\d+:\d+/g, '')).toBe(text.replace(/\d+:\d+/g, ''));

    const wrong = await cli([...data, 'export', 'Reports', '--format', 'docx', '--out', combined]);
    expect(wrong).toMatchObject({ code: 1, stderr: 'marginalia: unknown export format “docx”; the format is pdf.\n' });
    const both2 = await cli([...data, 'export', 'Reports', '--out', combined, '--out-dir', dir]);
    expect(both2.stderr).toBe('marginalia: export takes --out FILE or --out-dir DIR, not both.\n');
    expect(existsSync(join(dir, 'out.pdf'))).toBe(false);
    const blocked = await cli([...data, 'export', 'Reports', '--out-dir', join(combined, 'pdfs')]);
    expect(blocked).toMatchObject({
      code: 1,
      stderr: `marginalia: Couldn't make the folder “${join(combined, 'pdfs')}”: part of that path is a file, not a folder.\n`,
    });
    core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: '1', fontsDir: FONTS_DIR });
  });
});

function pdfContents(annotation: Annotation): string {
  const parts: string[] = [];
  if (annotation.note.text.trim() !== '') parts.push(annotation.note.text.trim());
  if (annotation.tags.length > 0) parts.push(`Tags: ${annotation.tags.join(', ')}`);
  return parts.join('\n\n');
}
