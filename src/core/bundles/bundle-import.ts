// Reading a note bundle someone sent and checking everything about it (zip, schemas,
// hashes, signature) before anything is merged: bundle-merge.ts then plans and applies it,
// and bundle-documents.ts places its documents.
import type { z } from 'zod';
import type { BundleDocument, BundleManifest, SizeLimits } from '../../shared/bundle-schemas';
import {
  BUNDLE_LIMITS,
  ENTRY_NAMES,
  annotationCollectionSchema,
  documentEntrySchemaFor,
  jsonDepthExceeds,
  manifestSchema,
  signatureSchema,
  signedPayload,
  tagsEntrySchema,
  tombstonesEntrySchema,
} from '../../shared/bundle-schemas';
import type { EvidenceEntry } from '../../shared/bundle-evidence';
import { emptyEvidenceEntry, evidenceEntrySchema } from '../../shared/bundle-evidence';
import { rebuildIncomingDocument } from '../../shared/incoming-document';
import { describeSchemaIssue } from '../../shared/schema-messages';
import type { WebAnnotation } from '../../shared/web-annotation';
import { idFromUrn } from '../../shared/web-annotation';
import { fingerprintOf, verifySignature } from '../identity';
import type { IncomingTombstone } from '../incoming';
import { BundleFormatError, readBundleZip } from './zip';
import { sha256Hex } from '../files/sha256';

export interface ParsedBundle {
  manifest: BundleManifest;
  signed: boolean;
  fingerprint: string;
  documents: BundleDocument[];
  items: WebAnnotation[];
  tags: z.infer<typeof tagsEntrySchema>['tags'];
  tombstones: IncomingTombstone[];
  /** Sources, grades, links, claims and analyses (empty for a bundle without evidence.json). */
  evidence: EvidenceEntry;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseEntry<T>(entries: ReadonlyMap<string, Buffer>, name: string, schema: z.ZodType<T>): T {
  const bytes = entries.get(name);
  if (!bytes) throw new BundleFormatError(`The bundle has no ${name}.`);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new BundleFormatError(`${name} in the bundle is not UTF-8 text.`);
  }
  if (jsonDepthExceeds(text, BUNDLE_LIMITS.jsonDepth))
    throw new BundleFormatError(`${name} in the bundle is nested more than ${BUNDLE_LIMITS.jsonDepth} levels deep.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BundleFormatError(`${name} in the bundle is not valid JSON (${(error as Error).message.slice(0, 200)}).`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BundleFormatError(
      `${name} in the bundle is not what a bundle holds: ${issue ? describeSchemaIssue(issue, value, 'the entry') : 'the entry is not valid'}.`,
    );
  }
  return parsed.data;
}

/** Unzips, validates and checks the signature; throws a BundleFormatError naming what is wrong. */
export async function readBundle(
  bytes: Buffer,
  options: { allowUnsigned: boolean; limits: SizeLimits },
): Promise<ParsedBundle> {
  const entries = await readBundleZip(bytes, options.limits);
  const documentEntrySchema = documentEntrySchemaFor(options.limits);
  const manifest = parseEntry(entries, ENTRY_NAMES.manifest, manifestSchema);
  let signed = false;
  if (entries.has(ENTRY_NAMES.signature)) {
    const signature = parseEntry(entries, ENTRY_NAMES.signature, signatureSchema);
    const present = [...entries.keys()].filter((name) => name !== ENTRY_NAMES.signature).sort();
    const listed = signature.entries.map((entry) => entry.name).sort();
    const intact =
      present.length === listed.length &&
      present.every((name, index) => name === listed[index]) &&
      signature.entries.every((entry) => sha256Hex(entries.get(entry.name)!) === entry.sha256) &&
      signature.publicKey === manifest.creator.publicKey &&
      verifySignature(signature.publicKey, Buffer.from(signedPayload(signature.entries), 'utf8'), signature.signature);
    if (!intact) {
      throw new BundleFormatError(
        `This bundle was changed after ${manifest.creator.name.slice(0, 80)} signed it (its signature does not match its contents). It was not imported.`,
      );
    }
    signed = true;
  } else if (!options.allowUnsigned) {
    throw new UnsignedBundleError();
  }

  const documents = manifest.documents.map((listed) => {
    const document = parseEntry(entries, listed.entry, documentEntrySchema);
    if (document.id !== listed.id)
      throw new BundleFormatError(
        `${listed.entry} holds document ${document.id}, not ${listed.id} as the manifest says.`,
      );
    if (sha256Hex(document.canonicalText) !== document.textSha256 || document.textSha256 !== listed.textSha256) {
      throw new BundleFormatError(`The text of “${listed.title.slice(0, 80)}” does not match its hash.`);
    }
    if (
      document.sourceSha256 !== undefined &&
      document.sourceBase64 !== undefined &&
      sha256Hex(Buffer.from(document.sourceBase64, 'base64')) !== document.sourceSha256
    ) {
      throw new BundleFormatError(`The original file of “${listed.title.slice(0, 80)}” does not match its hash.`);
    }
    let structure: { lexicalJson: string; text: string };
    try {
      structure = rebuildIncomingDocument(document.lexicalJson);
    } catch {
      throw new BundleFormatError(`The structure of “${listed.title.slice(0, 80)}” cannot be read.`);
    }
    if (structure.text !== document.canonicalText)
      throw new BundleFormatError(`The structure and text of “${listed.title.slice(0, 80)}” disagree.`);
    return { ...document, lexicalJson: structure.lexicalJson };
  });
  const collection = parseEntry(entries, ENTRY_NAMES.annotations, annotationCollectionSchema);
  const seen = new Set<string>();
  for (const item of collection.items) {
    const id = idFromUrn(item.id);
    if (seen.has(id)) throw new BundleFormatError(`The bundle lists annotation ${id.slice(0, 80)} twice.`);
    seen.add(id);
  }
  const tags = entries.has(ENTRY_NAMES.tags) ? parseEntry(entries, ENTRY_NAMES.tags, tagsEntrySchema).tags : [];
  const tombstones = entries.has(ENTRY_NAMES.tombstones)
    ? parseEntry(entries, ENTRY_NAMES.tombstones, tombstonesEntrySchema).tombstones
    : [];
  const evidence = entries.has(ENTRY_NAMES.evidence)
    ? parseEntry(entries, ENTRY_NAMES.evidence, evidenceEntrySchema)
    : emptyEvidenceEntry();
  return {
    evidence,
    manifest,
    signed,
    fingerprint: signed ? fingerprintOf(manifest.creator.publicKey) : '',
    documents,
    items: collection.items as WebAnnotation[],
    tags,
    tombstones,
  };
}

/** An unsigned bundle, refused because nobody allowed it: each host says how to allow it. */
export class UnsignedBundleError extends BundleFormatError {
  constructor() {
    super(
      'This bundle is not signed, so who wrote it cannot be checked. Import it only if you trust where it came from.',
    );
    this.name = 'UnsignedBundleError';
  }
}
