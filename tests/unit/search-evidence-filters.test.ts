import { describe, expect, it } from 'vitest';
import { SearchSyntaxError, parseSearchQuery } from '../../src/shared/search-query';
import { compareRanks } from '../../src/shared/search-evidence-filters';

describe('the evidence filters of the search language', () => {
  it('reads grade:, reliability: and credibility: with their comparisons, and source: with a quoted name', () => {
    const parsed = parseSearchQuery(
      `boats grade:B2 reliability:<=B credibility:>3 credibility:=2 source:"Libya's Channel" source:Residents`,
    );
    expect(parsed.evidence).toEqual({
      grades: ['B2'],
      reliability: [{ op: '<=', code: 'B' }],
      credibility: [
        { op: '>', code: '3' },
        { op: '=', code: '2' },
      ],
      sources: ["Libya's Channel", 'Residents'],
    });
    expect(parsed.terms.map((term) => term.text)).toEqual(['boats']);
    expect(parsed.problems).toEqual([]);
  });

  it('takes a bare code as equality, and leaves queries without them untouched', () => {
    expect(parseSearchQuery('reliability:A').evidence.reliability).toEqual([{ op: '=', code: 'A' }]);
    expect(parseSearchQuery('militia tag:Actor').evidence).toEqual({
      grades: [],
      reliability: [],
      credibility: [],
      sources: [],
    });
  });

  it('says what is missing from a filter that has no value or no code', () => {
    expect(() => parseSearchQuery('grade:')).toThrow(new SearchSyntaxError('grade: needs a value, as in grade:B2.'));
    expect(() => parseSearchQuery('source:"Libya')).toThrow(/the quote after source: is never closed/);
    expect(parseSearchQuery('reliability:<=').problems).toEqual([
      'reliability:<= needs a code after <=, as in reliability:<=B.',
    ]);
  });

  it('refuses an evidence filter inside OR, as it does the others', () => {
    expect(() => parseSearchQuery('boats OR grade:B2')).toThrow(
      /grade:, reliability:, credibility: and source: apply to the whole search/,
    );
  });

  it('compares ranks as schemes order them, best first', () => {
    expect([compareRanks(-1, '<=', 0), compareRanks(0, '<=', 0), compareRanks(1, '<=', 0)]).toEqual([
      true,
      true,
      false,
    ]);
    expect([compareRanks(-1, '>', 0), compareRanks(1, '>', 0), compareRanks(0, '=', 0)]).toEqual([false, true, true]);
  });
});
