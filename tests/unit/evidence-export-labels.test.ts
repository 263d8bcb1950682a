import { describe, expect, it } from 'vitest';
import { ADMIRALTY_SCHEME } from '../../src/shared/evidence';
import { evidencePhrases, gradeMeaning, leadersText, reliabilityMeaning } from '../../src/shared/evidence-export';

describe('grades as the export prints them', () => {
  it('spells a full grade with both meanings, and a half grade with its one meaning', () => {
    expect(gradeMeaning('B', '2', ADMIRALTY_SCHEME)).toBe('B2 — Usually reliable, Probably true');
    expect(gradeMeaning('B', '', ADMIRALTY_SCHEME)).toBe('B — Usually reliable');
    expect(gradeMeaning('', '6', ADMIRALTY_SCHEME)).toBe('6 — Truth cannot be judged');
  });

  it('prints nothing for no grade or for codes the scheme lacks', () => {
    expect(gradeMeaning('', '', ADMIRALTY_SCHEME)).toBe('');
    expect(gradeMeaning('Z', '9', ADMIRALTY_SCHEME)).toBe('');
    expect(reliabilityMeaning('Z', ADMIRALTY_SCHEME)).toBe('');
    expect(reliabilityMeaning('A', ADMIRALTY_SCHEME)).toBe('A — Completely reliable');
  });

  it('names one source as Source and several as Sources, and leaves out what is missing', () => {
    expect(evidencePhrases({ grade: '', sources: ['Harbour Radio (B)'] })).toEqual(['Source: Harbour Radio (B)']);
    expect(evidencePhrases({ grade: 'C3 — Fairly reliable, Possibly true', sources: ['A', 'B'] })).toEqual([
      'Grade: C3 — Fairly reliable, Possibly true',
      'Sources: A; B',
    ]);
    expect(evidencePhrases(undefined)).toEqual([]);
  });
});

describe('first place as the views name it', () => {
  it('names one leader plainly and quotes each of several tied, so a comma in a label is not read as a separator', () => {
    expect(leadersText([])).toBe('');
    expect(leadersText(['Yes, covert'])).toBe('Leading: Yes, covert');
    expect(leadersText(['Yes, covert', 'No, overt'])).toBe('Tied for first: “Yes, covert” and “No, overt”');
    expect(leadersText(['Storm', 'Seized', 'Sank'])).toBe('Tied for first: “Storm”, “Seized” and “Sank”');
  });
});
