// The light tree for HTML a converter wrote (mammoth's output for Word files) reads that
// HTML into the same blocks the sanitized browser DOM gives, and refuses markup of any other shape.
import { describe, expect, it } from 'vitest';
import { keepAllowedElements, parseGeneratedHtml } from '../../src/core/import/formats/generated-html';
import { blocksFromCleanHtml, blocksOfTree } from '../../src/core/import/html';

function lightBlocks(html: string) {
  const body = parseGeneratedHtml(html);
  if (!body) throw new Error('not parsed');
  keepAllowedElements(body);
  return blocksOfTree(body);
}

describe('HTML a converter wrote, read without a browser DOM', () => {
  it('gives the blocks the sanitized DOM gives: headings, lists, tables, emphasis, links, escapes', () => {
    const html =
      '<h1>Crossings &amp; fords</h1><p>A <strong>bold</strong> and <em>slanted</em> word, ' +
      '<a href="https://example.org/a?b=1&amp;c=2">a link</a>, <a href="javascript:alert(1)">a trap</a>, 3 &lt; 4.</p>' +
      '<ul><li>One<ul><li>Nested</li></ul></li><li>Two</li></ul><ol><li>First</li></ol>' +
      '<table><thead><tr><th>Site</th><th>Count</th></tr></thead><tbody><tr><td><p>North</p></td><td>4</td></tr>' +
      '<tr><td>South</td><td>7</td></tr></tbody></table><p>Line<br />break <s>gone</s> <sup>2</sup></p>' +
      '<blockquote><p>Quoted</p></blockquote><p><input type="checkbox" checked="checked" />Checked</p>';
    expect(lightBlocks(html)).toEqual(blocksFromCleanHtml(html));
    expect(JSON.stringify(lightBlocks(html))).not.toContain('javascript');
  });

  it('drops elements whose content is code and unwraps other tags an import does not keep', () => {
    const html = '<p>Kept<script>stolen()</script><style>p{}</style> <blink>text</blink></p>';
    expect(lightBlocks(html)).toEqual(blocksFromCleanHtml(html));
    expect(JSON.stringify(lightBlocks(html))).not.toMatch(/stolen|p\{/);
  });

  it('refuses markup no writer produces: a stray bracket, a tag left open or closed out of turn', () => {
    for (const html of ['<p>a > b</p>', '<p>open', '<p><em>crossed</p></em>', '</p>', '<p onclick=x>bare</p>']) {
      expect(parseGeneratedHtml(html), html).toBeUndefined();
    }
  });
});
