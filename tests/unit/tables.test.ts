import { createHeadlessEditor } from '@lexical/headless';
import { $getNodeByKey } from 'lexical';
import { describe, expect, it } from 'vitest';
import { blocksFromCleanHtml } from '../../src/core/import/html';
import type { Block, TableBlock } from '../../src/shared/document-blocks';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, inlineText, textRun } from '../../src/shared/document-blocks';
import { IncomingDocumentError, rebuildIncomingDocument } from '../../src/shared/incoming-document';
import { $canonicalText, DOCUMENT_NODES, buildDocumentState } from '../../src/shared/lexical-document';
import { $textSegments } from '../../src/shared/text-map';

const cellsOf = (table: TableBlock): string[][] =>
  table.rows.map((row) => row.cells.map((cell) => inlineText(cell.children)));

const tables = (blocks: readonly Block[]): TableBlock[] =>
  blocks.filter((block): block is TableBlock => block.kind === 'table');

const table = (rows: string[][], header = true): TableBlock => ({
  kind: 'table',
  header,
  rows: rows.map((cells) => ({ cells: cells.map((cell) => ({ children: cell === '' ? [] : [textRun(cell)] })) })),
});

function segmentsOf(lexicalJson: string) {
  const editor = createHeadlessEditor({
    nodes: [...DOCUMENT_NODES],
    onError: (error) => {
      throw error;
    },
  });
  return editor.parseEditorState(lexicalJson).read(() => ({
    text: $canonicalText(),
    segments: $textSegments().map((segment) => ({ ...segment, text: $getNodeByKey(segment.key)!.getTextContent() })),
  }));
}

describe('tables from HTML', () => {
  it('keeps a data table with its header row, its cells in order and a spanned cell holding its place', () => {
    const blocks = blocksFromCleanHtml(
      '<p>Before.</p><table><caption>Crossings</caption><thead><tr><th>Site</th><th>Depth</th><th>Status</th></tr></thead>' +
        '<tbody><tr><td>Mill <b>ford</b></td><td colspan="2">Shallow and open</td></tr>' +
        '<tr><td rowspan="2">Old bridge</td><td>Deep</td><td><p>Cracked</p><p>Closed</p></td></tr>' +
        '<tr><td>Deeper</td><td>Shut</td></tr></tbody></table><p>After.</p>',
    );
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph', 'table', 'paragraph']);
    const [found] = tables(blocks);
    expect(found!.header).toBe(true);
    expect(cellsOf(found!)).toEqual([
      ['Site', 'Depth', 'Status'],
      ['Mill ford', 'Shallow and open', ''],
      ['Old bridge', 'Deep', 'Cracked\nClosed'],
      ['', 'Deeper', 'Shut'],
    ]);
    expect(found!.rows[1]!.cells[0]!.children).toContainEqual(textRun('ford', { bold: true }));
  });

  it('lets a one-cell frame and an e-mail layout of nested tables flow as paragraphs', () => {
    const frame = blocksFromCleanHtml('<table><tr><td><p>Only the article.</p><p>Second.</p></td></tr></table>');
    expect(frame.map((block) => [block.kind, inlineText(block.kind === 'paragraph' ? block.children : [])])).toEqual([
      ['paragraph', 'Only the article.'],
      ['paragraph', 'Second.'],
    ]);
    const email = blocksFromCleanHtml(
      '<table width="600"><tr><td><table><tr><td>Logo</td><td>Newsletter of May</td></tr></table></td></tr>' +
        '<tr><td><p>Dear reader, the news.</p></td></tr></table>',
    );
    expect(tables(email)).toEqual([]);
    const oneColumn = blocksFromCleanHtml('<table><tr><td>First line</td></tr><tr><td>Second line</td></tr></table>');
    expect(tables(oneColumn)).toEqual([]);
    expect(tables(blocksFromCleanHtml('<table role="presentation"><tr><td>a</td><td>b</td></tr></table>'))).toEqual([]);
  });
});

describe('a table in the canonical document', () => {
  const outline = {
    title: 'Report',
    byline: '',
    blocks: [
      { kind: 'paragraph' as const, children: [textRun('Before the table.')] },
      table([['Site', 'Depth'], ['Mill ford', ''], ['Old bridge']]),
      { kind: 'paragraph' as const, children: [textRun('After the table.')] },
    ],
  };

  it('has the text Lexical gives any block: every cell, empty or padded, a blank line apart', () => {
    const { text } = buildDocumentState(outline);
    expect(text).toBe(
      'Report\n\nBefore the table.\n\nSite\n\nDepth\n\nMill ford\n\n\n\nOld bridge\n\n\n\nAfter the table.',
    );
  });

  it('places every cell’s text at its exact canonical offset in the text map', () => {
    const { lexicalJson, text } = buildDocumentState(outline);
    const map = segmentsOf(lexicalJson);
    expect(map.text).toBe(text);
    for (const segment of map.segments) expect(text.slice(segment.start, segment.end)).toBe(segment.text);
    expect(map.segments.map((segment) => segment.text)).toEqual([
      'Report',
      'Before the table.',
      'Site',
      'Depth',
      'Mill ford',
      'Old bridge',
      'After the table.',
    ]);
  });

  it('comes back unchanged through the incoming-document rebuild (an edit, a bundle)', () => {
    const built = buildDocumentState(outline);
    const rebuilt = rebuildIncomingDocument(built.lexicalJson);
    expect(rebuilt.text).toBe(built.text);
    expect(JSON.parse(rebuilt.lexicalJson)).toEqual(JSON.parse(built.lexicalJson));
  });

  it('drops spans, styles and unknown parts of an incoming table, and refuses one past the caps', () => {
    const built = JSON.parse(buildDocumentState(outline).lexicalJson) as {
      root: { children: Array<Record<string, unknown>> };
    };
    const tableNode = built.root.children[2] as {
      style?: string;
      children: Array<{ children: Array<Record<string, unknown>> }>;
    };
    tableNode.style = 'background:url(https://tracker.example/x)';
    tableNode.children[0]!.children[0]!.colSpan = 9;
    tableNode.children[0]!.children[0]!.backgroundColor = 'red';
    tableNode.children.push({ type: 'image', children: [], src: 'https://tracker.example/y' } as never);
    const cleaned = rebuildIncomingDocument(JSON.stringify(built));
    expect(cleaned.lexicalJson).not.toContain('tracker');
    expect(cleaned.lexicalJson).not.toContain('red');
    expect(cleaned.lexicalJson).toContain('"colSpan":1');
    expect(cleaned.text).toBe(buildDocumentState(outline).text);

    const huge = buildDocumentState({ title: 'Huge', byline: '', blocks: [table([['a', 'b']])] });
    const hugeJson = JSON.parse(huge.lexicalJson) as { root: { children: Array<{ children: unknown[] }> } };
    const row = hugeJson.root.children[1]!.children[0];
    hugeJson.root.children[1]!.children = Array.from({ length: MAX_TABLE_ROWS + 1 }, () => row);
    expect(() => rebuildIncomingDocument(JSON.stringify(hugeJson))).toThrow(IncomingDocumentError);
  });

  it('caps a table: columns past the cap join the last cell, rows past it go on in a second table', () => {
    const wide = Array.from({ length: MAX_TABLE_COLUMNS + 5 }, (_, index) => `c${index}`);
    const long = Array.from({ length: MAX_TABLE_ROWS + 3 }, (_, index) => [`r${index}`, 'x']);
    const { lexicalJson, text } = buildDocumentState({ title: 'T', byline: '', blocks: [table([wide]), table(long)] });
    const root = (
      JSON.parse(lexicalJson) as {
        root: { children: Array<{ type: string; children: Array<{ children: unknown[] }> }> };
      }
    ).root;
    expect(root.children.map((child) => child.type)).toEqual(['heading', 'table', 'table', 'table']);
    expect(root.children[1]!.children[0]!.children).toHaveLength(MAX_TABLE_COLUMNS);
    expect(text).toContain(`c${MAX_TABLE_COLUMNS - 2}\n\nc${MAX_TABLE_COLUMNS - 1} | c${MAX_TABLE_COLUMNS} | `);
    expect(root.children[2]!.children).toHaveLength(MAX_TABLE_ROWS);
    expect(root.children[3]!.children).toHaveLength(3);
    expect(text).toContain(`r${MAX_TABLE_ROWS + 2}`);
  });
});
