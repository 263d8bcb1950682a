import { describe, expect, it } from 'vitest';
import type { AnnotationGrade, EvidenceSource, LinkView } from '../../../shared/evidence';
import { ADMIRALTY_SCHEME } from '../../../shared/evidence';
import { annotationGradeText, bestReliability, gradeText, linkButtonName } from './grades';
import { linksAt } from './CardEvidence';

const source = (id: string, name: string, reliability: string): EvidenceSource => ({
  id,
  name,
  kind: 'outlet',
  reliability,
  reliabilityReason: '',
  notes: '',
  authorId: 'me',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

const grade = (sourceIds: string[], credibility: string): AnnotationGrade => ({
  annotationId: 'a1',
  documentId: 'd1',
  sourceIds,
  credibility,
  authorId: 'me',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('how a grade reads', () => {
  it('names reliability and credibility with their meanings, as the card badge says it', () => {
    const text = gradeText(ADMIRALTY_SCHEME, 'B', '2');
    expect(text?.code).toBe('B2');
    expect(text?.name).toBe('Grade B2: Usually reliable, Probably true');
    expect(text?.meaning).toContain('Minor doubt');
  });

  it('shows half a grade when only one half is given, and nothing when neither is', () => {
    expect(gradeText(ADMIRALTY_SCHEME, '', '3')?.name).toBe('Grade 3: Possibly true');
    expect(gradeText(ADMIRALTY_SCHEME, 'E', '')?.code).toBe('E');
    expect(gradeText(ADMIRALTY_SCHEME, '', '')).toBeNull();
    expect(gradeText(ADMIRALTY_SCHEME, 'Z', '9')).toBeNull();
  });

  it("takes the best of an annotation's sources, in the scheme's order", () => {
    expect(bestReliability(ADMIRALTY_SCHEME, ['D', 'B', 'F'])).toBe('B');
    expect(bestReliability(ADMIRALTY_SCHEME, ['F'])).toBe('F');
    expect(bestReliability(ADMIRALTY_SCHEME, ['', 'X'])).toBe('');
  });

  it("uses an annotation's own sources, else its document's", () => {
    const sources = [source('s1', "Libya's Channel", 'C'), source('s2', 'Residents', 'E')];
    expect(annotationGradeText(ADMIRALTY_SCHEME, grade([], '2'), ['s1'], sources)?.code).toBe('C2');
    const own = annotationGradeText(ADMIRALTY_SCHEME, grade(['s2'], '2'), ['s1'], sources);
    expect(own?.code).toBe('E2');
    expect(own?.meaning).toContain('Sources: Residents');
    expect(annotationGradeText(ADMIRALTY_SCHEME, undefined, ['s1'], sources)?.name).toBe('Grade C: Fairly reliable');
  });
});

describe('links on a card', () => {
  const view = (direction: LinkView['direction'], fromId: string, toId: string): LinkView => ({
    id: `${fromId}-${toId}`,
    kind: 'repeats',
    fromId,
    toId,
    authorId: 'me',
    createdAt: '2026-01-01T00:00:00.000Z',
    direction,
    other: { annotationId: 'x', documentId: 'd2', documentTitle: 'Other', quote: 'eleven people', page: '' },
  });

  it('reads from each end: the derived passage repeats, the original is repeated by', () => {
    expect(linkButtonName(view('outgoing', 'a', 'b'))).toBe('repeats “eleven people”');
    expect(linkButtonName(view('incoming', 'b', 'a'))).toBe('repeated by “eleven people”');
  });

  it("shows on a card only the links at that card's end", () => {
    const links = [view('outgoing', 'a', 'b'), view('incoming', 'c', 'a'), view('outgoing', 'c', 'd')];
    expect(linksAt(links, 'a').map((link) => link.id)).toEqual(['a-b', 'c-a']);
  });
});
