// The workspace folder as people and attackers leave it: copied sidecar pairs, links out of
// the folder, FIFOs, huge files, bad bytes and folders where files belong. Driven through
// the CLI (in this process, or as a child where a hang must fail rather than stall) on real
// temp folders; nothing outside the workspace is read or written, and one bad file never
// stops the others.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import {
  copyFileSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { prepareDocument } from '../../src/core/import/prepare';
import { runCliCaptured } from '../support/cli-run';
import { bundledChild } from '../support/bundled-child';
import { APP_ROOT, makeTempDir } from '../support/temp';

let child: string;
let temp: ReturnType<typeof makeTempDir>;
let workspace: string;
let outside: string;

beforeAll(async () => {
  child = await bundledChild('cli-child');
});

beforeEach(() => {
  temp = makeTempDir();
  workspace = join(temp.path, 'workspace');
  outside = join(temp.path, 'outside');
  mkdirSync(outside);
});
afterEach(() => temp.remove());

const library = (name = 'lib') => ['--data-dir', join(temp.path, name), '--workspace', workspace];

const cli = (args: string[]) => runCliCaptured(args);

/** The CLI in a child process that is killed after `timeout` ms (status null then). */
function cliChild(args: string[], timeout = 20_000) {
  const result = spawnSync(process.execPath, [child, ...args], {
    cwd: APP_ROOT,
    encoding: 'utf8',
    timeout,
    killSignal: 'SIGKILL',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A library with hello.txt imported and synced; returns its document id and the sidecar's name stem. */
async function helloWorkspace(): Promise<{ documentId: string; stem: string }> {
  const hello = join(temp.path, 'hello.txt');
  writeFileSync(hello, 'Hello\n\nA first paragraph about the harbour.\n\nA second paragraph about the market.\n');
  const documentId = (await cli([...library(), 'import', hello])).stdout.trim();
  await cli([...library(), 'annotate', documentId, '--quote', 'harbour', '--note', 'first note']);
  expect((await cli([...library(), 'sync'])).code).toBe(0);
  const sidecar = readdirSync(workspace).find((name) => name.endsWith('.annotations.json'))!;
  return { documentId, stem: sidecar.slice(0, -'.annotations.json'.length) };
}

/** A sidecar for a document that is not in the library, naming `sourceFile` as its source. */
function foreignSidecar(stem: string, documentId: string, sourceFile: string): string {
  const text = readFileSync(join(workspace, `${stem}.annotations.json`), 'utf8');
  const sidecar = JSON.parse(text.replaceAll(documentId, randomUUID())) as {
    marginalia: { document: { sourceFile: string; title: string; textSha256: string } };
  };
  sidecar.marginalia.document.sourceFile = sourceFile;
  sidecar.marginalia.document.title = 'From elsewhere';
  // Notes made on the text of the source that comes with them, as a copied-in pair's are.
  const source = join(workspace, sourceFile);
  if (lstatSync(source, { throwIfNoEntry: false })?.isFile())
    sidecar.marginalia.document.textSha256 = prepareDocument(sourceFile, readFileSync(source), 1e9).textSha256;
  return `${JSON.stringify(sidecar, null, 2)}\n`;
}

async function annotationIds(documentId: string): Promise<string[]> {
  const listed = JSON.parse((await cli([...library(), '--json', 'annotations', documentId])).stdout) as Array<{
    id: string;
  }>;
  return listed.map((annotation) => annotation.id);
}

describe('copied sidecars', () => {
  it('reports a copied sidecar pair as a copy, and an annotation made afterwards survives every later sync and is in the file', async () => {
    const { documentId, stem } = await helloWorkspace();
    copyFileSync(join(workspace, `${stem}.annotations.json`), join(workspace, `${stem} (copy).annotations.json`));
    copyFileSync(join(workspace, `${stem}.txt`), join(workspace, `${stem} (copy).txt`));
    const found = await cli([...library(), 'sync']);
    const added = (
      await cli([...library(), 'annotate', documentId, '--quote', 'market', '--note', 'made after the copy'])
    ).stdout.trim();
    for (let run = 0; run < 3; run++) expect((await cli([...library(), 'sync'])).code).toBe(0);
    expect(await annotationIds(documentId)).toContain(added);
    expect(readFileSync(join(workspace, `${stem}.annotations.json`), 'utf8')).toContain(added);
    expect(found.stderr).toContain(
      `${stem} (copy).annotations.json names the same document as ${stem}.annotations.json, so it is a copy and is not synced`,
    );
    expect(found.stdout).toContain('1 copy to merge');

    const verified = await cli([...library(), 'verify']);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain(
      `${stem} (copy).annotations.json names the same document as ${stem}.annotations.json`,
    );
  });

  it('merges a copy on request without deleting what the copy lacks, then sets it aside', async () => {
    const { documentId, stem } = await helloWorkspace();
    const core = new MarginaliaCore({ dataDir: join(temp.path, 'lib'), host: 'cli', version: '1' });
    try {
      const copy = `${stem} (copy).annotations.json`;
      const original = readFileSync(join(workspace, `${stem}.annotations.json`), 'utf8');
      writeFileSync(join(workspace, copy), original.replace('"color": "yellow"', '"color": "purple"'));
      const engine = await core.startSync(workspace, { watch: false });
      expect(engine.status().conflictFiles).toEqual([copy]);
      const text = core.documents.canonicalText(documentId);
      const later = core.annotations.create({
        documentId,
        start: text.indexOf('market'),
        end: text.indexOf('market') + 6,
      });
      await engine.flush();
      expect(engine.mergeConflictFile(copy)).toBe('merged');
      const colors = core.annotations.list(documentId).map((annotation) => [annotation.id, annotation.color]);
      expect(colors).toContainEqual([later.id, 'yellow']);
      expect(colors.filter(([, color]) => color === 'purple')).toHaveLength(1);
      expect(readdirSync(workspace)).toContain(`${copy}.merged`);
      expect(engine.status().conflictFiles).toEqual([]);
      expect(engine.verify()).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('verify reports an annotation in the library but in no file, and annotations in a file but not in the library', async () => {
    const { documentId, stem } = await helloWorkspace();
    const [annotationId] = await annotationIds(documentId);
    const foreign = foreignSidecar(stem, documentId, 'elsewhere.txt');
    writeFileSync(join(workspace, 'elsewhere.annotations.json'), foreign);
    rmSync(join(workspace, `${stem}.annotations.json`));
    const verified = await cli([...library(), 'verify']);
    expect(verified.code).toBe(1);
    const lines = verified.stdout.trim().split('\n');
    expect(lines).toContain(`annotation ${annotationId} of “Hello” is in the library but in no file.`);
    const foreignAnnotation = (
      JSON.parse(foreign) as { first: { items: Array<{ id: string }> } }
    ).first.items[0]!.id.slice('urn:uuid:'.length);
    expect(lines).toContain(
      `elsewhere.annotations.json: annotation ${foreignAnnotation} is in the file but not in the library.`,
    );
  });
});

describe('links, FIFOs, devices and sizes', () => {
  it('never imports a file through a link out of the workspace, and never reads a sidecar that is a link', async () => {
    const { documentId, stem } = await helloWorkspace();
    writeFileSync(join(outside, 'secret.txt'), 'Secret\n\nThe password is swordfish.\n');
    symlinkSync(join(outside, 'secret.txt'), join(workspace, 'leak.txt'));
    writeFileSync(join(workspace, 'leak.annotations.json'), foreignSidecar(stem, documentId, 'leak.txt'));
    writeFileSync(join(outside, 'linked.annotations.json'), foreignSidecar(stem, documentId, `${stem}.txt`));
    symlinkSync(join(outside, 'linked.annotations.json'), join(workspace, 'linked.annotations.json'));

    const synced = await cli([...library(), 'sync']);
    expect(synced.code).toBe(1);
    expect(synced.stderr).toContain(
      'marginalia: leak.annotations.json:0:0: Its source file “leak.txt” is not read: It is a symbolic link',
    );
    expect(synced.stderr).toContain('marginalia: linked.annotations.json:0:0: It is a symbolic link');
    expect(synced.stderr).toContain('marginalia: leak.txt:0:0: It is a symbolic link, so it is not synced');
    expect(synced.stdout).toContain(
      '3 files have problems and were left as they are (see above); everything else is synced.',
    );
    const listed = JSON.parse((await cli([...library(), '--json', 'list'])).stdout) as Array<{ id: string }>;
    expect(listed.map((document) => document.id)).toEqual([documentId]);
    expect((await cli([...library(), 'search', 'swordfish'])).stdout).not.toContain('swordfish');
  });

  it('never writes through or over a link: a sidecar, digest or source that is a link stays one, its target untouched', async () => {
    const { documentId, stem } = await helloWorkspace();
    const linkOut = (suffix: string) => {
      writeFileSync(join(outside, `target${suffix}`), 'outside, not to be touched\n');
      rmSync(join(workspace, `${stem}${suffix}`));
      symlinkSync(join(outside, `target${suffix}`), join(workspace, `${stem}${suffix}`));
    };
    const untouched = (suffix: string) => {
      expect(lstatSync(join(workspace, `${stem}${suffix}`)).isSymbolicLink(), suffix).toBe(true);
      expect(readFileSync(join(outside, `target${suffix}`), 'utf8'), suffix).toBe('outside, not to be touched\n');
    };
    linkOut('.notes.md');
    linkOut('.txt');
    const first = (
      await cli([...library(), 'annotate', documentId, '--quote', 'market', '--note', 'after the links'])
    ).stdout.trim();
    const synced = await cli([...library(), 'sync']);
    expect(synced.stderr).toBe(
      [`${stem}.txt`, `${stem}.notes.md`]
        .map(
          (name) =>
            `marginalia: ${name}:0:0: It is a symbolic link; the sync reads only regular files inside the workspace folder.\n`,
        )
        .join(''),
    );
    expect(readFileSync(join(workspace, `${stem}.annotations.json`), 'utf8')).toContain(first);
    untouched('.notes.md');
    untouched('.txt');

    linkOut('.annotations.json');
    await cli([...library(), 'annotate', documentId, '--quote', 'first paragraph', '--note', 'after the sidecar link']);
    const again = await cli([...library(), 'sync']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${stem}.annotations.json:0:0: It is a symbolic link`);
    untouched('.annotations.json');
  });

  it('refuses a FIFO named like a sidecar and a link to /dev/zero at once, instead of hanging or filling memory', async () => {
    const { documentId, stem } = await helloWorkspace();
    execFileSync('mkfifo', [join(workspace, 'trap.annotations.json')]);
    symlinkSync('/dev/zero', join(workspace, 'zero.txt'));
    writeFileSync(join(workspace, 'zero.annotations.json'), foreignSidecar(stem, documentId, 'zero.txt'));
    rmSync(join(workspace, 'tags.json'));
    symlinkSync('/dev/zero', join(workspace, 'tags.json'));
    const started = Date.now();
    const sync = cliChild([...library(), 'sync'], 20_000);
    expect(sync.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(sync.stderr).toContain('trap.annotations.json:0:0: It is not a regular file (a FIFO, socket or device)');
    expect(sync.stderr).toContain(
      'zero.annotations.json:0:0: Its source file “zero.txt” is not read: It is a symbolic link',
    );
    expect(sync.stderr).toContain('tags.json:0:0: It is a symbolic link');
  });

  it('refuses a sidecar over the entry cap and a source over the import limit before reading them', async () => {
    const { documentId, stem } = await helloWorkspace();
    writeFileSync(join(workspace, 'huge.annotations.json'), '{');
    truncateSync(join(workspace, 'huge.annotations.json'), 101 * 1024 * 1024);
    writeFileSync(join(workspace, 'big.annotations.json'), foreignSidecar(stem, documentId, 'big.txt'));
    writeFileSync(join(workspace, 'big.txt'), 'Big\n\n');
    truncateSync(join(workspace, 'big.txt'), 21 * 1024 * 1024);
    const synced = await cli([...library(), 'sync']);
    expect(synced.code).toBe(1);
    expect(synced.stderr).toContain(
      'huge.annotations.json:0:0: It is larger than 100 MB, the most the sync reads for this kind of file.',
    );
    expect(synced.stderr).toContain(
      'big.annotations.json:0:0: Its source file “big.txt” is not read: It is larger than 20 MB, the most the sync reads for this kind of file.',
    );
  });

  it('moves nothing out of the workspace through a .removed link: the files stay and the problem is named', async () => {
    const { documentId, stem } = await helloWorkspace();
    const trash = join(outside, 'trash');
    mkdirSync(trash);
    symlinkSync(trash, join(workspace, '.removed'));
    await cli([...library(), 'remove', documentId]);
    const synced = await cli([...library(), 'sync']);
    expect(synced.code).toBe(1);
    expect(synced.stderr).toContain(
      ".removed:0:0: .removed is not a folder inside the workspace (a link or a file), so removed documents' files are not moved into it.",
    );
    expect(readdirSync(trash)).toEqual([]);
    expect(readdirSync(workspace)).toContain(`${stem}.annotations.json`);
    // Nor is the removed document restored from the files left in place.
    expect((await cli([...library(), 'list'])).stdout).toBe('The library is empty.\n');
  });

  it('refuses tags.json that is not UTF-8, like bad JSON, and takes nothing from it', async () => {
    await helloWorkspace();
    const bad = Buffer.concat([
      Buffer.from('{"tags": [{"path": "Caf'),
      Buffer.from([0xe9]),
      Buffer.from('", "color": "red", "description": ""}]}\n'),
    ]);
    writeFileSync(join(workspace, 'tags.json'), bad);
    const synced = await cli([...library(), 'sync']);
    expect(synced.code).toBe(1);
    expect(synced.stderr).toContain('tags.json:0:0: The file is not UTF-8 text.');
    expect((await cli([...library(), 'tags'])).stdout).not.toContain('Caf');
    expect(readFileSync(join(workspace, 'tags.json'))).toEqual(bad);
  });
});

describe('one bad file', () => {
  it('a copied-in sidecar whose source is already in the library is reported on every run, and every other file keeps syncing', async () => {
    const { documentId, stem } = await helloWorkspace();
    writeFileSync(join(workspace, 'again.txt'), readFileSync(join(workspace, `${stem}.txt`)));
    writeFileSync(join(workspace, 'again.annotations.json'), foreignSidecar(stem, documentId, 'again.txt'));
    const sidecar = join(workspace, `${stem}.annotations.json`);
    writeFileSync(sidecar, readFileSync(sidecar, 'utf8').replace('"color": "yellow"', '"color": "green"'));
    writeFileSync(join(workspace, 'broken.annotations.json'), '{"items": [,]}\n');
    for (let run = 0; run < 2; run++) {
      const synced = await cli([...library(), 'sync']);
      expect(synced.code).toBe(1);
      expect(synced.stderr).toContain(
        `again.annotations.json:0:0: Its source file “again.txt” is already in the library as “Hello” (${documentId})`,
      );
      expect(synced.stderr).toMatch(/broken\.annotations\.json:\d+:\d+: Not valid JSON/);
      expect(synced.stderr).not.toContain('No document with id');
    }
    const listed = JSON.parse((await cli([...library(), '--json', 'annotations', documentId])).stdout) as Array<{
      color: string;
    }>;
    expect(listed.map((annotation) => annotation.color)).toEqual(['green']);
  });

  it('a sidecar whose annotations belong to another document is refused with a reason, and its document is not half-imported', async () => {
    const { documentId, stem } = await helloWorkspace();
    const [annotationId] = await annotationIds(documentId);
    writeFileSync(join(workspace, 'other.txt'), 'Other\n\nA different text about the harbour.\n');
    writeFileSync(join(workspace, 'other.annotations.json'), foreignSidecar(stem, documentId, 'other.txt'));
    const synced = await cli([...library(), 'sync']);
    expect(synced.code).toBe(1);
    expect(synced.stderr).toContain(
      `other.annotations.json:0:0: Annotation ${annotationId} in this file already belongs to another document (${documentId}); the file is not applied.`,
    );
    expect((await cli([...library(), 'list'])).stdout.trim().split('\n')).toHaveLength(1);
  });

  it('tags.json as a folder is a problem of that file (exit 1, not an internal error), and the notes still sync', async () => {
    const { documentId, stem } = await helloWorkspace();
    rmSync(join(workspace, 'tags.json'));
    mkdirSync(join(workspace, 'tags.json'));
    const added = (
      await cli([...library(), 'annotate', documentId, '--quote', 'market', '--tag', 'Place'])
    ).stdout.trim();
    const synced = await cli([...library(), 'sync']);
    expect(synced.code).toBe(1);
    expect(synced.stderr).toBe('marginalia: tags.json:0:0: It is a folder, not a file.\n');
    expect(readFileSync(join(workspace, `${stem}.annotations.json`), 'utf8')).toContain(added);
  });
});
