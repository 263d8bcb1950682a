// The workspace's plain files: a document's annotations as a W3C AnnotationCollection
// (`<slug>.annotations.json`, stable key order, sorted by position, two-space indent, a
// final newline, so one changed annotation is a small diff), a Markdown digest
// (`<slug>.notes.md`), the schema a sidecar is read with, and the three-way merge of one
// annotation between the last synced base, the app and the file.
import * as z from 'zod';
import type { Annotation, Reply } from './annotations';
import { compareByPosition } from './annotations';
import {
  BOTH_ITEMS_AND_PAGE,
  BUNDLE_LIMITS,
  LISTS_NOTHING,
  idSchema,
  isoTimeSchema,
  itemsPresent,
  notBothItemsAndPage,
  sha256Schema,
  sharedProvenanceSchema,
} from './bundle-schemas';
import type { SharedGradeTombstone, SharedLinkTombstone } from './bundle-evidence';
import type { SidecarEvidence } from './sidecar-evidence';
import {
  sidecarEvidenceFault,
  sidecarEvidenceTombstones,
  sidecarItemsSchema,
  splitSidecarItems,
} from './sidecar-evidence';
import type { SharedProvenance } from './bundle-schemas';
import type { PageMapEntry } from './model';
import type { AssessingBody, LinkingAnnotation, WebAnnotation } from './web-annotation';
import {
  JSONLD_CONTEXT,
  annotationCollection,
  idFromUrn,
  isReply,
  readWebAnnotation,
  replyToWebAnnotation,
  toWebAnnotation,
  urn,
} from './web-annotation';
import { formatDate } from './dates';

export const SIDECAR_SUFFIX = '.annotations.json';
export const DIGEST_SUFFIX = '.notes.md';
export const TAGS_FILE = 'tags.json';

/**
 * A workspace sidecar (`<slug>.annotations.json`): the same annotations as a bundle, plus the
 * document, its tombstones, its annotations' grades (assessing bodies) and the links from them
 * (linking annotations) with the tombstones of removed ones (docs/workspace-evidence.md).
 */
export const sidecarSchema = z
  .object({
    '@context': z.unknown(),
    id: idSchema,
    type: z.literal('AnnotationCollection'),
    marginalia: z.object({
      document: z.object({
        id: idSchema,
        title: z.string().max(2000),
        sourceFile: z
          .string()
          .min(1)
          .max(300)
          .regex(/^[^/\\]+$/, 'must be a file name in the workspace folder')
          .refine((value) => value !== '.' && value !== '..', 'must be a file name'),
        textSha256: sha256Schema,
        /** The original's provenance; sidecars before it lack it. */
        source: sharedProvenanceSchema.optional(),
      }),
      tombstones: z
        .array(z.object({ id: idSchema, authorId: idSchema, deletedAt: isoTimeSchema }))
        .max(BUNDLE_LIMITS.annotations),
      ...sidecarEvidenceTombstones,
    }),
    total: z.number().int().min(0),
    items: sidecarItemsSchema.optional(),
    first: z.object({ type: z.literal('AnnotationPage'), items: sidecarItemsSchema }).optional(),
  })
  .refine(itemsPresent, LISTS_NOTHING)
  .refine(notBothItemsAndPage, BOTH_ITEMS_AND_PAGE)
  .superRefine((sidecar, context) => {
    const fault = sidecarEvidenceFault(sidecar.first?.items ?? sidecar.items ?? []);
    if (fault !== undefined) context.addIssue({ code: 'custom', message: fault, path: ['first', 'items'] });
  })
  .transform(({ items, first, marginalia, ...rest }) => ({
    ...rest,
    marginalia: {
      document: marginalia.document,
      tombstones: marginalia.tombstones,
      gradeTombstones: marginalia.gradeTombstones ?? [],
      linkTombstones: marginalia.linkTombstones ?? [],
    },
    ...splitSidecarItems(first?.items ?? items ?? []),
  }));

export interface SidecarDocument {
  id: string;
  title: string;
  sourceFile: string;
  textSha256: string;
  /** Where the original came from (never its local path); absent for a document without provenance. */
  source?: SharedProvenance;
}

export interface SidecarTombstone {
  id: string;
  authorId: string;
  deletedAt: string;
}

/**
 * A sidecar as Marginalia reads and builds it, its annotations in `items`. On disk it is a
 * W3C AnnotationCollection whose items sit on an embedded first page (serializeSidecar).
 */
export interface Sidecar {
  '@context': typeof JSONLD_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  marginalia: {
    document: SidecarDocument;
    tombstones: SidecarTombstone[];
    gradeTombstones: SharedGradeTombstone[];
    linkTombstones: SharedLinkTombstone[];
  };
  total: number;
  /** Annotations (each with its grade, if any, as an assessing body) and replies. */
  items: WebAnnotation[];
  /** Links from this document's annotations, after the items on the page. */
  links: LinkingAnnotation[];
}

/** A file-name stem from a title: letters and digits joined by hyphens, unique among `taken`. */
export function slugFor(title: string, taken: { has(slug: string): boolean }): string {
  const base =
    title
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .replace(/^(.{1,60})-.*$/u, (whole, head: string) => (whole.length > 60 ? head : whole))
      .slice(0, 60) || 'document';
  let slug = base;
  for (let counter = 2; taken.has(slug); counter++) slug = `${base}-${counter}`;
  return slug;
}

export function buildSidecar(
  document: SidecarDocument,
  annotations: readonly Annotation[],
  replies: readonly Reply[],
  tombstones: readonly SidecarTombstone[],
  pageMap: readonly PageMapEntry[] = [],
  evidence: SidecarGrades = NO_EVIDENCE,
): Sidecar {
  const ordered = [...annotations].sort(compareByPosition);
  const items = [
    ...ordered.map((annotation) => withGrade(toWebAnnotation(annotation, pageMap), evidence.grades.get(annotation.id))),
    ...[...replies]
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
      .map(replyToWebAnnotation),
  ];
  return {
    '@context': JSONLD_CONTEXT,
    id: urn(document.id),
    type: 'AnnotationCollection',
    marginalia: {
      document: {
        id: document.id,
        title: document.title,
        sourceFile: document.sourceFile,
        textSha256: document.textSha256,
        ...(document.source ? { source: document.source } : {}),
      },
      tombstones: [...tombstones]
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .map((tombstone) => ({ id: tombstone.id, authorId: tombstone.authorId, deletedAt: tombstone.deletedAt })),
      gradeTombstones: [...evidence.gradeTombstones].sort((a, b) => (a.annotationId < b.annotationId ? -1 : 1)),
      linkTombstones: [...evidence.linkTombstones].sort((a, b) => (a.id < b.id ? -1 : 1)),
    },
    total: items.length + evidence.links.length,
    items,
    links: [...evidence.links],
  };
}

/** The grades (by annotation) and links a sidecar is written with. */
export interface SidecarGrades extends SidecarEvidence {
  grades: ReadonlyMap<string, AssessingBody>;
}

const NO_EVIDENCE: SidecarGrades = { grades: new Map(), links: [], gradeTombstones: [], linkTombstones: [] };

function withGrade(web: WebAnnotation, grade: AssessingBody | undefined): WebAnnotation {
  return grade ? { ...web, body: [...web.body, grade] } : web;
}

export function serializeSidecar(sidecar: Sidecar): string {
  // The lists of removed grades and links are left out when empty: a sidecar without evidence reads as before.
  const { gradeTombstones, linkTombstones, ...marginalia } = sidecar.marginalia;
  const file = annotationCollection(sidecar.id, [...sidecar.items, ...sidecar.links], {
    label: sidecar.marginalia.document.title,
    marginalia: {
      ...marginalia,
      ...(gradeTombstones.length > 0 ? { gradeTombstones } : {}),
      ...(linkTombstones.length > 0 ? { linkTombstones } : {}),
    },
  });
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A readable digest: front matter, then each annotation as a quote with its tags and note. */
export function notesDigest(
  document: SidecarDocument,
  annotations: readonly Annotation[],
  replies: readonly Reply[] = [],
): string {
  const lines = [
    '---',
    `title: ${JSON.stringify(document.title)}`,
    `document: ${document.id}`,
    `source: ${JSON.stringify(document.sourceFile)}`,
    `annotations: ${annotations.length}`,
    '---',
    '',
    `# ${document.title}`,
    '',
  ];
  for (const annotation of [...annotations].sort(compareByPosition)) {
    const quote = annotation.target?.quote.exact.replace(/\s+/g, ' ').trim() ?? '';
    lines.push(quote === '' ? '> (document note)' : `> ${quote}`);
    lines.push('');
    const meta = [`${annotation.author.name}`, formatDate(annotation.updatedAt, 'iso-day'), annotation.color];
    if (annotation.anchor.status === 'orphan') meta.push('orphaned');
    lines.push(
      `*${meta.join(' · ')}*${annotation.tags.length > 0 ? ` ${annotation.tags.map((tag) => `\`#${tag}\``).join(' ')}` : ''}`,
    );
    if (annotation.note.markdown.trim() !== '') lines.push('', annotation.note.markdown.trim());
    lines.push('');
    // Replies thread under their note, oldest first, each as a quoted paragraph with its author.
    for (const reply of replies
      .filter((candidate) => candidate.annotationId === annotation.id)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
      lines.push(
        `> **${reply.author.name}** (${formatDate(reply.createdAt, 'iso-day')}): ${reply.markdown.trim().replace(/\n/g, '\n> ')}`,
        '',
      );
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The fields of an annotation that a person can change, compared one by one when merging. */
export interface MergeFields {
  color: string;
  note: string;
  tags: string;
  target: string;
}

export function mergeFieldsOf(web: WebAnnotation): MergeFields {
  const read = readWebAnnotation(web);
  return {
    color: read.color,
    note: read.markdown.trim(),
    tags: JSON.stringify([...read.tags].sort()),
    target: JSON.stringify([read.kind, read.position?.start ?? -1, read.position?.end ?? -1, read.quote?.exact ?? '']),
  };
}

/** The base of three-way merges kept for a sidecar's annotations (replies merge by time alone). */
export function baseFieldsOf(items: readonly WebAnnotation[]): Record<string, MergeFields> {
  const fields: Record<string, MergeFields> = {};
  for (const item of items) if (!isReply(item)) fields[idFromUrn(item.id)] = mergeFieldsOf(item);
  return fields;
}

export type ThreeWayOutcome =
  | { kind: 'take-local' }
  | { kind: 'merged'; fields: (keyof MergeFields)[] }
  | { kind: 'conflict'; fields: (keyof MergeFields)[] };

/**
 * Field by field against the base: a field changed on one side only takes that side; a
 * field changed on both sides to different values is a conflict (the app's value stays).
 * `fields` lists the fields to take from the file.
 */
export function threeWay(base: MergeFields, local: MergeFields, theirs: MergeFields): ThreeWayOutcome {
  const keys = Object.keys(base) as (keyof MergeFields)[];
  const fromTheirs: (keyof MergeFields)[] = [];
  const conflicting: (keyof MergeFields)[] = [];
  for (const key of keys) {
    const localChanged = local[key] !== base[key];
    const theirsChanged = theirs[key] !== base[key];
    if (theirsChanged && !localChanged) fromTheirs.push(key);
    else if (theirsChanged && localChanged && theirs[key] !== local[key]) conflicting.push(key);
  }
  if (conflicting.length > 0) return { kind: 'conflict', fields: fromTheirs };
  if (fromTheirs.length === 0) return { kind: 'take-local' };
  return { kind: 'merged', fields: fromTheirs };
}
