// The one registry of binary-format readers: a type imports as soon as its reader is listed
// here. The readers themselves live beside this file; the import pipeline never names them.
import type { SourceType } from '../../../shared/model';
import type { FormatReader } from './format-reader';

export type ReaderRegistry = Partial<Record<SourceType, FormatReader>>;

/** A reader per binary type; a type without one is refused with UNSUPPORTED_TYPE. */
export const FORMAT_READERS: ReaderRegistry = {};

/** Splits an .mbox into its messages' bytes; undefined until the mbox splitter is wired. */
export const MBOX_SPLITTER: ((bytes: Uint8Array) => Uint8Array[]) | undefined = undefined;

/**
 * Types whose readers parse complex binary structures (and can be made to loop or to eat
 * memory by a hostile file): they run in a worker with a memory limit and a timeout.
 */
export const WORKER_TYPES: readonly SourceType[] = ['pdf', 'docx', 'epub'];
