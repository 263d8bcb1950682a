// Where a bundle's documents go in this library: matched to a document here (by id, then
// text, then original file) or added, new or as a copy beside mine.
import { provenanceFromShared } from '../../shared/shared-provenance';
import { randomUUID } from 'node:crypto';
import type { BundlePlan, BundlePlanDocument } from '../../shared/bundles';
import type { BundleDocument } from '../../shared/bundle-schemas';
import { countWords } from '../../shared/lexical-document';
import { UserFacingError } from '../../shared/result';
import type { DocumentRepository } from '../documents';
import { sha256Hex } from '../files/sha256';
import type { ParsedBundle } from './bundle-import';

/** What placing documents needs: the library's documents. */
interface DocumentDeps {
  documents: DocumentRepository;
}

/** Where a bundle document's notes go here: its text, and whether it is a new copy beside mine. */
export interface LocalDocument {
  id: string;
  text: string;
  textSha256: string;
  copy: boolean;
}

/**
 * Adds a bundle document to the library under `id`. Its original file is kept unless this
 * library already holds a document made from the same file (a copy beside mine), in which
 * case its text stands in for the file.
 */
function insertDocument(deps: DocumentDeps, bundle: ParsedBundle, document: BundleDocument, id: string): void {
  const sent = document.sourceBase64 !== undefined ? Buffer.from(document.sourceBase64, 'base64') : undefined;
  const useSent = sent !== undefined && deps.documents.idWithSource(sha256Hex(sent)) === undefined;
  const source = useSent ? sent : Buffer.from(document.canonicalText, 'utf8');
  const origin = {
    name: bundle.signed ? bundle.manifest.creator.name : `${bundle.manifest.creator.name} (unverified)`,
    fingerprint: bundle.fingerprint,
  };
  const { created } = deps.documents.insertWithId(
    id,
    {
      title: document.title,
      sourceName: document.sourceName,
      sourceType: useSent ? document.sourceType : 'txt',
      sourceBytes: source,
      sourceSha256: sha256Hex(source),
      lexicalJson: document.lexicalJson,
      canonicalText: document.canonicalText,
      textSha256: document.textSha256,
      byline: document.byline,
      publishedAt: document.publishedAt,
      siteName: document.siteName,
      wordCount: countWords(document.canonicalText),
      // What the sender says of the original, kept as their claim (the Source panel says so).
      ...(document.source ? { provenance: provenanceFromShared(document.source, { kind: 'bundle' }) } : {}),
    },
    new Date(),
    origin,
  );
  if (!created) {
    throw new UserFacingError(
      'INVALID_INPUT',
      `“${document.title.slice(0, 80)}” cannot be added as a new document: ` +
        'this library already holds a document made from the same file. Apply the notes to that copy instead.',
    );
  }
}

/** The SHA-256 of a bundle document's original file: as stated, else (older bundles) of the file it carries. */
function sourceHashOf(document: BundleDocument): string | undefined {
  return (
    document.sourceSha256 ??
    (document.sourceBase64 !== undefined ? sha256Hex(Buffer.from(document.sourceBase64, 'base64')) : undefined)
  );
}

/**
 * The local document a bundle document matches: same id, else same text, else made from
 * the same original file, whether or not the bundle carries the file (a review sent back
 * from a copy the reviewer merged into has the reviewer's id and text, but the same file).
 */
function matchOf(deps: DocumentDeps, document: BundleDocument): string | undefined {
  if (deps.documents.exists(document.id)) return document.id;
  const byText = deps.documents.idWithText(document.textSha256);
  if (byText) return byText;
  const source = sourceHashOf(document);
  return source !== undefined ? deps.documents.idWithSource(source) : undefined;
}

/** Which local document each bundle document's notes go to, adding the new ones (and chosen copies) when applying. */
export function resolveDocuments(
  deps: DocumentDeps,
  bundle: ParsedBundle,
  plan: BundlePlan,
  options: { apply: boolean; copies?: readonly string[] },
): Map<string, LocalDocument> {
  const localOf = new Map<string, LocalDocument>();
  for (const document of bundle.documents) {
    const base = { bundleDocumentId: document.id, title: document.title, version: document.textSha256.slice(0, 7) };
    const match = matchOf(deps, document);
    const textSha256 = match ? deps.documents.textSha256(match) : '';
    if (match && textSha256 === document.textSha256) {
      plan.documents.push({ ...base, id: match, status: 'matched' });
      localOf.set(document.id, { id: match, text: document.canonicalText, textSha256, copy: false });
      continue;
    }
    let entry: BundlePlanDocument = { ...base, id: document.id, status: 'new' };
    if (match) {
      const choice = options.copies?.includes(document.id) ? 'copy' : 'merge';
      entry = {
        ...base,
        id: match,
        status: 'text differs',
        localTitle: deps.documents.summary(match).title,
        choice,
        localVersion: textSha256.slice(0, 7),
      };
      if (choice === 'merge') {
        plan.documents.push(entry);
        localOf.set(document.id, { id: match, text: deps.documents.canonicalText(match), textSha256, copy: false });
        continue;
      }
      entry.id = deps.documents.exists(document.id) ? randomUUID() : document.id;
    }
    plan.documents.push(entry);
    localOf.set(document.id, {
      id: entry.id,
      text: document.canonicalText,
      textSha256: document.textSha256,
      copy: match !== undefined,
    });
    if (options.apply) insertDocument(deps, bundle, document, entry.id);
  }
  return localOf;
}
