import { describe, expect, it } from 'vitest';
import { PendingIds, isProvisional, provisionalHighlight } from './provisional';

describe('provisionalHighlight', () => {
  it('is a highlight on the span, in the color, quoting the selection, marked as provisional', () => {
    const highlight = provisionalHighlight('doc', { start: 4, end: 9 }, 'blue', '  quick \n');
    expect(isProvisional(highlight)).toBe(true);
    expect(highlight.target?.position).toMatchObject({ start: 4, end: 9 });
    expect(highlight.target?.quote.exact).toBe('quick');
    expect(highlight.color).toBe('blue');
    expect(isProvisional({ id: 'b0c1-stored' })).toBe(false);
  });
});

describe('PendingIds', () => {
  it('passes stored ids through and waits for a provisional one’s stored id', async () => {
    const pending = new PendingIds();
    let answer: (id: string | null) => void = () => {};
    pending.track('provisional-1', new Promise((resolve) => (answer = resolve)));
    const ids = pending.storedIds(['stored-a', 'provisional-1']);
    answer('stored-b');
    expect(await ids).toEqual(['stored-a', 'stored-b']);
  });

  it('leaves out a provisional highlight that failed to save', async () => {
    const pending = new PendingIds();
    pending.track('provisional-1', Promise.resolve(null));
    expect(await pending.storedIds(['provisional-1'])).toEqual([]);
  });
});
