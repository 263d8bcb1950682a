import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeIncoming } from '../../src/core/incoming';
import { quoteSelectorFor, snapOffset } from '../../src/shared/selectors';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A span of `text` from two arbitrary numbers, on code point boundaries and never empty (or undefined). */
function spanOf(text: string, a: number, b: number): { start: number; end: number } | undefined {
  if (text.length === 0) return undefined;
  const start = snapOffset(text, a % text.length, 'back');
  const end = snapOffset(text, start + 1 + (b % Math.max(1, text.length - start)), 'forward');
  return end > start ? { start, end } : undefined;
}

/** What a sender says about an annotation on `span` of its `text`. */
function sentOn(text: string, span: { start: number; end: number }) {
  const { exact, prefix, suffix } = quoteSelectorFor(text, span.start, span.end);
  return { quote: { exact, prefix, suffix }, position: { ...span }, textSha256: sha256(text) };
}

const REPORT =
  'Islamic State militants stormed the centre of Sabratha late Tuesday, seizing the security directorate, the main hospital and beheading 11 people, residents and officials told Libya’s Channel.';

describe('placeIncoming', () => {
  it('places an annotation on the very text it names exactly where it says (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 300, unit: 'grapheme' }), fc.nat(), fc.nat(), (text, a, b) => {
        const span = spanOf(text, a, b);
        if (!span) return;
        const placed = placeIncoming(text, sha256(text), sentOn(text, span));
        expect(placed).toMatchObject({
          start_offset: span.start,
          end_offset: span.end,
          exact: text.slice(span.start, span.end),
          text_sha256: sha256(text),
          anchor_status: 'exact',
          anchor_score: 1,
        });
      }),
    );
  });

  it('lands an annotation whose text changed on its quote, or makes it an orphan, never on other text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 200, unit: 'grapheme' }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
        fc.boolean(),
        (text, a, b, at, inserted, remove) => {
          const span = spanOf(text, a, b);
          if (!span) return;
          // An edit outside the annotated span: an insertion, or a deletion of what follows the point.
          const outside = [0, span.start, span.end, text.length];
          const point = outside[at % outside.length]!;
          const limit = point < span.start ? span.start : point >= span.end ? text.length : point;
          const stop = Math.max(point, snapOffset(text, Math.min(limit, point + 3), 'back'));
          const edited = remove
            ? text.slice(0, point) + text.slice(stop)
            : text.slice(0, point) + inserted + text.slice(point);
          if (edited === text) return;
          const sent = sentOn(text, span);
          const placed = placeIncoming(edited, sha256(edited), sent);
          expect(placed.text_sha256).toBe(sha256(edited));
          if (placed.anchor_status === 'orphan') {
            expect(placed).toMatchObject({ ...sent.quote, start_offset: span.start, end_offset: span.end });
          } else {
            expect(edited.slice(placed.start_offset, placed.end_offset)).toBe(sent.quote.exact);
            expect(placed.exact).toBe(sent.quote.exact);
          }
        },
      ),
    );
  });

  it('never trusts a position whose text is not the quote, even when the hash names this text (property)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), fc.nat(), (a, b, c, d) => {
        const claimed = spanOf(REPORT, a, b);
        const quoted = spanOf(REPORT, c, d);
        if (!claimed || !quoted) return;
        if (REPORT.slice(claimed.start, claimed.end) === REPORT.slice(quoted.start, quoted.end)) return;
        const sent = { ...sentOn(REPORT, quoted), position: claimed };
        const placed = placeIncoming(REPORT, sha256(REPORT), sent);
        expect(placed.anchor_status).not.toBe('exact');
        if (placed.anchor_status === 'moved')
          expect(REPORT.slice(placed.start_offset, placed.end_offset)).toBe(sent.quote.exact);
      }),
    );
  });

  it('keeps the quote and position an orphan came with, under the local text hash', () => {
    const sent = {
      quote: { exact: 'a passage no longer there', prefix: 'before ', suffix: ' after' },
      position: { start: 12, end: 37 },
      textSha256: sha256('the old text'),
    };
    expect(placeIncoming(REPORT, sha256(REPORT), sent)).toEqual({
      start_offset: 12,
      end_offset: 37,
      exact: 'a passage no longer there',
      prefix: 'before ',
      suffix: ' after',
      text_sha256: sha256(REPORT),
      anchor_status: 'orphan',
      anchor_score: 0,
    });
  });

  it('finds a quote that moved, taking its new surroundings from the local text', () => {
    const start = REPORT.indexOf('the main hospital');
    const sent = sentOn(REPORT, { start, end: start + 'the main hospital'.length });
    const edited = `Breaking: ${REPORT}`;
    const placed = placeIncoming(edited, sha256(edited), sent);
    expect(placed).toMatchObject({ anchor_status: 'moved', start_offset: start + 10, exact: 'the main hospital' });
    expect(placed.prefix).toBe(quoteSelectorFor(edited, start + 10, start + 27).prefix);
  });

  it('trusts a pinned note (an empty quote) on the same text at its point', () => {
    const sent = { quote: { exact: '', prefix: 'State', suffix: ' militants' }, position: { start: 13, end: 13 } };
    expect(placeIncoming(REPORT, sha256(REPORT), { ...sent, textSha256: sha256(REPORT) })).toMatchObject({
      start_offset: 13,
      end_offset: 13,
      anchor_status: 'exact',
    });
  });
});
