import { describe, expect, it } from 'vitest';
import { onlyTheirs, ownedBy, ownershipOf } from './ownership';

const names = new Map([['rania', 'Rania']]);

describe('ownershipOf', () => {
  it("is mine for my items and items with no author, as the core's assertOwn has it", () => {
    expect(ownershipOf('me', 'me', names)).toEqual({ mine: true, owner: 'you' });
    expect(ownershipOf('', 'me', names).mine).toBe(true);
    expect(ownershipOf('rania', null, names).mine).toBe(true);
  });

  it("names another analyst's item as theirs, else as another analyst's", () => {
    const rania = ownershipOf('rania', 'me', names);
    expect(rania).toEqual({ mine: false, owner: 'Rania' });
    expect(ownedBy(rania, 'claim')).toBe("Rania's claim");
    expect(onlyTheirs(rania, 'source')).toBe("Rania's source: only they can change or delete it.");
    expect(onlyTheirs(ownershipOf('someone', 'me', names), 'link')).toBe(
      "Another analyst's link: only they can change or delete it.",
    );
  });
});
