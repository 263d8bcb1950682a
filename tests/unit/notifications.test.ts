// The notification area's store: messages stay whole, fade after their time, and a
// progress message stays until it is finished.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FADE_MS,
  MAX_KEPT,
  NotificationCenter,
  SHOW_MS,
  notifyFailure,
} from '../../src/renderer/src/app/notifications/store';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const texts = (center: NotificationCenter) => center.snapshot().map((item) => [item.text, item.kind, item.fading]);

describe('the notification area', () => {
  it('shows a message in full, fades it after a while and then removes it', () => {
    const center = new NotificationCenter();
    const long = 'Text saved. Annotations: 12 kept, 3 moved, 1 fuzzy, 0 orphaned. '.repeat(4);
    center.notify(long);
    expect(texts(center)).toEqual([[long, 'info', false]]);
    vi.advanceTimersByTime(SHOW_MS.info!);
    expect(texts(center)).toEqual([[long, 'info', true]]);
    vi.advanceTimersByTime(FADE_MS);
    expect(texts(center)).toEqual([]);
  });

  it('keeps failures longer than routine messages, and says what failed', () => {
    const center = new NotificationCenter();
    notifyFailure("Couldn't load the tags", 'The library is locked.', center);
    center.notify('Reply posted');
    vi.advanceTimersByTime(SHOW_MS.info! + FADE_MS);
    expect(texts(center)).toEqual([["Couldn't load the tags: The library is locked.", 'error', false]]);
    vi.advanceTimersByTime(SHOW_MS.error! - SHOW_MS.info! + FADE_MS);
    expect(texts(center)).toEqual([]);
  });

  it('keeps a progress message until it is updated to a result, which then fades', () => {
    const center = new NotificationCenter();
    const id = center.notify('Importing report.txt…', 'progress');
    vi.advanceTimersByTime(60_000);
    expect(texts(center)).toEqual([['Importing report.txt…', 'progress', false]]);
    center.update(id, 'Imported report.txt', 'info');
    vi.advanceTimersByTime(SHOW_MS.info! + FADE_MS);
    expect(texts(center)).toEqual([]);
  });

  it('tells its readers of every change and shows the same message once', () => {
    const center = new NotificationCenter();
    const listener = vi.fn();
    const stop = center.subscribe(listener);
    center.notify('Nothing to undo');
    center.notify('Nothing to undo');
    expect(texts(center)).toEqual([['Nothing to undo', 'info', false]]);
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
    center.dismiss(center.snapshot()[0]!.id);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(texts(center)).toEqual([]);
  });

  it('keeps failures when many routine messages follow, dropping the oldest routine ones first', () => {
    const center = new NotificationCenter();
    notifyFailure("Couldn't import a.bin", 'It is binary.', center);
    notifyFailure("Couldn't import b.txt", 'It is empty.', center);
    for (let index = 0; index < MAX_KEPT; index++) center.notify(`Highlighted ${index}`);
    const kept = center.snapshot().map((item) => item.text);
    expect(kept).toHaveLength(MAX_KEPT);
    expect(kept.slice(0, 2)).toEqual(["Couldn't import a.bin: It is binary.", "Couldn't import b.txt: It is empty."]);
    expect(kept.at(-1)).toBe(`Highlighted ${MAX_KEPT - 1}`);
  });
});
