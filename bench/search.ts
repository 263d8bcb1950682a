// Search at scale (issue 3): 100,000 annotations in 500 documents, queried through the
// contract (zod validation, dispatch, FTS5, filters, snippets) with a mix of words,
// phrases, prefixes and operators, each counting every hit and returning the first page. Beside it, in the same run: the bare FTS5 MATCH on
// the annotation index for the same words, the least any search can do.
import { join } from 'node:path';
import { HIGHLIGHT_COLORS } from '../src/shared/annotations';
import { quoteSelectorFor } from '../src/shared/selectors';
import { MarginaliaCore } from '../src/core/core';
import { makeTempDir } from '../tests/support/temp';
import { highlightRow, percentile, round, seededRandom, sentence } from './support';

const DOCUMENTS = 500;
const PER_DOCUMENT = 200;
const QUERIES = 400;
const AUTHORS = ['Rania Haddad', 'Tom Okafor', 'Li Wei', 'Ana Souza'];
const WORDS = [
  'militia',
  'hospital',
  'coastal',
  'fighters',
  'directorate',
  'brigades',
  'witnesses',
  'officials',
  'residents',
  'clashes',
];

export async function runSearchBenchmark(): Promise<Record<string, unknown>> {
  const temp = makeTempDir('marginalia-bench-search-');
  const core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: 'bench' });
  const random = seededRandom(11);
  const started = performance.now();
  core.db
    .transaction(() => {
      const tagIds: string[] = [];
      for (let index = 0; index < 60; index += 1) {
        const now = new Date().toISOString();
        const id = `tag-${index}`;
        core.annotations.store.upsertTag({
          id,
          path: `Group ${index % 8}/Topic ${index}`,
          color: '',
          description: '',
          created_at: now,
          updated_at: now,
        });
        tagIds.push(id);
      }
      for (let doc = 0; doc < DOCUMENTS; doc += 1) {
        const paragraphs = Array.from({ length: 12 }, () =>
          Array.from({ length: 3 }, () => sentence(random, 12 + Math.floor(random() * 8))).join(' '),
        );
        const text = `Report ${doc}\n${paragraphs.join('\n')}`;
        const { document } = core.importBytes(`report-${doc}.txt`, Buffer.from(text));
        const canonical = core.documents.canonicalText(document.id);
        const hash = core.documents.detail(document.id).textSha256;
        const ids: string[] = [];
        for (let index = 0; index < PER_DOCUMENT; index += 1) {
          const start = Math.floor(random() * (canonical.length - 80));
          const end = start + 10 + Math.floor(random() * 60);
          const quote = quoteSelectorFor(canonical, start, end);
          const id = `a-${doc}-${index}`;
          const note = random() < 0.3 ? sentence(random, 8 + Math.floor(random() * 10)) : '';
          const row = highlightRow({
            id: id,
            documentId: document.id,
            start: start,
            end: end,
            quote,
            textSha256: hash,
            anchorStatus: random() < 0.01 ? 'orphan' : 'exact',
            color: HIGHLIGHT_COLORS[Math.floor(random() * HIGHLIGHT_COLORS.length)]!,
            note: note,
            author: { id: `author-${index % AUTHORS.length}`, name: AUTHORS[index % AUTHORS.length]! },
            at: '2026-01-01T00:00:00.000Z',
          });
          core.annotations.store.insertRow(row);
          core.annotations.store.setTags(id, [tagIds[Math.floor(random() * tagIds.length)]!]);
          ids.push(id);
        }
        core.annotations.store.reindex(ids);
      }
    })
    .immediate();
  const setupMs = performance.now() - started;
  const annotationCount = (core.db.prepare('SELECT count(*) AS n FROM annotations').get() as { n: number }).n;

  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const queries: string[] = [];
  for (let index = 0; index < QUERIES; index += 1) {
    const kind = index % 8;
    if (kind === 0) queries.push(pick(WORDS));
    else if (kind === 1) queries.push(`"${pick(WORDS)} ${pick(['and', 'the', 'of'])}"`);
    else if (kind === 2) queries.push(`${pick(WORDS).slice(0, 4)}*`);
    else if (kind === 3) queries.push(`tag:"Group ${index % 8}"`);
    else if (kind === 4) queries.push(`color:${pick(HIGHLIGHT_COLORS)} ${pick(WORDS)}`);
    else if (kind === 5) queries.push(`author:"${pick(AUTHORS)}" ${pick(WORDS)}`);
    else if (kind === 6) queries.push('is:orphan');
    else queries.push(`${pick(WORDS)} ${pick(WORDS)}`);
  }
  // Warm the statement cache and the page cache once, as a running app would be.
  for (const query of queries.slice(0, 20)) await core.call('search', { query });

  const contractTimes: number[] = [];
  let hits = 0;
  for (const query of queries) {
    const start = performance.now();
    const result = await core.call('search', { query });
    contractTimes.push(performance.now() - start);
    if (!result.ok) throw new Error(`search failed for ${query}: ${result.error.message}`);
    hits += (result.value as { total: number }).total;
  }
  // The first search after a change rebuilds the annotation directory; measure that too.
  const afterChangeTimes: number[] = [];
  for (let index = 0; index < 5; index += 1) {
    core.db.prepare('UPDATE annotations SET color = ? WHERE id = ?').run(HIGHLIGHT_COLORS[index]!, `a-${index}-0`);
    const start = performance.now();
    await core.call('search', { query: WORDS[index]! });
    afterChangeTimes.push(performance.now() - start);
  }
  const bare = core.db.prepare<[string], { n: number }>(
    'SELECT count(*) AS n FROM (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ? ORDER BY rank LIMIT 200)',
  );
  const bareTimes: number[] = [];
  for (let index = 0; index < QUERIES; index += 1) {
    const start = performance.now();
    bare.get(`"${WORDS[index % WORDS.length]!}"`);
    bareTimes.push(performance.now() - start);
  }
  core.close();
  temp.remove();
  return {
    corpus: { documents: DOCUMENTS, annotations: annotationCount, setupSeconds: round(setupMs / 1000) },
    queries: QUERIES,
    averageHitsPerQuery: round(hits / QUERIES),
    throughContract: {
      p50Ms: round(percentile(contractTimes, 50), 2),
      p95Ms: round(percentile(contractTimes, 95), 2),
      maxMs: round(Math.max(...contractTimes), 2),
      targetP95Ms: 20,
    },
    firstSearchAfterAChange: {
      p50Ms: round(percentile(afterChangeTimes, 50), 2),
      maxMs: round(Math.max(...afterChangeTimes), 2),
    },
    bareFtsMatch: { p50Ms: round(percentile(bareTimes, 50), 2), p95Ms: round(percentile(bareTimes, 95), 2) },
    ratioP95: round(percentile(contractTimes, 95) / percentile(bareTimes, 95), 2),
  };
}
