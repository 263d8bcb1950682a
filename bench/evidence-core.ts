// The claims list through the core on a real SQLite library of the evidence bench's size
// (2,000 claims, 20,000 evidence links, 5,000 repeats links over 30,000 annotations in
// 1,500 documents): after each change made through the contract, `listClaims` (served by
// the cache the services follow) beside every summary computed afresh from the store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MarginaliaCore } from '../src/core/core';
import { evidenceServicesOf } from '../src/core/evidence';
import { SharedEvidenceReader } from '../src/core/evidence/shared-evidence-reader';
import { writeFileAtomic } from '../src/core/files/atomic-write';
import { evidenceFileText } from '../src/shared/bundle-evidence';
import { HIGHLIGHT_COLORS } from '../src/shared/annotations';
import type { MethodInput, MethodName } from '../src/shared/contract';
import { quoteSelectorFor } from '../src/shared/selectors';
import { median, percentile, round, seededRandom } from './support';
import { highlightRow } from './support';

const CLAIMS = 2_000;
const EVIDENCE_LINKS = 20_000;
const REPEAT_LINKS = 5_000;
const DOCUMENTS = 1_500;
const PER_DOCUMENT = 20;
const SOURCES = 400;
const CHANGES = 40;
const CREDIBILITY = ['', '1', '2', '3', '4', '5', '6'];

const uuid = (prefix: number, serial: number): string =>
  `0000000${prefix}-0000-4000-8000-${String(serial).padStart(12, '0')}`;
const annotationId = (serial: number): string => uuid(0, serial);

/** Fills the library straight through the repositories, in one transaction. */
function seed(core: MarginaliaCore, random: () => number): string[] {
  const { grading, links, claims } = evidenceServicesOf(core);
  const author = core.profile.read();
  const at = '2026-01-01T00:00:00.000Z';
  const documents: string[] = [];
  core.db
    .transaction(() => {
      for (let source = 0; source < SOURCES; source += 1)
        grading.repository.upsertSource({
          id: uuid(1, source),
          name: `Source ${source}`,
          kind: 'outlet',
          reliability: 'ABCDEF'[source % 6]!,
          reliability_reason: '',
          notes: '',
          author_id: author.authorId,
          created_at: at,
          updated_at: at,
        });
      for (let doc = 0; doc < DOCUMENTS; doc += 1) {
        const words = Array.from({ length: PER_DOCUMENT }, (_, position) => `word${doc}x${position}`);
        const { document } = core.importBytes(
          `report-${doc}.txt`,
          Buffer.from(`Report ${doc}\n\n${words.join(' ')}\n`),
        );
        documents.push(document.id);
        grading.repository.setDocumentSources(
          document.id,
          [uuid(1, Math.floor(random() * SOURCES))],
          author.authorId,
          at,
        );
        const text = core.documents.canonicalText(document.id);
        const hash = core.documents.textSha256(document.id);
        for (const [position, word] of words.entries()) {
          const serial = doc * PER_DOCUMENT + position;
          const start = text.indexOf(word);
          core.annotations.store.insertRow(
            highlightRow({
              id: annotationId(serial),
              documentId: document.id,
              start,
              end: start + word.length,
              quote: quoteSelectorFor(text, start, start + word.length),
              textSha256: hash,
              anchorStatus: 'exact',
              color: HIGHLIGHT_COLORS[0]!,
              note: '',
              author: { id: author.authorId, name: author.displayName },
              at: '2026-01-01T00:00:00.000Z',
            }),
          );
          const own = random() < 0.25 ? [uuid(1, Math.floor(random() * SOURCES))] : [];
          const credibility = CREDIBILITY[Math.floor(random() * CREDIBILITY.length)]!;
          if (own.length > 0 || credibility !== '')
            grading.repository.putGrade(
              {
                annotationId: annotationId(serial),
                documentId: document.id,
                sourceIds: own,
                credibility,
                authorId: author.authorId,
                updatedAt: at,
              },
              at,
            );
        }
      }
      const annotations = DOCUMENTS * PER_DOCUMENT;
      const any = (): string => annotationId(Math.floor(random() * annotations));
      for (let claim = 0; claim < CLAIMS; claim += 1)
        claims.repository.upsert({
          id: uuid(2, claim),
          statement: `Claim ${claim}`,
          authorId: author.authorId,
          createdAt: at,
          updatedAt: at,
        });
      for (let link = 0; link < EVIDENCE_LINKS; link += 1) {
        const stance = random() < 0.6 ? 'supports' : random() < 0.6 ? 'context' : 'contradicts';
        const claim = link < CLAIMS ? link : Math.floor(random() ** 3 * CLAIMS);
        claims.repository.setEvidence(uuid(2, claim), any(), stance, author.authorId, at);
      }
      for (let link = 0; link < REPEAT_LINKS; link += 1) {
        const [fromId, toId] = [any(), any()];
        if (fromId === toId || links.repository.find(fromId, toId, 'repeats')) continue;
        links.repository.insert({
          id: uuid(3, link),
          kind: 'repeats',
          fromId,
          toId,
          authorId: author.authorId,
          createdAt: at,
        });
      }
    })
    .immediate();
  return documents;
}

/** One change of each kind in turn, through the contract: a grade, evidence, a repeats link, a document's sources. */
function changeCall(round: number, random: () => number, documents: string[]): { method: MethodName; input: unknown } {
  const annotation = annotationId(Math.floor(random() * DOCUMENTS * PER_DOCUMENT));
  const other = annotationId(Math.floor(random() * DOCUMENTS * PER_DOCUMENT));
  const source = uuid(1, Math.floor(random() * SOURCES));
  const calls: Array<{ method: MethodName; input: MethodInput<MethodName> | object }> = [
    {
      method: 'gradeAnnotation',
      input: { annotationId: annotation, credibility: CREDIBILITY[round % 7]!, sourceIds: [source] },
    },
    {
      method: 'setClaimEvidence',
      input: { claimId: uuid(2, Math.floor(random() * CLAIMS)), annotationId: annotation, stance: 'supports' },
    },
    { method: 'linkAnnotations', input: { fromId: annotation, toId: other, kind: 'repeats' } },
    {
      method: 'setDocumentSources',
      input: { documentId: documents[Math.floor(random() * DOCUMENTS)]!, sourceIds: [source] },
    },
  ];
  return calls[round % calls.length]!;
}

/** The process's CPU time since `from`, in milliseconds (what other processes' load leaves out). */
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

/**
 * What one write of the workspace's evidence.jsonld costs at this size, on the core thread as
 * the sync does it: reading the library's evidence, serializing it, writing it atomically.
 */
function evidenceFileWrite(core: MarginaliaCore, dir: string): Record<string, unknown> {
  const read: number[] = [];
  const serialize: number[] = [];
  const write: number[] = [];
  let bytes = 0;
  for (let round = 0; round < 5; round += 1) {
    let started = performance.now();
    const entry = new SharedEvidenceReader(core.db).readAll();
    read.push(performance.now() - started);
    started = performance.now();
    const text = evidenceFileText(entry);
    serialize.push(performance.now() - started);
    started = performance.now();
    writeFileAtomic(join(dir, 'evidence.jsonld'), text);
    write.push(performance.now() - started);
    bytes = Buffer.byteLength(text);
  }
  return {
    bytes,
    readMilliseconds: stats(read),
    serializeMilliseconds: stats(serialize),
    atomicWriteMilliseconds: stats(write),
  };
}

function stats(values: readonly number[]): Record<string, number> {
  return {
    median: round(median(values), 2),
    p95: round(percentile(values, 95), 2),
    max: round(Math.max(...values), 2),
  };
}

export async function runEvidenceCoreBenchmark(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-evidence-bench-'));
  const core = new MarginaliaCore({ dataDir: dir, host: 'cli', version: 'bench' });
  try {
    const random = seededRandom(31);
    const seedStarted = performance.now();
    const documents = seed(core, random);
    const seedMilliseconds = performance.now() - seedStarted;
    const services = evidenceServicesOf(core);
    const firstStarted = performance.now();
    await core.call('listClaims', {});
    const firstList = performance.now() - firstStarted;
    const change: number[] = [];
    const list: number[] = [];
    const listCpu: number[] = [];
    const fresh: number[] = [];
    const freshCpu: number[] = [];
    for (let round = 0; round < CHANGES; round += 1) {
      const { method, input } = changeCall(round, random, documents);
      let started = performance.now();
      const result = await core.call(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      change.push(performance.now() - started);
      let cpu = process.cpuUsage();
      started = performance.now();
      const listed = await core.call('listClaims', {});
      list.push(performance.now() - started);
      listCpu.push(cpuSince(cpu));
      cpu = process.cpuUsage();
      started = performance.now();
      const scratch = services.claims.listFromScratch();
      fresh.push(performance.now() - started);
      freshCpu.push(cpuSince(cpu));
      if (!listed.ok || JSON.stringify(listed.value) !== JSON.stringify(scratch))
        throw new Error(`the cached claims list differs from the fresh one after ${method}`);
    }
    return {
      claims: CLAIMS,
      evidenceLinks: EVIDENCE_LINKS,
      annotations: DOCUMENTS * PER_DOCUMENT,
      changes: CHANGES,
      seedMilliseconds: round(seedMilliseconds, 0),
      cacheBuilds: services.claims.cache.builds,
      firstListMilliseconds: round(firstList, 1),
      changeMilliseconds: stats(change),
      listClaimsAfterOneChangeMilliseconds: { ...stats(list), cpuMedian: round(median(listCpu), 2) },
      listFromScratchMilliseconds: { ...stats(fresh), cpuMedian: round(median(freshCpu), 2) },
      fromScratchToCached: round(median(fresh) / median(list), 1),
      evidenceFileWrite: evidenceFileWrite(core, dir),
    };
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
