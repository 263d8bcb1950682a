// Temporary folders for tests that touch real files and databases.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function makeTempDir(prefix = 'marginalia-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export const HTML_SAMPLES = join(import.meta.dirname, '../fixtures/html');
export const FIXTURES = join(import.meta.dirname, '../fixtures');
export const APP_ROOT = join(import.meta.dirname, '../..');
export const SAMPLE_REPORT = join(APP_ROOT, 'resources/samples/sabratha-report.txt');
export const FONTS_DIR = join(APP_ROOT, 'resources/fonts');
