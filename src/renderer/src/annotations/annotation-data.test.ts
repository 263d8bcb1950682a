import { describe, expect, it, vi } from 'vitest';
import type { Annotation, HighlightSpans } from '../../../shared/annotations';
import type { MarginaliaEvents } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import type { DataClient } from './annotation-data';
import { AnnotationData, HEAVY_DOCUMENT_HIGHLIGHTS } from './annotation-data';
import { testAnnotation } from './test-annotations';

const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

/** A contract client over an in-memory list of annotations, with events the test can push. */
function fakeClient(annotations: Annotation[], spanCount = annotations.length) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const spans: HighlightSpans = {
    documentId: 'doc',
    ids: Array.from({ length: spanCount }, (_, index) => `span-${index}`),
    starts: [],
    ends: [],
    colors: [],
  };
  const client = {
    listAnnotations: vi.fn(({ documentId }: { documentId: string }) =>
      ok(annotations.filter((annotation) => annotation.documentId === documentId)),
    ),
    listHighlightSpans: vi.fn(() => ok(spans)),
    getAnnotations: vi.fn(({ ids }: { ids: string[] }) => ok(annotations.filter((a) => ids.includes(a.id)))),
    listTags: vi.fn(() => ok([])),
    listReplies: vi.fn(() => ok([])),
    on: <E extends keyof MarginaliaEvents>(event: E, listener: (payload: MarginaliaEvents[E]) => void) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    },
  };
  const emit = <E extends keyof MarginaliaEvents>(event: E, payload: MarginaliaEvents[E]) =>
    listeners.get(event)?.forEach((listener) => listener(payload));
  return { client: client as DataClient & typeof client, emit, listeners };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AnnotationData', () => {
  it('loads an opened document’s annotations after its highlight spans', async () => {
    const { client } = fakeClient([testAnnotation('a', 0, 5), testAnnotation('b', 10, 15)]);
    const data = new AnnotationData(client, vi.fn());
    data.open('doc');
    await settle();
    expect(data.get().loadedDocumentId).toBe('doc');
    expect(data.get().annotations.map((annotation) => annotation.id)).toEqual(['a', 'b']);
    expect(data.get().spans).toBeNull();
  });

  it('paints a heavy document from its spans and loads the rest when the browser is idle', async () => {
    const { client } = fakeClient([testAnnotation('a', 0, 5)], HEAVY_DOCUMENT_HIGHLIGHTS + 1);
    let idleTask: (() => void) | undefined;
    const data = new AnnotationData(client, vi.fn(), (task) => {
      idleTask = task;
      return () => {};
    });
    data.open('doc');
    await settle();
    expect(data.get().spans?.ids).toHaveLength(HEAVY_DOCUMENT_HIGHLIGHTS + 1);
    expect(data.get().loadedDocumentId).toBeNull();
    idleTask!();
    await settle();
    expect(data.get().loadedDocumentId).toBe('doc');
  });

  it('re-reads only the annotations a change names, keeping reading order', async () => {
    const list = [testAnnotation('a', 5, 8), testAnnotation('b', 10, 15)];
    const { client, emit } = fakeClient(list);
    const data = new AnnotationData(client, vi.fn());
    data.open('doc');
    await settle();
    list[1] = testAnnotation('b', 1, 2, { tags: ['New'] });
    emit('annotationsChanged', { documentId: 'doc', annotationIds: ['b'] });
    await settle();
    expect(client.getAnnotations).toHaveBeenCalledWith({ ids: ['b'] });
    expect(data.get().annotations.map((annotation) => [annotation.id, annotation.tags])).toEqual([
      ['b', ['New']],
      ['a', []],
    ]);
  });

  it('ignores changes to other documents and stops listening once closed', async () => {
    const { client, emit, listeners } = fakeClient([testAnnotation('a', 0, 5)]);
    const data = new AnnotationData(client, vi.fn());
    const close = data.open('doc');
    await settle();
    emit('annotationsChanged', { documentId: 'other', annotationIds: [] });
    expect(client.listAnnotations).toHaveBeenCalledTimes(1);
    close();
    expect([...listeners.values()].every((set) => set.size === 0)).toBe(true);
  });

  it('drops an answer that arrives after another document was opened', async () => {
    const { client } = fakeClient([testAnnotation('a', 0, 5)]);
    let answer: (value: Result<Annotation[]>) => void = () => {};
    client.listAnnotations.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    const data = new AnnotationData(client, vi.fn());
    data.open('doc');
    await settle();
    data.open('other');
    answer({ ok: true, value: [testAnnotation('a', 0, 5)] });
    await settle();
    expect(data.get().annotations).toEqual([]);
  });

  it('puts a just-stored annotation in order and drops a failed provisional one', async () => {
    const { client } = fakeClient([testAnnotation('a', 0, 5), testAnnotation('c', 20, 25)]);
    const data = new AnnotationData(client, vi.fn());
    data.open('doc');
    await settle();
    data.upsertLocal(testAnnotation('b', 10, 15));
    data.upsertLocal(testAnnotation('elsewhere', 1, 2, { documentId: 'other' }));
    expect(data.get().annotations.map((annotation) => annotation.id)).toEqual(['a', 'b', 'c']);
    data.removeLocal('b');
    expect(data.get().annotations.map((annotation) => annotation.id)).toEqual(['a', 'c']);
  });

  it('reports a failed load instead of dropping it', async () => {
    const { client } = fakeClient([]);
    client.listAnnotations.mockImplementationOnce(() =>
      Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'disk gone' } }),
    );
    const onFailure = vi.fn();
    const data = new AnnotationData(client, onFailure);
    data.open('doc');
    await settle();
    expect(onFailure).toHaveBeenCalledWith("Couldn't load the annotations", 'disk gone');
  });
});
