// A document's rich-text structure from outside is rebuilt from known parts: a hostile
// bundle or edit keeps its text and loses its styles, unknown nodes and unsafe links.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { prepareDocument } from '../../src/core/import/prepare';
import { textRun } from '../../src/shared/document-blocks';
import { buildDocumentState } from '../../src/shared/document-state';
import { rebuildIncomingDocument } from '../../src/shared/incoming-document';
import { FIXTURES, SAMPLE_REPORT, makeTempDir } from '../support/temp';
import { ipcTransport } from '../support/transports';

type Node = Record<string, unknown> & { type: string; children?: Node[]; text?: string };

const OVERLAY = 'position:fixed;inset:0;z-index:2147483647;background:url(https://tracker.example/p.png)';

/**
 * The same text in a hostile structure: inline CSS on text, an unknown node wrapping text, a
 * javascript: link, NodeState, alignment, a huge indent, an unknown heading tag and formats
 * the reader does not know (strikethrough, highlight).
 */
function hostileStructure(lexicalJson: string): string {
  const document = JSON.parse(lexicalJson) as { root: Node };
  const blocks = document.root.children!;
  const heading = blocks[0]!;
  Object.assign(heading, { tag: 'script', format: 'center', indent: 500, direction: 'rtl', $: { evil: true } });
  const paragraph = blocks.find((block) => block.type === 'paragraph' && (block.children?.length ?? 0) > 0)!;
  const [first, ...rest] = paragraph.children!;
  Object.assign(first!, { style: OVERLAY, format: 1 | 4 | 128, $: { state: 'x' } });
  paragraph.children = [
    { type: 'overlay', style: OVERLAY, version: 1, children: [first!] },
    ...rest.map((node) => ({
      type: 'link',
      url: 'javascript:alert(1)',
      rel: null,
      target: '_top',
      title: 'x',
      version: 1,
      children: [node],
    })),
  ];
  Object.assign(paragraph, { format: 'justify', indent: 300, textStyle: OVERLAY });
  return JSON.stringify(document);
}

function expectClean(lexicalJson: string): void {
  expect(lexicalJson).not.toMatch(/position|url\(|javascript:|overlay|"\$"|script|justify|center|_top/);
  const walk = (node: Node): void => {
    if (node.type === 'text') {
      expect(node.style).toBe('');
      // Bold, italic, underline, code, subscript, superscript: the formats the reader draws.
      expect((node.format as number) & ~(1 | 2 | 8 | 16 | 32 | 64)).toBe(0);
    }
    if (typeof node.indent === 'number' && node.type !== 'listitem') expect(node.indent).toBe(0);
    node.children?.forEach(walk);
  };
  walk((JSON.parse(lexicalJson) as { root: Node }).root);
}

let temp: ReturnType<typeof makeTempDir>;
let analyst: MarginaliaCore;
let documentId: string;

beforeEach(() => {
  temp = makeTempDir();
  analyst = new MarginaliaCore({ dataDir: join(temp.path, 'analyst'), host: 'cli', version: '1' });
  documentId = analyst.importPath(SAMPLE_REPORT).document.id;
});

afterEach(() => {
  analyst.close();
  temp.remove();
});

describe('incoming document structure', () => {
  it('from a bundle is rebuilt from known parts: the text is kept, styles, unknown nodes and javascript: links are not', async () => {
    const files = unzipSync(analyst.exportBundle({ documentIds: [documentId] }).bytes);
    const entry = JSON.parse(strFromU8(files['documents/0.json']!)) as { lexicalJson: string };
    entry.lexicalJson = hostileStructure(entry.lexicalJson);
    files['documents/0.json'] = strToU8(JSON.stringify(entry));
    delete files['signature.json'];

    const reviewer = new MarginaliaCore({ dataDir: join(temp.path, 'reviewer'), host: 'cli', version: '1' });
    await reviewer.importBundle(Buffer.from(zipSync(files)), { allowUnsigned: true, apply: true });
    const stored = reviewer.documents.detail(documentId).lexicalJson;
    expectClean(stored);
    expect(reviewer.documents.canonicalText(documentId)).toBe(analyst.documents.canonicalText(documentId));
    expect(stored).toContain('"tag":"h2"');
    reviewer.close();
  });

  it('from an edit sent over the contract is rebuilt the same way', async () => {
    const transport = ipcTransport(analyst);
    const original = analyst.documents.detail(documentId).lexicalJson;
    const result = await transport.client.updateDocumentText({
      id: documentId,
      lexicalJson: hostileStructure(original),
    });
    expect(result.ok).toBe(true);
    expectClean(analyst.documents.detail(documentId).lexicalJson);
    expect(analyst.documents.canonicalText(documentId)).toBe(rebuildIncomingDocument(original).text);
    await transport.close();
  });

  it('from a document and sidecar copied into the workspace keeps no script, style or unsafe link', async () => {
    const workspace = join(temp.path, 'workspace');
    mkdirSync(workspace);
    copyFileSync(join(FIXTURES, 'hostile.html'), join(workspace, 'floods.html'));
    const id = '0f9c2b8e-3d1a-4c55-9a77-5b2f0e1d2c3b';
    // The sidecar names the text its source imports to, as a sidecar written by Marginalia does.
    const imported = prepareDocument('floods.html', readFileSync(join(FIXTURES, 'hostile.html')), 20 * 1024 * 1024);
    const textSha256 = createHash('sha256').update(imported.canonicalText).digest('hex');
    const sidecar = {
      '@context': ['http://www.w3.org/ns/anno.jsonld'],
      id: `urn:uuid:${id}`,
      type: 'AnnotationCollection',
      marginalia: { document: { id, title: 'Floods', sourceFile: 'floods.html', textSha256 }, tombstones: [] },
      total: 0,
    };
    writeFileSync(join(workspace, 'floods.annotations.json'), JSON.stringify(sidecar));
    await (await analyst.startSync(workspace, { watch: false })).stop();
    const stored = analyst.documents.detail(id).lexicalJson;
    expectClean(stored);
    expect(stored).toContain('https://example.org/floods');
    expect(analyst.documents.canonicalText(id)).toContain('Click here');
  });

  it('in a margin note sent over the contract is rebuilt the same way', async () => {
    const transport = ipcTransport(analyst);
    const text = { detail: 0, format: 1 | 4, mode: 'normal', style: OVERLAY, text: 'Check ', type: 'text', version: 1 };
    const link = { type: 'link', url: 'javascript:alert(1)', children: [{ ...text, text: 'this source' }], version: 1 };
    const heading = { type: 'heading', tag: 'h1', children: [{ ...text, text: 'Loud' }], version: 1 };
    const noteLexicalJson = JSON.stringify({
      root: {
        type: 'root',
        children: [{ type: 'paragraph', format: 'center', children: [text, link], version: 1 }, heading],
        version: 1,
      },
    });
    const created = await transport.client.createAnnotation({ documentId, kind: 'document', noteLexicalJson });
    expect(created.ok).toBe(true);
    const [note] = analyst.annotations.list(documentId);
    expectClean(note!.note.lexicalJson);
    expect(note!.note.lexicalJson).not.toContain('heading');
    expect(note!.note.text).toBe('Check this source\n\nLoud');
    await transport.close();
  });

  it('the app’s own documents come back unchanged', () => {
    const own = analyst.documents.detail(documentId).lexicalJson;
    expect(rebuildIncomingDocument(own).lexicalJson).toBe(own);
  });

  it('keeps a subscript and a superscript (H₂O, 5th) through an edit or a bundle, as the reader draws them', () => {
    const { lexicalJson } = buildDocumentState({
      title: 'Water',
      byline: '',
      blocks: [
        {
          kind: 'paragraph',
          children: [
            textRun('H'),
            textRun('2', { subscript: true }),
            textRun('O on the 5'),
            textRun('th', { superscript: true }),
          ],
        },
      ],
    });
    expect(rebuildIncomingDocument(lexicalJson).lexicalJson).toBe(lexicalJson);
  });

  it('is refused with a reason when it is not a document', () => {
    expect(() => rebuildIncomingDocument('{"root":')).toThrow('the document is not valid JSON');
    expect(() => rebuildIncomingDocument('{"nope":{}}')).toThrow('the document has no root');
    let deep: Node = { type: 'text', text: 'x' };
    for (let level = 0; level < 100; level++) deep = { type: 'overlay', children: [deep] };
    expect(() => rebuildIncomingDocument(JSON.stringify({ root: { type: 'root', children: [deep] } }))).toThrow(
      'nested more than 64 levels',
    );
  });
});
