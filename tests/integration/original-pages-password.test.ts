import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import type { OriginalPage } from '../../src/shared/model';
import type { ContractError } from '../../src/shared/result';
import { encryptWithQpdf } from '../support/import-fixtures';
import { buildPagedPdf } from '../support/paged-pdf';
import { makeTempDir } from '../support/temp';

// The original page of an encrypted PDF: the password is never stored with the document, so
// the page view asks for it; a wrong one is said as wrong, the right one draws the page and
// is kept in memory for the next pages of this session, never written to the library.

const PASSWORD = 'harbour-2026';
let temp: ReturnType<typeof makeTempDir>;
let core: MarginaliaCore;
let documentId: string;

async function page(input: Record<string, unknown>): Promise<OriginalPage> {
  const result = await core.call('getOriginalPage', { documentId, ...input } as never);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as OriginalPage;
}

async function refusal(input: Record<string, unknown>): Promise<ContractError> {
  const result = await core.call('getOriginalPage', { documentId, ...input } as never);
  if (result.ok) throw new Error('the page was drawn');
  return result.error;
}

/** Every file under `dir`, as bytes. */
function filesUnder(dir: string): Buffer[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [readFileSync(path)];
  });
}

beforeAll(async () => {
  temp = makeTempDir();
  core = new MarginaliaCore({ dataDir: join(temp.path, 'data'), host: 'cli', version: 'test' });
  const locked = encryptWithQpdf((await buildPagedPdf()).bytes, temp.path, PASSWORD);
  const result = await core.call('importDocument', {
    fileName: 'locked.pdf',
    dataBase64: Buffer.from(locked).toString('base64'),
    password: PASSWORD,
  });
  if (!result.ok) throw new Error(result.error.message);
  documentId = (result.value as { document: { id: string } }).document.id;
}, 60_000);

afterAll(() => {
  core.close();
  temp.remove();
});

describe('the original page of an encrypted PDF', () => {
  it('asks for the password, says a wrong one is wrong, and draws the page with the right one', async () => {
    const asked = await refusal({ page: 1 });
    expect(asked.code).toBe('PASSWORD_REQUIRED');
    expect(asked.message).toBe('“locked.pdf” is encrypted: its pages can be shown only with its password.');
    const wrong = await refusal({ page: 1, password: 'not-it' });
    expect(wrong.code).toBe('PASSWORD_WRONG');
    expect(wrong.message).toBe('That is not the password of “locked.pdf”.');
    const drawn = await page({ page: 1, password: PASSWORD });
    expect(drawn.page).toBe(1);
    expect(drawn.pageCount).toBeGreaterThan(1);
    expect(Buffer.from(drawn.pngBase64, 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 60_000);

  it('keeps the password for the next pages of the session, in memory only', async () => {
    // Page 2 was never drawn: the worker opens the file again, with the password kept.
    const next = await page({ page: 2 });
    expect(next.page).toBe(2);
    const anywhere = filesUnder(join(temp.path, 'data')).some((bytes) => bytes.includes(Buffer.from(PASSWORD)));
    expect(anywhere).toBe(false);
  }, 60_000);
});
