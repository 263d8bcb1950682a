import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeUtf8, isPlainName, readWorkspaceFile } from '../../src/core/sync/workspace-files';
import { makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe('reading a workspace file', () => {
  it('reads a regular file up to exactly the cap, with the stamp of what it read, and refuses one byte more', () => {
    writeFileSync(join(temp.path, 'ten.json'), '0123456789');
    const read = readWorkspaceFile(temp.path, 'ten.json', 10);
    expect(read).toMatchObject({ ok: true, stamp: { size: 10 } });
    expect(read.ok && read.bytes.toString()).toBe('0123456789');
    expect(readWorkspaceFile(temp.path, 'ten.json', 9)).toMatchObject({
      ok: false,
      missing: false,
      message: expect.stringContaining('larger than'),
    });
  });

  it('refuses a link (even to a file inside the folder), a FIFO and a folder, and says a missing file is missing', () => {
    writeFileSync(join(temp.path, 'real.json'), '{}');
    symlinkSync(join(temp.path, 'real.json'), join(temp.path, 'link.json'));
    execFileSync('mkfifo', [join(temp.path, 'fifo.json')]);
    mkdirSync(join(temp.path, 'folder.json'));
    expect(readWorkspaceFile(temp.path, 'link.json', 100)).toMatchObject({
      ok: false,
      missing: false,
      message: expect.stringContaining('symbolic link'),
    });
    expect(readWorkspaceFile(temp.path, 'fifo.json', 100)).toMatchObject({
      ok: false,
      missing: false,
      message: expect.stringContaining('FIFO'),
    });
    expect(readWorkspaceFile(temp.path, 'folder.json', 100)).toMatchObject({
      ok: false,
      missing: false,
      message: 'It is a folder, not a file.',
    });
    expect(readWorkspaceFile(temp.path, 'absent.json', 100)).toMatchObject({ ok: false, missing: true });
  });

  it('takes only plain names directly in the folder, and only valid UTF-8 as text', () => {
    for (const name of ['', '.', '..', '../x', 'a/b', 'a\\b']) expect(isPlainName(name), name).toBe(false);
    expect(readWorkspaceFile(temp.path, '../outside.json', 100)).toMatchObject({ ok: false, missing: false });
    expect(decodeUtf8(Buffer.from([0x43, 0x61, 0x66, 0xe9]))).toBeUndefined();
    expect(decodeUtf8(Buffer.from('Café'))).toBe('Café');
  });
});
