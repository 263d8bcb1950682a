// Makes sure the renderer the browser host serves is built from the current sources.
import { buildRendererIfNeeded } from '../../src/cli/renderer-build';
import { APP_ROOT } from '../support/temp';

export default function globalSetup(): void {
  buildRendererIfNeeded(APP_ROOT, (line) => process.stdout.write(line));
}
