import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/cli';
import { MarginaliaCore } from '../../src/core/core';
import type { SyncEngine } from '../../src/core/sync/engine';
import { SAMPLE_REPORT, makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let documentId: string;
let workspace: string;

beforeEach(() => {
  sidecarName = SIDECAR;
  temp = makeTempDir();
  workspace = join(temp.path, 'workspace');
  core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: '1' });
  core.profile.rename('Ana Analyst');
  documentId = core.importPath(SAMPLE_REPORT).document.id;
});

afterEach(() => {
  core.close();
  temp.remove();
});

function highlight(quote: string, extra: { noteMarkdown?: string; tags?: string[] } = {}) {
  const text = core.documents.canonicalText(documentId);
  const start = text.indexOf(quote);
  return core.annotations.create({ documentId, start, end: start + quote.length, ...extra });
}

const SIDECAR = 'reports-of-western-boots-on-the-ground-in-libya-as-islamic.annotations.json';
/** The document's sidecar: SIDECAR unless a test renames it. */
let sidecarName = SIDECAR;
const sidecarPath = () => join(workspace, sidecarName);
type SidecarItem = Record<string, unknown> & {
  id: string;
  body: Array<{ value: string; purpose: string }>;
  marginalia: { color: string };
};
type SidecarFile = { first: { items: SidecarItem[] }; marginalia: { tombstones: unknown[] } };
/** A sidecar's annotations are on its first W3C AnnotationPage (a plain highlight has no body); tests edit them as `items`. */
const readSidecar = (path = sidecarPath()) => {
  const file = JSON.parse(readFileSync(path, 'utf8')) as SidecarFile;
  for (const item of file.first.items) item.body = (item.body as SidecarItem['body'] | undefined) ?? [];
  return { file, items: file.first.items, marginalia: file.marginalia };
};
const writeSidecar = (change: (sidecar: ReturnType<typeof readSidecar>) => void, path = sidecarPath()) => {
  const sidecar = readSidecar(path);
  change(sidecar);
  sidecar.file.first.items = sidecar.items;
  writeFileSync(path, `${JSON.stringify(sidecar.file, null, 2)}\n`);
};
const noteOf = (item: { body: Array<{ value: string; purpose: string }> }) =>
  item.body.find((body) => body.purpose === 'commenting')?.value ?? '';

async function until(check: () => boolean, timeout = 3000): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeout) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
  return Date.now() - started;
}

describe('workspace sync', () => {
  it('writes each document as its source, a W3C annotation collection, a Markdown digest, and tags.json, diff-friendly', async () => {
    highlight('Tripoli', { noteMarkdown: 'Capital', tags: ['Place/Tripoli'] });
    highlight('beheading 11 people', { tags: ['Claim/Casualties'] });
    const engine = await core.startSync(workspace, { watch: false });
    expect(readdirSync(workspace).sort()).toEqual([
      'reports-of-western-boots-on-the-ground-in-libya-as-islamic.annotations.json',
      'reports-of-western-boots-on-the-ground-in-libya-as-islamic.notes.md',
      'reports-of-western-boots-on-the-ground-in-libya-as-islamic.txt',
      'tags.json',
    ]);
    const text = readFileSync(sidecarPath(), 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.split('\n')[1]).toBe('  "@context": [');
    const sidecar = readSidecar();
    expect(
      sidecar.items.map((item) => item.body.filter((body) => body.purpose === 'tagging').map((body) => body.value)),
    ).toEqual([['Claim/Casualties'], ['Place/Tripoli']]);
    expect(Object.keys(sidecar.items[0]!)).toEqual([
      'id',
      'type',
      'motivation',
      'created',
      'modified',
      'creator',
      'body',
      'target',
      'marginalia',
    ]);
    expect(readFileSync(join(workspace, 'reports-of-western-boots-on-the-ground-in-libya-as-islamic.txt'))).toEqual(
      readFileSync(SAMPLE_REPORT),
    );
    expect(
      readFileSync(join(workspace, 'reports-of-western-boots-on-the-ground-in-libya-as-islamic.notes.md'), 'utf8'),
    ).toContain('> Tripoli\n\n*Ana Analyst · ');
    expect(JSON.parse(readFileSync(join(workspace, 'tags.json'), 'utf8'))).toEqual({
      tags: [
        { path: 'Claim/Casualties', color: '', description: '' },
        { path: 'Place/Tripoli', color: '', description: '' },
      ],
    });

    // Changing one annotation changes only its lines.
    const before = text.split('\n');
    const [tripoli] = core.annotations
      .list(documentId)
      .filter((annotation) => annotation.target?.quote.exact === 'Tripoli');
    core.annotations.update({ id: tripoli!.id, color: 'green' });
    await engine.flush();
    const after = readFileSync(sidecarPath(), 'utf8').split('\n');
    expect(after.length).toBe(before.length);
    expect(after.filter((line, index) => line !== before[index]).sort()).toEqual(
      [expect.stringContaining('"color": "green"'), expect.stringContaining('"modified"')].sort(),
    );
  });

  it('carries an app change to the file within a second, and a file change to the app within a second', async () => {
    const annotation = highlight('Tripoli', { noteMarkdown: 'first' });
    await core.startSync(workspace, { watch: true });
    core.annotations.update({ id: annotation.id, noteMarkdown: 'changed in the app' });
    expect(await until(() => readFileSync(sidecarPath(), 'utf8').includes('changed in the app'))).toBeLessThan(1000);
    writeSidecar((sidecar) => {
      sidecar.items[0]!.body[0]!.value = 'changed in an editor';
    });
    expect(await until(() => core.annotations.get(annotation.id).note.text === 'changed in an editor')).toBeLessThan(
      1000,
    );
  });

  it('imports each editor save pattern exactly once: rename over, truncate and write, delete and create', async () => {
    const annotation = highlight('Tripoli', { noteMarkdown: 'v0' });
    const engine = await core.startSync(workspace, { watch: true });
    const save = {
      'rename over': (text: string) => {
        writeFileSync(`${sidecarPath()}.tmp-editor`, text);
        renameSync(`${sidecarPath()}.tmp-editor`, sidecarPath());
      },
      'truncate and write': (text: string) => writeFileSync(sidecarPath(), text),
      'delete and create': (text: string) => {
        unlinkSync(sidecarPath());
        writeFileSync(sidecarPath(), text);
      },
    };
    for (const [pattern, write] of Object.entries(save)) {
      const imports = engine.counters.imports;
      write(readFileSync(sidecarPath(), 'utf8').replace(/"value": "v[^"]*"/, `"value": "v-${pattern}"`));
      await until(() => core.annotations.get(annotation.id).note.text === `v-${pattern}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(engine.counters.imports - imports, pattern).toBe(1);
    }
  });

  it('starts without reading files whose size and time have not moved, and reads the one edited while it was closed', async () => {
    const annotation = highlight('Tripoli', { noteMarkdown: 'first' });
    const second = core.importBytes('second.txt', Buffer.from('A second report\n\nIts only paragraph.\n')).document.id;
    core.annotations.create({ documentId: second, start: 0, end: 8, noteMarkdown: 'second' });
    await (await core.startSync(workspace, { watch: false })).stop();
    // Files written a moment ago are "racily clean": the next start still reads them.
    const anHourAgo = new Date(Date.now() - 3600_000);
    for (const name of readdirSync(workspace)) utimesSync(join(workspace, name), anHourAgo, anHourAgo);
    let engine = await core.startSync(workspace, { watch: false });
    expect(engine.counters.reads).toBe(2);
    expect(engine.counters.imports).toBe(0);
    await engine.stop();

    engine = await core.startSync(workspace, { watch: false });
    expect(engine.counters.reads).toBe(0);
    await engine.stop();

    writeSidecar((sidecar) => {
      sidecar.items[0]!.body[0]!.value = 'edited while closed';
    });
    engine = await core.startSync(workspace, { watch: false });
    expect(engine.counters).toMatchObject({ reads: 1, imports: 1 });
    expect(core.annotations.get(annotation.id).note.text).toBe('edited while closed');
  });

  it('takes a file changed before the watcher is ready, once it is', async () => {
    const annotation = highlight('Tripoli', { noteMarkdown: 'first' });
    await (await core.startSync(workspace, { watch: false })).stop();
    const engine = await core.startSync(workspace, { watch: true });
    writeSidecar((sidecar) => {
      sidecar.items[0]!.body[0]!.value = 'saved during start';
    });
    await engine.whenWatching();
    await until(() => core.annotations.get(annotation.id).note.text === 'saved during start');
    expect(engine.counters.imports).toBe(1);
  });

  it('pointed at another folder holding an older copy of the files, deletes and reverts nothing the library has', async () => {
    const kept = highlight('Tripoli', { noteMarkdown: 'newer note' });
    await (await core.startSync(workspace, { watch: false })).stop();
    const olderCopy = join(temp.path, 'older-copy');
    cpSync(workspace, olderCopy, { recursive: true });
    const later = highlight('beheading 11 people', { noteMarkdown: 'made after the copy' });
    core.annotations.update({ id: kept.id, noteMarkdown: 'newest note' });
    await (await core.startSync(workspace, { watch: false })).stop();

    const older = join(olderCopy, SIDECAR);
    writeSidecar((lastSynced) => {
      lastSynced.items[0]!.body[0]!.value = 'newer note, touched in the copy';
    }, older);
    await (await core.startSync(olderCopy, { watch: false })).stop();

    expect(core.annotations.get(later.id).note.text).toBe('made after the copy');
    expect(core.annotations.get(kept.id).note.text).toBe('newest note');
    const copied = readFileSync(older, 'utf8');
    expect(copied).toContain('made after the copy');
    expect(copied).toContain('newest note');
  });

  it('merges edits to different fields of one annotation, keeps both sides of a true conflict, and resolves it', async () => {
    const annotation = highlight('Tripoli', { noteMarkdown: 'base note' });
    const engine = await core.startSync(workspace, { watch: false });
    // The file changes the color while the app changes the note.
    writeSidecar((sidecar) => {
      sidecar.items[0]!.marginalia.color = 'blue';
    });
    core.annotations.update({ id: annotation.id, noteMarkdown: 'app note' });
    engine.importFile(SIDECAR);
    expect(core.annotations.get(annotation.id)).toMatchObject({ color: 'blue', note: { text: 'app note' } });
    expect(noteOf(readSidecar().items[0]!)).toBe('app note');

    // Both change the note: the app's stays, the file's waits as a conflict.
    writeSidecar((sidecar) => {
      sidecar.items[0]!.body[0]!.value = 'file note';
    });
    core.annotations.update({ id: annotation.id, noteMarkdown: 'app note 2' });
    engine.importFile(SIDECAR);
    expect(core.annotations.get(annotation.id).note.text).toBe('app note 2');
    const [conflict] = engine.status().conflicts;
    expect(conflict).toMatchObject({ annotationId: annotation.id, file: SIDECAR });
    engine.resolveConflict(conflict!.id, 'both');
    expect(
      core.annotations
        .list(documentId)
        .map((item) => item.note.text)
        .sort(),
    ).toEqual(['app note 2', 'file note']);
    expect(engine.status().conflicts).toEqual([]);
  });

  it('applies a deletion made in the file, and an old copy of the file cannot bring it back', async () => {
    const kept = highlight('Tripoli');
    const deleted = highlight('beheading 11 people');
    const engine = await core.startSync(workspace, { watch: false });
    const old = readFileSync(sidecarPath(), 'utf8');
    writeSidecar((sidecar) => {
      sidecar.items = sidecar.items.filter((item) => !item.id.endsWith(deleted.id));
    });
    engine.importFile(SIDECAR);
    expect(core.annotations.list(documentId).map((annotation) => annotation.id)).toEqual([kept.id]);
    expect(readSidecar().marginalia.tombstones).toEqual([expect.objectContaining({ id: deleted.id })]);
    writeFileSync(sidecarPath(), old);
    engine.importFile(SIDECAR);
    expect(core.annotations.list(documentId).map((annotation) => annotation.id)).toEqual([kept.id]);
  });

  it('reports a bad file with its line and column, applies nothing from it, does not overwrite it, and takes it once fixed', async () => {
    const annotation = highlight('Tripoli', { noteMarkdown: 'good' });
    const engine = await core.startSync(workspace, { watch: false });
    const good = readFileSync(sidecarPath(), 'utf8');
    const broken = good
      .replace('"motivation": "commenting"', '"motivation": "commenting",,')
      .replace('"value": "good"', '"value": "from broken file"');
    writeFileSync(sidecarPath(), broken);
    expect(engine.importFile(SIDECAR)).toBe('refused');
    const [problem] = engine.status().problems;
    const expectedLine = broken.split('\n').findIndex((line) => line.includes('"commenting",,')) + 1;
    expect(problem).toMatchObject({
      file: SIDECAR,
      line: expectedLine,
      message: expect.stringContaining('Not valid JSON'),
    });
    expect(engine.status().state).toBe('error');
    core.annotations.update({ id: annotation.id, noteMarkdown: 'changed meanwhile' });
    await engine.flush();
    expect(readFileSync(sidecarPath(), 'utf8')).toBe(broken);

    const wrongShape = good.replace('"motivation": "commenting"', '"motivation": "shouting"');
    writeFileSync(sidecarPath(), wrongShape);
    engine.importFile(SIDECAR);
    expect(engine.status().problems[0]).toMatchObject({
      message: 'first.items.0.motivation: must be one of "highlighting", "commenting", "replying", "linking"',
    });

    writeFileSync(sidecarPath(), good.replace('"value": "good"', '"value": "fixed in the file"'));
    expect(engine.importFile(SIDECAR)).toBe('merged');
    expect(engine.status()).toMatchObject({ state: 'synced', problems: [] });
    // Both sides changed the note since the last good sync: the app's stays and the file's is a conflict.
    expect(core.annotations.get(annotation.id).note.text).toBe('changed meanwhile');
    expect(engine.status().conflicts).toHaveLength(1);

    // tags.json gets the same care: a hostile one is reported and left as it is.
    const deep = `{"tags": [], "x": ${'['.repeat(5000)}${']'.repeat(5000)}}\n`;
    writeFileSync(join(workspace, 'tags.json'), deep);
    await engine.scan();
    expect(engine.status().problems).toEqual([
      expect.objectContaining({ file: 'tags.json', message: expect.stringContaining('nested more than') }),
    ]);
    expect(readFileSync(join(workspace, 'tags.json'), 'utf8')).toBe(deep);
  });

  it('rebuilds an empty library from the workspace alone, and verify finds no difference until a file changes', async () => {
    highlight('Tripoli', { noteMarkdown: 'Capital', tags: ['Place/Tripoli'] });
    highlight('beheading 11 people', { tags: ['Claim/Casualties'] });
    await core.startSync(workspace, { watch: false });
    const original = core.annotations
      .list(documentId)
      .map((annotation) => [
        annotation.id,
        annotation.note.text,
        annotation.tags,
        annotation.color,
        annotation.target?.position,
      ]);
    core.close();

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
    const fresh = ['--data-dir', join(temp.path, 'rebuilt'), '--workspace', workspace];
    const synced = await run([...fresh, 'sync']);
    expect(synced.stdout).toBe(`Synced 1 document with ${workspace}: 1 file read, 0 written.\n`);
    expect(await run([...fresh, 'verify'])).toMatchObject({ code: 0, stdout: `The library and ${workspace} agree.\n` });
    core = new MarginaliaCore({ dataDir: join(temp.path, 'rebuilt'), host: 'cli', version: '1' });
    expect(core.documents.list().map((document) => document.id)).toEqual([documentId]);
    expect(
      core.annotations
        .list(documentId)
        .map((annotation) => [
          annotation.id,
          annotation.note.text,
          annotation.tags,
          annotation.color,
          annotation.target?.position,
        ]),
    ).toEqual(original);
    core.close();

    writeSidecar((sidecar) => {
      sidecar.items[0]!.marginalia.color = 'red';
    });
    const verified = await run([...fresh, 'verify']);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toMatch(/annotation [0-9a-f-]+ differs between the library and the file\.\n$/);
    core = new MarginaliaCore({ dataDir: join(temp.path, 'rebuilt'), host: 'cli', version: '1' });
  });

  it("sets a removed document's files aside instead of restoring it, whether it was removed in the app or while sync was off", async () => {
    highlight('Tripoli', { noteMarkdown: 'kept safe' });
    await core.startSync(workspace, { watch: false });
    const other = core.importBytes('brief.md', Buffer.from('# Brief\n\nA short brief.\n')).document.id;
    await core.sync!.flush();
    expect(readdirSync(workspace)).toContain('brief.annotations.json');

    core.handlers.removeDocument({ id: documentId });
    expect(readdirSync(workspace).sort()).toEqual([
      '.removed',
      'brief.annotations.json',
      'brief.md',
      'brief.notes.md',
      'tags.json',
    ]);
    expect(readFileSync(join(workspace, '.removed', SIDECAR), 'utf8')).toContain('kept safe');

    // Removed from the CLI while nothing was syncing: the next start sets its files aside too.
    core.close();
    core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: '1' });
    core.documents.remove(other);
    await core.startSync(workspace, { watch: false });
    expect(core.documents.list()).toEqual([]);
    expect(readdirSync(workspace).sort()).toEqual(['.removed', 'tags.json']);
    expect(readdirSync(join(workspace, '.removed')).sort()).toEqual([
      'brief.annotations.json',
      'brief.md',
      'brief.notes.md',
      'reports-of-western-boots-on-the-ground-in-libya-as-islamic.annotations.json',
      'reports-of-western-boots-on-the-ground-in-libya-as-islamic.notes.md',
      'reports-of-western-boots-on-the-ground-in-libya-as-islamic.txt',
    ]);
  });

  it("offers a sync tool's conflict copy for merging, and merges it", async () => {
    const annotation = highlight('Tripoli', { noteMarkdown: 'mine' });
    const engine = await core.startSync(workspace, { watch: false });
    const copy = SIDECAR.replace('.json', '.sync-conflict-20261125-120000-ABCDEFG.json');
    writeFileSync(
      join(workspace, copy),
      readFileSync(sidecarPath(), 'utf8').replace('"color": "yellow"', '"color": "purple"'),
    );
    expect(engine.status().conflictFiles).toEqual([copy]);
    expect(engine.mergeConflictFile(copy)).toBe('merged');
    expect(core.annotations.get(annotation.id).color).toBe('purple');
    expect(existsSync(join(workspace, copy))).toBe(false);
    expect(engine.status().conflictFiles).toEqual([]);
  });

  it('converges with no lost update whatever mix of app and file edits, copies, renames, conflict copies and links happens between syncs', async () => {
    const ids = [highlight('Tripoli').id, highlight('beheading 11 people').id];
    const engine: SyncEngine = await core.startSync(workspace, { watch: false });
    // Outside the workspace: a sidecar for a document the library lacks, and its source.
    const outside = join(temp.path, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.txt'), 'Secret\n\nNothing outside the workspace is read.\n');
    writeFileSync(
      join(outside, 'evil.annotations.json'),
      readFileSync(sidecarPath(), 'utf8')
        .replaceAll(documentId, randomUUID())
        .replace(/"sourceFile": "[^"]*"/, '"sourceFile": "secret.txt"'),
    );
    const colors = ['yellow', 'green', 'blue', 'red'] as const;
    const edit = fc.record({
      side: fc.constantFrom('app', 'file'),
      target: fc.constantFrom(0, 1),
      field: fc.constantFrom('color', 'note'),
      value: fc.nat(3),
    });
    const structural = fc.constantFrom('none', 'copy', 'rename', 'conflict copy', 'links');
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ change: structural, edits: fc.array(edit, { maxLength: 4 }) }), {
          minLength: 1,
          maxLength: 5,
        }),
        async (batches) => {
          for (const { change, edits } of batches) {
            round++;
            // What a person, a sync tool or an attacker does to the folder, noticed by a scan as the watcher would.
            const stem = sidecarName.slice(0, -'.annotations.json'.length);
            const extras: string[] = [];
            if (change === 'copy') extras.push(`${stem} (copy ${round}).annotations.json`);
            if (change === 'conflict copy') extras.push(`${stem}.sync-conflict-2026-${round}.json`);
            for (const extra of extras) cpSync(sidecarPath(), join(workspace, extra));
            if (change === 'rename') {
              renameSync(sidecarPath(), join(workspace, `renamed-${round}.annotations.json`));
              sidecarName = `renamed-${round}.annotations.json`;
            }
            if (change === 'links') {
              symlinkSync(join(outside, 'evil.annotations.json'), join(workspace, `link-${round}.annotations.json`));
              symlinkSync(join(outside, 'secret.txt'), join(workspace, 'secret.txt'));
            }
            await engine.scan();

            const expected = new Map<string, string>();
            const touched = new Map<string, 'app' | 'file'>();
            for (const { side, target, field, value } of edits) {
              const id = ids[target]!;
              const key = `${id}:${field}`;
              const note = `note ${round}-${value}-${side}`;
              if (side === 'app') {
                if (field === 'color') core.annotations.update({ id, color: colors[value]! });
                else core.annotations.update({ id, noteMarkdown: note });
              } else {
                writeSidecar((sidecar) => {
                  const item = sidecar.items.find((candidate) => candidate.id.endsWith(id))!;
                  if (field === 'color') item.marginalia.color = colors[value]!;
                  else
                    item.body = [
                      { type: 'TextualBody', value: note, format: 'text/markdown', purpose: 'commenting' } as never,
                      ...item.body.filter((body) => body.purpose !== 'commenting'),
                    ];
                });
              }
              expected.set(key, field === 'color' ? colors[value]! : note);
              touched.set(key, touched.get(key) && touched.get(key) !== side ? ('both' as never) : side);
            }
            await engine.flush();
            await engine.scan();
            await engine.flush();
            // Nothing is lost or brought in: copies and links change nothing until merged, and nothing outside is read.
            expect(
              core.annotations
                .list(documentId)
                .map((annotation) => annotation.id)
                .sort(),
            ).toEqual([...ids].sort());
            expect(core.documents.list().map((document) => document.id)).toEqual([documentId]);
            // Every copy is offered for merging and every link is a problem; the rest agrees, and merging the same file again changes nothing.
            expect(engine.status().conflictFiles).toEqual(expect.arrayContaining(extras));
            if (change === 'links')
              expect(engine.status().problems.map((problem) => problem.file)).toContain(
                `link-${round}.annotations.json`,
              );
            const extraNames = [...extras, `link-${round}.annotations.json`, 'secret.txt'];
            expect(
              engine
                .verify()
                .filter(
                  (line) => !line.includes('unresolved conflict') && !extraNames.some((name) => line.includes(name)),
                ),
            ).toEqual([]);
            expect(engine.importFile(sidecarName)).toBe('unchanged');
            // Every edit made on one side only survives.
            for (const [key, side] of touched) {
              if ((side as string) === 'both') continue;
              const [id, field] = key.split(':') as [string, 'color' | 'note'];
              const annotation = core.annotations.get(id);
              expect(
                field === 'color' ? annotation.color : annotation.note.markdown.trim(),
                `${side} edit of ${field} after ${change}`,
              ).toBe(expected.get(key));
            }
            // The person merges the copies (stale versions: nothing is deleted or reverted) and removes the links.
            for (const extra of extras) expect(engine.mergeConflictFile(extra)).toBe('merged');
            expect(
              core.annotations
                .list(documentId)
                .map((annotation) => annotation.id)
                .sort(),
            ).toEqual([...ids].sort());
            for (const conflict of engine.status().conflicts) engine.resolveConflict(conflict.id, 'mine');
            if (change === 'links') {
              rmSync(join(workspace, `link-${round}.annotations.json`));
              rmSync(join(workspace, 'secret.txt'));
              await engine.scan();
            }
            for (const name of readdirSync(workspace).filter((file) => file.endsWith('.merged')))
              rmSync(join(workspace, name));
            expect(engine.verify()).toEqual([]);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
