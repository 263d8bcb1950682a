// Reads an EPUB book: its zip opened within bounds, the chapters in spine order through the
// clean-HTML-to-blocks path, each opening with a heading (its table-of-contents label when its
// own heading does not say it), and title, authors and date from the package metadata.
import { createRequire } from 'node:module';
import type { Block } from '../../../shared/document-blocks';
import { UserFacingError } from '../../../shared/result';
import { cleanTitle } from '../parsed-document';
import { chapterBlocks } from './epub-chapter';
import { readPackage } from './epub-package';
import { tocLabels } from './epub-toc';
import type { FormatReader, ReadDocument, SourceFacts } from './format-reader';
import type { ZipLimits } from './zip-archive';
import { unreadable } from './xml';
import { readZipEntries } from './zip-archive';

const MB = 1024 * 1024;

/** Images and fonts are never inflated, so only text counts against these. */
export const EPUB_LIMITS: ZipLimits = {
  fileBytes: 200 * MB,
  entries: 10_000,
  entryBytes: 16 * MB,
  totalBytes: 128 * MB,
};
export const MAX_CHAPTERS = 2000;

/** The container, the package, the tables of contents and the chapters: nothing else is read. */
const isTextEntry = (name: string): boolean => /\.(xml|opf|ncx|x?html?)$/i.test(name);

function jsdomVersion(): string {
  return (createRequire(import.meta.url)('jsdom/package.json') as { version: string }).version;
}

function fileTitle(fileName: string): string {
  return (
    fileName
      .replace(/\.[^.]+$/, '')
      .replace(/[-_]+/g, ' ')
      .trim() || 'Untitled'
  );
}

export const readEpub: FormatReader = async (input): Promise<ReadDocument> => {
  const label = `“${input.fileName}”`;
  input.signal?.throwIfAborted();
  const entries = await readZipEntries(input.bytes, {
    limits: EPUB_LIMITS,
    label,
    kind: 'an EPUB book',
    wanted: isTextEntry,
  });
  const book = readPackage(entries, label, MAX_CHAPTERS);
  const labels = tocLabels(entries, book, label);
  const blocks: Block[] = [];
  // A file may stand in the spine twice; it is read once.
  const chapters = book.spine.filter((path, index) => book.spine.indexOf(path) === index);
  for (const [index, path] of chapters.entries()) {
    input.signal?.throwIfAborted();
    const bytes = entries.get(path);
    try {
      if (bytes)
        blocks.push(...chapterBlocks(bytes, labels.get(path), `The chapter “${path.slice(0, 200)}” of ${label}`));
    } catch (error) {
      throw unreadable(
        error,
        (why) => `The chapter “${path.slice(0, 200)}” of ${label} cannot be read (${why}); nothing was imported.`,
      );
    }
    input.onProgress?.(index + 1, chapters.length);
    // Chapters are parsed one after another; yielding lets a Cancel be heard between them.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (blocks.length === 0) throw new UserFacingError('NO_ARTICLE', `${label} has no text: nothing was imported.`);
  const author = book.authors.join(', ');
  const facts: SourceFacts = {
    importer: `EPUB reader (jsdom ${jsdomVersion()})`,
    ...(author !== '' ? { author } : {}),
    ...(book.date !== '' ? { createdAt: book.date } : {}),
  };
  return {
    title: cleanTitle(book.title, fileTitle(input.fileName)),
    byline: author,
    publishedAt: book.date,
    siteName: '',
    blocks,
    facts,
  };
};
