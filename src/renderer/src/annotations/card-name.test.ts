import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../shared/annotations';
import { NOTE_IN_NAME, cardName } from './card-name';

function highlight(
  quote: string,
  tags: string[] = [],
  note = '',
): Pick<Annotation, 'kind' | 'target' | 'tags' | 'note'> {
  return {
    kind: 'highlight',
    target: {
      position: { type: 'TextPositionSelector', start: 0, end: quote.length },
      quote: { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
      textSha256: '',
    },
    tags,
    note: { lexicalJson: '', text: note, markdown: note },
  };
}

describe('cardName', () => {
  it('names a card by the passage it is on', () => {
    expect(cardName(highlight('the main hospital'))).toBe('Note on “the main hospital”');
  });

  it('adds the tags and the note when the card has them', () => {
    expect(cardName(highlight('the main hospital', ['Place/Sabratha', 'Claim'], 'Two sources\n disagree'))).toBe(
      'Note on “the main hospital”; tags Place/Sabratha, Claim; note: Two sources disagree',
    );
  });

  it('reads only the start of a long note', () => {
    const name = cardName(highlight('x', [], 'word '.repeat(100)));
    expect(name.length).toBeLessThan('Note on “x”; note: '.length + NOTE_IN_NAME + 1);
    expect(name.endsWith('…')).toBe(true);
  });

  it('names pinned and document notes by what they are', () => {
    expect(cardName({ ...highlight(''), kind: 'point' })).toBe('Note on “Pinned note”');
    expect(cardName({ ...highlight(''), kind: 'document', target: null })).toBe('Note on “Document note”');
  });
});
