// Reading and writing the zip container of a note bundle. Reading treats the archive as
// hostile: entries are checked against the allowed names and the caps before a byte is
// inflated, symlinks and encrypted or duplicate entries are refused, sizes are enforced
// while inflating (so a zip bomb stops at its cap), and entries are kept in memory by
// name: no path from the archive is ever used as a file path. The caps come from
// sizeLimits, the same numbers an export is checked against before it is written.
import { zipSync } from 'fflate';
import { createRequire } from 'node:module';
import type yauzl from 'yauzl';
import type { SizeLimits } from '../../shared/bundle-schemas';
import { BUNDLE_LIMITS, isBundleEntryName } from '../../shared/bundle-schemas';
import { UserFacingError } from '../../shared/result';

export class BundleFormatError extends UserFacingError {
  constructor(message: string) {
    super('INVALID_INPUT', message);
    this.name = 'BundleFormatError';
  }
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;

/** yauzl loads when a bundle is read, not with every command. */
const loadYauzl = (): typeof yauzl => createRequire(import.meta.url)('yauzl') as typeof yauzl;

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    loadYauzl().fromBuffer(
      bytes,
      { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: true },
      (error, zip) => {
        // yauzl's own words ("End of central directory record signature not found…") mean nothing to a person.
        if (error || !zip)
          reject(new BundleFormatError('This file is not a note bundle: it is not a zip archive, or it is cut short.'));
        else resolve(zip);
      },
    );
  });
}

/** The most an entry of this name may inflate to. */
export function entryCap(name: string, limits: SizeLimits): number {
  return name.startsWith('documents/') ? limits.documentEntryBytes : (limits.otherEntryBytes[name] ?? 0);
}

export function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / 1048576).toLocaleString('en')} MB`;
}

/** Why entries of these sizes cannot travel in a bundle, or '' when they can: the same check for export and import. */
export function sizeProblem(entries: ReadonlyArray<{ name: string; bytes: number }>, limits: SizeLimits): string {
  let total = 0;
  for (const { name, bytes } of entries) {
    if (bytes > entryCap(name, limits))
      return `“${name}” in the bundle is ${megabytes(bytes)} uncompressed, over the ${megabytes(entryCap(name, limits))} limit.`;
    total += bytes;
  }
  return total > limits.totalBytes
    ? `The bundle inflates to ${megabytes(total)}, over the ${megabytes(limits.totalBytes)} limit.`
    : '';
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, cap: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(
          new BundleFormatError(`“${entry.fileName}” in the bundle cannot be read (${error?.message ?? 'no data'}).`),
        );
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > entry.uncompressedSize || size > cap) {
          stream.destroy(new BundleFormatError(`“${entry.fileName}” in the bundle inflates to more than it declares.`));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (streamError) =>
        reject(
          streamError instanceof BundleFormatError
            ? streamError
            : new BundleFormatError(`“${entry.fileName}” in the bundle is damaged (${streamError.message}).`),
        ),
      );
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

/** The entries of a bundle archive, by name, after every structural check. */
export async function readBundleZip(bytes: Buffer, limits: SizeLimits): Promise<Map<string, Buffer>> {
  if (bytes.length > limits.fileBytes)
    throw new BundleFormatError(
      `The bundle is ${megabytes(bytes.length)}; bundles can be at most ${megabytes(limits.fileBytes)}.`,
    );
  const zip = await openZip(bytes);
  if (zip.entryCount > BUNDLE_LIMITS.entries) {
    zip.close();
    throw new BundleFormatError(
      `The bundle has ${zip.entryCount} entries; a bundle can have at most ${BUNDLE_LIMITS.entries}.`,
    );
  }
  const entries = new Map<string, Buffer>();
  const sizes: Array<{ name: string; bytes: number }> = [];
  try {
    for (;;) {
      const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
        const onEntry = (found: yauzl.Entry) => {
          zip.removeListener('end', onEnd);
          zip.removeListener('error', onError);
          resolve(found);
        };
        const onEnd = () => {
          zip.removeListener('entry', onEntry);
          zip.removeListener('error', onError);
          resolve(null);
        };
        const onError = (error: Error) => {
          zip.removeListener('entry', onEntry);
          zip.removeListener('end', onEnd);
          reject(new BundleFormatError(`The bundle's zip directory is damaged (${error.message}).`));
        };
        zip.once('entry', onEntry);
        zip.once('end', onEnd);
        zip.once('error', onError);
        zip.readEntry();
      });
      if (!entry) break;
      const name = entry.fileName;
      const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
      if (mode === S_IFLNK)
        throw new BundleFormatError(`The bundle holds a symbolic link (“${name}”); bundles never do.`);
      if (mode === S_IFDIR || name.endsWith('/')) continue;
      if (!isBundleEntryName(name))
        throw new BundleFormatError(`The bundle holds an unexpected entry “${name.slice(0, 200)}”.`);
      if (entries.has(name)) throw new BundleFormatError(`The bundle holds “${name}” twice.`);
      if (entry.isEncrypted()) throw new BundleFormatError(`“${name}” in the bundle is encrypted.`);
      sizes.push({ name, bytes: entry.uncompressedSize });
      const problem = sizeProblem(sizes, limits);
      if (problem !== '') throw new BundleFormatError(problem);
      entries.set(name, await readEntry(zip, entry, entryCap(name, limits)));
    }
  } finally {
    zip.close();
  }
  return entries;
}

export function writeBundleZip(entries: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const files: Record<string, Uint8Array> = Object.create(null) as Record<string, Uint8Array>;
  for (const [name, data] of entries) files[name] = data;
  // A fixed time keeps the archive's bytes a function of its contents.
  return zipSync(files, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') });
}
