import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/core/import/html';
import { parseMarkdown } from '../../src/core/import/markdown';
import { parsePlainText } from '../../src/core/import/plain-text';
import { prepareDocument } from '../../src/core/import/prepare';
import { canonicalTextOf } from '../../src/shared/lexical-document';

import { FIXTURES, HTML_SAMPLES, SAMPLE_REPORT } from '../support/temp';
const MB = 1024 * 1024;

describe('plain text import', () => {
  it('takes the first line as the title when more lines follow, and one paragraph per line', () => {
    const parsed = parsePlainText('My title\nFirst paragraph.\r\nSecond paragraph.\n\n\nThird.', 'fallback');
    expect(parsed.title).toBe('My title');
    expect(parsed.blocks.map((block) => block.kind === 'paragraph' && block.children[0])).toEqual([
      { kind: 'text', text: 'First paragraph.' },
      { kind: 'text', text: 'Second paragraph.' },
      { kind: 'text', text: 'Third.' },
    ]);
  });

  it('uses the file name as the title of a one-line file, keeping the line as text', () => {
    const parsed = parsePlainText('Only one line here.', 'field notes');
    expect(parsed.title).toBe('field notes');
    expect(parsed.blocks).toHaveLength(1);
  });

  it('imports the sample report with its title, byline line and every paragraph', () => {
    const bytes = readFileSync(SAMPLE_REPORT);
    const doc = prepareDocument('sabratha-report.txt', bytes, 20 * MB);
    expect(doc.title).toBe('Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabratha');
    const lines = bytes
      .toString('utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    expect(doc.canonicalText).toBe(lines.join('\n\n'));
    expect(doc.wordCount).toBeGreaterThan(1000);
  });
});

describe('Markdown import', () => {
  const doc = prepareDocument('briefing.md', readFileSync(join(FIXTURES, 'briefing.md')), MB);
  const state = JSON.parse(doc.lexicalJson) as {
    root: { children: Array<{ type: string; tag?: string; listType?: string }> };
  };
  const types = state.root.children.map(
    (node) => `${node.type}${node.tag ? `:${node.tag}` : ''}${node.listType ? `:${node.listType}` : ''}`,
  );

  it('keeps headings, quotes, numbered and bulleted lists', () => {
    expect(doc.title).toBe('Field briefing: coastal cities');
    expect(types).toEqual([
      'heading:h1',
      'paragraph',
      'heading:h2',
      'quote',
      'heading:h2',
      'list:ol:number',
      'list:ul:bullet',
      'paragraph',
    ]);
  });

  it('keeps emphasis, strong text, inline code and safe links', () => {
    expect(doc.lexicalJson).toContain('"url":"https://example.org/report"');
    const paragraph = parseMarkdown('*a* **b** `c`', 'x').blocks[0];
    expect(paragraph).toEqual({
      kind: 'paragraph',
      children: [
        { kind: 'text', text: 'a', italic: true },
        { kind: 'text', text: ' ' },
        { kind: 'text', text: 'b', bold: true },
        { kind: 'text', text: ' ' },
        { kind: 'text', text: 'c', code: true },
      ],
    });
  });

  it('shows raw HTML as literal text and drops javascript: links', () => {
    expect(doc.canonicalText).toContain("<script>alert('x')</script>");
    const parsed = parseMarkdown('[click](javascript:alert(1)) done', 'x');
    expect(parsed.blocks[0]).toEqual({
      kind: 'paragraph',
      children: [
        { kind: 'text', text: 'click' },
        { kind: 'text', text: ' done' },
      ],
    });
  });
});

describe('HTML import', () => {
  for (const name of ['aclu', 'bbc-1', 'cnn']) {
    it(`finds the article, title and byline of the ${name} page and drops the page furniture`, () => {
      const expected = JSON.parse(readFileSync(join(HTML_SAMPLES, name, 'expected-metadata.json'), 'utf8')) as {
        title: string;
        byline: string;
        siteName: string;
        publishedTime: string | null;
      };
      const parsed = parseHtml(readFileSync(join(HTML_SAMPLES, name, 'source.html'), 'utf8'), name);
      expect(parsed.title).toBe(expected.title);
      expect(parsed.byline).toBe(expected.byline);
      expect(parsed.siteName).toBe(expected.siteName);
      expect(parsed.publishedAt).toBe(expected.publishedTime ?? '');
      expect(parsed.blocks.length).toBeGreaterThan(5);
      const text = JSON.stringify(parsed.blocks);
      expect(text).not.toMatch(/<script|Krux|googletag/i);
    });
  }

  it('strips scripts, styles, frames, event handlers, images and javascript: links', () => {
    const doc = prepareDocument('hostile.html', readFileSync(join(FIXTURES, 'hostile.html')), MB);
    expect(doc.title).toBe('Hostile page about river floods');
    expect(doc.lexicalJson).not.toMatch(/alert|tracker\.example|ads\.example|onclick|onerror|iframe|pwned|evil/);
    expect(doc.canonicalText).toContain('Click here or read the full report.');
    expect(doc.lexicalJson).toContain('"url":"https://example.org/floods"');
    expect(doc.canonicalText).toContain('What residents said');
    expect(doc.canonicalText).toContain('Shops closed early.\n\nSchools were used as shelters.');
    expect(doc.canonicalText).toContain('We have never seen it this high.');
    expect(doc.canonicalText).not.toContain('Home | News');
  });

  it('finds the article, not a newsletter box, on a page whose article sits in a class Readability first sets aside', () => {
    const doc = prepareDocument('community-post.html', readFileSync(join(FIXTURES, 'community-post.html')), MB);
    expect(doc.canonicalText).toContain('When the council announced in January');
    expect(doc.canonicalText).toContain(
      'None of it would have happened if we had believed the first letter we received.',
    );
    expect(doc.canonicalText).not.toContain('Sign up for the Neighbourhood Voices weekly newsletter');
  });

  it('takes a plain report page whole: headings and a table beside its main block are kept', () => {
    const paragraphs = Array.from(
      { length: 12 },
      (_, index) => `<p>Finding ${index + 1}: the inspectors at the northern gate logged the delay in full detail.</p>`,
    ).join('');
    const html =
      '<html><head><title>Field Report</title></head><body><h1>Field Report</h1>' +
      '<p>Opening summary of the grain corridor inspections this quarter.</p><h2>1. Summary</h2>' +
      '<table><tr><th>Month</th><th>Inspections</th></tr><tr><td>January</td><td>102</td></tr></table>' +
      `<h2>2. Detailed findings</h2><div class="cols">${paragraphs}</div><h2>3. Conclusions</h2>` +
      '<p>The corridor held, with delays rising in February.</p></body></html>';
    const parsed = parseHtml(html, 'report');
    const text = JSON.stringify(parsed.blocks);
    for (const kept of ['1. Summary', '2. Detailed findings', '3. Conclusions', 'January', 'Finding 12'])
      expect(text).toContain(kept);
    expect(parsed.blocks.some((block) => block.kind === 'table')).toBe(true);
  });

  it('keeps the text of everything inside a list, not only its <li> children', () => {
    const page = `<html><head><title>Lists</title></head><body><article>
      <p>${'An introduction long enough to be taken for the article by any reader view. '.repeat(8)}</p>
      <ul><li>First item</li><p>A paragraph put straight in the list</p>bare text in the list<div>a division in the list</div>
        <li>Second item</li><ul><li>nested after the item</li></ul></ul>
      <ol start="3"><li>Third</li><span>a span among items</span></ol>
    </article></body></html>`;
    const parsed = parseHtml(page, 'Lists');
    const lists = parsed.blocks.filter((block) => block.kind === 'list');
    const itemTexts = (list: (typeof lists)[number]): string[] =>
      list.items.flatMap((item) => [
        item.children
          .map((run) =>
            run.kind === 'text'
              ? run.text
              : run.kind === 'link'
                ? run.children.map((child) => child.text).join('')
                : '\n',
          )
          .join(''),
        ...item.nested.flatMap(itemTexts),
      ]);
    expect(itemTexts(lists[0]!)).toEqual([
      'First item',
      'A paragraph put straight in the list',
      'bare text in the list',
      'a division in the list',
      'Second item',
      'nested after the item',
    ]);
    expect(lists[1]).toMatchObject({ ordered: true, start: 3 });
    expect(itemTexts(lists[1]!)).toEqual(['Third', 'a span among items']);
  });

  it('refuses a page with no readable text', () => {
    expect(() =>
      prepareDocument(
        'empty.html',
        new TextEncoder().encode(
          '<html><head><title>Pictures</title></head><body><img src="a.png"><script>x()</script></body></html>',
        ),
        MB,
      ),
    ).toThrow('“empty.html” has no readable article text: nothing was imported.');
  });
});

describe('canonical text', () => {
  it('is the same when recomputed from the stored Lexical JSON without a DOM', () => {
    const samples: Array<[string, string]> = [
      ['sabratha-report.txt', SAMPLE_REPORT],
      ['source.html', join(HTML_SAMPLES, 'bbc-1/source.html')],
    ];
    for (const [file, path] of samples) {
      const doc = prepareDocument(file, readFileSync(path), 20 * MB);
      expect(canonicalTextOf(doc.lexicalJson)).toBe(doc.canonicalText);
    }
    const md = prepareDocument('briefing.md', readFileSync(join(FIXTURES, 'briefing.md')), MB);
    expect(canonicalTextOf(md.lexicalJson)).toBe(md.canonicalText);
  });

  it('hashes the canonical text with SHA-256', async () => {
    const doc = prepareDocument('a.txt', new TextEncoder().encode('T\nBody'), MB);
    const { createHash } = await import('node:crypto');
    expect(doc.textSha256).toBe(createHash('sha256').update('T\n\nBody').digest('hex'));
  });
});
