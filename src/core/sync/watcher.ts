// The watcher: chokidar on the workspace folder (not following links, only the files the
// sync reads), telling the engine which file changed once its writer has finished.
import type * as Chokidar from 'chokidar';
import type { FSWatcher } from 'chokidar';
import { createRequire } from 'node:module';
import { basename, resolve as resolvePath } from 'node:path';
import { EVIDENCE_FILE } from '../../shared/bundle-evidence';
import { SIDECAR_SUFFIX, TAGS_FILE } from '../../shared/sidecar';
import { CONFLICT_FILE } from './workspace-files';

export interface WatchHandlers {
  /** tags.json was added or changed. */
  tagsChanged(): void;
  /** evidence.jsonld was added or changed. */
  evidenceChanged(): void;
  /** A sidecar was added or changed. */
  sidecarChanged(name: string): void;
  /** A sync tool's conflict copy appeared or changed (it is offered, never read on its own). */
  conflictCopySeen(): void;
  /** A watched file went away. */
  fileRemoved(): void;
}

/** The files other programs may change that the sync reads: sidecars, tags.json, and sync tools' conflict copies. */
function isWatchedName(name: string): boolean {
  return name === TAGS_FILE || name === EVIDENCE_FILE || name.endsWith(SIDECAR_SUFFIX) || CONFLICT_FILE.test(name);
}

/** Starts watching `dir`; resolves with the watcher once it is ready. */
export async function watchWorkspace(
  dir: string,
  handlers: WatchHandlers,
  started: (watcher: FSWatcher) => void,
): Promise<void> {
  const root = resolvePath(dir);
  // chokidar loads when a workspace is watched, not with every command.
  const chokidar = createRequire(import.meta.url)('chokidar') as typeof Chokidar;
  const watcher = chokidar.watch(root, {
    depth: 0,
    ignoreInitial: true,
    // A link is reported as itself (and refused when read), never watched through to its target.
    followSymlinks: false,
    // Only the files the sync reads are watched: sources and digests are the app's own.
    ignored: (path) => resolvePath(path) !== root && !isWatchedName(basename(path)),
    awaitWriteFinish: { stabilityThreshold: 60, pollInterval: 20 },
  });
  started(watcher);
  const onFile = (path: string) => {
    const name = basename(path);
    if (name === TAGS_FILE) handlers.tagsChanged();
    else if (name === EVIDENCE_FILE) handlers.evidenceChanged();
    else if (CONFLICT_FILE.test(name)) handlers.conflictCopySeen();
    else if (name.endsWith(SIDECAR_SUFFIX)) handlers.sidecarChanged(name);
  };
  watcher.on('add', onFile);
  watcher.on('change', onFile);
  watcher.on('unlink', () => handlers.fileRemoved());
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
}
