// A library on a real core in a temp folder, with every importProgress event it sends kept in
// order: the setup of the tests that import as the window does, under a jobId.
import { MarginaliaCore } from '../../src/core/core';
import type { ImportProgress } from '../../src/shared/model';
import { makeTempDir } from './temp';

export interface WatchedLibrary {
  temp: ReturnType<typeof makeTempDir>;
  core: MarginaliaCore;
  progress: ImportProgress[];
  close(): void;
}

export function watchedLibrary(): WatchedLibrary {
  const temp = makeTempDir();
  const core = new MarginaliaCore({ dataDir: temp.path, host: 'cli', version: 'test' });
  const progress: ImportProgress[] = [];
  core.events.subscribe((envelope) => {
    if (envelope.event === 'importProgress') progress.push(envelope.payload);
  });
  return {
    temp,
    core,
    progress,
    close: () => {
      core.close();
      temp.remove();
    },
  };
}
