import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHeadlessEditor } from '@lexical/headless';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/core/import/prepare';
import { $canonicalText, DOCUMENT_NODES } from '../../src/shared/lexical-document';
import { $textSegments, segmentAt, segmentFrom } from '../../src/shared/text-map';
import { $getNodeByKey } from 'lexical';
import { FIXTURES, HTML_SAMPLES, SAMPLE_REPORT } from '../support/temp';

function segmentsOf(lexicalJson: string) {
  const editor = createHeadlessEditor({
    nodes: [...DOCUMENT_NODES],
    onError: (error) => {
      throw error;
    },
  });
  const state = editor.parseEditorState(lexicalJson);
  return state.read(() => ({
    text: $canonicalText(),
    segments: $textSegments(),
    texts: $textSegments().map((segment) => $getNodeByKey(segment.key)!.getTextContent()),
  }));
}

describe('the text map', () => {
  const cases: Array<[string, string]> = [
    ['the sample report', SAMPLE_REPORT],
    ['a Markdown briefing with lists and quotes', join(FIXTURES, 'briefing.md')],
    ['a BBC article with links', join(HTML_SAMPLES, 'bbc-1/source.html')],
    ['a hostile page', join(FIXTURES, 'hostile.html')],
  ];
  for (const [name, path] of cases) {
    it(`places every text node of ${name} at its exact canonical offset`, () => {
      const doc = prepareDocument(path.split('/').pop()!, readFileSync(path), 20 * 1024 * 1024);
      const { text, segments, texts } = segmentsOf(doc.lexicalJson);
      expect(text).toBe(doc.canonicalText);
      segments.forEach((segment, index) => expect(text.slice(segment.start, segment.end)).toBe(texts[index]));
      // Everything between segments is block separators and line breaks, nothing else.
      let last = 0;
      for (const segment of segments) {
        expect(text.slice(last, segment.start)).toMatch(/^\n*$/);
        last = segment.end;
      }
      expect(last).toBe(text.length);
    });
  }

  it('finds the segment under an offset and the first segment after a separator', () => {
    const segments = [
      { key: 'a', start: 0, end: 5 },
      { key: 'b', start: 7, end: 12 },
    ];
    expect(segmentAt(segments, 0)?.key).toBe('a');
    expect(segmentAt(segments, 5)).toBeUndefined();
    expect(segmentAt(segments, 7)?.key).toBe('b');
    expect(segmentFrom(segments, 5)).toBe(1);
    expect(segmentFrom(segments, 12)).toBe(2);
  });
});
