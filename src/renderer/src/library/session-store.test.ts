import { describe, expect, it } from 'vitest';
import type { DocumentDetail, DocumentSummary } from '../../../shared/model';
import { fail } from '../../../shared/result';
import type { SessionClient } from './session-store';
import { SessionStore } from './session-store';

function detail(id: string, title = `Document ${id}`): DocumentDetail {
  return {
    id,
    title,
    sourceName: `${id}.txt`,
    sourceType: 'txt',
    byline: '',
    publishedAt: '',
    siteName: '',
    wordCount: 10,
    importedAt: '2026-01-01T00:00:00.000Z',
    textUpdatedAt: '',
    textVersion: 'abcdef0',
    originName: '',
    lexicalJson: '{}',
    textSha256: '',
    textLength: 0,
    pageMap: [],
  };
}

/** A library in memory that the session reads through the client's calls. */
function fakeLibrary(ids: string[]) {
  const documents = new Map(ids.map((id) => [id, detail(id)]));
  const client: SessionClient = {
    listDocuments: async () => ({ ok: true, value: [...documents.values()] as DocumentSummary[] }),
    getDocument: async ({ id }) => {
      const found = documents.get(id);
      return found ? { ok: true, value: found } : fail('NOT_FOUND', `No document ${id}.`);
    },
    removeDocument: async ({ id }) => {
      documents.delete(id);
      return { ok: true, value: { removed: true } };
    },
    updateDocumentText: async ({ id, lexicalJson }) => ({
      ok: true,
      value: { document: { ...detail(id), lexicalJson }, counts: { kept: 2, moved: 1, fuzzy: 0, orphaned: 0 } },
    }),
  };
  return { client, documents };
}

function session(ids: string[]) {
  const library = fakeLibrary(ids);
  const opened: string[] = [];
  const failures: string[] = [];
  const store = new SessionStore(library.client, {
    onOpened: (id) => opened.push(id),
    failed: (what, message) => failures.push(`${what}: ${message}`),
  });
  return { store, library, opened, failures };
}

describe('SessionStore', () => {
  it('opens a document and remembers it for the next start', async () => {
    const { store, opened } = session(['a', 'b']);
    await store.openDocument('b');
    expect(store.get()).toMatchObject({ activeId: 'b', editing: false });
    expect(store.currentId()).toBe('b');
    expect(opened).toEqual(['b']);
  });

  it('keeps the open document and says why when another cannot be opened', async () => {
    const { store, failures } = session(['a']);
    await store.openDocument('a');
    await store.openDocument('missing');
    expect(store.get().activeId).toBe('a');
    expect(store.currentId()).toBe('a');
    expect(failures).toEqual(["Couldn't open the document: No document missing."]);
  });

  it('opens the first document left when the open one is deleted', async () => {
    const { store } = session(['a', 'b']);
    await store.openDocument('a');
    await store.removeDocument(detail('a'));
    expect(store.get().documents?.map((doc) => doc.id)).toEqual(['b']);
    expect(store.currentId()).toBe('b');
  });

  it('shows nothing once the last document is deleted', async () => {
    const { store } = session(['a']);
    await store.openDocument('a');
    await store.removeDocument(detail('a'));
    expect(store.get()).toMatchObject({ documents: [], current: null, activeId: null });
  });

  it('edits only an open document, and leaving without saving rebuilds the reader', async () => {
    const { store } = session(['a']);
    store.startEditing();
    expect(store.get().editing).toBe(false);
    await store.openDocument('a');
    store.startEditing();
    expect(store.get()).toMatchObject({ editing: true, editEpoch: 0 });
    store.cancelEditing();
    expect(store.get()).toMatchObject({ editing: false, editEpoch: 1 });
    store.cancelEditing();
    expect(store.get().editEpoch).toBe(1);
  });

  it('saves edited text, shows the saved document and says how annotations re-anchored', async () => {
    const { store } = session(['a']);
    await store.openDocument('a');
    store.startEditing();
    const counts = await store.saveEdit('{"edited":true}');
    expect(counts).toEqual({ kept: 2, moved: 1, fuzzy: 0, orphaned: 0 });
    expect(store.get().editing).toBe(false);
    expect(store.get().current?.lexicalJson).toBe('{"edited":true}');
  });
});
