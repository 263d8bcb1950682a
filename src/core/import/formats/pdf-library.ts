// Opens a PDF with pdfjs-dist inside this thread, with everything that could run code or
// reach outside switched off, and turns pdfjs's failures into messages a person can act on.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { UserFacingError } from '../../../shared/result';

export type Pdfjs = typeof PdfjsModule;

let loaded: Promise<Pdfjs> | undefined;

/**
 * pdfjs and its worker load on first use (they are large and only PDF import needs them).
 * Setting `globalThis.pdfjsWorker` makes pdfjs run its "worker" in this thread instead of
 * spawning one or importing a script by URL; the import pipeline decides which thread that is.
 */
export function pdfjsLibrary(): Promise<Pdfjs> {
  loaded ??= keepingEngineBuiltins(async () => {
    const require = createRequire(import.meta.url);
    const workerUrl = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href;
    const worker: unknown = await import(workerUrl);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  });
  return loaded;
}

/**
 * Loads pdfjs, then puts back the engine's own Array.prototype.push and JSON.parse. The legacy
 * build's core-js swaps them, for the whole thread, for polyfills that differ only at lengths
 * near 2^53 and in JSON.parse's source-text argument, and that are many times slower: every push
 * in a 5,000-page import (pdfjs's page lookups and the layout code alike) went through one.
 * What core-js adds where the engine has nothing (Promise.withResolvers, say) stays.
 */
async function keepingEngineBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const push = Object.getOwnPropertyDescriptor(Array.prototype, 'push');
  const parse = Object.getOwnPropertyDescriptor(JSON, 'parse');
  try {
    return await load();
  } finally {
    if (push) Object.defineProperty(Array.prototype, 'push', push);
    if (parse) Object.defineProperty(JSON, 'parse', parse);
  }
}

/** The package's own data folders, read from disk: standard fonts' metrics and CJK character maps. */
function packageFolder(name: string): string {
  const require = createRequire(import.meta.url);
  return `${join(dirname(require.resolve('pdfjs-dist/package.json')), name)}/`;
}

interface PdfjsFailure {
  name?: unknown;
  code?: unknown;
  message?: unknown;
}

/** pdfjs's PasswordException codes (PasswordResponses). */
const NEED_PASSWORD = 1;

function failureFor(error: unknown, fileName: string, password: string | undefined): UserFacingError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as PdfjsFailure;
  const detail = typeof failure.message === 'string' ? failure.message : String(error);
  if (failure.name === 'PasswordException') {
    if (failure.code === NEED_PASSWORD && (password === undefined || password === '')) {
      return new UserFacingError(
        'PASSWORD_REQUIRED',
        `“${fileName}” is encrypted: it opens only with its password. Nothing was imported.`,
      );
    }
    return new UserFacingError('PASSWORD_WRONG', `The password for “${fileName}” is not right. Nothing was imported.`);
  }
  if (/size is zero bytes/i.test(detail)) return new UserFacingError('EMPTY_FILE', `“${fileName}” is empty.`);
  if (
    failure.name === 'InvalidPDFException' ||
    failure.name === 'FormatError' ||
    failure.name === 'UnknownErrorException'
  ) {
    return new UserFacingError(
      'INVALID_INPUT',
      `“${fileName}” could not be read as a PDF; it may be damaged or cut short (pdf.js: ${detail.slice(0, 200)}).`,
    );
  }
  return new UserFacingError('INVALID_INPUT', `“${fileName}” could not be read as a PDF (${detail.slice(0, 200)}).`);
}

export interface OpenPdfOptions {
  fileName: string;
  bytes: Uint8Array;
  password?: string;
}

export async function openPdf(pdfjs: Pdfjs, options: OpenPdfOptions): Promise<PDFDocumentProxy> {
  const task = pdfjs.getDocument({
    // pdfjs takes ownership of (detaches) the buffer it is given; the caller's bytes stay whole.
    data: new Uint8Array(options.bytes),
    ...(options.password !== undefined ? { password: options.password } : {}),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    stopAtErrors: false,
    standardFontDataUrl: packageFolder('standard_fonts'),
    cMapUrl: packageFolder('cmaps'),
    cMapPacked: true,
    // JPEG 2000 images (common in scans) are decoded by the package's own OpenJPEG build.
    wasmUrl: packageFolder('wasm'),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw failureFor(error, options.fileName, options.password);
  }
}
