import { describe, expect, it } from 'vitest';
import type { CellKeyInput } from './grid-keys';
import { intentForKey } from './grid-keys';

const on = (cell: CellKeyInput['cell'], key: string, extra: Partial<CellKeyInput> = {}) =>
  intentForKey({ key, cell, rating: null, relevance: 'medium', last: null, now: 0, ...extra });

describe('intentForKey', () => {
  it('rates on a rating cell, and clears with Delete', () => {
    expect(on('rating', 'i')).toEqual({ intent: { kind: 'rate', rating: 'I' }, chordKey: 'i' });
    expect(on('rating', 'Delete')).toEqual({ intent: { kind: 'rate', rating: null }, chordKey: '' });
    expect(on('rating', 'Enter')?.intent).toEqual({ kind: 'note' });
  });

  it('sets relevance with L, M, H and steps it with + and −', () => {
    expect(on('relevance', 'h')?.intent).toEqual({ kind: 'relevance', relevance: 'high' });
    expect(on('relevance', 'L')?.intent).toEqual({ kind: 'relevance', relevance: 'low' });
    expect(on('relevance', '+', { relevance: 'high' })?.intent).toEqual({ kind: 'relevance', relevance: 'high' });
    expect(on('relevance', '-', { relevance: 'medium' })?.intent).toEqual({ kind: 'relevance', relevance: 'low' });
    expect(on('relevance', 'c')).toBeNull();
  });

  it('renames a hypothesis with Enter or F2 and removes it or a row with Delete', () => {
    expect(on('hypothesis', 'Enter')?.intent).toEqual({ kind: 'rename' });
    expect(on('hypothesis', 'F2')?.intent).toEqual({ kind: 'rename' });
    expect(on('hypothesis', 'Delete')?.intent).toEqual({ kind: 'remove' });
    expect(on('evidence', 'Backspace')?.intent).toEqual({ kind: 'remove' });
    expect(on('evidence', 'c')).toBeNull();
  });

  it('leaves the diagnosticity cell and the fixed headers alone', () => {
    expect(on('other', 'c')).toBeNull();
    expect(on('other', 'Delete')).toBeNull();
  });
});
