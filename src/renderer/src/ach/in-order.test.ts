import { describe, expect, it } from 'vitest';
import { inOrder } from './in-order';

const settleAfter = <T>(ms: number, value: T, log: string[]): Promise<T> =>
  new Promise((resolve) =>
    setTimeout(() => {
      log.push(String(value));
      resolve(value);
    }, ms),
  );

describe('inOrder', () => {
  it('starts each call only once the one before has settled, so a slow first call still lands first', async () => {
    const run = inOrder();
    const started: string[] = [];
    const landed: string[] = [];
    const first = run(() => (started.push('I'), settleAfter(40, 'I', landed)));
    const second = run(() => (started.push('II'), settleAfter(1, 'II', landed)));
    expect(started).toEqual([]);
    expect(await Promise.all([first, second])).toEqual(['I', 'II']);
    expect(started).toEqual(['I', 'II']);
    expect(landed).toEqual(['I', 'II']);
  });

  it('goes on after a call that failed, which still fails for its caller', async () => {
    const run = inOrder();
    const failed = run(() => Promise.reject(new Error('offline')));
    const next = run(() => Promise.resolve('saved'));
    await expect(failed).rejects.toThrow('offline');
    expect(await next).toBe('saved');
  });
});
