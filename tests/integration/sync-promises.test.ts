// The workspace promises a new analyst relies on, driven through the CLI on real temp folders:
// an edited text restores from the files alone and is never silently reverted, a source file
// replaced by a link is reported, the Markdown digest follows every change, and the summary
// counts the files it wrote.
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { runCliCaptured } from '../support/cli-run';
import { makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
let workspace: string;

beforeEach(() => {
  temp = makeTempDir();
  workspace = join(temp.path, 'workspace');
});
afterEach(() => temp.remove());

const library = (name = 'lib') => ['--data-dir', join(temp.path, name), '--workspace', workspace];

const cli = (args: string[]) => runCliCaptured(args);

function withCore<T>(name: string, run: (core: MarginaliaCore) => T): T {
  const core = new MarginaliaCore({ dataDir: join(temp.path, name), host: 'cli', version: '1' });
  try {
    return run(core);
  } finally {
    core.close();
  }
}

/** A library with hello.txt imported, one note on it, and synced. */
async function helloWorkspace(): Promise<{ documentId: string; annotationId: string }> {
  const hello = join(temp.path, 'hello.txt');
  writeFileSync(hello, 'Hello\n\nThe boats left the harbour before daw.\n\nA second paragraph about the market.\n');
  const documentId = (await cli([...library(), 'import', hello])).stdout.trim();
  const annotationId = (
    await cli([...library(), 'annotate', documentId, '--quote', 'harbour', '--note', 'first note'])
  ).stdout.trim();
  expect((await cli([...library(), 'sync'])).code).toBe(0);
  return { documentId, annotationId };
}

function sidecarTextSha(): string {
  return (
    JSON.parse(readFileSync(join(workspace, 'hello.annotations.json'), 'utf8')) as {
      marginalia: { document: { textSha256: string } };
    }
  ).marginalia.document.textSha256;
}

describe('an edited text in the workspace', () => {
  it('restores into an empty library from the files alone, and a library holding the old text neither reverts the files nor is reverted', async () => {
    const { documentId, annotationId } = await helloWorkspace();
    expect((await cli([...library('old'), 'sync'])).code).toBe(0); // a second library, restored before the edit
    withCore('lib', (core) =>
      core.updateDocumentText(
        documentId,
        core.documents.detail(documentId).lexicalJson.replace('before daw.', 'before dawn.'),
      ),
    );
    expect((await cli([...library(), 'sync'])).code).toBe(0);
    const edited = withCore('lib', (core) => core.documents.textSha256(documentId));
    expect(sidecarTextSha()).toBe(edited);

    const restored = await cli([...library('restored'), 'sync']);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    withCore('restored', (core) => {
      expect(core.documents.canonicalText(documentId)).toContain('before dawn.');
      expect(core.annotations.list(documentId).map((annotation) => annotation.id)).toEqual([annotationId]);
    });
    expect(sidecarTextSha()).toBe(edited);
    expect((await cli([...library('restored'), 'verify'])).code).toBe(0);

    const old = await cli([...library('old'), 'sync']);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain('hello.annotations.json:0:0: Its notes were made on another text of “Hello”');
    expect(sidecarTextSha()).toBe(edited);
    withCore('old', (core) => expect(core.documents.canonicalText(documentId)).toContain('before daw.\n'));
    const verified = await cli([...library('old'), 'verify']);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain(
      `hello.annotations.json: the text of “Hello” differs between the library (version ${withCore('old', (core) => core.documents.textSha256(documentId)).slice(0, 7)}) and the file (version ${edited.slice(0, 7)}).`,
    );
  });

  it('is rebuilt from known nodes when read: inline styles in a hostile text file never reach the library', async () => {
    const { documentId } = await helloWorkspace();
    withCore('lib', (core) =>
      core.updateDocumentText(
        documentId,
        core.documents.detail(documentId).lexicalJson.replace('before daw.', 'before dawn.'),
      ),
    );
    await cli([...library(), 'sync']);
    const path = join(workspace, 'hello.text.json');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(
        '"format":0,"mode":"normal","style":""',
        '"format":0,"mode":"normal","style":"position:fixed;inset:0"',
      ),
    );
    expect(readFileSync(path, 'utf8')).toContain('position:fixed');
    expect((await cli([...library('restored'), 'sync'])).code).toBe(0);
    withCore('restored', (core) =>
      expect(core.documents.detail(documentId).lexicalJson).not.toContain('position:fixed'),
    );
  });
});

describe('an edited text that came in a bundle', () => {
  it('is carried by the workspace too, so an empty library restores it', async () => {
    const { documentId } = await helloWorkspace();
    withCore('lib', (core) =>
      core.updateDocumentText(
        documentId,
        core.documents.detail(documentId).lexicalJson.replace('before daw.', 'before dawn.'),
      ),
    );
    const bundle = join(temp.path, 'notes.mnb');
    expect(
      (
        await cli([
          '--data-dir',
          join(temp.path, 'lib'),
          'bundle',
          'export',
          'Hello',
          '--out',
          bundle,
          '--with-sources',
        ])
      ).code,
    ).toBe(0);
    const reviewer = join(temp.path, 'reviewer-workspace');
    expect((await cli(['--data-dir', join(temp.path, 'reviewer'), 'bundle', 'import', bundle])).code).toBe(0);
    expect((await cli(['--data-dir', join(temp.path, 'reviewer'), '--workspace', reviewer, 'sync'])).code).toBe(0);
    const restored = await cli(['--data-dir', join(temp.path, 'restored'), '--workspace', reviewer, 'sync']);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    withCore('restored', (core) => expect(core.documents.canonicalText(documentId)).toContain('before dawn.'));
  });
});

describe('links where a file belongs', () => {
  it('reports a source file replaced by a link in sync and verify, and names a stray link without reading it', async () => {
    await helloWorkspace();
    writeFileSync(join(temp.path, 'secret.txt'), 'Secret\n\nThe password is swordfish.\n');
    rmSync(join(workspace, 'hello.txt'));
    symlinkSync(join(temp.path, 'secret.txt'), join(workspace, 'hello.txt'));
    symlinkSync(join(temp.path, 'secret.txt'), join(workspace, 'leak.txt'));
    const synced = await cli([...library(), 'sync']);
    expect(synced.code).toBe(1);
    expect(synced.stderr).toContain('marginalia: hello.txt:0:0: It is a symbolic link');
    expect(synced.stderr).toContain('marginalia: leak.txt:0:0: It is a symbolic link, so it is not synced');
    const verified = await cli([...library(), 'verify']);
    expect(verified.code).toBe(1);
    expect(verified.stdout).toContain('hello.txt:0:0: It is a symbolic link');
    expect(verified.stdout).toContain('leak.txt:0:0: It is a symbolic link');
    expect((await cli([...library(), 'search', 'swordfish'])).stdout).not.toContain('swordfish');
  });
});

describe('the Markdown digest', () => {
  it('follows a note edited in the sidecar, and shows replies under their note', async () => {
    const { annotationId } = await helloWorkspace();
    const sidecar = join(workspace, 'hello.annotations.json');
    writeFileSync(sidecar, readFileSync(sidecar, 'utf8').replace('first note', 'edited in the file'));
    expect((await cli([...library(), 'sync'])).code).toBe(0);
    const digest = () => readFileSync(join(workspace, 'hello.notes.md'), 'utf8');
    expect(digest()).toContain('edited in the file');
    expect(digest()).not.toContain('first note');

    withCore('lib', (core) => core.annotations.createReply(annotationId, 'A reply in the thread'));
    expect((await cli([...library(), 'sync'])).code).toBe(0);
    expect(digest()).toMatch(/edited in the file\n\n> \*\*[^*]+\*\* \(\d{4}-\d\d-\d\d\): A reply in the thread\n/);
  });
});

describe('the sync summary', () => {
  it('counts every file it wrote: source, sidecar, digest and tags.json', async () => {
    const hello = join(temp.path, 'hello.txt');
    writeFileSync(hello, 'Hello\n\nThe boats left the harbour.\n');
    const documentId = (await cli([...library(), 'import', hello])).stdout.trim();
    await cli([...library(), 'annotate', documentId, '--quote', 'harbour', '--note', 'a note', '--tag', 'Place']);
    expect((await cli([...library(), 'sync'])).stdout).toBe(
      `Synced 1 document with ${workspace}: 0 files read, 4 written.\n`,
    );
    expect((await cli([...library(), 'sync'])).stdout).toBe(
      `Synced 1 document with ${workspace}: 0 files read, 0 written.\n`,
    );
  });
});

describe('problems in plain words', () => {
  it('names a missing field and a JSON syntax error without zod’s or JSON.parse’s wording', async () => {
    await helloWorkspace();
    const sidecar = readFileSync(join(workspace, 'hello.annotations.json'), 'utf8');
    writeFileSync(join(workspace, 'shape.annotations.json'), sidecar.replace(/\s*"type": "AnnotationCollection",/, ''));
    writeFileSync(
      join(workspace, 'broken.annotations.json'),
      '{\n  "@context": "http://www.w3.org/ns/anno.jsonld",\n  id: 1\n}\n',
    );
    const synced = await cli([...library(), 'sync']);
    expect(synced.code).toBe(1);
    expect(synced.stderr).toContain('marginalia: shape.annotations.json:1:1: type is missing\n');
    expect(synced.stderr).toContain(
      'marginalia: broken.annotations.json:3:3: Not valid JSON: Expected double-quoted property name\n',
    );
  });
});
