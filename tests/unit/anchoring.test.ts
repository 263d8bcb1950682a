import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor } from '../../src/shared/anchoring';
import { positionSelectorFor, quoteSelectorFor, snapOffset } from '../../src/shared/selectors';

function annotate(text: string, exact: string, occurrence = 1) {
  let start = -1;
  for (let seen = 0; seen < occurrence; seen += 1) start = text.indexOf(exact, start + 1);
  if (start === -1) throw new Error(`“${exact}” not in text`);
  return {
    quote: quoteSelectorFor(text, start, start + exact.length),
    position: positionSelectorFor(start, start + exact.length),
  };
}

const REPORT =
  'Islamic State militants stormed the centre of Sabratha late Tuesday, seizing the security directorate, the main hospital and beheading 11 people, residents and officials told Libya’s Channel.\n\nAs many as 17 people are believed to have been killed in the clashes when 200 IS fighters raided the centre of the coastal city.';

describe('anchoring', () => {
  it('keeps the stored position when the quote is still there', () => {
    const { quote, position } = annotate(REPORT, 'the main hospital');
    expect(anchor(REPORT, quote, position)).toEqual({
      status: 'exact',
      start: position.start,
      end: position.end,
      score: 1,
    });
  });

  it('follows a quote moved by an insertion before it', () => {
    const { quote, position } = annotate(REPORT, 'the main hospital');
    const edited = `Breaking: a new opening paragraph was added here.\n\n${REPORT}`;
    const result = anchor(edited, quote, position);
    expect(result.status).toBe('moved');
    expect(edited.slice(result.start, result.end)).toBe('the main hospital');
  });

  it('tells repeated quotes apart by their prefix and suffix', () => {
    const { quote, position } = annotate(REPORT, 'the centre', 2);
    const edited = `Intro. ${REPORT.replace('17 people', 'seventeen people')}`;
    const result = anchor(edited, quote, position);
    expect(result.status).toBe('moved');
    expect(edited.slice(result.start - 'IS fighters raided '.length, result.end)).toBe('IS fighters raided the centre');
  });

  it('finds a quote with a corrected typo as a fuzzy anchor', () => {
    const typo = REPORT.replace('security directorate', 'securty directorate');
    const { quote, position } = annotate(typo, 'seizing the securty directorate, the main hospital');
    const fixed = REPORT;
    const result = anchor(fixed, quote, position);
    expect(result.status).toBe('fuzzy');
    expect(fixed.slice(result.start, result.end)).toBe('seizing the security directorate, the main hospital');
    expect(result.score).toBeGreaterThan(0.9);
  });

  it('orphans an annotation whose text was deleted, keeping its old quote', () => {
    const { quote, position } = annotate(REPORT, 'beheading 11 people');
    const edited = REPORT.replace('and beheading 11 people, residents and officials told', 'officials told');
    expect(anchor(edited, quote, position)).toMatchObject({ status: 'orphan', score: 0 });
  });

  it('orphans rather than guessing when a short quote changed and its context is gone', () => {
    const { quote, position } = annotate(REPORT, '200 IS');
    const edited = 'A completely different document about farming, rainfall and crop yields in the north.';
    expect(anchor(edited, quote, position).status).toBe('orphan');
  });

  it('handles combining marks, emoji, right-to-left text and curly quotes', () => {
    const text = 'Cafe\u0301 “quoted” — 🎉🇱🇾 then العربية هنا and עברית too. Ñandú.';
    for (const exact of ['Cafe\u0301', '“quoted”', '🎉🇱🇾', 'العربية هنا', 'עברית', 'Ñandú']) {
      const { quote, position } = annotate(text, exact);
      expect(anchor(text, quote, position)).toMatchObject({ status: 'exact' });
      const shifted = `Nouvelle ligne ✓ ${text}`;
      const moved = anchor(shifted, quote, position);
      expect(shifted.slice(moved.start, moved.end)).toBe(exact);
    }
  });

  it('never cuts a surrogate pair when taking context', () => {
    const text = '🎉'.repeat(40) + 'target' + '🎉'.repeat(40);
    const start = text.indexOf('target');
    const quote = quoteSelectorFor(text, start, start + 6);
    expect(quote.prefix.length % 2).toBe(0);
    expect(quote.suffix.length % 2).toBe(0);
    expect(snapOffset('a🎉b', 2, 'back')).toBe(1);
    expect(snapOffset('a🎉b', 2, 'forward')).toBe(3);
  });

  it('anchors a point note by the text around it', () => {
    const at = REPORT.indexOf('As many as');
    const quote = quoteSelectorFor(REPORT, at, at);
    const position = positionSelectorFor(at, at);
    expect(anchor(REPORT, quote, position)).toMatchObject({ status: 'exact', start: at, end: at });
    const edited = `New first line.\n\n${REPORT}`;
    const moved = anchor(edited, quote, position);
    expect(moved.status).toBe('moved');
    expect(edited.slice(moved.start, moved.start + 10)).toBe('As many as');
  });

  it('always anchors a quote to the same text when nothing changed (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300, unit: 'grapheme' }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = snapOffset(text, a % text.length, 'back');
        const end = snapOffset(text, start + 1 + (b % Math.max(1, text.length - start)), 'forward');
        if (end <= start) return;
        const result = anchor(text, quoteSelectorFor(text, start, end), positionSelectorFor(start, end));
        expect(result).toMatchObject({ status: 'exact', start, end });
      }),
    );
  });

  it('finds the same text again after unrelated text is inserted anywhere else (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 20, maxLength: 80, unit: 'grapheme' }), { minLength: 3, maxLength: 8 }),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 60 }),
        fc.nat(),
        (paragraphs, pick, inserted, where) => {
          const text = paragraphs.join('\n\n');
          const index = pick % paragraphs.length;
          const start = paragraphs.slice(0, index).reduce((sum, paragraph) => sum + paragraph.length + 2, 0);
          const exact = paragraphs[index]!;
          const quote = quoteSelectorFor(text, start, start + exact.length);
          // Insert outside the annotated paragraph: before it or after it.
          const cut = where % 2 === 0 ? Math.max(0, start - 2) : start + exact.length + 1;
          const edited = text.slice(0, cut) + inserted + text.slice(cut);
          const result = anchor(edited, quote, positionSelectorFor(start, start + exact.length));
          expect(result.status).not.toBe('orphan');
          expect(edited.slice(result.start, result.end)).toBe(exact);
        },
      ),
      { numRuns: 300 },
    );
  });
});
