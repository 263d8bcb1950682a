import { describe, expect, it, vi } from 'vitest';
import type { Annotation, Reply } from '../../../shared/annotations';
import type { Result } from '../../../shared/result';
import type { ActionClient } from './actions';
import { AnnotationActions, deletedMessage, undoMessage } from './actions';
import { AnnotationData } from './annotation-data';
import type { DataClient } from './annotation-data';
import { PendingIds, isProvisional } from './provisional';
import { SelectionStore } from './selection-store';
import { testAnnotation } from './test-annotations';
import { ViewStore } from './view-store';

const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });
const failed = <T>(message: string): Promise<Result<T>> =>
  Promise.resolve({ ok: false, error: { code: 'INTERNAL', message } });

/** Actions over fake stores and a fake contract whose createAnnotation answers when the test says. */
function setup(annotations: Annotation[] = []) {
  let answerCreate: (result: Result<Annotation>) => void = () => {};
  const createAnnotation = vi.fn(() => new Promise<Result<Annotation>>((resolve) => (answerCreate = resolve)));
  const client: ActionClient = {
    createAnnotation,
    updateAnnotation: vi.fn(({ id }: { id: string }) => ok(testAnnotation(id, 0, 5, { color: 'blue' }))),
    bulkUpdateAnnotations: vi.fn(() => ok({ updated: 1 })),
    deleteAnnotations: vi.fn(({ ids }: { ids: string[] }) =>
      ok({ deleted: ids.length, cascade: { analysisRows: 0, analyses: 0, claims: 0, links: 0, grades: 0 } }),
    ),
    undo: vi.fn(() => ok({ description: 'Delete annotation' })),
    redo: vi.fn(() => ok(null)),
    reattachAnnotation: vi.fn(({ id }: { id: string }) => ok(testAnnotation(id, 0, 5))),
    createReply: vi.fn(() => failed<Reply>('offline')),
    deleteReply: vi.fn(() => ok({ deleted: true as const })),
  };
  const dataClient: DataClient = {
    listAnnotations: vi.fn(() => ok(annotations)),
    listHighlightSpans: vi.fn(() => ok({ documentId: 'doc', ids: [], starts: [], ends: [], colors: [] })),
    getAnnotations: vi.fn(() => ok([])),
    listTags: vi.fn(() => ok([])),
    listReplies: vi.fn(() => ok([])),
    on: () => () => {},
  };
  const data = new AnnotationData(dataClient, vi.fn());
  const selection = new SelectionStore();
  const view = new ViewStore();
  const report = vi.fn();
  const announce = vi.fn();
  const page = { text: () => 'quick brown', clear: vi.fn() };
  const actions = new AnnotationActions({
    client,
    data,
    selection,
    view,
    pending: new PendingIds(),
    documentId: 'doc',
    myAuthorId: 'me',
    report,
    announce,
    page,
  });
  return {
    actions,
    createAnnotation,
    data,
    selection,
    view,
    report,
    announce,
    page,
    answer: (r: Result<Annotation>) => answerCreate(r),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('AnnotationActions', () => {
  it('paints a highlight at once, provisionally, and swaps in the stored one when the store answers', async () => {
    const { actions, data, selection, page, answer, announce } = setup();
    data.open('doc');
    await settle();
    const done = actions.createFromSpan({ start: 4, end: 15 });
    const [shown] = data.get().annotations;
    expect(isProvisional(shown!)).toBe(true);
    expect(selection.get().selectedId).toBe(shown!.id);
    expect(page.clear).toHaveBeenCalled();
    answer({ ok: true, value: testAnnotation('stored', 4, 15) });
    await done;
    expect(data.get().annotations.map((annotation) => annotation.id)).toEqual(['stored']);
    expect(selection.get().selectedId).toBe('stored');
    expect(announce).toHaveBeenCalledWith('Highlighted “text stored”');
  });

  it('applies `t` pressed while the highlight was provisional once it is stored', async () => {
    const { actions, data, selection, answer } = setup();
    data.open('doc');
    await settle();
    const done = actions.createFromSpan({ start: 4, end: 15 });
    expect(actions.followUp('tag')).toBe(true);
    expect(selection.get().focus).toBeNull();
    answer({ ok: true, value: testAnnotation('stored', 4, 15) });
    await done;
    expect(selection.get().focus).toEqual({ id: 'stored', part: 'tag' });
  });

  it('takes the provisional highlight away and reports why when saving fails', async () => {
    const { actions, data, selection, answer, report } = setup();
    data.open('doc');
    await settle();
    const done = actions.createFromSpan({ start: 4, end: 15 });
    answer({ ok: false, error: { code: 'WRITE_FAILED', message: 'disk full' } });
    await done;
    expect(data.get().annotations).toEqual([]);
    expect(selection.get().selectedId).toBeNull();
    expect(report).toHaveBeenCalledWith("Couldn't annotate the selection", {
      code: 'WRITE_FAILED',
      message: 'disk full',
    });
  });

  it('adds Tag and Note to the person’s own highlight on exactly that span instead of making another', async () => {
    const { actions, createAnnotation, data, selection } = setup([testAnnotation('mine', 4, 15)]);
    data.open('doc');
    await settle();
    await actions.createFromSpan({ start: 4, end: 15 }, { then: 'note' });
    expect(createAnnotation).not.toHaveBeenCalled();
    expect(selection.get().focus).toEqual({ id: 'mine', part: 'note' });
  });

  it('opens no tag field on someone else’s annotation', async () => {
    const { actions, data, selection } = setup([testAnnotation('theirs', 4, 15, { authorId: 'them' })]);
    data.open('doc');
    await settle();
    selection.select('theirs');
    expect(actions.followUp('tag')).toBe(false);
    expect(selection.get().focus).toBeNull();
  });

  it('deselects a deleted annotation and says how to undo', async () => {
    const { actions, data, selection, announce } = setup([testAnnotation('a', 0, 5)]);
    data.open('doc');
    await settle();
    selection.select('a');
    await actions.remove(['a']);
    expect(selection.get().selectedId).toBeNull();
    expect(announce).toHaveBeenCalledWith(
      'Annotation deleted (Ctrl+Z to undo)',
      expect.objectContaining({ label: 'Undo' }),
    );
  });

  it('says what undo undid, and that there was nothing to redo', async () => {
    const { actions, announce } = setup();
    await actions.undo('undo');
    expect(announce).toHaveBeenCalledWith('Undid: Delete annotation');
    await actions.undo('redo');
    expect(announce).toHaveBeenCalledWith('Nothing to redo');
  });

  it('reports a reply that could not be posted and says it was not', async () => {
    const { actions, report } = setup();
    expect(await actions.reply('a', 'hello')).toBe(false);
    expect(report).toHaveBeenCalledWith("Couldn't post the reply", 'offline');
  });

  it('steps through the shown annotations in reading order and asks the reader to scroll there', async () => {
    const { actions, data, selection, view } = setup([testAnnotation('a', 0, 5), testAnnotation('b', 10, 15)]);
    data.open('doc');
    await settle();
    actions.step(1);
    expect(selection.get().selectedId).toBe('a');
    actions.step(1);
    expect(selection.get().selectedId).toBe('b');
    expect(view.get().scrollTarget).toMatchObject({ start: 10, end: 15 });
  });

  it('remembers a color chosen for a change as the next highlight’s', async () => {
    const { actions, view } = setup();
    await actions.update('a', { color: 'pink' });
    expect(view.get().lastColor).toBe('pink');
  });
});

describe('AnnotationActions on a span already highlighted exactly', () => {
  it('selects the person’s own highlight on exactly that span instead of stacking an identical one', async () => {
    const { actions, createAnnotation, data, selection, announce, page } = setup([testAnnotation('mine', 4, 15)]);
    data.open('doc');
    await settle();
    await actions.createFromSpan({ start: 4, end: 15 });
    expect(createAnnotation).not.toHaveBeenCalled();
    expect(page.clear).toHaveBeenCalled();
    expect(selection.get().selectedId).toBe('mine');
    expect(announce).toHaveBeenCalledWith('Already highlighted: the highlight is selected');
    expect(data.get().annotations).toHaveLength(1);
  });

  it('recolors the person’s own highlight on exactly that span when another colour is asked for', async () => {
    const { actions, createAnnotation, data, announce } = setup([testAnnotation('mine', 4, 15)]);
    data.open('doc');
    await settle();
    await actions.createFromSpan({ start: 4, end: 15 }, { color: 'blue' });
    expect(createAnnotation).not.toHaveBeenCalled();
    expect(data.get().annotations.map((annotation) => annotation.color)).toEqual(['blue']);
    expect(announce).toHaveBeenCalledWith('Highlight recolored blue');
  });

  it('highlights a span someone else highlighted exactly as one’s own', async () => {
    const { actions, createAnnotation, data } = setup([testAnnotation('theirs', 4, 15, { authorId: 'them' })]);
    data.open('doc');
    await settle();
    void actions.createFromSpan({ start: 4, end: 15 });
    expect(createAnnotation).toHaveBeenCalledTimes(1);
  });
});

describe('messages', () => {
  it('counts deletions and names what undo did', () => {
    expect(deletedMessage(1)).toBe('Annotation deleted (Ctrl+Z to undo)');
    expect(deletedMessage(3)).toBe('3 annotations deleted (Ctrl+Z to undo)');
    const cascade = { analysisRows: 1, analyses: 1, claims: 1, links: 0, grades: 0 };
    expect(deletedMessage(1, cascade)).toBe(
      'Annotation deleted, with its row in 1 analysis and its evidence for 1 claim (Ctrl+Z to undo)',
    );
    expect(deletedMessage(2, { analysisRows: 3, analyses: 2, claims: 2, links: 1, grades: 2 })).toBe(
      '2 annotations deleted, with their 3 rows in 2 analyses, their evidence for 2 claims, their link and their 2 grades (Ctrl+Z to undo)',
    );
    expect(undoMessage('redo', { description: 'Tag' })).toBe('Redid: Tag');
    expect(undoMessage('undo', null)).toBe('Nothing to undo');
  });
});
