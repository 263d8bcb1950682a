// A library in a temp folder for each test of a file: opened as the CLI opens it, closed and removed after.
import { afterEach, beforeEach } from 'vitest';
import { MarginaliaCore } from '../../src/core/core';
import { makeTempDir } from './temp';

export interface TempLibrary {
  /** This test's core, over its own library. */
  readonly core: MarginaliaCore;
  /** Its temp folder, the library's data folder, for the test's own files too. */
  readonly path: string;
}

/** Registers the set-up and clean-up; read `core` and `path` inside a test. */
export function useTempCore(): TempLibrary {
  let opened: { core: MarginaliaCore; temp: ReturnType<typeof makeTempDir> } | undefined;
  beforeEach(() => {
    const temp = makeTempDir();
    opened = { temp, core: new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' }) };
  });
  afterEach(() => {
    opened?.core.close();
    opened?.temp.remove();
    opened = undefined;
  });
  const current = () => {
    if (!opened) throw new Error('useTempCore: read core and path inside a test');
    return opened;
  };
  return {
    get core() {
      return current().core;
    },
    get path() {
      return current().temp.path;
    },
  };
}
