// The evidence a note bundle carries (evidence.json): sources, documents' default sources,
// grades, links, claims and analyses with each analyst's cells, and the tombstones of deleted
// ones (optional: older bundles have none). Hostile like every entry:
// bounded counts and lengths, objects rebuilt from known keys only.
import * as z from 'zod';
import { ACH_RATINGS, LINK_KINDS, RELEVANCE_LEVELS, SOURCE_KINDS, STANCES } from './evidence';
import { isoDateTime } from './schema-fields';

export const EVIDENCE_ENTRY = 'evidence.json';

/** Counts an evidence entry may hold (its bytes are capped with the other entries'). */
export const EVIDENCE_LIMITS = {
  sources: 10_000,
  documentSources: 1000,
  grades: 250_000,
  links: 250_000,
  claims: 50_000,
  evidencePerClaim: 1000,
  analyses: 1000,
  hypothesesPerAnalysis: 200,
  rowsPerAnalysis: 5000,
  cellsPerAnalysis: 200_000,
  /** Tombstones of deleted items: the newest ones travel when there are more. */
  deleted: 100_000,
} as const;

const id = z.string().min(1).max(200);
const code = z.string().max(8);
const name = z.string().max(300);
const author = { authorId: id };
const times = { createdAt: isoDateTime, updatedAt: isoDateTime };

const sourceSchema = z.object({
  id,
  name: z.string().trim().min(1).max(300),
  kind: z.enum(SOURCE_KINDS),
  reliability: code,
  reliabilityReason: z.string().max(2000),
  notes: z.string().max(20_000),
  ...author,
  ...times,
});

const documentSourcesSchema = z.object({
  documentId: id,
  sourceIds: z.array(id).max(200),
  ...author,
  updatedAt: isoDateTime,
});

const gradeSchema = z.object({
  annotationId: id,
  sourceIds: z.array(id).max(200),
  credibility: code,
  ...author,
  ...times,
});

const linkSchema = z.object({
  id,
  kind: z.enum(LINK_KINDS),
  fromId: id,
  toId: id,
  ...author,
  createdAt: isoDateTime,
});

/** A removed grade (migration 11): bundles and files before it lack the list. */
export const gradeTombstoneSchema = z.object({ annotationId: id, ...author, deletedAt: isoDateTime });

/** A removed link, with its ends and kind (a receiver that never had it keeps it from arriving later). */
export const linkTombstoneSchema = z.object({
  id,
  kind: z.enum(LINK_KINDS),
  fromId: id,
  toId: id,
  ...author,
  deletedAt: isoDateTime,
});

const claimSchema = z.object({
  id,
  statement: z.string().trim().min(1).max(2000),
  evidence: z.array(z.object({ annotationId: id, stance: z.enum(STANCES) })).max(EVIDENCE_LIMITS.evidencePerClaim),
  ...author,
  ...times,
});

const hypothesisSchema = z.object({ id, label: z.string().trim().min(1).max(300), ...author, ...times });

const rowSchema = z.object({
  id,
  evidence: z.object({ kind: z.enum(['claim', 'annotation']), id }),
  relevance: z.enum(RELEVANCE_LEVELS),
  ...author,
  ...times,
});

const cellSchema = z.object({
  rowId: id,
  hypothesisId: id,
  rating: z.enum(ACH_RATINGS),
  note: z.string().max(2000),
  ...author,
  /** The analyst's name, so a disagreement can name them before any note of theirs arrives. */
  authorName: name,
  updatedAt: isoDateTime,
});

const analysisSchema = z.object({
  id,
  question: z.string().trim().min(1).max(2000),
  hypotheses: z.array(hypothesisSchema).max(EVIDENCE_LIMITS.hypothesesPerAnalysis),
  rows: z.array(rowSchema).max(EVIDENCE_LIMITS.rowsPerAnalysis),
  cells: z.array(cellSchema).max(EVIDENCE_LIMITS.cellsPerAnalysis),
  ...author,
  ...times,
});

/** The kinds of evidence item whose deletion travels (grades and links have their own rules). */
export const TOMBSTONE_KINDS = [
  'sources',
  'documentSources',
  'claims',
  'claimEvidence',
  'analyses',
  'hypotheses',
  'rows',
  'cells',
] as const;
export type TombstoneKind = (typeof TOMBSTONE_KINDS)[number];

/** Kinds keyed by two ids: a claim's piece of evidence (claim, annotation) and a cell (row, hypothesis). */
const TWO_PART_KINDS: ReadonlySet<TombstoneKind> = new Set(['claimEvidence', 'cells']);

/**
 * A deleted item: `id` is the item's id (a piece's claim, a cell's row, a default-sources
 * list's document), `partId` a piece's annotation or a cell's hypothesis. The author is the
 * deleted item's author (a cell's analyst), and the deletion competes as a version at `deletedAt`.
 */
const tombstoneSchema = z
  .object({ kind: z.enum(TOMBSTONE_KINDS), id, partId: id.optional(), ...author, deletedAt: isoDateTime })
  .refine((item) => TWO_PART_KINDS.has(item.kind) === (item.partId !== undefined), {
    message: 'A deleted piece of evidence or cell names its second part (partId), and nothing else does.',
  });

export const evidenceEntrySchema = z.object({
  sources: z.array(sourceSchema).max(EVIDENCE_LIMITS.sources),
  documentSources: z.array(documentSourcesSchema).max(EVIDENCE_LIMITS.documentSources),
  grades: z.array(gradeSchema).max(EVIDENCE_LIMITS.grades),
  links: z.array(linkSchema).max(EVIDENCE_LIMITS.links),
  gradeTombstones: z.array(gradeTombstoneSchema).max(EVIDENCE_LIMITS.grades).optional(),
  linkTombstones: z.array(linkTombstoneSchema).max(EVIDENCE_LIMITS.links).optional(),
  claims: z.array(claimSchema).max(EVIDENCE_LIMITS.claims),
  analyses: z.array(analysisSchema).max(EVIDENCE_LIMITS.analyses),
  deleted: z.array(tombstoneSchema).max(EVIDENCE_LIMITS.deleted).default([]),
});

export type EvidenceEntry = z.infer<typeof evidenceEntrySchema>;
export type SharedSource = EvidenceEntry['sources'][number];
export type SharedDocumentSources = EvidenceEntry['documentSources'][number];
export type SharedGrade = EvidenceEntry['grades'][number];
export type SharedLink = EvidenceEntry['links'][number];
export type SharedGradeTombstone = z.infer<typeof gradeTombstoneSchema>;
export type SharedLinkTombstone = z.infer<typeof linkTombstoneSchema>;
export type SharedClaim = EvidenceEntry['claims'][number];
export type SharedAnalysis = EvidenceEntry['analyses'][number];
export type SharedHypothesis = SharedAnalysis['hypotheses'][number];
export type SharedRow = SharedAnalysis['rows'][number];
export type SharedCell = SharedAnalysis['cells'][number];
export type EvidenceTombstone = EvidenceEntry['deleted'][number];

export function emptyEvidenceEntry(): EvidenceEntry {
  return { sources: [], documentSources: [], grades: [], links: [], claims: [], analyses: [], deleted: [] };
}

export function evidenceEntryIsEmpty(entry: EvidenceEntry): boolean {
  return Object.values(entry).every((list: unknown[] | undefined) => (list?.length ?? 0) === 0);
}

/** The kinds of evidence item a bundle import counts, in the order a preview lists them. */
export const SHARED_EVIDENCE_KINDS = [
  'sources',
  'documentSources',
  'grades',
  'links',
  'claims',
  'analyses',
  'hypotheses',
  'rows',
  'cells',
] as const;
export type SharedEvidenceKind = (typeof SHARED_EVIDENCE_KINDS)[number];

/** The workspace's evidence file: the library's evidence as JSON-LD (docs/workspace-evidence.md). */
export const EVIDENCE_FILE = 'evidence.jsonld';

export const EVIDENCE_FILE_CONTEXT = {
  '@vocab': 'https://marginalia.app/ns/evidence#',
  id: '@id',
  type: '@type',
} as const;

/**
 * The file holds sources, documents' sources, claims and analyses; grades and links live in
 * the sidecars (as assessing bodies and linking annotations). Files written before that list
 * them too, and they are still read, so nothing they hold is lost.
 */
export const evidenceFileSchema = evidenceEntrySchema.extend({
  '@context': z.unknown(),
  type: z.literal('EvidenceCollection'),
  grades: evidenceEntrySchema.shape.grades.optional().transform((grades) => grades ?? []),
  links: evidenceEntrySchema.shape.links.optional().transform((links) => links ?? []),
});

/** The file's content: the library's evidence but its grades and links, under a JSON-LD context. */
export function evidenceFileText(entry: EvidenceEntry): string {
  const { sources, documentSources, claims, analyses, deleted } = entry;
  const file = {
    '@context': EVIDENCE_FILE_CONTEXT,
    type: 'EvidenceCollection',
    sources,
    documentSources,
    claims,
    analyses,
    // The tombstones of the items the file holds (grades' and links' are in the sidecars).
    ...(deleted === undefined ? {} : { deleted }),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}
