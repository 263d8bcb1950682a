// Turns one file's bytes into everything the store keeps for a document, without
// touching the store: a file that fails here leaves the library exactly as it was.
import { basename } from 'node:path';
import { buildDocumentState, countWords } from '../../shared/lexical-document';
import { sizeLimits } from '../../shared/bundle-schemas';
import type { DocumentProvenance, SourceType } from '../../shared/model';
import type { CarriedFile } from './formats/format-reader';
import type { NotePlacement } from './imported-notes';
import { UserFacingError } from '../../shared/result';
import { parseHtml } from './html';
import { parseMarkdown } from './markdown';
import { cleanTitle } from './parsed-document';
import { parsePlainText } from './plain-text';
import { decodeImportFile, formatMegabytes } from './validate';
import { sha256Hex } from '../files/sha256';

export interface PreparedDocument {
  title: string;
  sourceName: string;
  sourceType: SourceType;
  sourceBytes: Buffer;
  sourceSha256: string;
  lexicalJson: string;
  canonicalText: string;
  textSha256: string;
  byline: string;
  publishedAt: string;
  siteName: string;
  wordCount: number;
  /** Where the file came from and what its reader found; absent for documents made elsewhere (sync, bundles). */
  provenance?: DocumentProvenance;
  /** Files a message carried, stored with it so one can be imported later. */
  attachments?: CarriedFile[];
  /** Notes the file carried (Word comments), placed in the canonical text, to become annotations. */
  notes?: NotePlacement;
}

/** The reader named in a text document's provenance. */
export const TEXT_IMPORTERS: Partial<Record<SourceType, string>> = {
  txt: 'marginalia plain text',
  md: 'marginalia markdown (mdast-util-from-markdown)',
  html: 'marginalia html (jsdom, readability, dompurify)',
};

// The sync engine imports the hash from here; it now lives with the other file helpers.

export function titleFromFileName(fileName: string): string {
  const name = basename(fileName);
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).replace(/[-_]+/g, ' ').trim() || 'Untitled';
}

/** Control characters JSON writes as a two-character escape (\b \t \n \f \r); the rest take six (\u001f). */
const SHORT_ESCAPES = new Set([0x08, 0x09, 0x0a, 0x0c, 0x0d]);

/**
 * The UTF-8 bytes of JSON.stringify(text), counted without building it: the structure of a
 * 500,000-line log is a 40 MB string, and copying it to measure took most of a second.
 */
export function jsonStringBytes(text: string): number {
  let escapes = 2;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x20) escapes += SHORT_ESCAPES.has(code) ? 1 : 5;
    else if (code === 0x22 || code === 0x5c) escapes += 1;
    else if (code >= 0xd800 && code <= 0xdfff) {
      const paired = code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00;
      // A lone surrogate is written \udxxx, six bytes where UTF-8 counts its replacement's three.
      if (paired) index++;
      else escapes += 3;
    }
  }
  return Buffer.byteLength(text) + escapes;
}

/** No UTF-16 code unit takes more than six bytes in a JSON string ("\\u001f", a lone surrogate's "\\ud800"). */
export const jsonStringBound = (text: string): number => 6 * text.length + 2;

/** At least bundleEntryBytes, and counted from the strings' lengths alone. */
function bundleEntryBound(document: { lexicalJson: string; canonicalText: string; sourceBytes: number }): number {
  return (
    jsonStringBound(document.lexicalJson) +
    jsonStringBound(document.canonicalText) +
    Math.ceil(document.sourceBytes / 3) * 4 +
    64 * 1024
  );
}

/** The bytes a document takes in a note bundle: its structure and text as JSON strings, its original file in base64, and room for the rest. */
export function bundleEntryBytes(document: {
  lexicalJson: string;
  canonicalText: string;
  sourceBytes: number;
}): number {
  return (
    jsonStringBytes(document.lexicalJson) +
    jsonStringBytes(document.canonicalText) +
    Math.ceil(document.sourceBytes / 3) * 4 +
    64 * 1024
  );
}

/**
 * Refuses a document that would not fit in a note bundle under the same limits (sizeLimits),
 * so whatever the app keeps as a document can also be shared and imported back.
 */
export function assertSharable(
  document: { lexicalJson: string; canonicalText: string; sourceBytes: number },
  maxBytes: number,
): void {
  const limit = sizeLimits(maxBytes).documentEntryBytes;
  // Counting escapes walks every character (tens of milliseconds for a long report, in a loop
  // run once, so never optimized): only a document the cheap bound cannot clear is counted.
  if (bundleEntryBound(document) <= limit) return;
  const bytes = bundleEntryBytes(document);
  if (bytes <= limit) return;
  const structureBytes = Buffer.byteLength(document.lexicalJson);
  const size = `This document would take ${formatMegabytes(bytes)} in a note bundle (its paragraphs and formatting alone ${formatMegabytes(structureBytes)})`;
  const cap = `over the ${formatMegabytes(limit)} one document may take at the ${formatMegabytes(maxBytes)} import limit`;
  throw new UserFacingError(
    'TOO_LARGE',
    `${size}, ${cap}. Join short lines into paragraphs, or raise the import limit in Settings.`,
  );
}

/** `pageUrl`: for a fetched page, its address, which its relative links are read against. */
export function prepareDocument(
  fileName: string,
  bytes: Uint8Array,
  maxBytes: number,
  pageUrl?: string,
): PreparedDocument {
  const sourceName = basename(fileName.replace(/\\/g, '/'));
  const { sourceType, text } = decodeImportFile(sourceName, bytes, maxBytes);
  const fallbackTitle = titleFromFileName(sourceName);
  const parsed =
    sourceType === 'html'
      ? parseHtml(text, fallbackTitle, sourceName, pageUrl)
      : sourceType === 'md'
        ? parseMarkdown(text, fallbackTitle)
        : parsePlainText(text, fallbackTitle);
  const title = cleanTitle(parsed.title, fallbackTitle);
  const { lexicalJson, text: canonicalText } = buildDocumentState({
    title,
    byline: parsed.byline,
    blocks: parsed.blocks,
  });
  assertSharable({ lexicalJson, canonicalText, sourceBytes: bytes.length }, maxBytes);
  return {
    title,
    sourceName,
    sourceType,
    sourceBytes: Buffer.from(bytes),
    sourceSha256: sha256Hex(bytes),
    lexicalJson,
    canonicalText,
    textSha256: sha256Hex(canonicalText),
    byline: parsed.byline,
    publishedAt: parsed.publishedAt,
    siteName: parsed.siteName,
    wordCount: countWords(canonicalText),
  };
}
