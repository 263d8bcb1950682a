import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { canonicalTextOf } from '../../src/shared/lexical-document';
import { readPdf, textUnderQuads } from '../support/pdf-reader';
import { FONTS_DIR, makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
beforeEach(() => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: '1.0.0', fontsDir: FONTS_DIR });
});
afterEach(() => {
  core.close();
  temp.remove();
});

const LONG_CELL = Array.from({ length: 140 }, (_, index) => `word${index}`).join(' ');

function importTablePage(): { id: string; text: string } {
  const rows = [
    ['Mill ford', 'Shallow', 'Open to herders'],
    ['Old bridge', 'Deep', 'Cracked arches'],
    ['Long row', LONG_CELL, 'End of the long row'],
  ];
  const filler = Array.from(
    { length: 30 },
    (_, index) =>
      `<p>Paragraph ${index} of the survey before the table, long enough to fill part of a page with ordinary text.</p>`,
  ).join('');
  const html =
    `<!doctype html><html><head><title>Crossings survey</title></head><body><article><h1>Crossings survey</h1>${filler}` +
    `<table><thead><tr><th>Site</th><th>Depth</th><th>Status</th></tr></thead><tbody>` +
    rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('') +
    `</tbody></table><p>Closing paragraph after the table.</p></article></body></html>`;
  const path = join(temp.path, 'survey.html');
  writeFileSync(path, html);
  const { document } = core.importPath(path);
  return { id: document.id, text: canonicalTextOf(core.documents.detail(document.id).lexicalJson) };
}

describe('a table in the exported PDF', () => {
  it('sets its cells as a grid, row by row, and a highlight in a cell covers exactly its word', async () => {
    const { id, text } = importTablePage();
    const start = text.indexOf('Cracked');
    expect(start).toBeGreaterThan(0);
    core.annotations.create({ documentId: id, start, end: start + 'Cracked'.length, color: 'yellow' });
    const out = join(temp.path, 'survey.pdf');
    await core.exportPdfToFile([id], {}, out);

    const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    const line = (words: string[]) =>
      layout.split('\n').some((candidate) => {
        let at = 0;
        return words.every((word) => (at = candidate.indexOf(word, at)) !== -1);
      });
    expect(line(['Site', 'Depth', 'Status'])).toBe(true);
    expect(line(['Mill ford', 'Shallow', 'Open to herders'])).toBe(true);
    expect(line(['Old bridge', 'Deep', 'Cracked arches'])).toBe(true);
    const plain = execFileSync('pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8' });
    expect(plain.indexOf('word139')).toBeGreaterThan(plain.indexOf('word0'));
    expect(plain.indexOf('Closing paragraph after the table.')).toBeGreaterThan(plain.indexOf('End of the long row'));

    const pdf = await readPdf(readFileSync(out));
    const [highlight] = pdf.annotations.filter((annotation) => annotation.subtype === 'Highlight');
    expect(textUnderQuads(pdf.items[highlight!.page - 1]!, highlight!.quadPoints).trim()).toBe('Cracked');
  });
});
