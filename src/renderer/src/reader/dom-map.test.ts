import { describe, expect, it } from 'vitest';
import type { TextSegment } from '../../../shared/text-map';
import { segmentSpan } from './dom-map';

// "Title" then a blank line, then "Bold" and " rest" as two text nodes of one paragraph.
const SEGMENTS: TextSegment[] = [
  { key: 'title', start: 0, end: 5 },
  { key: 'bold', start: 7, end: 11 },
  { key: 'rest', start: 11, end: 16 },
];
const length = (segment: TextSegment) => segment.end - segment.start;

describe('a canonical span in text nodes', () => {
  it('starts and ends inside the nodes that hold its characters', () => {
    expect(segmentSpan(SEGMENTS, length, 1, 4)).toEqual({
      startKey: 'title',
      startOffset: 1,
      endKey: 'title',
      endOffset: 4,
    });
    expect(segmentSpan(SEGMENTS, length, 8, 13)).toEqual({
      startKey: 'bold',
      startOffset: 1,
      endKey: 'rest',
      endOffset: 2,
    });
  });

  it('ends at the end of its last node rather than the start of the next', () => {
    expect(segmentSpan(SEGMENTS, length, 0, 5)).toEqual({
      startKey: 'title',
      startOffset: 0,
      endKey: 'title',
      endOffset: 5,
    });
    expect(segmentSpan(SEGMENTS, length, 7, 11)).toMatchObject({ endKey: 'bold', endOffset: 4 });
  });

  it('moves a start in the blank line between blocks to the next block', () => {
    expect(segmentSpan(SEGMENTS, length, 6, 9)).toEqual({
      startKey: 'bold',
      startOffset: 0,
      endKey: 'bold',
      endOffset: 2,
    });
  });

  it('is one point for an empty span, and nothing past the last text', () => {
    expect(segmentSpan(SEGMENTS, length, 12, 12)).toEqual({
      startKey: 'rest',
      startOffset: 1,
      endKey: 'rest',
      endOffset: 1,
    });
    expect(segmentSpan(SEGMENTS, length, 16, 20)).toBeNull();
  });

  it('keeps offsets inside a node whose rendered text is shorter than its segment', () => {
    expect(segmentSpan(SEGMENTS, () => 2, 8, 15)).toEqual({
      startKey: 'bold',
      startOffset: 1,
      endKey: 'rest',
      endOffset: 2,
    });
  });
});
