import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { UserFacingError } from '../../src/shared/result';
import { seededRandom } from '../../bench/support';
import { mutateBundle } from '../support/bundle-fuzz';
import { SAMPLE_REPORT, makeTempDir } from '../support/temp';

const CASES = 300;
let temp: ReturnType<typeof makeTempDir>;
let valid: Uint8Array;
let receiver: MarginaliaCore;

beforeAll(() => {
  temp = makeTempDir();
  const sender = new MarginaliaCore({ dataDir: join(temp.path, 'sender'), host: 'cli', version: '1' });
  const { document } = sender.importPath(SAMPLE_REPORT);
  const text = sender.documents.canonicalText(document.id);
  for (const quote of ['beheading 11 people', 'Tripoli', 'coastal city']) {
    const start = text.indexOf(quote);
    const created = sender.annotations.create({ documentId: document.id, start, end: start + quote.length, tags: ['Fuzz/Tag'], noteMarkdown: `note on ${quote}` });
    sender.annotations.createReply(created.id, 'a reply');
  }
  valid = sender.exportBundle({ documentIds: [document.id], includeSources: true }).bytes;
  sender.close();
  receiver = new MarginaliaCore({ dataDir: join(temp.path, 'receiver'), host: 'cli', version: '1' });
});

afterAll(() => {
  receiver.close();
  temp.remove();
});

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
        if (!(error instanceof UserFacingError)) throw new Error(`case ${index} (${kind}) crashed: ${(error as Error).stack ?? String(error)}`);
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
    for (const kind of ['zip slip', 'absolute path', 'symlink', 'zip bomb', 'deep json', 'duplicate ids', 'bad signature', 'extra entry', 'huge string']) {
      expect(outcomes[`${kind}: imported`] ?? 0, `${kind} imported`).toBe(0);
    }
  }, 120_000);
});
