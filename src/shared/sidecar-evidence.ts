// Grades and links in a workspace sidecar, as W3C Web Annotations: a grade is an
// additional body of its annotation with the purpose "assessing"; a link is its own
// annotation with the motivation "linking" (target: the from-annotation, body: the
// to-annotation); removed ones are tombstones beside the annotations'. Schemas, the
// builders the writer uses, and the reading back into the evidence merge's terms.
import * as z from 'zod';
import { BUNDLE_LIMITS, idSchema, isoTimeSchema, textualBodySchema, webAnnotationSchema } from './bundle-schemas';
import type {
  EvidenceEntry,
  SharedGrade,
  SharedGradeTombstone,
  SharedLink,
  SharedLinkTombstone,
} from './bundle-evidence';
import { emptyEvidenceEntry, gradeTombstoneSchema, linkTombstoneSchema } from './bundle-evidence';
import { LINK_KINDS } from './evidence';
import type { AssessingBody, LinkingAnnotation, WebAnnotation } from './web-annotation';
import { idFromUrn, urn } from './web-annotation';

const person = z.object({ id: idSchema, type: z.literal('Person'), name: z.string().max(200).optional() });

/** A grade: the credibility code, the annotation's own sources (IRIs) and the scheme's name, who and when. */
export const assessingBodySchema = z.object({
  type: z.literal('TextualBody'),
  purpose: z.literal('assessing'),
  value: z.string().max(100),
  creator: person,
  created: isoTimeSchema,
  modified: isoTimeSchema,
  marginalia: z.object({
    credibility: z.string().max(8),
    sources: z.array(idSchema).max(200),
    scheme: z.string().max(300).optional(),
  }),
});

/** A sidecar's annotation: a bundle's, whose bodies may also hold its grade. */
const gradedAnnotationSchema = webAnnotationSchema.extend({
  body: z
    .array(z.discriminatedUnion('purpose', [textualBodySchema, assessingBodySchema]))
    .max(200)
    .optional()
    .transform((body) => body ?? []),
});

export const linkingAnnotationSchema = z.object({
  id: idSchema,
  type: z.literal('Annotation'),
  motivation: z.literal('linking'),
  created: isoTimeSchema,
  modified: isoTimeSchema.optional(),
  creator: person,
  body: idSchema,
  target: idSchema,
  marginalia: z.object({ linkKind: z.enum(LINK_KINDS) }),
});

/** One item of a sidecar's page: an annotation or reply, or a link. */
export const sidecarItemSchema = z.discriminatedUnion('motivation', [gradedAnnotationSchema, linkingAnnotationSchema], {
  error: (issue) =>
    issue.code === 'invalid_union' ? 'must be one of "highlighting", "commenting", "replying", "linking"' : undefined,
});
export const sidecarItemsSchema = z.array(sidecarItemSchema).max(BUNDLE_LIMITS.annotations);

/** The removed grades and links a sidecar carries beside its annotations' tombstones (absent when none). */
export const sidecarEvidenceTombstones = {
  gradeTombstones: z.array(gradeTombstoneSchema).max(BUNDLE_LIMITS.annotations).optional(),
  linkTombstones: z.array(linkTombstoneSchema).max(BUNDLE_LIMITS.annotations).optional(),
};

type SidecarItemInput = z.infer<typeof sidecarItemSchema>;

/** Why a sidecar's grades or links cannot be read, or undefined: one grade per annotation, on annotations only, no link to itself. */
export function sidecarEvidenceFault(items: readonly SidecarItemInput[]): string | undefined {
  for (const item of items) {
    if (item.motivation === 'linking') {
      if (idFromUrn(item.body) === idFromUrn(item.target))
        return `Link ${item.id} links an annotation to itself; the file is not applied.`;
      continue;
    }
    const grades = item.body.filter((body) => body.purpose === 'assessing').length;
    if (grades > 1) return `Annotation ${item.id} has ${grades} assessing bodies; an annotation has one grade.`;
    if (grades === 1 && item.motivation === 'replying')
      return `Reply ${item.id} has an assessing body; only annotations are graded.`;
  }
  return undefined;
}

/** The page's items apart: annotations and replies (with their grades in their bodies), and links. */
export function splitSidecarItems(items: readonly SidecarItemInput[]): {
  items: WebAnnotation[];
  links: LinkingAnnotation[];
} {
  const annotations: WebAnnotation[] = [];
  const links: LinkingAnnotation[] = [];
  for (const item of items) {
    if (item.motivation === 'linking') links.push({ ...item, modified: item.modified ?? item.created });
    else annotations.push(item);
  }
  return { items: annotations, links };
}

/** A grade as its annotation's assessing body; `value` is the grade as people read it (B2). */
export function assessingBody(grade: SharedGrade, scheme: string, value: string): AssessingBody {
  return {
    type: 'TextualBody',
    purpose: 'assessing',
    value,
    creator: { id: urn(grade.authorId), type: 'Person' },
    created: grade.createdAt,
    modified: grade.updatedAt,
    marginalia: { credibility: grade.credibility, sources: grade.sourceIds.map(urn), scheme },
  };
}

export function linkingAnnotation(link: SharedLink): LinkingAnnotation {
  return {
    id: urn(link.id),
    type: 'Annotation',
    motivation: 'linking',
    created: link.createdAt,
    modified: link.createdAt,
    creator: { id: urn(link.authorId), type: 'Person' },
    body: urn(link.toId),
    target: urn(link.fromId),
    marginalia: { linkKind: link.kind },
  };
}

/** What a sidecar holds of grades and links, written and read. */
export interface SidecarEvidence {
  links: LinkingAnnotation[];
  gradeTombstones: SharedGradeTombstone[];
  linkTombstones: SharedLinkTombstone[];
}

/** A sidecar's grades, links and their tombstones as the evidence merge takes them (ids without `urn:uuid:`). */
export function sidecarEvidenceEntry(items: readonly WebAnnotation[], evidence: SidecarEvidence): EvidenceEntry {
  const entry = emptyEvidenceEntry();
  for (const item of items) {
    const body = item.body.find((one): one is AssessingBody => one.purpose === 'assessing');
    if (body) entry.grades.push(gradeOf(idFromUrn(item.id), body));
  }
  entry.links = evidence.links.map((link) => ({
    id: idFromUrn(link.id),
    kind: link.marginalia.linkKind,
    fromId: idFromUrn(link.target),
    toId: idFromUrn(link.body),
    authorId: idFromUrn(link.creator.id),
    createdAt: link.created,
  }));
  entry.gradeTombstones = evidence.gradeTombstones.map((one) => ({
    ...one,
    annotationId: idFromUrn(one.annotationId),
  }));
  entry.linkTombstones = evidence.linkTombstones.map((one) => ({
    ...one,
    id: idFromUrn(one.id),
    fromId: idFromUrn(one.fromId),
    toId: idFromUrn(one.toId),
  }));
  return entry;
}

function gradeOf(annotationId: string, body: AssessingBody): SharedGrade {
  return {
    annotationId,
    sourceIds: body.marginalia.sources.map(idFromUrn),
    credibility: body.marginalia.credibility,
    authorId: idFromUrn(body.creator.id),
    createdAt: body.created,
    updatedAt: body.modified,
  };
}
