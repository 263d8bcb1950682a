import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { EvidenceServices, evidenceServicesOf } from '../../src/core/evidence';
import { STANCES } from '../../src/shared/evidence';
import { callOk } from '../support/evidence-library';
import { makeTempDir } from '../support/temp';

// The claims list is served from a cache followed change by change; whatever sequence of
// changes a library goes through (by the contract, by undo, by deleting annotations), the
// list must equal the one computed afresh from the store, and the changes the services
// describe must not make the cache build itself again.

const DOCUMENTS = 3;
const WORDS = 3;
const SOURCES = ['Harbour Radio', 'Coast Courier', 'Residents'];
const CLAIMS = ['Boats left at dawn', 'The storm closed the port', 'Eleven boats were lost'];

type Action =
  | { kind: 'documentSources'; document: number; sources: string[] }
  | { kind: 'grade'; annotation: number; sources?: string[]; credibility?: string }
  | { kind: 'source'; name: string; reliability: string }
  | { kind: 'link'; from: number; to: number; repeats: boolean }
  | { kind: 'unlink'; index: number }
  | { kind: 'claim'; statement: string; evidence: Array<{ annotation: number; stance: (typeof STANCES)[number] }> }
  | { kind: 'evidence'; claim: number; annotation: number; stance: (typeof STANCES)[number] | null }
  | { kind: 'deleteClaim'; claim: number }
  | { kind: 'deleteAnnotation'; annotation: number }
  | { kind: 'undo' }
  | { kind: 'scheme' };

const annotation = fc.nat({ max: DOCUMENTS * WORDS - 1 });
// Mostly supporting, so claims often have two pieces whose independence the changes decide.
const stance = fc.oneof({ arbitrary: fc.constant('supports' as const), weight: 3 }, fc.constantFrom(...STANCES));
/** Changes that move statuses come often; those that make the cache build again, now and then. */
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('documentSources' as const),
      document: fc.nat({ max: DOCUMENTS - 1 }),
      sources: fc.subarray(SOURCES),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record(
      {
        kind: fc.constant('grade' as const),
        annotation,
        sources: fc.subarray(SOURCES, { maxLength: 2 }),
        credibility: fc.constantFrom('', '1', '2', '5', '6'),
      },
      { requiredKeys: ['kind', 'annotation'] },
    ),
  },
  fc.record({
    kind: fc.constant('source' as const),
    name: fc.constantFrom(...SOURCES),
    reliability: fc.constantFrom('', 'A', 'C', 'E'),
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('link' as const),
      from: annotation,
      to: annotation,
      repeats: fc.boolean(),
    }),
  },
  fc.record({ kind: fc.constant('unlink' as const), index: fc.nat() }),
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('claim' as const),
      statement: fc.constantFrom(...CLAIMS),
      evidence: fc.uniqueArray(fc.record({ annotation, stance }), {
        minLength: 2,
        maxLength: 4,
        selector: (piece) => piece.annotation,
      }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('evidence' as const),
      claim: fc.nat(),
      annotation,
      stance: fc.option(stance),
    }),
  },
  fc.record({ kind: fc.constant('deleteClaim' as const), claim: fc.nat() }),
  fc.record({ kind: fc.constant('deleteAnnotation' as const), annotation }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('scheme' as const) }),
);

/** The kinds whose writes the services describe to the cache (the others make it build again). */
const FOLLOWED = new Set<Action['kind']>([
  'documentSources',
  'grade',
  'source',
  'link',
  'unlink',
  'claim',
  'evidence',
  'deleteClaim',
]);

interface Library {
  core: MarginaliaCore;
  documents: string[];
  annotations: string[];
  sources: Map<string, string>;
}

function makeLibrary(dataDir: string): Library {
  const core = new MarginaliaCore({ dataDir, host: 'cli', version: 'test' });
  const documents: string[] = [];
  const annotations: string[] = [];
  for (let document = 0; document < DOCUMENTS; document += 1) {
    const words = Array.from({ length: WORDS }, (_, word) => `word${document}x${word}`);
    const id = core.importBytes(`report-${document}.txt`, new TextEncoder().encode(`${words.join(' ')}\n`)).document.id;
    documents.push(id);
    const text = core.documents.canonicalText(id);
    for (const word of words) {
      const start = text.indexOf(word);
      annotations.push(core.annotations.create({ documentId: id, start, end: start + word.length }).id);
    }
  }
  return { core, documents, annotations, sources: new Map() };
}

async function sourceId(library: Library, name: string): Promise<string> {
  let id = library.sources.get(name);
  if (id === undefined) {
    id = (await callOk(library.core, 'saveSource', { name, kind: 'outlet' })).id;
    library.sources.set(name, id);
  }
  return id;
}

const sourceIds = (library: Library, names: readonly string[]): Promise<string[]> =>
  Promise.all(names.map((name) => sourceId(library, name)));

/** Applies one action through the contract; an action the library refuses (a gone annotation, say) is skipped. */
async function apply(library: Library, act: Action): Promise<void> {
  const { core } = library;
  const claims = await callOk(core, 'listClaims', {});
  const claimAt = (index: number): string | undefined => claims[index % Math.max(claims.length, 1)]?.id;
  const ann = (index: number): string => library.annotations[index]!;
  const calls: Record<Action['kind'], () => Promise<unknown>> = {
    documentSources: async () => {
      if (act.kind !== 'documentSources') return;
      const ids = await sourceIds(library, act.sources);
      return core.call('setDocumentSources', { documentId: library.documents[act.document]!, sourceIds: ids });
    },
    grade: async () => {
      if (act.kind !== 'grade') return;
      const ids = act.sources && (await sourceIds(library, act.sources));
      return core.call('gradeAnnotation', {
        annotationId: ann(act.annotation),
        ...(ids ? { sourceIds: ids } : {}),
        ...(act.credibility !== undefined ? { credibility: act.credibility } : {}),
      });
    },
    source: async () => {
      if (act.kind !== 'source') return;
      const id = await sourceId(library, act.name);
      return core.call('saveSource', { id, name: act.name, reliability: act.reliability });
    },
    link: () =>
      act.kind === 'link'
        ? core.call('linkAnnotations', {
            fromId: ann(act.from),
            toId: ann(act.to),
            kind: act.repeats ? 'repeats' : 'cites',
          })
        : Promise.resolve(),
    unlink: async () => {
      if (act.kind !== 'unlink') return;
      const links = (
        await Promise.all(library.documents.map((documentId) => callOk(core, 'listLinks', { documentId })))
      ).flat();
      const link = links[act.index % Math.max(links.length, 1)];
      return link && core.call('unlinkAnnotations', { id: link.id });
    },
    claim: () =>
      act.kind === 'claim'
        ? core.call('saveClaim', {
            statement: act.statement,
            evidence: act.evidence.map((piece) => ({ annotationId: ann(piece.annotation), stance: piece.stance })),
          })
        : Promise.resolve(),
    evidence: async () => {
      const claimId = act.kind === 'evidence' ? claimAt(act.claim) : undefined;
      if (act.kind !== 'evidence' || claimId === undefined) return;
      return core.call('setClaimEvidence', { claimId, annotationId: ann(act.annotation), stance: act.stance });
    },
    deleteClaim: async () => {
      const claimId = act.kind === 'deleteClaim' ? claimAt(act.claim) : undefined;
      return claimId && core.call('deleteClaim', { id: claimId });
    },
    deleteAnnotation: () =>
      act.kind === 'deleteAnnotation'
        ? core.call('deleteAnnotations', { ids: [ann(act.annotation)] })
        : Promise.resolve(),
    undo: () => core.call('undo', {}),
    scheme: async () => {
      const scheme = await callOk(core, 'getGradingScheme', {});
      // Dropping credibility level 2 makes it weigh as not graded: what is credible changes.
      const levels = scheme.credibility.some((level) => level.code === '2')
        ? scheme.credibility.filter((level) => level.code !== '2')
        : [...scheme.credibility, { code: '2', label: 'Probably true' }];
      return core.call('saveGradingScheme', { scheme: { ...scheme, credibility: levels } });
    },
  };
  await calls[act.kind]();
}

describe('the claims list cache', () => {
  it('lists what a computation from scratch gives after any sequence of changes, building itself again only for changes it is not told', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 5, maxLength: 30 }), async (actions) => {
        const temp = makeTempDir();
        const library = makeLibrary(temp.path);
        const { core } = library;
        try {
          await callOk(core, 'listClaims', {});
          for (const act of actions) {
            const builds = evidenceServicesOf(core).claims.cache.builds;
            await apply(library, act);
            const listed = await callOk(core, 'listClaims', {});
            expect(listed).toEqual(new EvidenceServices(core).claims.listFromScratch());
            if (FOLLOWED.has(act.kind)) expect(evidenceServicesOf(core).claims.cache.builds).toBe(builds);
          }
        } finally {
          core.close();
          temp.remove();
        }
      }),
      { numRuns: 60 },
    );
  }, 240_000);

  it('builds itself again when another connection changes the store', async () => {
    const temp = makeTempDir();
    const library = makeLibrary(temp.path);
    const other = makeLibrary(temp.path);
    try {
      const [first, second] = library.annotations;
      await callOk(library.core, 'saveClaim', {
        statement: 'Boats left at dawn',
        evidence: [
          { annotationId: first!, stance: 'supports' },
          { annotationId: second!, stance: 'supports' },
        ],
      });
      expect((await callOk(library.core, 'listClaims', {}))[0]!.status).toBe('single-source');
      await callOk(other.core, 'setDocumentSources', {
        documentId: library.documents[0]!,
        sourceIds: [(await callOk(other.core, 'saveSource', { name: 'Harbour Radio' })).id],
      });
      await callOk(other.core, 'gradeAnnotation', {
        annotationId: second!,
        sourceIds: [(await callOk(other.core, 'saveSource', { name: 'Coast Courier' })).id],
      });
      expect((await callOk(library.core, 'listClaims', {}))[0]!.status).toBe('corroborated');
    } finally {
      other.core.close();
      library.core.close();
      temp.remove();
    }
  });
});
