// The command the CLI's low-confidence hint gives must run as printed: a path quoted for the
// shell, a file:// argument as its path (--update reads a path), an address with remove first.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileHint } from '../../src/cli/commands/import';
import type { ImportOutcome } from '../../src/shared/model';
import { makeTempDir } from '../support/temp';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

const poor = (ocr: ImportOutcome['ocr']): ImportOutcome => ({
  document: { id: 'doc-1' } as ImportOutcome['document'],
  created: true,
  ...(ocr ? { ocr } : {}),
});

describe('the CLI’s hint for a scan read poorly', () => {
  it('gives the --update command with the path quoted for the shell, also for a file:// argument', () => {
    const path = join(temp.path, "Lettre d'Anne.png");
    writeFileSync(path, 'x');
    const quoted = `'${path.replace("'", `'\\''`)}'`;
    const expected =
      `“${path}” was read as English with a low mean OCR confidence (61%): if it is in French, ` +
      `read it again with marginalia import --update doc-1 --ocr-lang fra ${quoted}.`;
    expect(fileHint(path, poor({ meanConfidence: 61, languages: 'eng' }))).toBe(expected);
    const url = pathToFileURL(path).href;
    expect(fileHint(url, poor({ meanConfidence: 61, languages: 'eng' }))).toBe(
      expected.replace(`“${path}”`, `“${url}”`),
    );
  });

  it('tells an address to be removed and imported again, and says nothing of a scan read well or a text file', () => {
    expect(fileHint('https://example.org/scan.pdf', poor({ meanConfidence: 70, languages: 'fra' }))).toBe(
      '“https://example.org/scan.pdf” was read as French with a low mean OCR confidence (70%): if it is in English, ' +
        'remove it (marginalia remove doc-1) and import it again with --ocr-lang eng.',
    );
    expect(fileHint('scan.pdf', poor({ meanConfidence: 95, languages: 'eng' }))).toBeUndefined();
    expect(fileHint('notes.txt', poor(undefined))).toBeUndefined();
  });
});
