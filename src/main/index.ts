// Electron main entry: hands the real electron module to the desktop shell.
import * as electron from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDesktopApp } from './app';

const appRoot = electron.app.getAppPath();
const { version } = JSON.parse(readFileSync(join(appRoot, 'package.json'), 'utf8')) as { version: string };

startDesktopApp(electron, {
  appRoot,
  version,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
  rendererDir: join(import.meta.dirname, '../renderer'),
});
