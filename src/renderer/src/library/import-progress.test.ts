import { describe, expect, it, vi } from 'vitest';
import type { ImportJobView } from './import-progress';
import { ImportProgressStore, importingAttachment, PROGRESS_INTERVAL_MS, stageLine } from './import-progress';

const job = (changes: Partial<ImportJobView>): ImportJobView => ({
  jobId: 'j',
  name: 'report.pdf',
  state: 'running',
  stage: 'reading',
  done: 0,
  total: 0,
  ...changes,
});

describe('the line under an import bar', () => {
  it('names the page being read or recognized, counting from the pages done', () => {
    expect(stageLine(job({ done: 2, total: 40 }))).toBe('Reading page 3 of 40');
    expect(stageLine(job({ stage: 'recognizing', done: 1, total: 10 }))).toBe('Recognizing text: page 2 of 10');
    // All pages read is not yet saving: a scan's pages are still to be recognized then.
    expect(stageLine(job({ done: 40, total: 40 }))).toBe('Preparing the text');
    expect(stageLine(job({ stage: 'storing', done: 1, total: 1 }))).toBe('Saving to the library');
  });

  it('says a file waits its turn, and which of several it is', () => {
    expect(stageLine(job({ state: 'waiting', position: { index: 3, count: 5 } }))).toBe('Waiting (file 3 of 5)');
    expect(stageLine(job({ done: 0, total: 4, position: { index: 2, count: 5 } }))).toBe(
      'Reading page 1 of 4 (file 2 of 5)',
    );
    expect(stageLine(job({ stage: 'starting', fetching: true }))).toBe('Fetching the page');
    expect(stageLine(job({ stage: 'password' }))).toBe('Waiting for the password');
  });
});

describe('the imports in progress', () => {
  it('moves a bar with its events, and Cancel takes it away and says whether the core must be told', () => {
    const store = new ImportProgressStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.add({ jobId: 'a', name: 'a.pdf' });
    store.add({ jobId: 'b', name: 'b.pdf' });
    store.start('a');
    store.progress({ jobId: 'a', fileName: 'a.pdf', stage: 'reading', done: 3, total: 9 });
    expect(store.get().jobs[0]).toMatchObject({ state: 'running', done: 3, total: 9 });
    store.progress({ jobId: 'a', fileName: 'a.pdf', stage: 'done', done: 1, total: 1 });
    expect(store.get().jobs[0]).toMatchObject({ done: 3, total: 9 });
    expect(store.cancel('b')).toBe(false);
    expect(store.wasCancelled('b')).toBe(true);
    expect(store.cancel('a')).toBe(true);
    expect(store.get().jobs).toEqual([]);
    expect(store.cancel('unknown')).toBe(false);
    expect(listener).toHaveBeenCalled();
  });

  it('shows a new stage at once and, within a stage, the latest page a few times a second', () => {
    vi.useFakeTimers();
    try {
      const store = new ImportProgressStore();
      const listener = vi.fn();
      store.add({ jobId: 'a', name: 'a.pdf' });
      store.start('a');
      store.subscribe(listener);
      store.progress({ jobId: 'a', fileName: 'a.pdf', stage: 'reading', done: 1, total: 2000 });
      expect(store.get().jobs[0]).toMatchObject({ stage: 'reading', done: 1 });
      for (let page = 2; page <= 500; page++)
        store.progress({ jobId: 'a', fileName: 'a.pdf', stage: 'reading', done: page, total: 2000 });
      expect(store.get().jobs[0]).toMatchObject({ done: 1 });
      vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
      expect(store.get().jobs[0]).toMatchObject({ done: 500 });
      expect(listener).toHaveBeenCalledTimes(2);
      store.progress({ jobId: 'a', fileName: 'a.pdf', stage: 'reading', done: 501, total: 2000 });
      store.progress({ jobId: 'a', fileName: 'a.pdf', stage: 'storing', done: 1, total: 1 });
      expect(store.get().jobs[0]).toMatchObject({ stage: 'storing', done: 1 });
      vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
      expect(store.get().jobs[0]).toMatchObject({ stage: 'storing', done: 1 });
      // A page still waiting to be shown never covers the password line.
      store.progress({ jobId: 'a', fileName: 'a.pdf', stage: 'storing', done: 1, total: 1 });
      store.askingPassword('a');
      vi.advanceTimersByTime(PROGRESS_INTERVAL_MS);
      expect(store.get().jobs[0]).toMatchObject({ stage: 'password' });
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('an attachment being imported', () => {
  it('is known by its message and index while its job stands, and not once it is removed or cancelled', () => {
    const store = new ImportProgressStore();
    const running = () => importingAttachment(store.get().jobs, 'message-1', 2);
    store.add({ jobId: 'a', name: 'letter.pdf', attachment: { documentId: 'message-1', index: 2 } });
    store.add({ jobId: 'b', name: 'report.pdf' });
    expect(running()).toBe(true);
    expect(importingAttachment(store.get().jobs, 'message-1', 1)).toBe(false);
    expect(importingAttachment(store.get().jobs, 'message-2', 2)).toBe(false);
    store.remove('a');
    expect(running()).toBe(false);
    store.add({ jobId: 'c', name: 'letter.pdf', attachment: { documentId: 'message-1', index: 2 } });
    store.cancel('c');
    expect(running()).toBe(false);
  });
});
