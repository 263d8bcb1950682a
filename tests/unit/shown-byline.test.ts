// The byline under a document's title: set once, not again when the article's own first lines already say it.
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/import/prepare';
import { shownByline, textRun } from '../../src/shared/document-blocks';
import type { Block } from '../../src/shared/document-blocks';

const paragraph = (text: string): Block => ({ kind: 'paragraph', children: [textRun(text)] });

describe('the byline under the title', () => {
  it('is left out when one of the first blocks already names it, whatever its spacing and case', () => {
    const blocks = [paragraph('By LEILA  Mansour · 12 October 2025'), paragraph('The harbour was quiet.')];
    expect(shownByline('Leila Mansour', blocks)).toBe('');
  });

  it('is kept when the body does not name it near the start, and is nothing when there is none', () => {
    const blocks = ['One.', 'Two.', 'Three.', 'Written by Leila Mansour.'].map(paragraph);
    expect(shownByline('Leila Mansour', blocks)).toBe('Leila Mansour');
    expect(shownByline('  ', blocks)).toBe('');
  });

  it('shows a web page author once when the article opens with its own byline line', () => {
    const html = `<html><head><title>Patrols resume</title><meta name="author" content="Leila Mansour"></head><body>
      <article><h1>Patrols resume</h1><p class="byline">By Leila Mansour · 12 October 2025</p>
      ${'<p>The coast guard resumed its night patrols along the western shore after a pause of several weeks.</p>'.repeat(6)}
      </article></body></html>`;
    const document = prepareDocument('patrols.html', new TextEncoder().encode(html), 1024 * 1024);
    expect(document.canonicalText.match(/Leila Mansour/g)).toHaveLength(1);
  });
});
