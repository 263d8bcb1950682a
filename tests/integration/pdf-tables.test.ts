import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/core/import/formats/pdf';
import type { TableBlock } from '../../src/shared/document-blocks';
import { blockPlainText, inlineText } from '../../src/shared/document-blocks';
import { buildFixturePdf, buildTablePdf, PDF_TABLE } from '../support/pdf-fixtures';
import { wordF1 } from '../support/text-score';

describe('tables in a PDF', () => {
  it('reads cells aligned in columns over consecutive lines as a table, in order, with its bold header row', async () => {
    const { bytes, knownText } = await buildTablePdf();
    const document = await readPdf({ fileName: 'table.pdf', bytes });
    const tables = document.blocks.filter((block): block is TableBlock => block.kind === 'table');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.header).toBe(true);
    expect(tables[0]!.rows.map((row) => row.cells.map((cell) => inlineText(cell.children)))).toEqual(PDF_TABLE);
    expect(tables[0]!.page?.number).toBe(1);
    const kinds = document.blocks.map((block) => block.kind);
    expect(kinds.indexOf('table')).toBeGreaterThan(0);
    expect(kinds.indexOf('table')).toBeLessThan(kinds.length - 1);
    const text = [document.title, ...document.blocks.map(blockPlainText)].join('\n');
    expect(wordF1(text, knownText)).toBeGreaterThanOrEqual(0.98);
  });

  it('leaves two columns of running text as text, never a table', async () => {
    const { bytes } = await buildFixturePdf();
    const document = await readPdf({ fileName: 'columns.pdf', bytes });
    expect(document.blocks.filter((block) => block.kind === 'table')).toEqual([]);
  });
});
