import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cli';
import { runCliCaptured } from '../support/cli-run';
import { MarginaliaCore } from '../../src/core/core';
import type { DocumentSource, ImportOutcome } from '../../src/shared/model';
import type { Result } from '../../src/shared/result';
import { encryptWithQpdf, manyPagePdf } from '../support/import-fixtures';
import { messageWithAttachment } from '../support/mime-fixtures';
import { FONTS_DIR, makeTempDir } from '../support/temp';

// An encrypted PDF that came as an e-mail's attachment imports with its password, as a file
// does: the contract's importAttachment takes the password (asked for when missing, said
// wrong when wrong, nothing stored either way), and `marginalia import --attachment N DOC`
// takes --password / --password-file or asks on a terminal.

const LETTER = 'council letter (locked).pdf';
const TITLE = 'Council Letter on the Sea Wall';
const PASSWORD = 'pw3';

let temp: ReturnType<typeof makeTempDir>;
let eml: Buffer;
beforeAll(async () => {
  const scratch = makeTempDir();
  try {
    const locked = encryptWithQpdf(await manyPagePdf(2, TITLE), scratch.path, PASSWORD);
    eml = messageWithAttachment('Fwd: council letter', 'The council wrote again; the letter is attached.', {
      fileName: LETTER,
      mimeType: 'application/pdf',
      bytes: locked,
    });
  } finally {
    scratch.remove();
  }
}, 60_000);
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const cli = (args: string[], askPassword?: CliIo['askPassword']) =>
  runCliCaptured(['--data-dir', join(temp.path, 'lib'), ...args], { fontsDir: FONTS_DIR }, {}, askPassword);

describe('importAttachment of an encrypted PDF', () => {
  let core: MarginaliaCore;
  beforeEach(() => {
    core = new MarginaliaCore({ dataDir: join(temp.path, 'core'), host: 'cli', version: 'test' });
  });
  afterEach(() => core.close());

  const importAttachment = (input: { documentId: string; index: number; password?: string }) =>
    core.call('importAttachment', input) as Promise<Result<ImportOutcome>>;

  it('asks for the password, says a wrong one is wrong, stores nothing until the right one opens it', async () => {
    const imported = (await core.call('importDocument', {
      fileName: 'fwd.eml',
      dataBase64: eml.toString('base64'),
    })) as Result<ImportOutcome>;
    if (!imported.ok) throw new Error(imported.error.message);
    const documentId = imported.value.document.id;
    const before = core.documents.count();

    expect(await importAttachment({ documentId, index: 0 })).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'PASSWORD_REQUIRED',
        message: `“${LETTER}” is encrypted: it opens only with its password. Nothing was imported.`,
      }),
    });
    const wrong = await importAttachment({ documentId, index: 0, password: 'low-water' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'PASSWORD_WRONG' } });
    expect(JSON.stringify(wrong)).not.toContain('low-water');
    expect(core.documents.count()).toBe(before);

    const opened = await importAttachment({ documentId, index: 0, password: PASSWORD });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.value).toMatchObject({ created: true, document: { title: TITLE, sourceType: 'pdf' } });
    const source = (await core.call('getDocumentSource', { id: opened.value.document.id })) as Result<DocumentSource>;
    expect(source.ok && source.value.provenance?.origin).toEqual({
      kind: 'attachment',
      messageId: '<fwd-council-letter@example.org>',
      attachmentName: LETTER,
      documentId,
    });
    const message = (await core.call('getDocumentSource', { id: documentId })) as Result<DocumentSource>;
    expect(message.ok && message.value.importedAttachments).toEqual([
      { index: 0, documentId: opened.value.document.id },
    ]);
    // The password opened the file once: it is in no stored column.
    const rows = JSON.stringify(core.db.prepare('SELECT * FROM documents').all());
    expect(rows).not.toContain(PASSWORD);

    const again = await importAttachment({ documentId, index: 0, password: PASSWORD });
    expect(again).toMatchObject({ ok: true, value: { created: false, document: { id: opened.value.document.id } } });
  }, 60_000);

  it('refuses a password that is not a string or is too long, as importDocument does', async () => {
    const documentId = '00000000-0000-4000-8000-000000000000';
    const tooLong = await importAttachment({ documentId, index: 0, password: 'x'.repeat(1025) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('marginalia import --attachment of an encrypted PDF', () => {
  async function importMessage(): Promise<string> {
    const path = join(temp.path, 'fwd.eml');
    writeFileSync(path, eml);
    const result = await cli(['import', path]);
    expect(result.code).toBe(0);
    return result.stdout.trim();
  }

  it('says the password is needed, that a wrong one is wrong, and opens it with --password-file', async () => {
    const message = await importMessage();
    const asked = await cli(['import', '--attachment', '1', message]);
    expect(asked).toMatchObject({
      code: 1,
      stderr:
        `marginalia: “${LETTER}” is encrypted: it opens only with its password. Nothing was imported. ` +
        'Give it with --password-file FILE (or --password PASSWORD).\n',
    });
    const wrong = await cli(['import', '--attachment', '1', message, '--password', 'low-water']);
    expect(wrong).toMatchObject({
      code: 1,
      stderr: `marginalia: The password for “${LETTER}” is not right. Nothing was imported.\n`,
    });
    const secret = join(temp.path, 'password.txt');
    writeFileSync(secret, `${PASSWORD}\n`);
    const opened = await cli(['--json', 'import', '--attachment', '1', '--password-file', secret, message]);
    expect(opened.code).toBe(0);
    expect(JSON.parse(opened.stdout)).toEqual({
      file: `${message}#1`,
      id: expect.any(String),
      title: TITLE,
      created: true,
    });
    expect(opened.stderr).toBe('');

    // Imported again (with --password this time), it says it was already in the library.
    const again = await cli(['import', '--attachment', '1', '--password', PASSWORD, message]);
    expect(again).toEqual({
      code: 0,
      stdout: `${(JSON.parse(opened.stdout) as { id: string }).id}\n`,
      stderr: `marginalia: “${LETTER}” is already in the library as “${TITLE}”.\n`,
    });
  }, 60_000);

  it('asks on the terminal when there is one and no password was given, again when it was wrong', async () => {
    const message = await importMessage();
    const prompts: string[] = [];
    const answers = ['low-water', PASSWORD];
    const opened = await cli(['import', '--attachment', '1', message], async (prompt) => {
      prompts.push(prompt);
      return answers.shift() ?? null;
    });
    expect(prompts).toEqual([`Password for ${LETTER}: `, `Wrong password. Password for ${LETTER}: `]);
    expect(opened).toMatchObject({ code: 0, stderr: '' });
    expect(opened.stdout).toMatch(/^[0-9a-f-]{36}\n$/);
  }, 60_000);

  it('imports nothing when the person gives up at the prompt', async () => {
    const message = await importMessage();
    const gaveUp = await cli(['import', '--attachment', '1', message], async () => null);
    expect(gaveUp.code).toBe(1);
    expect(gaveUp.stderr).toContain(`“${LETTER}” is encrypted: it opens only with its password.`);
    const list = JSON.parse((await cli(['--json', 'list'])).stdout) as unknown[];
    expect(list).toHaveLength(1);
  }, 60_000);

  it('refuses both password flags at once', async () => {
    const message = await importMessage();
    const secret = join(temp.path, 'password.txt');
    writeFileSync(secret, `${PASSWORD}\n`);
    const both = await cli(['import', '--attachment', '1', '--password', 'a', '--password-file', secret, message]);
    expect(both).toMatchObject({ code: 1, stderr: expect.stringContaining('not both') });
  }, 60_000);
});
