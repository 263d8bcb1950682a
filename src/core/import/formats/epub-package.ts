// An EPUB's package: META-INF/container.xml names the OPF file, whose metadata gives title,
// authors and date, whose manifest names every file and whose spine gives the reading order.
import { UserFacingError } from '../../../shared/result';
import { attr, byLocalName, firstText, parseXml } from './xml';
import { resolvePart } from './zip-archive';

export type Entries = ReadonlyMap<string, Uint8Array>;

export interface ManifestItem {
  /** The entry's name in the archive. */
  path: string;
  mediaType: string;
  properties: string[];
}

export interface EpubPackage {
  title: string;
  authors: string[];
  date: string;
  manifest: Map<string, ManifestItem>;
  /** Entry names of the chapters in reading order. */
  spine: string[];
  /** The manifest id of the EPUB 2 table of contents (toc.ncx), or ''. */
  ncxId: string;
}

function invalid(message: string): UserFacingError {
  return new UserFacingError('INVALID_INPUT', message);
}

/** The folder of an entry name, for resolving the references it holds. */
export function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

/** An href as written in the book (percent-encoded, perhaps with a #fragment) to an entry name; undefined when it leaves the book. */
export function resolveHref(fromPath: string, href: string, label: string): string | undefined {
  const bare = href.replace(/[#?].*$/s, '');
  if (bare === '' || /^[a-z][a-z0-9+.-]*:/i.test(bare)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(bare);
  } catch {
    return undefined;
  }
  const path = resolvePart(folderOf(fromPath), decoded);
  if (path === undefined)
    throw invalid(`${label} points outside the book (“${href.slice(0, 200)}”); nothing was imported.`);
  return path;
}

function opfPath(entries: Entries, label: string): string {
  const container = entries.get('META-INF/container.xml');
  if (!container)
    throw invalid(
      `${label} is a zip archive but not an EPUB book: it has no META-INF/container.xml. Nothing was imported.`,
    );
  const rootfile = byLocalName(parseXml(container, 'META-INF/container.xml', label), 'rootfile')[0];
  const path = rootfile ? resolveHref('', attr(rootfile, 'full-path'), label) : undefined;
  if (!path || !entries.has(path))
    throw invalid(`${label} does not hold the package file its container names; nothing was imported.`);
  return path;
}

function manifestOf(opf: Document, path: string, label: string): Map<string, ManifestItem> {
  const manifest = new Map<string, ManifestItem>();
  for (const item of byLocalName(opf, 'item')) {
    const target = resolveHref(path, attr(item, 'href'), label);
    if (target === undefined) continue;
    manifest.set(attr(item, 'id'), {
      path: target,
      mediaType: attr(item, 'media-type'),
      properties: attr(item, 'properties').split(/\s+/).filter(Boolean),
    });
  }
  return manifest;
}

function isoDate(value: string): string {
  const time = Date.parse(value);
  return value !== '' && Number.isFinite(time) ? new Date(time).toISOString() : '';
}

export function readPackage(entries: Entries, label: string, maxChapters: number): EpubPackage {
  const path = opfPath(entries, label);
  const opf = parseXml(entries.get(path)!, path, label);
  const manifest = manifestOf(opf, path, label);
  const spineElement = byLocalName(opf, 'spine')[0];
  const itemrefs = spineElement ? byLocalName(spineElement, 'itemref') : [];
  if (itemrefs.length > maxChapters)
    throw new UserFacingError(
      'TOO_LARGE',
      `${label} has ${itemrefs.length.toLocaleString('en')} chapter files; a book can have at most ${maxChapters.toLocaleString('en')}.`,
    );
  const spine = itemrefs
    .map((itemref) => manifest.get(attr(itemref, 'idref')))
    .filter((item): item is ManifestItem => item !== undefined && /html/i.test(item.mediaType))
    .map((item) => item.path);
  if (spine.length === 0) throw invalid(`${label} has no chapters in its reading order; nothing was imported.`);
  return {
    title: firstText(opf, 'title'),
    authors: byLocalName(opf, 'creator')
      .map((creator) => (creator.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter(Boolean),
    date: isoDate(firstText(opf, 'date')),
    manifest,
    spine,
    ncxId: spineElement ? attr(spineElement, 'toc') : '',
  };
}
