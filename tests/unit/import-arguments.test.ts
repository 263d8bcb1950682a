// main.ts guesses an import's files from the raw arguments to start its reader worker early.
import { describe, expect, it } from 'vitest';
import { CliSession, buildProgram } from '../../src/cli/cli';
import { GLOBAL_VALUE_OPTIONS, importedFileNames } from '../../src/cli/import-arguments';

describe('the files an import names, read before the program loads', () => {
  it('are the arguments after import that are not flags, global options and their values skipped', () => {
    expect(importedFileNames(['--data-dir', 'lib', '--json', 'import', 'a.docx', '--password', 'x', 'b.pdf'])).toEqual([
      'a.docx',
      'x',
      'b.pdf',
    ]);
    expect(importedFileNames(['--max-import-mb=300', 'import', 'a.docx'])).toEqual(['a.docx']);
  });

  it('are none for any other command, even one given a file or the word import', () => {
    expect(importedFileNames(['search', 'import', 'a.docx'])).toEqual([]);
    expect(importedFileNames(['--workspace', 'import', 'list'])).toEqual([]);
    expect(importedFileNames([])).toEqual([]);
  });

  it('skip exactly the global options the program says take a value', () => {
    const session = new CliSession({ stdout: () => undefined, stderr: () => undefined, env: {} }, { version: '1' }, []);
    const taking = buildProgram(session)
      .options.filter((option) => option.required || option.optional)
      .map((option) => option.long);
    expect([...GLOBAL_VALUE_OPTIONS].sort()).toEqual(taking.sort());
  });
});
