// Reads the zip container of a Word file or an EPUB as hostile input: the entry count, each
// wanted entry's size, the total and the compression ratio are checked before a byte is
// inflated, and sizes are enforced again while inflating, so a zip bomb stops at its cap.
// Entries are kept in memory by name; no name from the archive is ever used as a file path.
// The guards follow core/bundles/zip.ts, whose reader only takes a bundle's own entry names.
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { UserFacingError } from '../../../shared/result';

export interface ZipLimits {
  /** The archive itself. */
  fileBytes: number;
  entries: number;
  /** The most one wanted entry may inflate to. */
  entryBytes: number;
  /** The most all wanted entries together may inflate to. */
  totalBytes: number;
}

export interface ZipRequest {
  limits: ZipLimits;
  /** What the file is called in messages: "“report.docx”". */
  label: string;
  /** What a good file of this kind is called: "a Word document". */
  kind: string;
  /** Only entries this accepts are inflated; the rest are counted and skipped. */
  wanted: (name: string) => boolean;
}

/** Past this size an entry that shrank more than MAX_RATIO times is a bomb, not a document. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const MAX_RATIO = 200;

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / 1048576).toLocaleString('en')} MB`;
}

function invalid(message: string): UserFacingError {
  return new UserFacingError('INVALID_INPUT', message);
}

/** Why a file could not be opened as a zip: not one at all, or one whose directory (kept at its end) is gone. */
function unopened(bytes: Buffer, request: ZipRequest): string {
  if (bytes.subarray(0, 4).toString('latin1') !== 'PK\x03\x04')
    return `${request.label} is not ${request.kind}: it is not a zip archive, or it is cut short.`;
  return (
    `${request.label} is damaged or cut short (a download that did not finish, say): ` +
    'the list of its contents, kept at the end of the file, is missing. Nothing was imported.'
  );
}

function openZip(bytes: Buffer, request: ZipRequest): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (error, zip) => {
      // yauzl's own words ("End of central directory record signature not found") mean nothing to a person.
      if (error || !zip) reject(invalid(unopened(bytes, request)));
      else resolve(zip);
    });
  });
}

function nextEntry(zip: yauzl.ZipFile, request: ZipRequest): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const done = () => {
      zip.removeListener('entry', onEntry);
      zip.removeListener('end', onEnd);
      zip.removeListener('error', onError);
    };
    const onEntry = (found: yauzl.Entry) => (done(), resolve(found));
    const onEnd = () => (done(), resolve(null));
    const onError = (error: Error) => {
      done();
      // yauzl refuses names with "..", a leading "/" or a drive letter before reading on.
      reject(
        /relative path|absolute path/i.test(error.message)
          ? invalid(`${request.label} holds an entry whose name leads outside the archive; nothing was imported.`)
          : invalid(`${request.label} is damaged: its zip directory cannot be read (${error.message}).`),
      );
    };
    zip.once('entry', onEntry);
    zip.once('end', onEnd);
    zip.once('error', onError);
    zip.readEntry();
  });
}

/**
 * One entry's bytes, inflated in one native call. yauzl's read stream took a trip through the
 * thread pool for every 16 KB and cost a Word import about 50 ms; the zlib cap on the output
 * is the same guard the stream had: the data may not outgrow what the entry declares.
 */
async function inflate(zip: yauzl.ZipFile, bytes: Buffer, entry: yauzl.Entry, request: ZipRequest): Promise<Buffer> {
  const damaged = (why: string) => invalid(`“${entry.fileName}” in ${request.label} is damaged (${why}).`);
  let start: number;
  try {
    ({ fileDataStart: start } = await zip.readLocalFileHeaderPromise(entry, { minimal: true }));
  } catch (error) {
    throw damaged(error instanceof Error ? error.message : String(error));
  }
  const data = bytes.subarray(start, start + entry.compressedSize);
  const declared = entry.uncompressedSize;
  let inflated: Buffer;
  if (entry.compressionMethod === 0) inflated = Buffer.from(data);
  else if (entry.compressionMethod !== 8)
    throw damaged(`its compression, method ${entry.compressionMethod}, is not one zip readers share`);
  else {
    try {
      // One byte over the declared size is enough to know it lied.
      inflated = inflateRawSync(data, { maxOutputLength: Math.min(declared, request.limits.entryBytes) + 1 });
    } catch (error) {
      throw damaged(
        error instanceof RangeError ? 'it inflates to more than it declares' : 'its compressed data is corrupt',
      );
    }
  }
  if (inflated.length > declared) throw damaged('it inflates to more than it declares');
  if (inflated.length < declared) throw damaged('it is shorter than it declares');
  return inflated;
}

/** Why this wanted entry may not be inflated, or '' when it may. */
function sizeProblem(entry: yauzl.Entry, totalSoFar: number, request: ZipRequest): string {
  const { limits, label } = request;
  const size = entry.uncompressedSize;
  if (size > limits.entryBytes)
    return `“${entry.fileName}” in ${label} inflates to ${megabytes(size)}, over the ${megabytes(limits.entryBytes)} limit.`;
  if (totalSoFar + size > limits.totalBytes)
    return `${label} inflates to more than ${megabytes(limits.totalBytes)}, the limit for ${request.kind}.`;
  if (size > RATIO_FLOOR_BYTES && size > MAX_RATIO * Math.max(1, entry.compressedSize))
    return `“${entry.fileName}” in ${label} shrank ${Math.round(size / Math.max(1, entry.compressedSize))} times: it is a zip bomb, not ${request.kind}.`;
  return '';
}

async function collect(zip: yauzl.ZipFile, bytes: Buffer, request: ZipRequest): Promise<Map<string, Uint8Array>> {
  const entries = new Map<string, Uint8Array>();
  let total = 0;
  for (;;) {
    const entry = await nextEntry(zip, request);
    if (!entry) return entries;
    const name = entry.fileName;
    if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK)
      throw invalid(`${request.label} holds a symbolic link (“${name.slice(0, 200)}”); nothing was imported.`);
    if (name.endsWith('/') || !request.wanted(name)) continue;
    if (entries.has(name)) throw invalid(`${request.label} holds “${name.slice(0, 200)}” twice; nothing was imported.`);
    if (entry.isEncrypted()) throw invalid(`${request.label} is encrypted; save it without a password and try again.`);
    const problem = sizeProblem(entry, total, request);
    if (problem !== '') throw new UserFacingError('TOO_LARGE', problem);
    total += entry.uncompressedSize;
    entries.set(name, await inflate(zip, bytes, entry, request));
  }
}

/** The wanted entries of a zip archive, by name, after every structural and size check. */
export async function readZipEntries(bytes: Uint8Array, request: ZipRequest): Promise<Map<string, Uint8Array>> {
  const { limits, label } = request;
  if (bytes.length > limits.fileBytes)
    throw new UserFacingError(
      'TOO_LARGE',
      `${label} is ${megabytes(bytes.length)}; ${request.kind} can be at most ${megabytes(limits.fileBytes)}.`,
    );
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zip = await openZip(buffer, request);
  try {
    if (zip.entryCount > limits.entries)
      throw new UserFacingError(
        'TOO_LARGE',
        `${label} holds ${zip.entryCount.toLocaleString('en')} files; ${request.kind} may hold at most ${limits.entries.toLocaleString('en')}.`,
      );
    return await collect(zip, buffer, request);
  } finally {
    zip.close();
  }
}

/**
 * The entry a reference points to, from the folder of the part that holds the reference (a
 * Word relationship, an EPUB manifest href); undefined when it leads out of the archive.
 * Backslashes count as separators, so "..\\" cannot slip past.
 */
export function resolvePart(fromFolder: string, target: string): string | undefined {
  const segments = target.startsWith('/') ? [] : fromFolder.split('/').filter((part) => part !== '');
  for (const segment of target.split(/[\\/]/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else segments.push(segment);
  }
  return segments.join('/');
}
