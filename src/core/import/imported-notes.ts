// Word comments as margin notes: where each comment's quote lies in the canonical text, and the
// annotation it becomes, authored by a name the file claims (never the local user or a signer).
import { createHash } from 'node:crypto';
import type { Block } from '../../shared/document-blocks';
import { blockPlainText, inlineText, isBlankBlock } from '../../shared/document-blocks';
import { plainTextAsMarkdown } from '../../shared/notes';
import { findQuoteOccurrences } from '../../shared/quote-occurrences';
import { quoteSelectorFor } from '../../shared/selectors';
import type { IncomingAnnotation } from '../incoming';
import type { ImportedNote } from './formats/format-reader';

/** A note from the file and the span of the canonical text it comments on. */
export interface PlacedNote {
  start: number;
  end: number;
  text: string;
  author: string;
  /** ISO 8601, or empty when the file does not say. */
  createdAt: string;
}

export interface NotePlacement {
  placed: PlacedNote[];
  /** Notes whose quote was not found in the text (a comment on an image, a header, deleted text). */
  skipped: number;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function blockText(block: Block): string {
  if (block.kind === 'table') return blockPlainText(block);
  if (block.kind !== 'list') return oneLine(inlineText(block.children));
  return block.items
    .map((item) => [oneLine(inlineText(item.children)), ...item.nested.map(blockText)].join('\n'))
    .join('\n');
}

/**
 * Finds each note's quote in the canonical text: the first occurrence at or after its block,
 * counted as the occurrences in the blocks before it plus those in the title and byline,
 * which the canonical text holds ahead of the blocks (block -1, the title, is the first). A quote
 * may run on across blocks: any run of spaces and line breaks in it matches the blank line between.
 */
export function placeImportedNotes(
  canonicalText: string,
  head: { title: string; byline: string },
  blocks: readonly Block[],
  notes: readonly ImportedNote[],
): NotePlacement {
  const texts = blocks.filter((block) => !isBlankBlock(block)).map(blockText);
  const indexOf = new Map<number, number>();
  blocks.forEach((block, index) => {
    if (!isBlankBlock(block)) indexOf.set(index, indexOf.size);
  });
  const placed: PlacedNote[] = [];
  let skipped = 0;
  for (const note of notes) {
    const quote = note.quote.trim();
    const occurrences = quote === '' ? [] : findQuoteOccurrences(canonicalText, quote);
    // Block -1 is the title, which the canonical text begins with: the quote's first occurrence is there.
    const blockAt = note.blockIndex === -1 ? -1 : indexOf.get(note.blockIndex);
    const before =
      blockAt === undefined || blockAt === -1
        ? 0
        : findQuoteOccurrences([head.title, head.byline, ...texts.slice(0, blockAt)].join('\n'), quote).length;
    const span = occurrences[before];
    if (span === undefined || blockAt === undefined) {
      skipped += 1;
      continue;
    }
    placed.push({ start: span.start, end: span.end, text: note.text, author: note.author, createdAt: note.createdAt });
  }
  return { placed, skipped };
}

function uuidFrom(seed: string): string {
  const bytes = createHash('sha256').update(seed).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The author id of a name a file claims: derived from the name under its own label, so it is
 * never a key's id (the local user's or a bundle signer's), yet one name keeps one id.
 */
export function importedAuthorId(name: string): string {
  return uuidFrom(`marginalia imported comment author\0${name}`);
}

/** How an imported comment's author is shown: the claimed name, said to be a Word comment's. */
export function importedAuthorName(name: string): string {
  return name === '' ? 'Word comment' : `${name} (Word comment)`;
}

/**
 * The annotation a placed note becomes in a document. Its id comes from the file's bytes, the text
 * read from them and the note's place, not from the document's id (each library's own): two
 * libraries that imported the same file hold the same notes, so a note bundle from one to the other
 * finds them already there, rather than refusing them as changes to notes by other authors (trial).
 */
export function noteAnnotation(
  document: { id: string; text: string; textSha256: string; sourceSha256: string },
  note: PlacedNote,
  index: number,
  importedAt: string,
): IncomingAnnotation {
  const quote = quoteSelectorFor(document.text, note.start, note.end);
  const time = note.createdAt !== '' ? note.createdAt : importedAt;
  return {
    id: uuidFrom(`marginalia imported note\0${document.sourceSha256}\0${document.textSha256}\0${index}\0${note.start}`),
    documentId: document.id,
    kind: 'highlight',
    color: 'yellow',
    // A file's comment is plain text: "**stars**" in it are stars, not bold.
    markdown: plainTextAsMarkdown(note.text),
    tags: [],
    quote,
    position: { type: 'TextPositionSelector', start: note.start, end: note.end },
    textSha256: document.textSha256,
    anchorStatus: 'exact',
    anchorScore: 1,
    author: { id: importedAuthorId(note.author), name: importedAuthorName(note.author) },
    createdAt: time,
    updatedAt: time,
  };
}
