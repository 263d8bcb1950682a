// Tells what a file is from its bytes, never its name: a PDF named .txt is a PDF. The name
// only says what the person expected, so a mismatch can be named in the refusal.
import { unzipSync } from 'fflate';
import type { SourceType } from '../../shared/model';
import { IMPORTABLE_EXTENSIONS, TEXT_SOURCE_TYPES, extensionOf } from '../../shared/model';
import { UserFacingError } from '../../shared/result';
import { imageKindOf } from './ocr/image-header';

/** What the bytes are: a format with a reader, a container of one, or text / other bytes. */
export type ContentKind =
  'pdf' | 'docx' | 'epub' | 'eml' | 'mbox' | 'mhtml' | 'image' | 'zip' | 'text' | 'binary' | 'empty';

/** The type a file is imported as; `mbox` when it holds many messages, each imported as an 'eml'. */
export interface ResolvedType {
  sourceType: SourceType;
  mbox: boolean;
}

const HEADER_SAMPLE_BYTES = 64 * 1024;
const PDF_MAGIC_WINDOW = 1024;

const FORMAT_NAMES: Record<ContentKind, string> = {
  pdf: 'a PDF',
  docx: 'a Word document',
  epub: 'an EPUB book',
  eml: 'an e-mail message',
  mbox: 'an mbox mail folder',
  mhtml: 'a saved web page (MHTML)',
  image: 'an image (PNG, JPEG or TIFF)',
  zip: 'a zip archive',
  text: 'text',
  binary: 'binary data',
  empty: 'empty',
};

const CLAIMED_NAMES: Partial<Record<SourceType, string>> = {
  pdf: 'a PDF',
  docx: 'a Word document',
  epub: 'an EPUB book',
  eml: 'an e-mail message',
  mhtml: 'a saved web page',
  image: 'an image',
};

function startsWith(bytes: Uint8Array, ascii: string, at = 0): boolean {
  if (bytes.length < at + ascii.length) return false;
  for (let i = 0; i < ascii.length; i += 1) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
}

function hasPdfMagic(bytes: Uint8Array): boolean {
  // Readers accept junk before the header (some mailers prepend a line); so does this.
  const window = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PDF_MAGIC_WINDOW));
  return window.indexOf('%PDF-', 0, 'latin1') !== -1;
}

/** An EPUB's first entry is an uncompressed `mimetype` holding application/epub+zip (OCF 3, 4.3). */
function isEpub(bytes: Uint8Array): boolean {
  if (bytes.length < 30) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  if (!startsWith(bytes, 'mimetype', 30) || nameLength !== 8) return false;
  return startsWith(bytes, 'application/epub+zip', 30 + nameLength + extraLength);
}

/** The entry names of a zip, read from its directory without inflating anything. */
function zipEntryNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    // A damaged directory: whatever names were read are all there is.
  }
  return names;
}

function zipKind(bytes: Uint8Array): ContentKind {
  if (isEpub(bytes)) return 'epub';
  if (zipEntryNames(bytes).includes('word/document.xml')) return 'docx';
  // A Word file cut short has lost its directory, but its entries' own headers still name its parts:
  // read as one, it is refused as cut short, not as some other zip to unpack.
  return hasLocalEntry(bytes, 'word/document.xml') ? 'docx' : 'zip';
}

/** Whether an entry's local header (not the directory) names `name`: found from the headers' own signature. */
function hasLocalEntry(bytes: Uint8Array, name: string): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (
    let at = buffer.indexOf('PK\x03\x04', 0, 'latin1');
    at !== -1;
    at = buffer.indexOf('PK\x03\x04', at + 4, 'latin1')
  ) {
    if (at + 30 > buffer.length) return false;
    const nameLength = buffer.readUInt16LE(at + 26);
    if (buffer.toString('latin1', at + 30, at + 30 + nameLength) === name) return true;
  }
  return false;
}

/** The header block of a MIME message (up to the first blank line), folded lines joined; undefined when the start is not headers. */
function mimeHeaders(text: string): Map<string, string> | undefined {
  const lines = text.split(/\r?\n/);
  const headers = new Map<string, string>();
  let last = '';
  for (const line of lines) {
    if (line === '') break;
    if (/^[ \t]/.test(line) && last !== '') {
      headers.set(last, `${headers.get(last)!} ${line.trim()}`);
      continue;
    }
    const match = /^([A-Za-z0-9-]+):(.*)$/.exec(line);
    if (!match) return undefined;
    last = match[1]!.toLowerCase();
    headers.set(last, match[2]!.trim());
  }
  return headers.size > 0 ? headers : undefined;
}

function textKind(bytes: Uint8Array): ContentKind {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, HEADER_SAMPLE_BYTES)).toString(
    'latin1',
  );
  const start = sample.replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
  if (/^From [^\r\n]*\r?\n/.test(start) && mimeHeaders(start.slice(start.search(/\n/) + 1)) !== undefined)
    return 'mbox';
  const headers = mimeHeaders(start);
  if (headers === undefined) return 'text';
  const contentType = (headers.get('content-type') ?? '').toLowerCase();
  if (contentType.startsWith('multipart/related') && /text\/html/i.test(sample)) return 'mhtml';
  if (headers.has('from') || headers.has('received') || headers.has('mime-version')) return 'eml';
  return 'text';
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, HEADER_SAMPLE_BYTES));
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) control += 1;
  }
  return control > sample.length * 0.1;
}

/** What the bytes are, by their first bytes and structure. */
export function sniffContent(bytes: Uint8Array): ContentKind {
  if (bytes.length === 0) return 'empty';
  if (hasPdfMagic(bytes)) return 'pdf';
  if (startsWith(bytes, 'PK\x03\x04')) return zipKind(bytes);
  if (imageKindOf(bytes) !== undefined) return 'image';
  if (looksBinary(bytes)) return 'binary';
  return textKind(bytes);
}

/** How a person names the format of some bytes ("a PDF", "a zip archive"). */
export function contentName(kind: ContentKind): string {
  return FORMAT_NAMES[kind];
}

function mismatch(fileName: string, claimed: SourceType, kind: ContentKind): UserFacingError {
  const expected = CLAIMED_NAMES[claimed] ?? claimed;
  const fix = kind === 'text' ? ' Rename it to .txt, .md or .html to import it as text.' : '';
  return new UserFacingError(
    'UNSUPPORTED_TYPE',
    `“${fileName}” is named as ${expected}, but its bytes are ${contentName(kind)}, not ${expected}. Nothing was imported.${fix}`,
  );
}

/**
 * The type to import a file as: its content's when the bytes are a format Marginalia reads,
 * else the type its name claims for text. Undefined leaves the refusal (unknown extension,
 * empty, binary) to the text checks, which say it as before.
 */
export function resolveImportType(fileName: string, bytes: Uint8Array): ResolvedType | undefined {
  const kind = sniffContent(bytes);
  const claimed = IMPORTABLE_EXTENSIONS[extensionOf(fileName)];
  if (kind === 'pdf' || kind === 'docx' || kind === 'epub' || kind === 'image')
    return { sourceType: kind, mbox: false };
  // Messages and saved pages are text too: a note named .txt or .md that begins with a
  // From: line stays the text it was named as.
  const namedText = claimed !== undefined && TEXT_SOURCE_TYPES.includes(claimed);
  if (kind === 'mbox' && !namedText) return { sourceType: 'eml', mbox: true };
  if ((kind === 'eml' || kind === 'mhtml') && !namedText) return { sourceType: kind, mbox: false };
  if (kind === 'zip') {
    throw new UserFacingError(
      'UNSUPPORTED_TYPE',
      `“${fileName}” is a zip archive, but not a Word document (.docx) or an EPUB book: Marginalia can't read what is inside. Unpack it and import the files.`,
    );
  }
  if (claimed !== undefined && !namedText && kind !== 'empty') throw mismatch(fileName, claimed, kind);
  return claimed === undefined || kind === 'empty' ? undefined : { sourceType: claimed, mbox: false };
}
