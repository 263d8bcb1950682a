import { createHash, randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { signedPayload } from '../../src/shared/bundle-schemas';
import { UserFacingError } from '../../src/shared/result';
import { seededRandom } from '../../bench/support';
import { mutateBundle } from '../support/bundle-fuzz';
import { callOk } from '../support/evidence-library';
import { SAMPLE_REPORT, makeTempDir } from '../support/temp';

const CASES = 300;
let temp: ReturnType<typeof makeTempDir>;
let valid: Uint8Array;
let receiver: MarginaliaCore;

beforeAll(async () => {
  temp = makeTempDir();
  const sender = new MarginaliaCore({ dataDir: join(temp.path, 'sender'), host: 'cli', version: '1' });
  const { document } = sender.importPath(SAMPLE_REPORT);
  const text = sender.documents.canonicalText(document.id);
  for (const quote of ['beheading 11 people', 'Tripoli', 'coastal city']) {
    const start = text.indexOf(quote);
    const created = sender.annotations.create({
      documentId: document.id,
      start,
      end: start + quote.length,
      tags: ['Fuzz/Tag'],
      noteMarkdown: `note on ${quote}`,
    });
    sender.annotations.createReply(created.id, 'a reply');
  }
  await addEvidence(sender, document.id);
  valid = sender.exportBundle({ documentIds: [document.id], includeSources: true }).bytes;
  sender.close();
  receiver = new MarginaliaCore({ dataDir: join(temp.path, 'receiver'), host: 'cli', version: '1' });
});

afterAll(() => {
  receiver.close();
  temp.remove();
});

/** A source, a grade, a link, a claim and a rated analysis, so the bundle carries evidence.json to mutate. */
async function addEvidence(sender: MarginaliaCore, documentId: string): Promise<void> {
  const [first, second] = sender.annotations.list(documentId).map((annotation) => annotation.id) as [string, string];
  const source = await callOk(sender, 'saveSource', { name: 'Fuzz Radio', reliability: 'C' });
  await callOk(sender, 'setDocumentSources', { documentId, sourceIds: [source.id] });
  await callOk(sender, 'gradeAnnotation', { annotationId: first, sourceIds: [source.id], credibility: '3' });
  await callOk(sender, 'linkAnnotations', { fromId: second, toId: first, kind: 'repeats' });
  const claim = await callOk(sender, 'saveClaim', {
    statement: 'A fuzzed claim',
    evidence: [{ annotationId: first, stance: 'supports' }],
  });
  const { id: analysisId } = await callOk(sender, 'saveAnalysis', { question: 'A fuzzed question?' });
  await callOk(sender, 'saveHypothesis', { analysisId, label: 'One' });
  const view = await callOk(sender, 'saveAchRow', { analysisId, evidence: { kind: 'claim', id: claim.id } });
  await callOk(sender, 'rateAchCell', {
    analysisId,
    rowId: view.rows[0]!.id,
    hypothesisId: view.hypotheses[0]!.id,
    rating: 'C',
  });
}

describe('importing mutated and malicious bundles', () => {
  it(`never crashes, hangs, writes outside its folder or touches Object.prototype (${CASES} cases)`, async () => {
    const random = seededRandom(20261125);
    const outcomes: Record<string, number> = {};
    let slowest = 0;
    for (let index = 0; index < CASES; index++) {
      const { kind, bytes } = mutateBundle(random, valid);
      const started = performance.now();
      let outcome = 'imported';
      try {
        await receiver.importBundle(Buffer.from(bytes), { allowUnsigned: true, apply: true });
      } catch (error) {
        if (!(error instanceof UserFacingError))
          throw new Error(`case ${index} (${kind}) crashed: ${(error as Error).stack ?? String(error)}`);
        expect(error.message.length, `case ${index} (${kind}) has a message`).toBeGreaterThan(10);
        outcome = 'refused';
      }
      slowest = Math.max(slowest, performance.now() - started);
      outcomes[`${kind}: ${outcome}`] = (outcomes[`${kind}: ${outcome}`] ?? 0) + 1;
    }
    expect(slowest).toBeLessThan(2000);
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(readdirSync(temp.path).sort()).toEqual(['receiver', 'sender']);
    for (const kind of [
      'zip slip',
      'absolute path',
      'symlink',
      'zip bomb',
      'deep json',
      'duplicate ids',
      'bad signature',
      'extra entry',
      'huge string',
    ]) {
      expect(outcomes[`${kind}: imported`] ?? 0, `${kind} imported`).toBe(0);
    }
  }, 120_000);
});

type Item = {
  id: string;
  motivation: string;
  modified: string;
  creator: { id: string; name: string };
  body: Array<{ purpose: string; value: string }>;
  marginalia?: { color: string };
};

/** A bundle's entries changed, then signed by `signer`'s own valid key (as a patched app could). */
function resign(
  bytes: Uint8Array,
  signer: MarginaliaCore,
  change: (collection: { items: Item[] }, tombstones: { tombstones: unknown[] }) => void,
): Buffer {
  const files = unzipSync(bytes);
  delete files['signature.json'];
  // The items sit on the collection's embedded first AnnotationPage (the W3C shape).
  const collection = JSON.parse(strFromU8(files['annotations.jsonld']!)) as { first: { items: Item[] }; total: number };
  const tombstones = JSON.parse(strFromU8(files['tombstones.json']!)) as { tombstones: unknown[] };
  change(collection.first, tombstones);
  collection.total = collection.first.items.length;
  files['annotations.jsonld'] = strToU8(JSON.stringify(collection));
  files['tombstones.json'] = strToU8(JSON.stringify(tombstones));
  const me = signer.identity.identity();
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, unknown>;
  manifest.creator = {
    authorId: me.authorId,
    name: me.displayName,
    publicKey: me.publicKey,
    fingerprint: me.fingerprint,
  };
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  const hashed = Object.entries(files).map(([name, data]) => ({
    name,
    sha256: createHash('sha256').update(data).digest('hex'),
  }));
  const signature = {
    algorithm: 'Ed25519',
    publicKey: me.publicKey,
    signature: signer.identity.sign(Buffer.from(signedPayload(hashed), 'utf8')),
    entries: hashed,
  };
  files['signature.json'] = strToU8(JSON.stringify(signature));
  return Buffer.from(zipSync(files));
}

describe('bundles re-signed by another key with forged authorship', () => {
  it('change nothing of the analyst’s: no rewrite, recolor, deletion, reply or new note in the analyst’s name (100 cases)', async () => {
    const forgeTemp = makeTempDir();
    const analyst = new MarginaliaCore({ dataDir: join(forgeTemp.path, 'analyst'), host: 'cli', version: '1' });
    const reviewer = new MarginaliaCore({ dataDir: join(forgeTemp.path, 'reviewer'), host: 'cli', version: '1' });
    const { document } = analyst.importPath(SAMPLE_REPORT);
    const text = analyst.documents.canonicalText(document.id);
    for (const quote of ['beheading 11 people', 'Tripoli', 'coastal city']) {
      const start = text.indexOf(quote);
      const created = analyst.annotations.create({
        documentId: document.id,
        start,
        end: start + quote.length,
        noteMarkdown: `note on ${quote}`,
      });
      analyst.annotations.createReply(created.id, 'my own reply');
    }
    const genuine = analyst.exportBundle({ documentIds: [document.id], includeSources: true }).bytes;
    const state = () => ({
      annotations: analyst.annotations.list(document.id),
      replies: analyst.annotations.listReplies(document.id),
    });
    const before = state();
    const later = new Date(Date.now() + 60_000).toISOString();
    const random = seededRandom(20261130);
    const forgeries: Array<(collection: { items: Item[] }, tombstones: { tombstones: unknown[] }) => void> = [
      ({ items }) => {
        const item = items.find((each) => each.motivation !== 'replying')!;
        item.modified = later;
        item.body = [{ ...item.body[0]!, value: 'rewritten by someone else' }];
      },
      ({ items }) => {
        const item = items.find((each) => each.marginalia)!;
        item.modified = later;
        item.marginalia!.color = 'red';
      },
      ({ items }, { tombstones }) => {
        const item = items.find((each) => each.motivation !== 'replying')!;
        tombstones.push({
          id: item.id.replace('urn:uuid:', ''),
          documentId: document.id,
          authorId: item.creator.id.replace('urn:uuid:', ''),
          deletedAt: later,
        });
      },
      ({ items }) => {
        const reply = items.find((each) => each.motivation === 'replying')!;
        items.push({
          ...reply,
          id: `urn:uuid:${randomUUID()}`,
          modified: later,
          body: [{ ...reply.body[0]!, value: 'I retract everything' }],
        });
      },
      ({ items }) => {
        const item = items.find((each) => each.motivation !== 'replying')!;
        items.push({
          ...item,
          id: `urn:uuid:${randomUUID()}`,
          modified: later,
          body: [{ ...item.body[0]!, value: 'a note I never wrote' }],
        });
      },
    ];
    let refused = 0;
    for (let index = 0; index < 100; index++) {
      const chosen = forgeries.filter(() => random() < 0.5);
      const forged = resign(genuine, reviewer, (collection, tombstones) => {
        for (const forge of chosen.length > 0 ? chosen : [forgeries[index % forgeries.length]!])
          forge(collection, tombstones);
      });
      const plan = await analyst.importBundle(forged, { allowUnsigned: false, apply: true });
      refused += plan.refused;
      expect(plan.annotations, `case ${index}`).toMatchObject({ added: 0, updated: 0, deleted: 0 });
      expect(plan.replies, `case ${index}`).toMatchObject({ added: 0, updated: 0 });
    }
    expect(refused).toBeGreaterThanOrEqual(100);
    expect(state()).toEqual(before);
    analyst.close();
    reviewer.close();
    forgeTemp.remove();
  }, 120_000);
});

describe('bundles with times from the future', () => {
  it('never push the clock past a day ahead, and what the library writes next always imports elsewhere (40 cases)', async () => {
    const futureTemp = makeTempDir();
    const analyst = new MarginaliaCore({ dataDir: join(futureTemp.path, 'analyst'), host: 'cli', version: '1' });
    const reviewer = new MarginaliaCore({ dataDir: join(futureTemp.path, 'reviewer'), host: 'cli', version: '1' });
    const { document } = analyst.importPath(SAMPLE_REPORT);
    const text = analyst.documents.canonicalText(document.id);
    const start = text.indexOf('Tripoli');
    analyst.annotations.create({ documentId: document.id, start, end: start + 7, noteMarkdown: 'mine' });
    await reviewer.importBundle(Buffer.from(analyst.exportBundle({ documentIds: [document.id] }).bytes), {
      allowUnsigned: false,
      apply: true,
    });
    const random = seededRandom(9999);
    for (let index = 0; index < 40; index++) {
      // The reviewer's own note, re-signed by the reviewer, dated anywhere from a minute to the year 9999 ahead.
      const ahead = Math.floor(60_000 + random() * (253_402_300_799_999 - Date.now() - 60_000));
      const future = new Date(Math.min(Date.now() + ahead, 253_402_300_799_999)).toISOString();
      const quote = text.slice(100 + index * 10, 105 + index * 10);
      const from = text.indexOf(quote);
      reviewer.annotations.create({
        documentId: document.id,
        start: from,
        end: from + quote.length,
        noteMarkdown: `case ${index}`,
      });
      const review = resign(
        reviewer.exportBundle({ documentIds: [document.id], reviewOnly: true }).bytes,
        reviewer,
        ({ items }) => {
          for (const item of items) item.modified = future;
        },
      );
      await analyst.importBundle(review, { allowUnsigned: false, apply: true });
      const stamped = Date.parse(analyst.annotations.now());
      expect(stamped, `case ${index}: ${future}`).toBeLessThanOrEqual(Date.now() + 24 * 60 * 60 * 1000 + 1000);
    }
    const fresh = new MarginaliaCore({ dataDir: join(futureTemp.path, 'fresh'), host: 'cli', version: '1' });
    const plan = await fresh.importBundle(Buffer.from(analyst.exportBundle({ documentIds: [document.id] }).bytes), {
      allowUnsigned: false,
      apply: true,
    });
    expect(plan.annotations.added).toBeGreaterThanOrEqual(1);
    for (const core of [fresh, analyst, reviewer]) core.close();
    futureTemp.remove();
  }, 120_000);
});
