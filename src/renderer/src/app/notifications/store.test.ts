// The notification store: messages come and fade on time, a pause holds them, actions run
// once, and a failure is reported in one way with its problem in detail.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContractCallError } from '../../../../shared/client';
import { describeProblem, problemReport } from './problem';
import { AFTER_PAUSE_MS, FADE_MS, MAX_KEPT, NotificationCenter, SHOW_MS, notifyFailure, reportFailure } from './store';

const INFO_MS = SHOW_MS.info!;
const ERROR_MS = SHOW_MS.error!;

describe('NotificationCenter', () => {
  let center: NotificationCenter;
  beforeEach(() => {
    vi.useFakeTimers();
    center = new NotificationCenter(() => Date.now());
  });
  afterEach(() => vi.useRealTimers());

  const texts = () => center.snapshot().map((item) => item.text);
  const fading = () => center.snapshot().map((item) => item.fading);

  it('shows a message, fades it after its time and then removes it', () => {
    center.notify('Highlighted');
    expect(texts()).toEqual(['Highlighted']);
    vi.advanceTimersByTime(INFO_MS - 1);
    expect(fading()).toEqual([false]);
    vi.advanceTimersByTime(1);
    expect(fading()).toEqual([true]);
    vi.advanceTimersByTime(FADE_MS);
    expect(texts()).toEqual([]);
  });

  it('keeps a failure longer than routine news and progress until it is updated', () => {
    center.notify('Saved');
    center.notify('Broke', 'error');
    const progress = center.notify('Importing a.txt…', 'progress');
    vi.advanceTimersByTime(INFO_MS + FADE_MS);
    expect(texts()).toEqual(['Broke', 'Importing a.txt…']);
    vi.advanceTimersByTime(ERROR_MS);
    expect(texts()).toEqual(['Importing a.txt…']);
    center.update(progress, 'Imported a.txt', 'info');
    vi.advanceTimersByTime(INFO_MS + FADE_MS);
    expect(texts()).toEqual([]);
  });

  it('replaces an older copy of the same message instead of stacking it', () => {
    center.notify('Nothing to undo');
    center.notify('Nothing to undo');
    expect(texts()).toEqual(['Nothing to undo']);
  });

  it('drops the oldest routine message first when too many are kept, a failure last', () => {
    center.notify('first failure', 'error');
    for (let index = 0; index < MAX_KEPT; index++) center.notify(`news ${index}`);
    expect(texts()).toHaveLength(MAX_KEPT);
    expect(texts()[0]).toBe('first failure');
    expect(texts()).not.toContain('news 0');
  });

  it('holds every message while paused, brings a fading one back, and resumes with what was left', () => {
    center.notify('Highlighted');
    vi.advanceTimersByTime(INFO_MS - 1000);
    center.notify('Deleted');
    vi.advanceTimersByTime(1000);
    expect(fading()).toEqual([true, false]);
    center.pause('hover');
    expect(fading()).toEqual([false, false]);
    vi.advanceTimersByTime(60_000);
    expect(texts()).toEqual(['Highlighted', 'Deleted']);
    center.resume('hover');
    // The faded one gets a short while to be read again; the other keeps the time it had left.
    vi.advanceTimersByTime(AFTER_PAUSE_MS);
    expect(fading()).toEqual([true, false]);
    vi.advanceTimersByTime(FADE_MS);
    expect(texts()).toEqual(['Deleted']);
    vi.advanceTimersByTime(INFO_MS - 1000 - AFTER_PAUSE_MS - FADE_MS - 1);
    expect(fading()).toEqual([false]);
    vi.advanceTimersByTime(1);
    expect(fading()).toEqual([true]);
    vi.advanceTimersByTime(FADE_MS);
    expect(texts()).toEqual([]);
  });

  it('stays paused until both the pointer and focus have left', () => {
    center.notify('Highlighted');
    center.pause('hover');
    center.pause('focus');
    center.resume('hover');
    vi.advanceTimersByTime(60_000);
    expect(texts()).toEqual(['Highlighted']);
    center.resume('focus');
    vi.advanceTimersByTime(INFO_MS + FADE_MS);
    expect(texts()).toEqual([]);
  });

  it('counts a message that arrives during a pause from the end of the pause', () => {
    center.pause('focus');
    center.notify('Exported');
    vi.advanceTimersByTime(60_000);
    center.resume('focus');
    vi.advanceTimersByTime(INFO_MS - 1);
    expect(fading()).toEqual([false]);
  });

  it('runs a message’s action once and lets the message go', () => {
    const run = vi.fn();
    const id = center.notify('Annotation deleted', 'info', { action: { label: 'Undo', run } });
    expect(center.snapshot()[0]?.action?.label).toBe('Undo');
    center.act(id);
    center.act(id);
    expect(run).toHaveBeenCalledTimes(1);
    expect(texts()).toEqual([]);
  });

  it('tells listeners of every change and stops when unsubscribed', () => {
    const listener = vi.fn();
    const stop = center.subscribe(listener);
    const id = center.notify('One');
    center.dismiss(id);
    stop();
    center.notify('Two');
    expect(listener).toHaveBeenCalledTimes(2);
  });
});

describe('reportFailure', () => {
  it('says what failed and why, as an error with the problem behind Show problem', () => {
    const center = new NotificationCenter();
    const retry = { label: 'Retry', run: () => undefined };
    reportFailure("Couldn't save the note", { code: 'WRITE_FAILED', message: 'The disk is full.' }, retry, center);
    const [item] = center.snapshot();
    expect(item).toMatchObject({
      kind: 'error',
      text: "Couldn't save the note: The disk is full.",
      action: retry,
      problem: { what: "Couldn't save the note", message: 'The disk is full.', code: 'WRITE_FAILED' },
    });
  });

  it('reads a thrown error and plain text the same way', () => {
    const center = new NotificationCenter();
    reportFailure(
      "Couldn't load the library",
      new ContractCallError('NOT_FOUND', 'No such document.'),
      undefined,
      center,
    );
    notifyFailure("Couldn't refresh", 'Gone away.', center);
    expect(center.snapshot().map((item) => [item.text, item.problem?.code])).toEqual([
      ["Couldn't load the library: No such document.", 'NOT_FOUND'],
      ["Couldn't refresh: Gone away.", undefined],
    ]);
  });
});

describe('describeProblem', () => {
  it('keeps a thrown error’s trace and writes the whole problem out as text', () => {
    const error = new Error('Invalid time value');
    const problem = describeProblem("Couldn't show the note", error, new Date('2026-11-30T17:00:00Z'));
    expect(problem.trace).toContain('Invalid time value');
    const report = problemReport({ ...problem, trace: 'at here' });
    expect(report).toBe("Couldn't show the note\nInvalid time value\nWhen: 2026-11-30T17:00:00.000Z\n\nat here");
  });

  it('says something for a failure that carries no message', () => {
    expect(describeProblem('Failed', new TypeError('')).message).toBe('TypeError');
    expect(describeProblem('Failed', 42).message).toBe('42');
  });
});
