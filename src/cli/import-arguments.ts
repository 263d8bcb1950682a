// The files a command line imports, told from the raw arguments before the program (and the
// core) has loaded, so main.ts can start the reader worker they need meanwhile. Only a hint:
// the program parses the same arguments properly, and a wrong guess costs only a warm-up.

/** The global options that take a value, as program.ts declares them (a test keeps the two the same). */
export const GLOBAL_VALUE_OPTIONS: readonly string[] = ['--data-dir', '--workspace', '--max-import-mb'];

/** The arguments after `import` that are not flags, when import is the command; else none. */
export function importedFileNames(argv: readonly string[]): string[] {
  let index = 0;
  while (index < argv.length && argv[index]!.startsWith('-')) {
    index += GLOBAL_VALUE_OPTIONS.includes(argv[index]!) ? 2 : 1;
  }
  if (argv[index] !== 'import') return [];
  return argv.slice(index + 1).filter((argument) => !argument.startsWith('-'));
}
