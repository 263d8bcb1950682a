// The one registry of binary-format readers: a type imports as soon as its reader is listed
// here. The readers themselves live beside this file; the import pipeline never names them.
import type { SourceType } from '../../../shared/model';
import type { FormatReader } from './format-reader';
import { splitMbox } from './mbox';

export type ReaderRegistry = Partial<Record<SourceType, FormatReader>>;

/**
 * A reader whose module loads on its first use: a command or a worker that reads one Word
 * file loads neither pdf.js nor OCR's canvas (hundreds of milliseconds at every start).
 */
function onFirstUse(load: () => Promise<FormatReader>): FormatReader {
  return async (input) => (await load())(input);
}

/** A reader per binary type; a type without one is refused with UNSUPPORTED_TYPE. */
export const FORMAT_READERS: ReaderRegistry = {
  pdf: onFirstUse(async () => (await import('./pdf')).readPdf),
  docx: onFirstUse(async () => (await import('./docx-reader')).readDocx),
  epub: onFirstUse(async () => (await import('./epub-reader')).readEpub),
  eml: onFirstUse(async () => (await import('./email')).readEmail),
  mhtml: onFirstUse(async () => (await import('./mhtml')).readMhtml),
  image: onFirstUse(async () => (await import('../ocr/image-reader')).readImage),
};

/**
 * Loads a reader and the library it reads with, before any file: a worker started while its
 * host is still loading (the CLI's import) has them ready when the file comes. Reading is
 * unchanged: the same modules, loaded once, whether warmed here or on first use.
 */
const WARM_UPS: Partial<Record<SourceType, () => Promise<unknown>>> = {
  pdf: async () => (await import('./pdf-library')).pdfjsLibrary(),
  // The Word reader's chunk holds mammoth: loading it loads mammoth.
  docx: () => import('./docx-reader'),
  epub: () => import('./epub-reader'),
};

/**
 * A small file of the type read through its reader once, so the first real read runs compiled
 * code (see docx-rehearsal.ts); only where a worker waits long enough for it to be done first.
 */
const REHEARSALS: Partial<Record<SourceType, () => Promise<unknown>>> = {
  docx: async () => {
    const [{ rehearseDocx }, { readDocx }] = await Promise.all([import('./docx-rehearsal'), import('./docx-reader')]);
    return rehearseDocx(readDocx);
  },
};

/** Warms the readers of `types` (see WARM_UPS), and rehearses them when asked; a failure is left for the read itself to report. */
export async function warmReaders(types: readonly SourceType[], rehearse = false): Promise<void> {
  const warmUp = async (type: SourceType): Promise<void> => {
    await WARM_UPS[type]?.();
    if (rehearse) await REHEARSALS[type]?.();
  };
  await Promise.all(types.map((type) => warmUp(type).catch(() => undefined)));
}

/** Splits an .mbox into its messages' bytes. */
export const MBOX_SPLITTER: ((bytes: Uint8Array) => Uint8Array[]) | undefined = (bytes) => splitMbox(bytes);

/**
 * Types whose readers parse complex binary structures (and can be made to loop or to eat
 * memory by a hostile file), or run OCR for long: they run in a worker with a memory limit
 * and a timeout, off the main thread.
 */
export const WORKER_TYPES: readonly SourceType[] = ['pdf', 'docx', 'epub', 'image'];
