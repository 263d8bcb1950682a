// npm start: makes sure better-sqlite3 has an Electron build, then builds and starts the
// desktop app with electron-vite (preview: a production build; --dev: hot reload).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { prepareElectronNative } from './prepare-electron-native.mjs';

const root = join(import.meta.dirname, '..');
try {
  prepareElectronNative(root);
} catch (error) {
  process.stderr.write(`marginalia: ${error.message}\n`);
  process.exit(1);
}
const mode = process.argv.includes('--dev') ? 'dev' : 'preview';
const result = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), mode], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
