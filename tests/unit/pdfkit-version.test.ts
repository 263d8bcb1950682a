// src/core/export/pdfkit-internals.ts reaches into pdfkit's private fields, which any release
// may change: this pins the version that file was written and checked for.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PINNED_PDFKIT_VERSION = '0.20.2';

/** pdfkit's own package.json (not among its exports, so found from its main file). */
function installedPdfkitVersion(): string {
  const main = createRequire(import.meta.url).resolve('pdfkit');
  let folder = dirname(main);
  while (!folder.endsWith('pdfkit') && folder !== dirname(folder)) folder = dirname(folder);
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name: string; version: string };
  expect(manifest.name).toBe('pdfkit');
  return manifest.version;
}

describe('the pdfkit the export was written for', () => {
  it(`is ${PINNED_PDFKIT_VERSION}`, () => {
    const installed = installedPdfkitVersion();
    expect(
      installed,
      `pdfkit is ${installed}, not ${PINNED_PDFKIT_VERSION}: re-check src/core/export/pdfkit-internals.ts ` +
        "(pdfkit's private fields _font, _root, _write and _offset) and tests/integration/pdf-export-identity.test.ts, " +
        'then change PINNED_PDFKIT_VERSION here',
    ).toBe(PINNED_PDFKIT_VERSION);
  });
});
