import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli';
import { MarginaliaCore } from '../../src/core/core';
import { authorIdForKey } from '../../src/core/identity';
import { openDatabase } from '../../src/core/store/database';
import { importedSummary } from '../../src/shared/bundles';
import { UserFacingError } from '../../src/shared/result';
import { SAMPLE_REPORT, makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
let analyst: MarginaliaCore;
let reviewer: MarginaliaCore;
let documentId: string;

function highlight(core: MarginaliaCore, quote: string, extra: { tags?: string[]; noteMarkdown?: string } = {}) {
  const text = core.documents.canonicalText(documentId);
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`no “${quote}”`);
  return core.annotations.create({ documentId, start, end: start + quote.length, ...extra });
}

beforeEach(() => {
  temp = makeTempDir();
  analyst = new MarginaliaCore({ dataDir: join(temp.path, 'analyst'), host: 'cli', version: '1.0.0' });
  reviewer = new MarginaliaCore({ dataDir: join(temp.path, 'reviewer'), host: 'cli', version: '1.0.0' });
  analyst.profile.rename('Ana Analyst');
  reviewer.profile.rename('Rui Reviewer');
  documentId = analyst.importPath(SAMPLE_REPORT).document.id;
});

afterEach(() => {
  analyst.close();
  reviewer.close();
  temp.remove();
});

const exported = (core: MarginaliaCore, options: { reviewOnly?: boolean; tag?: string } = {}) =>
  Buffer.from(core.exportBundle({ documentIds: [documentId], ...options }).bytes);

async function refusal(core: MarginaliaCore, bytes: Buffer, allowUnsigned = false): Promise<string> {
  try {
    await core.importBundle(bytes, { allowUnsigned, apply: true });
  } catch (error) {
    if (error instanceof UserFacingError) return error.message;
    throw error;
  }
  return 'imported';
}

/** Rewrites a bundle's entries (without re-signing it). */
function rezip(bytes: Buffer, change: (files: Record<string, Uint8Array>) => void): Buffer {
  const files = unzipSync(bytes);
  change(files);
  return Buffer.from(zipSync(files));
}

describe('note bundles', () => {
  it('round-trip between two libraries: the reviewer replies, the analyst sees the thread, ids stay stable and nothing is duplicated', async () => {
    const tagged = highlight(analyst, 'beheading 11 people', {
      tags: ['Claim/Casualties'],
      noteMarkdown: 'Check the **count**',
    });
    highlight(analyst, 'Tripoli', { tags: ['Place/Tripoli'] });

    const preview = await reviewer.importBundle(exported(analyst), { allowUnsigned: false, apply: false });
    expect(preview).toMatchObject({
      applied: false,
      signer: { name: 'Ana Analyst', signed: true, known: false, fingerprint: analyst.identity.identity().fingerprint },
      documents: [{ id: documentId, status: 'new' }],
      annotations: { added: 2, updated: 0, unchanged: 0 },
      byAuthor: [{ name: 'Ana Analyst', annotations: 2, replies: 0 }],
    });
    expect(reviewer.documents.list()).toEqual([]);

    await reviewer.importBundle(exported(analyst), { allowUnsigned: false, apply: true });
    const received = reviewer.annotations.list(documentId);
    expect(
      received.map((annotation) => [annotation.id, annotation.author.name, annotation.note.text, annotation.tags]),
    ).toEqual([
      [tagged.id, 'Ana Analyst', 'Check the count', ['Claim/Casualties']],
      [expect.any(String), 'Ana Analyst', '', ['Place/Tripoli']],
    ]);
    expect(reviewer.documents.canonicalText(documentId)).toBe(analyst.documents.canonicalText(documentId));

    // The reviewer may reply, but not edit the analyst's note.
    expect(() => reviewer.annotations.update({ id: tagged.id, noteMarkdown: 'Rewritten' })).toThrow(
      "This annotation is Ana Analyst's",
    );
    reviewer.annotations.createReply(tagged.id, 'Two sources confirm **11**.');
    const review = exported(reviewer, { reviewOnly: true });

    const merged = await analyst.importBundle(review, { allowUnsigned: false, apply: true });
    expect(merged).toMatchObject({
      review: true,
      signer: { name: 'Rui Reviewer', known: false },
      documents: [{ status: 'matched' }],
      replies: { added: 1 },
    });
    expect(
      analyst.annotations.listReplies(documentId).map((reply) => [reply.annotationId, reply.author.name, reply.text]),
    ).toEqual([[tagged.id, 'Rui Reviewer', 'Two sources confirm 11.']]);
    expect(analyst.annotations.list(documentId)).toHaveLength(2);
    expect(analyst.knownKeys.list().map((key) => key.displayName)).toEqual(['Rui Reviewer']);

    // Importing the same review again changes nothing, and now the key is known.
    const again = await analyst.importBundle(review, { allowUnsigned: false, apply: true });
    expect(again).toMatchObject({
      signer: { known: true },
      replies: { added: 0, unchanged: 1 },
      annotations: { added: 0, updated: 0 },
    });
    expect(analyst.annotations.listReplies(documentId)).toHaveLength(1);
  });

  it('knows a bundle signed with one’s own key as one’s own, and does not list that key among others’', async () => {
    highlight(analyst, 'beheading 11 people', { noteMarkdown: 'mine' });
    const plan = await analyst.importBundle(exported(analyst), { allowUnsigned: false, apply: true });
    expect(plan.signer).toMatchObject({ name: 'Ana Analyst', signed: true, own: true, known: false });
    expect(plan.annotations).toMatchObject({ added: 0, unchanged: 1 });
    expect(analyst.knownKeys.list()).toEqual([]);
    const other = await reviewer.importBundle(exported(analyst), { allowUnsigned: false, apply: false });
    expect(other.signer).toMatchObject({ own: false, known: false });
  });

  it('merges an edit by its author and keeps a deletion: an old bundle cannot bring a deleted annotation back', async () => {
    const kept = highlight(analyst, 'beheading 11 people', { noteMarkdown: 'first' });
    const doomed = highlight(analyst, 'Tripoli');
    const old = exported(analyst);
    await reviewer.importBundle(old, { allowUnsigned: false, apply: true });

    analyst.annotations.update({ id: kept.id, noteMarkdown: 'second thoughts' });
    analyst.annotations.remove([doomed.id]);
    const plan = await reviewer.importBundle(exported(analyst), { allowUnsigned: false, apply: true });
    expect(plan.annotations).toMatchObject({ updated: 1, deleted: 1 });
    expect(reviewer.annotations.list(documentId).map((annotation) => annotation.note.text)).toEqual([
      'second thoughts',
    ]);

    const stale = await reviewer.importBundle(old, { allowUnsigned: false, apply: true });
    expect(stale.annotations).toMatchObject({ added: 0, updated: 0, keptLocal: 2 });
    expect(reviewer.annotations.list(documentId).map((annotation) => annotation.note.text)).toEqual([
      'second thoughts',
    ]);
  });

  it('re-anchors incoming annotations when the receiver has a different text, and reports the orphans', async () => {
    highlight(analyst, 'beheading 11 people');
    highlight(analyst, 'coastal city', { noteMarkdown: 'where exactly?' });
    // The reviewer already has a corrected copy of the report, with one quote gone.
    const corrected = join(temp.path, 'corrected.txt');
    writeFileSync(
      corrected,
      readFileSync(SAMPLE_REPORT, 'utf8')
        .replace('and beheading 11 people, residents', 'and residents')
        .replace('Islamic State militants', 'IS militants'),
    );
    const local = reviewer.importPath(corrected).document.id;
    const bytes = Buffer.from(analyst.exportBundle({ documentIds: [documentId] }).bytes);
    // Matched by nothing (different id and text): the reviewer gets the analyst's copy as a new document.
    const plan = await reviewer.importBundle(bytes, { allowUnsigned: false, apply: false });
    expect(plan.documents).toEqual([expect.objectContaining({ status: 'new' })]);
    // Once the reviewer's copy carries the same id (a second exchange), the text differs and annotations re-anchor.
    reviewer.db.prepare('UPDATE documents SET id = ? WHERE id = ?').run(documentId, local);
    const merged = await reviewer.importBundle(bytes, { allowUnsigned: false, apply: true });
    expect(merged.documents).toEqual([expect.objectContaining({ id: documentId, status: 'text differs' })]);
    expect(merged.annotations).toMatchObject({ added: 2, orphaned: 1 });
    const anchored = reviewer.annotations.list(documentId);
    expect(anchored.map((annotation) => [annotation.target!.quote.exact, annotation.anchor.status])).toEqual(
      expect.arrayContaining([
        ['beheading 11 people', 'orphan'],
        ['coastal city', expect.stringMatching(/exact|moved/)],
      ]),
    );
  });

  it('refuses a bundle changed after it was signed, and writes nothing', async () => {
    highlight(analyst, 'beheading 11 people', { noteMarkdown: 'original' });
    const tampered = rezip(exported(analyst), (files) => {
      files['annotations.jsonld'] = strToU8(strFromU8(files['annotations.jsonld']!).replace('original', 'forged'));
    });
    expect(await refusal(reviewer, tampered)).toBe(
      'This bundle was changed after Ana Analyst signed it (its signature does not match its contents). It was not imported.',
    );
    expect(await refusal(reviewer, tampered, true)).toMatch(/changed after Ana Analyst signed it/);
    expect(reviewer.documents.list()).toEqual([]);
  });

  it('refuses an unsigned bundle unless told to allow it', async () => {
    highlight(analyst, 'Tripoli');
    const unsigned = rezip(exported(analyst), (files) => {
      delete files['signature.json'];
    });
    expect(await refusal(reviewer, unsigned)).toMatch(/^This bundle is not signed/);
    expect(reviewer.documents.list()).toEqual([]);
    const plan = await reviewer.importBundle(unsigned, { allowUnsigned: true, apply: true });
    expect(plan.signer).toMatchObject({ signed: false, known: false, name: 'Ana Analyst' });
    expect(reviewer.annotations.list(documentId)).toHaveLength(1);
  });

  it('refuses hostile archives with a message that names the problem', async () => {
    highlight(analyst, 'Tripoli');
    const good = exported(analyst);
    const withEntry = (name: string, data: Uint8Array, attrs?: number) =>
      rezip(good, (files) => {
        files[name] = data;
        if (attrs !== undefined) Object.assign(files, { [name]: [data, { os: 3, attrs }] });
      });
    expect(await refusal(reviewer, withEntry('../evil.json', strToU8('{}')))).toMatch(
      /zip directory is damaged|unexpected entry/,
    );
    expect(await refusal(reviewer, withEntry('/etc/evil.json', strToU8('{}')))).toMatch(
      /zip directory is damaged|unexpected entry/,
    );
    expect(await refusal(reviewer, withEntry('documents/7.json', strToU8('/etc/passwd'), 0o120777 << 16))).toMatch(
      /symbolic link/,
    );
    expect(await refusal(reviewer, withEntry('notes.txt', strToU8('hello')))).toBe(
      'The bundle holds an unexpected entry “notes.txt”.',
    );
    // A zip bomb stops at the cap of its entry, before a byte is inflated.
    expect(
      await refusal(reviewer, Buffer.from(zipSync({ 'annotations.jsonld': new Uint8Array(120 * 1024 * 1024) }))),
    ).toBe('“annotations.jsonld” in the bundle is 120 MB uncompressed, over the 100 MB limit.');
    const deep = rezip(good, (files) => {
      files['manifest.json'] = strToU8(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    });
    expect(await refusal(reviewer, deep, true)).toBe('manifest.json in the bundle is nested more than 40 levels deep.');
    const notZip = 'This file is not a note bundle: it is not a zip archive, or it is cut short.';
    expect(await refusal(reviewer, good.subarray(0, good.length - 100))).toBe(notZip);
    expect(await refusal(reviewer, Buffer.from('not a zip at all'))).toBe(notZip);
    const manifestWith = (change: (manifest: { documents: Array<Record<string, unknown>>; review: unknown }) => void) =>
      rezip(good, (files) => {
        const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as {
          documents: Array<Record<string, unknown>>;
          review: unknown;
        };
        change(manifest);
        files['manifest.json'] = strToU8(JSON.stringify(manifest));
      });
    expect(
      await refusal(
        reviewer,
        manifestWith((manifest) => delete manifest.documents[0]!.title),
      ),
    ).toBe('manifest.json in the bundle is not what a bundle holds: documents.0.title is missing.');
    expect(
      await refusal(
        reviewer,
        manifestWith((manifest) => (manifest.review = 'yes')),
      ),
    ).toBe('manifest.json in the bundle is not what a bundle holds: review must be true or false, not text.');
    expect(reviewer.documents.list()).toEqual([]);
  });

  it('drops unknown keys, so __proto__ and constructor in a bundle pollute nothing, and keeps markup in notes as text', async () => {
    highlight(analyst, 'Tripoli', { noteMarkdown: '<img src=x onerror=alert(1)> and <script>alert(2)</script>' });
    const hostile = rezip(exported(analyst), (files) => {
      const collection = JSON.parse(strFromU8(files['annotations.jsonld']!)) as {
        items: Array<Record<string, unknown>>;
      };
      const raw = JSON.stringify(collection).replace(
        '"type":"Annotation"',
        '"type":"Annotation","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}',
      );
      files['annotations.jsonld'] = strToU8(raw);
      delete files['signature.json'];
    });
    const plan = await reviewer.importBundle(hostile, { allowUnsigned: true, apply: true });
    expect(plan.annotations.added).toBe(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const [note] = reviewer.annotations.list(documentId);
    expect(note!.note.text).toContain('<script>alert(2)</script>');
  });

  it('refuses duplicate annotation ids in one bundle', async () => {
    highlight(analyst, 'Tripoli');
    const duplicated = rezip(exported(analyst), (files) => {
      const collection = JSON.parse(strFromU8(files['annotations.jsonld']!)) as {
        first: { items: unknown[] };
        total: number;
      };
      collection.first.items.push(collection.first.items[0]);
      files['annotations.jsonld'] = strToU8(JSON.stringify(collection));
      delete files['signature.json'];
    });
    expect(await refusal(reviewer, duplicated, true)).toMatch(/^The bundle lists annotation .* twice\.$/);
    expect(reviewer.documents.list()).toEqual([]);
  });

  it('gives the same result whichever of two reviews arrives first', async () => {
    const note = highlight(analyst, 'beheading 11 people', { noteMarkdown: 'base' });
    const third = new MarginaliaCore({ dataDir: join(temp.path, 'third'), host: 'cli', version: '1.0.0' });
    third.profile.rename('Tia Third');
    const base = exported(analyst);
    await reviewer.importBundle(base, { allowUnsigned: false, apply: true });
    await third.importBundle(base, { allowUnsigned: false, apply: true });
    reviewer.annotations.createReply(note.id, 'From Rui');
    third.annotations.createReply(note.id, 'From Tia');
    highlight(third, 'Tripoli', { noteMarkdown: 'Tia adds one' });
    const fromRui = exported(reviewer, { reviewOnly: true });
    const fromTia = exported(third, { reviewOnly: true });
    third.close();

    const order1 = new MarginaliaCore({ dataDir: join(temp.path, 'order1'), host: 'cli', version: '1' });
    const order2 = new MarginaliaCore({ dataDir: join(temp.path, 'order2'), host: 'cli', version: '1' });
    for (const [core, bundles] of [
      [order1, [base, fromRui, fromTia]],
      [order2, [base, fromTia, fromRui]],
    ] as const) {
      for (const bundle of bundles) await core.importBundle(bundle, { allowUnsigned: false, apply: true });
    }
    const state = (core: MarginaliaCore) => ({
      annotations: core.annotations
        .list(documentId)
        .map((annotation) => [annotation.id, annotation.note.text, annotation.author.name, annotation.updatedAt]),
      replies: core.annotations
        .listReplies(documentId)
        .map((reply) => [reply.id, reply.text, reply.author.name])
        .sort(),
    });
    expect(state(order1)).toEqual(state(order2));
    expect(state(order1).replies).toHaveLength(2);
    order1.close();
    order2.close();
  });

  it('marginalia bundle export and import (with --dry-run) work from the command line', async () => {
    highlight(analyst, 'Tripoli', { tags: ['Place/Tripoli'] });
    analyst.close();
    reviewer.close();
    const run = async (args: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await runCli(
        args,
        { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {} },
        { version: '1' },
      );
      return { code, stdout, stderr };
    };
    const file = join(temp.path, 'notes.mnb');
    const out = await run([
      '--data-dir',
      join(temp.path, 'analyst'),
      'bundle',
      'export',
      'Reports',
      '--out',
      file,
      '--tag',
      'Place',
    ]);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout).toMatch(/notes\.mnb {2}\(1 document, 1 annotation, 0 replies; signed by [0-9a-f ]{49}\)/);
    const dry = await run(['--data-dir', join(temp.path, 'reviewer'), 'bundle', 'import', file, '--dry-run']);
    expect(dry.stdout).toMatch(
      /^Would import notes signed by Ana Analyst \([0-9a-f ]+\), a key not seen before\.\n {2}document: Reports of western/,
    );
    expect(dry.stdout).toContain('annotations: 1 new, 0 updated');
    const real = await run(['--data-dir', join(temp.path, 'reviewer'), 'bundle', 'import', file]);
    expect(real.stdout).toMatch(/^Imported notes signed by Ana Analyst/);
    const bad = await run([
      '--data-dir',
      join(temp.path, 'reviewer'),
      'bundle',
      'import',
      join(temp.path, 'missing.mnb'),
    ]);
    expect(bad).toMatchObject({ code: 1, stderr: `marginalia: “${join(temp.path, 'missing.mnb')}” does not exist.\n` });
    const unsignedFile = join(temp.path, 'unsigned.mnb');
    writeFileSync(
      unsignedFile,
      rezip(readFileSync(file), (files) => delete files['signature.json']),
    );
    const refused = await run([
      '--data-dir',
      join(temp.path, 'reviewer'),
      'bundle',
      'import',
      unsignedFile,
      '--dry-run',
    ]);
    expect(refused).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('To import it anyway, run again with --allow-unsigned.'),
    });
    expect(refused.stderr).not.toContain('(allow unsigned bundles)');
    const claimed = await run([
      '--data-dir',
      join(temp.path, 'reviewer'),
      'bundle',
      'import',
      unsignedFile,
      '--dry-run',
      '--allow-unsigned',
    ]);
    expect(claimed.stdout).toMatch(
      /^Would import notes UNSIGNED, claims to be from Ana Analyst\. It claims a name you know from key [0-9a-f ]{49}, but it is not signed with that key\./,
    );
    rmSync(unsignedFile);
    expect(readdirSync(temp.path).sort()).toEqual(['analyst', 'notes.mnb', 'reviewer']);
    analyst = new MarginaliaCore({ dataDir: join(temp.path, 'analyst'), host: 'cli', version: '1' });
    reviewer = new MarginaliaCore({ dataDir: join(temp.path, 'reviewer'), host: 'cli', version: '1' });
  });
});

/** Rewrites the reviewer's copy as a patched app could, everything in the analyst's name, within the allowed clock skew. */
function forgeInReviewerCopy(noteId: string, doomedId: string): void {
  const analystId = analyst.profile.read().authorId;
  const later = new Date(Date.now() + 60_000).toISOString();
  const store = reviewer.annotations.store;
  store.updateRow({ ...store.row(noteId)!, note_markdown: 'forged', note_text: 'forged', updated_at: later });
  store.deleteAnnotation(doomedId, later);
  store.addTombstone({ id: doomedId, document_id: documentId, author_id: analystId, deleted_at: later });
  const reply = {
    id: randomUUID(),
    annotation_id: noteId,
    document_id: documentId,
    body_markdown: 'I retract this',
    body_text: 'I retract this',
  };
  reviewer.annotations.replies.insert({
    ...reply,
    author_id: analystId,
    author_name: 'Ana Analyst',
    created_at: later,
    updated_at: later,
  });
}

describe('authorship in note bundles', () => {
  it('binds an author to a signing key: the profile author id is derived from its public key, so two libraries never share one', () => {
    const mine = analyst.identity.identity();
    expect(mine.authorId).toBe(authorIdForKey(mine.publicKey));
    expect(mine.authorId).not.toBe(reviewer.identity.identity().authorId);
  });

  it('refuses a bundle signed by the reviewer that rewrites, deletes or replies in the analyst’s name, and says so', async () => {
    const note = highlight(analyst, 'beheading 11 people', { noteMarkdown: 'mine' });
    const doomed = highlight(analyst, 'Tripoli', { noteMarkdown: 'keep me' });
    await reviewer.importBundle(exported(analyst), { allowUnsigned: false, apply: true });
    forgeInReviewerCopy(note.id, doomed.id);
    const forged = exported(reviewer);

    const preview = await analyst.importBundle(forged, { allowUnsigned: false, apply: false });
    expect(preview).toMatchObject({ refused: 3, annotations: { updated: 0, deleted: 0 }, replies: { added: 0 } });
    const plan = await analyst.importBundle(forged, { allowUnsigned: false, apply: true });
    expect(plan.refused).toBe(3);
    expect(analyst.annotations.list(documentId).map((annotation) => annotation.note.text)).toEqual(['mine', 'keep me']);
    expect(analyst.annotations.listReplies(documentId)).toEqual([]);
    expect(analyst.annotations.store.tombstone(doomed.id)).toBeUndefined();
  });

  it('takes from an unsigned bundle only new items, marked unverified, and never changes or deletes what is here', async () => {
    const note = highlight(analyst, 'beheading 11 people', { noteMarkdown: 'mine' });
    const doomed = highlight(analyst, 'Tripoli', { noteMarkdown: 'keep me' });
    await reviewer.importBundle(exported(analyst), { allowUnsigned: false, apply: true });
    forgeInReviewerCopy(note.id, doomed.id);
    highlight(reviewer, 'coastal city', { noteMarkdown: 'a new note' });
    const unsigned = rezip(exported(reviewer), (files) => {
      delete files['signature.json'];
    });

    const plan = await analyst.importBundle(unsigned, { allowUnsigned: true, apply: true });
    expect(plan).toMatchObject({
      refused: 2,
      annotations: { added: 1, updated: 0, deleted: 0 },
      replies: { added: 1 },
    });
    const notes = analyst.annotations.list(documentId);
    expect(notes.map((annotation) => [annotation.note.text, annotation.author.name]).sort()).toEqual([
      ['a new note', 'Rui Reviewer (unverified)'],
      ['keep me', 'Ana Analyst'],
      ['mine', 'Ana Analyst'],
    ]);
    const mine = analyst.profile.read().authorId;
    expect(notes.find((annotation) => annotation.note.text === 'a new note')!.author.id).not.toBe(
      reviewer.profile.read().authorId,
    );
    // The reply claimed for the analyst is kept as someone unverified's, never as the analyst's own.
    expect(
      analyst.annotations.listReplies(documentId).map((reply) => [reply.author.name, reply.author.id === mine]),
    ).toEqual([['Ana Analyst (unverified)', false]]);
    const again = await analyst.importBundle(unsigned, { allowUnsigned: true, apply: true });
    expect(again).toMatchObject({ annotations: { added: 0, updated: 0 }, replies: { added: 0 } });
  });
});

describe('unsigned bundles claiming a name', () => {
  const unsignedCopy = () => rezip(exported(analyst), (files) => delete files['signature.json']);

  it('points out an unsigned bundle claiming to be from me, and counts my unchanged notes as mine, not the unverified sender’s', async () => {
    highlight(analyst, 'beheading 11 people', { noteMarkdown: 'mine' });
    highlight(analyst, 'Tripoli');
    const plan = await analyst.importBundle(unsignedCopy(), { allowUnsigned: true, apply: true });
    expect(plan.signer).toMatchObject({
      signed: false,
      name: 'Ana Analyst',
      claim: 'It claims to be from you, but it is not signed with your key.',
    });
    expect(plan.annotations).toMatchObject({ added: 0, unchanged: 2 });
    expect(plan.byAuthor).toEqual([{ name: 'Ana Analyst', annotations: 2, replies: 0 }]);
    expect(importedSummary(plan)).toBe('Imported unsigned notes claimed to be from Ana Analyst: 0 new, 0 updated.');
  });

  it('points out an unsigned bundle claiming the name of a key I know, and says nothing of the kind for a signed one', async () => {
    highlight(analyst, 'Tripoli');
    const signed = await reviewer.importBundle(exported(analyst), { allowUnsigned: false, apply: true });
    expect(signed.signer.claim).toBe('');
    expect(importedSummary(signed)).toBe('Imported notes from Ana Analyst: 1 new, 0 updated.');
    highlight(analyst, 'coastal city');
    const plan = await reviewer.importBundle(unsignedCopy(), { allowUnsigned: true, apply: false });
    expect(plan.signer.claim).toBe(
      `It claims a name you know from key ${analyst.identity.identity().fingerprint}, but it is not signed with that key.`,
    );
    expect(plan.byAuthor).toEqual([
      { name: 'Ana Analyst', annotations: 1, replies: 0 },
      { name: 'Ana Analyst (unverified)', annotations: 1, replies: 0 },
    ]);
  });
});

describe('the clock and times from outside', () => {
  it('keeps a reviewer time of 9999-12-31 from pushing the clock: later notes are stamped now, and the next bundle imports elsewhere', async () => {
    highlight(analyst, 'beheading 11 people');
    await reviewer.importBundle(exported(analyst), { allowUnsigned: false, apply: true });
    const theirs = highlight(reviewer, 'Tripoli', { noteMarkdown: 'from the future' });
    reviewer.annotations.store.updateRow({
      ...reviewer.annotations.store.row(theirs.id)!,
      updated_at: '9999-12-31T23:59:59.999Z',
      created_at: '9999-12-31T23:59:59.999Z',
    });
    const plan = await analyst.importBundle(exported(reviewer, { reviewOnly: true }), {
      allowUnsigned: false,
      apply: true,
    });
    expect(plan.annotations.added).toBe(1);
    const kept = analyst.annotations.list(documentId).find((annotation) => annotation.id === theirs.id)!;
    expect(Date.parse(kept.updatedAt)).toBeLessThanOrEqual(Date.now());

    const fresh = highlight(analyst, 'coastal city');
    expect(Math.abs(Date.parse(fresh.updatedAt) - Date.now())).toBeLessThan(60_000);
    const third = new MarginaliaCore({ dataDir: join(temp.path, 'third'), host: 'cli', version: '1.0.0' });
    // The reviewer's note in the analyst's share is the reviewer's to send, so it is refused there; the rest imports.
    const elsewhere = await third.importBundle(exported(analyst), { allowUnsigned: false, apply: true });
    expect(elsewhere).toMatchObject({ annotations: { added: 2 }, refused: 1 });
    third.close();
    // Importing the same review again changes nothing.
    const again = await analyst.importBundle(exported(reviewer, { reviewOnly: true }), {
      allowUnsigned: false,
      apply: true,
    });
    expect(again.annotations).toMatchObject({ added: 0, updated: 0, unchanged: 1 });
  });

  it('repairs a library whose clock was poisoned before the upgrade, and binds its notes to its key', () => {
    const dataDir = join(temp.path, 'poisoned');
    mkdirSync(dataDir);
    const db = openDatabase(join(dataDir, 'marginalia.db'), { targetVersion: 6 });
    db.prepare(
      "INSERT INTO profile (id, author_id, display_name, confirmed, created_at) VALUES (1, 'old-local-id', 'Vic Victim', 1, '2026-01-01T00:00:00.000Z')",
    ).run();
    db.prepare(
      `INSERT INTO documents (id, title, source_name, source_type, source_bytes, source_sha256, lexical_json, canonical_text, text_sha256, word_count, imported_at, updated_at)
       VALUES ('d1', 'Old doc', 'old.txt', 'txt', x'41', 'abc', '{}', 'old text here', 'def', 3, '2026-01-01', '2026-01-01')`,
    ).run();
    const insert = db.prepare(
      `INSERT INTO annotations (id, document_id, kind, start_offset, end_offset, exact, prefix, suffix, text_sha256, anchor_status, anchor_score, color, note_json, note_text, note_markdown, author_id, author_name, created_at, updated_at)
       VALUES (?, 'd1', 'document', -1, -1, '', '', '', 'def', 'exact', 1, 'yellow', '', '', '', ?, ?, ?, ?)`,
    );
    insert.run('a-victim', 'old-local-id', 'Vic Victim', '2026-01-01T00:00:00.000Z', '+010000-01-01T00:00:00.000Z');
    insert.run('a-reviewer', 'reviewer-id', 'Rui Reviewer', '9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z');
    db.prepare(
      "INSERT INTO sync_files (document_id, slug, sidecar_sha256, store_fingerprint) VALUES ('d1', 'old-doc', 'abc', 'as last written')",
    ).run();
    db.close();

    const upgraded = new MarginaliaCore({ dataDir, host: 'cli', version: '1.0.0' });
    const notes = upgraded.annotations.list('d1');
    for (const note of notes) expect(Date.parse(note.updatedAt)).toBeLessThanOrEqual(Date.now());
    const me = upgraded.identity.identity();
    expect(me.authorId).toBe(authorIdForKey(me.publicKey));
    expect(notes.find((note) => note.id === 'a-victim')!.author.id).toBe(me.authorId);
    // The workspace files are written again at the next sync, with the new authors and times.
    expect(upgraded.db.prepare("SELECT store_fingerprint FROM sync_files WHERE document_id = 'd1'").get()).toEqual({
      store_fingerprint: '',
    });
    const fresh = upgraded.annotations.create({
      documentId: 'd1',
      kind: 'document',
      noteMarkdown: 'after the upgrade',
    });
    expect(fresh.updatedAt.slice(0, 4)).toBe(new Date().toISOString().slice(0, 4));
    upgraded.close();
  });
});

/** The reviewer has the same original file; the analyst fixes a typo, annotates and shares with the original files. */
async function editedShareFrom(from: MarginaliaCore, to: MarginaliaCore): Promise<{ bytes: Buffer; noteId: string }> {
  to.importPath(SAMPLE_REPORT);
  const detail = from.documents.detail(documentId);
  from.updateDocumentText(documentId, detail.lexicalJson.replace('were we expected', 'where we expected'));
  const note = highlight(from, 'beheading 11 people', { noteMarkdown: 'after the edit' });
  return {
    bytes: Buffer.from(from.exportBundle({ documentIds: [documentId], includeSources: true }).bytes),
    noteId: note.id,
  };
}

describe('documents whose text differs', () => {
  const editedShare = () => editedShareFrom(analyst, reviewer);

  it('applies an edited document’s notes to my copy of the same original file, re-anchored (it used to fail on a foreign key)', async () => {
    const { bytes, noteId } = await editedShare();
    const mine = reviewer.documents.list()[0]!.id;
    const preview = await reviewer.importBundle(bytes, { allowUnsigned: false, apply: false });
    expect(preview.documents).toEqual([
      expect.objectContaining({
        id: mine,
        status: 'text differs',
        choice: 'merge',
        localTitle: reviewer.documents.summary(mine).title,
        version: analyst.documents.textSha256(documentId).slice(0, 7),
        localVersion: reviewer.documents.textSha256(mine).slice(0, 7),
      }),
    ]);
    const plan = await reviewer.importBundle(bytes, { allowUnsigned: false, apply: true });
    expect(plan.annotations).toMatchObject({ added: 1, orphaned: 0 });
    expect(reviewer.documents.list()).toHaveLength(1);
    expect(
      reviewer.annotations.list(mine).map((annotation) => [annotation.id, annotation.target!.quote.exact]),
    ).toEqual([[noteId, 'beheading 11 people']]);
  });

  it('adds an edited document as a new document beside my copy when asked, showing who it came from', async () => {
    const { bytes, noteId } = await editedShare();
    const plan = await reviewer.importBundle(bytes, { allowUnsigned: false, apply: true, copies: [documentId] });
    expect(plan.documents).toEqual([expect.objectContaining({ status: 'text differs', choice: 'copy' })]);
    const added = plan.documents[0]!.id;
    const list = reviewer.documents.list();
    expect(list).toHaveLength(2);
    expect(reviewer.documents.canonicalText(added)).toBe(analyst.documents.canonicalText(documentId));
    expect(reviewer.annotations.list(added).map((annotation) => annotation.id)).toEqual([noteId]);
    const row = list.find((document) => document.id === added)!;
    expect(row).toMatchObject({
      originName: 'Ana Analyst',
      textVersion: analyst.documents.detail(documentId).textSha256.slice(0, 7),
    });
    expect(list.find((document) => document.id !== added)!.originName).toBe('');
  });
});

describe('a review sent back to the analyst', () => {
  it('lands on the analyst’s one document when the reviewer merged it into their own copy and shares only the review, without the original files', async () => {
    const { bytes, noteId } = await editedShareFrom(analyst, reviewer);
    await reviewer.importBundle(bytes, { allowUnsigned: false, apply: true });
    const reviewersCopy = reviewer.documents.list()[0]!.id;
    expect(reviewersCopy).not.toBe(documentId);
    const reply = reviewer.annotations.createReply(noteId, 'Agreed');
    const text = reviewer.documents.canonicalText(reviewersCopy);
    const start = text.indexOf('Tripoli');
    const own = reviewer.annotations.create({
      documentId: reviewersCopy,
      start,
      end: start + 'Tripoli'.length,
      noteMarkdown: 'Which Tripoli?',
    });
    const review = Buffer.from(
      reviewer.exportBundle({ documentIds: [reviewersCopy], reviewOnly: true, includeSources: false }).bytes,
    );

    const preview = await analyst.importBundle(review, { allowUnsigned: false, apply: false });
    expect(preview.documents).toEqual([
      expect.objectContaining({ id: documentId, status: 'text differs', choice: 'merge' }),
    ]);
    await analyst.importBundle(review, { allowUnsigned: false, apply: true });
    expect(analyst.documents.list().map((document) => document.id)).toEqual([documentId]);
    expect(
      analyst.annotations
        .list(documentId)
        .map((annotation) => annotation.id)
        .sort(),
    ).toEqual([noteId, own.id].sort());
    expect(analyst.annotations.listReplies(documentId).map((row) => row.id)).toEqual([reply.id]);
  });
});

describe('the original file’s hash in a bundle', () => {
  it('refuses a document whose original file does not match the hash it states, and reads a bundle from before the hash', async () => {
    highlight(analyst, 'Tripoli');
    const withSources = Buffer.from(analyst.exportBundle({ documentIds: [documentId], includeSources: true }).bytes);
    const entry = (files: Record<string, Uint8Array>) =>
      JSON.parse(strFromU8(files['documents/0.json']!)) as Record<string, unknown>;
    expect(entry(unzipSync(withSources)).sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    const lying = rezip(withSources, (files) => {
      files['documents/0.json'] = strToU8(JSON.stringify({ ...entry(files), sourceSha256: '0'.repeat(64) }));
      delete files['signature.json'];
    });
    expect(await refusal(reviewer, lying, true)).toBe(
      'The original file of “Reports of western ‘boots on the ground’ in Libya as Islamic State storms Sabrat” does not match its hash.',
    );
    const older = rezip(withSources, (files) => {
      const { sourceSha256: _dropped, ...rest } = entry(files);
      files['documents/0.json'] = strToU8(JSON.stringify(rest));
      delete files['signature.json'];
    });
    expect(await refusal(reviewer, older, true)).toBe('imported');
  });
});

describe('documents whose text differs, from the command line', () => {
  it('marginalia bundle import --as-new adds the edited document beside my copy; without it the notes go onto my copy', async () => {
    reviewer.importPath(SAMPLE_REPORT);
    analyst.updateDocumentText(
      documentId,
      analyst.documents.detail(documentId).lexicalJson.replace('were we expected', 'where we expected'),
    );
    highlight(analyst, 'beheading 11 people', { noteMarkdown: 'after the edit' });
    const file = join(temp.path, 'edited.mnb');
    writeFileSync(file, analyst.exportBundle({ documentIds: [documentId], includeSources: true }).bytes);
    const versions = `theirs: version ${analyst.documents.textSha256(documentId).slice(0, 7)}, yours: version ${reviewer.documents.list()[0]!.textVersion}`;
    reviewer.close();
    const run = async (args: string[]) => {
      let stdout = '';
      const code = await runCli(
        ['--data-dir', join(temp.path, 'reviewer'), ...args],
        { stdout: (text) => (stdout += text), stderr: () => undefined, env: {} },
        { version: '1' },
      );
      return { code, stdout };
    };
    expect(await run(['bundle', 'import', file, '--dry-run'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(
        `(text differs; ${versions}, their notes re-anchored on your copy; your text is kept)`,
      ),
    });
    expect(await run(['bundle', 'import', file, '--as-new'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining(`(text differs; ${versions}, added as a new document with their text)`),
    });
    reviewer = new MarginaliaCore({ dataDir: join(temp.path, 'reviewer'), host: 'cli', version: '1' });
    expect(
      reviewer.documents
        .list()
        .map((document) => document.originName)
        .sort(),
    ).toEqual(['', 'Ana Analyst']);
  });
});

describe('bundle limits', () => {
  const share = async (file: string) => {
    const id = analyst.importPath(file).document.id;
    const bytes = Buffer.from(analyst.exportBundle({ documentIds: [id], includeSources: true }).bytes);
    const plan = await reviewer.importBundle(bytes, { allowUnsigned: false, apply: true });
    expect(plan.documents).toEqual([expect.objectContaining({ status: 'new' })]);
    expect(reviewer.documents.canonicalText(id)).toBe(analyst.documents.canonicalText(id));
  };

  it('exports and imports back a 3.9 MB .txt of 500,000 lines (a 126 MB entry, once over the cap)', async () => {
    const file = join(temp.path, 'lines.txt');
    writeFileSync(
      file,
      Array.from({ length: 500_000 }, (_, index) => `l ${String(index).padStart(6, '0')}`).join('\n'),
    );
    await share(file);
  }, 300_000);

  it('exports and imports back a 19 MB repetitive .txt (once refused as a zip bomb)', async () => {
    const file = join(temp.path, 'repetitive.txt');
    const line = 'The same sentence again and again, as a log or a transcript can be. '.repeat(15);
    writeFileSync(
      file,
      `Repetitive\n${Array.from({ length: Math.ceil((19 * 1024 * 1024) / (line.length + 1)) }, () => line).join('\n')}`,
    );
    await share(file);
  }, 120_000);

  it('says before writing when an export would pass the limits its own import checks', () => {
    const file = join(temp.path, 'big.txt');
    // Imported under the default 20 MB limit; then the limit is lowered to 1 MB, which a bundle of it would pass.
    writeFileSync(file, `Big\n${'A paragraph of some length. '.repeat(300_000)}`);
    const id = analyst.importPath(file).document.id;
    analyst.settings.update({ maxImportMegabytes: 1 });
    expect(() => analyst.exportBundle({ documentIds: [id], includeSources: true })).toThrow(
      /^These notes cannot be shared in one bundle: “documents\/0\.json” in the bundle is \d+ MB uncompressed, over the \d+ MB limit\./,
    );
  });

  it('refuses at import a document that no bundle under the same limits could carry, saying why', () => {
    const file = join(temp.path, 'tiny-lines.txt');
    writeFileSync(file, Array.from({ length: 120_000 }, () => 'a').join('\n'));
    analyst.settings.update({ maxImportMegabytes: 1 });
    expect(() => analyst.importPath(file)).toThrow(
      /^This document would take \d+ MB in a note bundle \(its paragraphs and formatting alone \d+ MB\), over the 24 MB one document may take at the 1\.0 MB import limit\./,
    );
  });
});
