// The byline under a document's title: set once, not again when the article's own first lines already say it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReadDocument } from '../../src/core/import/formats/format-reader';
import { prepareDocument } from '../../src/core/import/prepare';
import { prepareBinary } from '../../src/core/import/read-binary';
import { shownByline, textRun } from '../../src/shared/document-blocks';
import type { Block } from '../../src/shared/document-blocks';
import { buildDocumentState } from '../../src/shared/document-state';

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

  it('is left out by the one builder of every document, as each reader once did itself before building', () => {
    const names = ['Leila Mansour', 'A. Writer', '  ', ''];
    const text = fc.constantFrom('By Leila Mansour', 'LEILA  MANSOUR, Oslo', 'a. writer', 'The harbour.', '', ' ');
    const outline = fc.record({
      title: fc.constantFrom('Patrols', ''),
      byline: fc.constantFrom(...names),
      blocks: fc.array(text.map(paragraph), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(outline, (document) => {
        const asCallersDid = { ...document, byline: shownByline(document.byline, document.blocks) };
        expect(buildDocumentState(document)).toEqual(buildDocumentState(asCallersDid));
      }),
    );
  });

  it('shows the author once in a document a binary reader read, its opening naming the author', async () => {
    const read: ReadDocument = {
      title: 'Patrols resume',
      byline: 'Leila Mansour',
      publishedAt: '',
      siteName: '',
      blocks: [paragraph('By Leila Mansour · 12 October 2025'), paragraph('The coast guard resumed its patrols.')],
      facts: { importer: 'test reader' },
    };
    const document = await prepareBinary(
      { fileName: 'patrols.epub', bytes: new Uint8Array([1, 2, 3]), sourceType: 'epub', origin: { kind: 'upload' } },
      { readers: { epub: async () => read }, maxBytes: 1024 * 1024, now: new Date('2026-12-02T00:00:00Z') },
    );
    expect(document.canonicalText.match(/Leila Mansour/g)).toHaveLength(1);
    expect(document.byline).toBe('Leila Mansour');
  });
});
