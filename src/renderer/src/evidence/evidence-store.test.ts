import { describe, expect, it } from 'vitest';
import type { EventName, MarginaliaEvents } from '../../../shared/contract';
import type { AnnotationGrade, ClaimSummary, EvidenceSource, LinkView } from '../../../shared/evidence';
import { ADMIRALTY_SCHEME } from '../../../shared/evidence';
import type { Result } from '../../../shared/result';
import { fail } from '../../../shared/result';
import type { EvidenceClient } from './evidence-store';
import { EvidenceStore } from './evidence-store';

const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

function fakeClient() {
  const listeners = new Map<EventName, Array<(payload: never) => void>>();
  const calls: string[] = [];
  const data = {
    sources: [] as EvidenceSource[],
    claims: [] as ClaimSummary[],
    grades: new Map<string, AnnotationGrade[]>(),
    links: new Map<string, LinkView[]>(),
    failSources: false,
  };
  const client: EvidenceClient = {
    getGradingScheme: () => ok(ADMIRALTY_SCHEME),
    listSources: () => {
      calls.push('listSources');
      return data.failSources ? Promise.resolve(fail('INTERNAL', 'disk gone')) : ok(data.sources);
    },
    listClaims: () => {
      calls.push('listClaims');
      return ok(data.claims);
    },
    getDocumentSources: ({ documentId }) => ok({ sourceIds: documentId === 'd1' ? ['s1'] : [] }),
    listGrades: ({ documentId }) => {
      calls.push(`listGrades:${documentId}`);
      return ok(data.grades.get(documentId) ?? []);
    },
    listLinks: ({ documentId }) => {
      calls.push(`listLinks:${documentId}`);
      return ok(data.links.get(documentId) ?? []);
    },
    on: (<E extends EventName>(event: E, listener: (payload: MarginaliaEvents[E]) => void) => {
      const list = listeners.get(event) ?? [];
      list.push(listener as (payload: never) => void);
      listeners.set(event, list);
      return () =>
        listeners.set(
          event,
          (listeners.get(event) ?? []).filter((other) => other !== listener),
        );
    }) as EvidenceClient['on'],
  };
  const emit = <E extends EventName>(event: E, payload: MarginaliaEvents[E]) =>
    (listeners.get(event) ?? []).forEach((listener) => (listener as (value: MarginaliaEvents[E]) => void)(payload));
  return { client, calls, data, emit };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const aGrade = (annotationId: string, credibility: string): AnnotationGrade => ({
  annotationId,
  documentId: 'd1',
  sourceIds: [],
  credibility,
  authorId: 'me',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('the evidence store', () => {
  it("loads the open document's grades, links and default sources, and drops them when another opens", async () => {
    const { client, data } = fakeClient();
    data.grades.set('d1', [aGrade('a1', '2')]);
    const store = new EvidenceStore(client);
    store.start();
    store.open('d1');
    await settle();
    expect(store.get().grades.get('a1')?.credibility).toBe('2');
    expect(store.get().documentSourceIds).toEqual(['s1']);
    store.open('d2');
    expect(store.get().grades.size).toBe(0);
    await settle();
    expect(store.get().documentSourceIds).toEqual([]);
  });

  it('reloads grades only for a change in the open document, and claims after any evidence change', async () => {
    const { client, calls, emit } = fakeClient();
    const store = new EvidenceStore(client);
    store.start();
    store.open('d1');
    await settle();
    calls.length = 0;
    emit('evidenceChanged', { kinds: ['grades'], documentIds: ['d9'] });
    await settle();
    expect(calls).toEqual(['listClaims']);
    calls.length = 0;
    emit('evidenceChanged', { kinds: ['links'], documentIds: ['d1', 'd9'] });
    await settle();
    expect(calls.sort()).toEqual(['listClaims', 'listLinks:d1']);
  });

  it("reloads the sources, the scheme, the claims and the open document's grades after a change by another program", async () => {
    const { client, calls, emit } = fakeClient();
    const store = new EvidenceStore(client);
    store.start();
    store.open('d1');
    await settle();
    calls.length = 0;
    emit('libraryChanged', { reason: 'external' });
    await settle();
    // Sources were left stale before: a source added from the CLI was missing until a reload.
    expect(calls.sort()).toEqual(['listClaims', 'listGrades:d1', 'listLinks:d1', 'listSources']);
  });

  it('keeps why a load failed for the panels to say, and forgets it once a load works', async () => {
    const { client, data } = fakeClient();
    data.failSources = true;
    const store = new EvidenceStore(client);
    store.start();
    await settle();
    expect(store.get().failures.sources).toBe('disk gone');
    expect(store.get().sources).toBeNull();
    data.failSources = false;
    await store.reload(['sources']);
    expect(store.get().failures.sources).toBeUndefined();
    expect(store.get().sources).toEqual([]);
  });

  it('stops listening when stopped', async () => {
    const { client, calls, emit } = fakeClient();
    const store = new EvidenceStore(client);
    const stop = store.start();
    await settle();
    stop();
    calls.length = 0;
    emit('evidenceChanged', { kinds: ['claims'], documentIds: [] });
    await settle();
    expect(calls).toEqual([]);
  });
});

describe('answers that come back out of order', () => {
  it('show the claims of the latest request, not a slower older one', async () => {
    const { client } = fakeClient();
    const answers: Array<(claims: ClaimSummary[]) => void> = [];
    client.listClaims = () => new Promise((resolve) => answers.push((claims) => resolve({ ok: true, value: claims })));
    const store = new EvidenceStore(client);
    const older = store.reload(['claims']);
    const newer = store.reload(['claims']);
    const claim = { id: 'c1', statement: 'Newer', status: 'single-source' } as ClaimSummary;
    answers[1]!([claim]);
    answers[0]!([]);
    await Promise.all([older, newer]);
    expect(store.get().claims).toEqual([claim]);
  });

  it('keep library-wide claims when another document opens meanwhile', async () => {
    const { client } = fakeClient();
    let answer: (claims: ClaimSummary[]) => void = () => undefined;
    client.listClaims = () => new Promise((resolve) => (answer = (claims) => resolve({ ok: true, value: claims })));
    const store = new EvidenceStore(client);
    const loading = store.reload(['claims']);
    store.open('d2');
    const claim = { id: 'c1', statement: 'Kept', status: 'corroborated' } as ClaimSummary;
    answer([claim]);
    await loading;
    expect(store.get().claims).toEqual([claim]);
  });
});
