// Reads a Word (.docx) file: its zip opened within bounds, the body through mammoth to blocks,
// title, author and date from the core properties, and Word comments as notes.
import { zipSync } from 'fflate';
import type { Block } from '../../../shared/document-blocks';
import { inlineText } from '../../../shared/document-blocks';
import { UserFacingError } from '../../../shared/result';
import { cleanTitle } from '../parsed-document';
import { docxComments } from './docx-comments';
import { docxBlocks, mammothVersion } from './docx-html';
import type { FormatReader, ImportedNote, ReadDocument } from './format-reader';
import { coreProperties, factsFrom, parseOfficeXml, relationshipTarget, relsOf } from './ooxml-package';
import type { Parts } from './ooxml-package';
import { assertShallow, decodeXml, unreadable } from './xml';
import type { ZipLimits } from './zip-archive';
import { readZipEntries } from './zip-archive';

const MB = 1024 * 1024;

/** Word files of hundreds of pages stay far below these; images are never inflated. */
export const DOCX_LIMITS: ZipLimits = {
  fileBytes: 200 * MB,
  entries: 10_000,
  entryBytes: 48 * MB,
  totalBytes: 96 * MB,
};

/** Only the XML parts are read: the text, styles, numbering, notes, comments and relationships. */
const isXmlPart = (name: string): boolean => /\.(xml|rels)$/i.test(name);

function mainPart(parts: Parts, label: string): string {
  const name = relationshipTarget(parts, '_rels/.rels', 'officeDocument', label) ?? 'word/document.xml';
  if (!parts.has(name) || !parts.has('[Content_Types].xml'))
    throw new UserFacingError(
      'INVALID_INPUT',
      `${label} is a zip archive but not a Word document: it has no document body. Nothing was imported.`,
    );
  return name;
}

function fileTitle(fileName: string): string {
  return (
    fileName
      .replace(/\.[^.]+$/, '')
      .replace(/[-_]+/g, ' ')
      .trim() || 'Untitled'
  );
}

/**
 * The title from the file's properties, else its first heading, which then leaves the body (the
 * title heading says it). A comment on that heading is moved onto the title (block -1), where its
 * text now is; the other notes' blocks move up one.
 */
function takeTitle(blocks: Block[], notes: ImportedNote[], propertyTitle: string, fileName: string): string {
  const first = blocks[0];
  const headingText = first?.kind === 'heading' ? inlineText(first.children).replace(/\s+/g, ' ').trim() : '';
  const title = cleanTitle(propertyTitle !== '' ? propertyTitle : headingText, fileTitle(fileName));
  if (headingText === '' || headingText !== title) return title;
  blocks.shift();
  for (const note of notes) if (note.quote !== '') note.blockIndex -= 1;
  return title;
}

function notePart(parts: Parts, main: string, type: string, label: string): Document | undefined {
  const name = relationshipTarget(parts, relsOf(main), type, label);
  const bytes = name ? parts.get(name) : undefined;
  return bytes ? parseOfficeXml(bytes, name!, label) : undefined;
}

function wordComments(parts: Parts, main: string, blocks: readonly Block[], label: string): ImportedNote[] {
  const commentsName = relationshipTarget(parts, relsOf(main), 'comments', label);
  const commentsBytes = commentsName ? parts.get(commentsName) : undefined;
  if (!commentsBytes) return [];
  try {
    return docxComments(
      parseOfficeXml(commentsBytes, commentsName!, label),
      parseOfficeXml(parts.get(main)!, main, label),
      blocks,
      { footnotes: notePart(parts, main, 'footnotes', label), endnotes: notePart(parts, main, 'endnotes', label) },
    );
  } catch (error) {
    throw unreadable(error, (why) => `The comments of ${label} cannot be read (${why}); nothing was imported.`);
  }
}

export const readDocx: FormatReader = async (input): Promise<ReadDocument> => {
  const label = `“${input.fileName}”`;
  input.signal?.throwIfAborted();
  const parts = await readZipEntries(input.bytes, {
    limits: DOCX_LIMITS,
    label,
    kind: 'a Word document',
    wanted: isXmlPart,
  });
  const main = mainPart(parts, label);
  // mammoth parses every part with no bound on depth: parts nested thousands deep are refused first.
  for (const [name, bytes] of parts) assertShallow(decodeXml(bytes), `“${name}” in ${label}`);
  input.signal?.throwIfAborted();
  // mammoth reads the zip itself, with no bounds of its own: it gets a fresh archive of
  // exactly the parts checked above, so whatever tricks the original holds never reach it.
  const blocks = await docxBlocks(zipSync(Object.fromEntries(parts), { level: 0 }), label);
  if (blocks.length === 0) throw new UserFacingError('NO_ARTICLE', `${label} has no text: nothing was imported.`);
  const core = coreProperties(parts, label);
  // The comments are found in the whole body, the first heading included, before it may become the title.
  const notes = wordComments(parts, main, blocks, label);
  const title = takeTitle(blocks, notes, core.title, input.fileName);
  return {
    title,
    // Author and date stay facts: dc:creator is often a template's or a machine's name, not a byline.
    byline: '',
    publishedAt: '',
    siteName: '',
    blocks,
    facts: factsFrom(`mammoth ${mammothVersion()}`, core),
    notes,
  };
};
