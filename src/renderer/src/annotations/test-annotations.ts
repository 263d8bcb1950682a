// Annotations for the unit tests beside this feature's stores and queries.
import type { Annotation } from '../../../shared/annotations';

export function testAnnotation(
  id: string,
  start: number,
  end: number,
  extra: Partial<Omit<Annotation, 'author'>> & { authorId?: string } = {},
): Annotation {
  const { authorId = 'me', ...rest } = extra;
  return {
    id,
    documentId: 'doc',
    kind: 'highlight',
    color: 'yellow',
    target: {
      position: { type: 'TextPositionSelector', start, end },
      quote: { type: 'TextQuoteSelector', exact: `text ${id}`, prefix: '', suffix: '' },
      textSha256: '',
    },
    anchor: { status: 'exact', score: 1 },
    tags: [],
    note: { lexicalJson: '', text: '', markdown: '' },
    author: { id: authorId, name: authorId === 'me' ? 'Me' : `Author ${authorId}` },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...rest,
  };
}
