// Checks every imported file before any parsing: type, size, emptiness, binary content
// and UTF-8 validity. Each failure names the file and says exactly what is wrong.
import type { SourceType } from '../../shared/model';
import { IMPORTABLE_EXTENSIONS, TEXT_SOURCE_TYPES, extensionOf } from '../../shared/model';
import { UserFacingError } from '../../shared/result';

export interface DecodedFile {
  sourceType: SourceType;
  text: string;
}

const extensions = Object.keys(IMPORTABLE_EXTENSIONS);
const SUPPORTED_LIST = `${extensions.slice(0, -1).join(', ')} and ${extensions[extensions.length - 1]}`;

export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    let needed: number;
    let min: number;
    if (lead < 0x80) {
      i += 1;
      continue;
    } else if (lead >= 0xc2 && lead <= 0xdf) {
      needed = 1;
      min = 0x80;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2;
      min = 0x800;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3;
      min = 0x10000;
    } else {
      return i;
    }
    // A sequence cut off by the end of the file is invalid.
    if (i + needed >= bytes.length) return i;
    let codePoint = lead & (0xff >> (needed + 2));
    for (let k = 1; k <= needed; k += 1) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += needed + 1;
  }
  return -1;
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 64 * 1024));
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Tab, line feed, form feed and carriage return are text; other C0 controls are not.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) control += 1;
  }
  return control > sample.length * 0.1;
}

/** Validates a file's bytes and decodes them, or throws a UserFacingError that says why not. */
export function decodeImportFile(fileName: string, bytes: Uint8Array, maxBytes: number): DecodedFile {
  const extension = extensionOf(fileName);
  const sourceType = IMPORTABLE_EXTENSIONS[extension];
  // Said first: an empty file is empty whatever its name claims.
  if (bytes.length === 0) {
    throw new UserFacingError('EMPTY_FILE', `“${fileName}” is empty: there is nothing to import.`);
  }
  // Binary formats go through their readers (document-importer.ts), never this text path: one
  // named as such reaches here only when its bytes are not of that format.
  if (sourceType !== undefined && !TEXT_SOURCE_TYPES.includes(sourceType)) {
    throw new UserFacingError(
      'UNSUPPORTED_TYPE',
      `“${fileName}” is named as a ${extension} file, but its bytes are not one. Nothing was imported.`,
    );
  }
  if (sourceType === undefined) {
    const what = extension === '' ? 'files without an extension' : `${extension} files`;
    throw new UserFacingError(
      'UNSUPPORTED_TYPE',
      `“${fileName}” can't be imported: Marginalia doesn't read ${what}. It imports ${SUPPORTED_LIST} files.`,
    );
  }
  if (bytes.length > maxBytes) {
    throw new UserFacingError(
      'TOO_LARGE',
      `“${fileName}” is ${formatMegabytes(bytes.length)}, over the import limit of ${formatMegabytes(maxBytes)}. The limit can be raised in Settings.`,
    );
  }
  if (looksBinary(bytes)) {
    throw new UserFacingError(
      'BINARY_FILE',
      `“${fileName}” looks like a binary file, not ${sourceType === 'html' ? 'HTML' : 'text'}. Nothing was imported.`,
    );
  }
  const badOffset = firstInvalidUtf8Offset(bytes);
  if (badOffset !== -1) {
    throw new UserFacingError(
      'INVALID_UTF8',
      `“${fileName}” is not valid UTF-8 text (the first bad byte is at offset ${badOffset}). Save it as UTF-8 and import it again.`,
    );
  }
  let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    throw new UserFacingError('EMPTY_FILE', `“${fileName}” holds only white space: there is nothing to import.`);
  }
  return { sourceType, text };
}
