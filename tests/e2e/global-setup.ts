// Makes sure the renderer the browser host serves, and the reader worker its core starts, are
// built from the current sources.
import { buildRendererIfNeeded } from '../../src/cli/renderer-build';
import { buildWorkerIfNeeded } from '../support/built-worker';
import { APP_ROOT } from '../support/temp';

export default function globalSetup(): void {
  buildRendererIfNeeded(APP_ROOT, (line) => process.stdout.write(line));
  buildWorkerIfNeeded((line) => process.stdout.write(line));
}
