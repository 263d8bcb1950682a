import { describe, expect, it } from 'vitest';
import type { AppInfo, DocumentSummary, Settings } from '../../../shared/model';
import { DEFAULT_SETTINGS } from '../../../shared/model';
import { fail } from '../../../shared/result';
import type { LoadTargets } from './load-app';
import { loadApp } from './load-app';

const INFO: AppInfo = {
  version: '0',
  host: 'browser',
  dataDir: '/d',
  databasePath: '/d/m.db',
  defaultWorkspaceDir: '/w',
};

function summary(id: string): DocumentSummary {
  return {
    id,
    title: id,
    sourceName: `${id}.txt`,
    sourceType: 'txt',
    byline: '',
    publishedAt: '',
    siteName: '',
    wordCount: 1,
    importedAt: '',
    textUpdatedAt: '',
    textVersion: '',
    originName: '',
  };
}

/** Stores that record what the load gave them, over a core holding these documents and settings. */
function targets(ids: string[], settings: Partial<Settings> = {}, libraryFails = false) {
  const seen = {
    opened: [] as string[],
    documents: null as DocumentSummary[] | null,
    settings: null as Settings | null,
  };
  const load: LoadTargets = {
    client: {
      getAppInfo: async () => ({ ok: true, value: INFO }),
      getSettings: async () => ({ ok: true, value: { ...DEFAULT_SETTINGS, ...settings } }),
      listDocuments: async () =>
        libraryFails ? fail('INTERNAL', 'database locked') : { ok: true, value: ids.map(summary) },
      getProfile: async () => ({ ok: true, value: { authorId: 'a', displayName: 'Analyst', confirmed: true } }),
    },
    session: {
      loaded: (_info, documents) => void (seen.documents = documents),
      openDocument: async (id) => void seen.opened.push(id),
    },
    settings: { loaded: (loaded) => void (seen.settings = loaded) },
    profile: { loaded: () => undefined },
  };
  return { load, seen };
}

describe('loadApp', () => {
  it('opens the document read last', async () => {
    const { load, seen } = targets(['a', 'b'], { lastOpenedDocumentId: 'b' });
    await loadApp(load, () => false);
    expect(seen.documents?.map((doc) => doc.id)).toEqual(['a', 'b']);
    expect(seen.opened).toEqual(['b']);
  });

  it('opens the first document when the one read last is gone, and none in an empty library', async () => {
    const gone = targets(['a', 'b'], { lastOpenedDocumentId: 'deleted' });
    await loadApp(gone.load, () => false);
    expect(gone.seen.opened).toEqual(['a']);
    const empty = targets([]);
    await loadApp(empty.load, () => false);
    expect(empty.seen.opened).toEqual([]);
  });

  it('says why the library could not load', async () => {
    const { load, seen } = targets(['a'], {}, true);
    const failures: string[] = [];
    await loadApp(
      load,
      () => false,
      (what, message) => failures.push(`${what}: ${message}`),
    );
    expect(failures).toEqual(["Marginalia couldn't load the library: database locked"]);
    expect(seen.opened).toEqual([]);
  });

  it('fills nothing in once the window stopped waiting for it', async () => {
    const { load, seen } = targets(['a']);
    await loadApp(load, () => true);
    expect(seen).toEqual({ opened: [], documents: null, settings: null });
  });
});
