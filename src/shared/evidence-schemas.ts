// Zod schemas for the evidence methods' inputs, checked at the core boundary (spread into
// contract-schemas.ts). Bounds keep a hostile caller from storing unbounded text.
import * as z from 'zod';
import type { EvidenceContract } from './evidence-contract';
import { ACH_RATINGS, LINK_KINDS, RELEVANCE_LEVELS, SOURCE_KINDS, STANCES } from './evidence';

const id = z.string().min(1).max(100);
const gradeCode = z.string().max(8);
const shortText = z.string().max(2000);
const longText = z.string().max(20_000);
const nonEmptyName = z.string().trim().min(1, 'must not be empty').max(300);
const idList = z.array(id).max(200);
const gradeLevel = z
  .object({ code: z.string().trim().min(1).max(8), label: nonEmptyName, description: shortText })
  .strict();
const levels = z.array(gradeLevel).min(2).max(12);

export const evidenceInputSchemas = {
  getGradingScheme: z.object({}).strict(),
  saveGradingScheme: z
    .object({ scheme: z.object({ name: nonEmptyName, reliability: levels, credibility: levels }).strict() })
    .strict(),
  listSources: z.object({}).strict(),
  saveSource: z
    .object({
      id: id.optional(),
      name: nonEmptyName,
      kind: z.enum(SOURCE_KINDS).optional(),
      reliability: gradeCode.optional(),
      reliabilityReason: shortText.optional(),
      notes: longText.optional(),
    })
    .strict(),
  deleteSource: z.object({ id, force: z.boolean().optional() }).strict(),
  getDocumentSources: z.object({ documentId: id }).strict(),
  setDocumentSources: z.object({ documentId: id, sourceIds: idList }).strict(),
  listGrades: z.object({ documentId: id }).strict(),
  gradeAnnotation: z
    .object({ annotationId: id, sourceIds: idList.optional(), credibility: gradeCode.optional() })
    .strict(),
  listLinks: z.object({ documentId: id }).strict(),
  linkAnnotations: z.object({ fromId: id, toId: id, kind: z.enum(LINK_KINDS) }).strict(),
  unlinkAnnotations: z.object({ id }).strict(),
  listClaims: z.object({}).strict(),
  getClaim: z.object({ id }).strict(),
  saveClaim: z
    .object({
      id: id.optional(),
      statement: z.string().trim().min(1, 'must not be empty').max(2000),
      evidence: z
        .array(z.object({ annotationId: id, stance: z.enum(STANCES) }).strict())
        .max(1000)
        .optional(),
    })
    .strict(),
  setClaimEvidence: z.object({ claimId: id, annotationId: id, stance: z.enum(STANCES).nullable() }).strict(),
  deleteClaim: z.object({ id }).strict(),
  listAnalyses: z.object({}).strict(),
  getAnalysis: z.object({ id, analystId: id.optional() }).strict(),
  saveAnalysis: z
    .object({ id: id.optional(), question: z.string().trim().min(1, 'must not be empty').max(2000) })
    .strict(),
  deleteAnalysis: z.object({ id }).strict(),
  exportAnalysisCsv: z.object({ id, analystId: id.optional() }).strict(),
  saveHypothesis: z.object({ analysisId: id, id: id.optional(), label: nonEmptyName }).strict(),
  removeHypothesis: z.object({ analysisId: id, id }).strict(),
  saveAchRow: z
    .object({
      analysisId: id,
      id: id.optional(),
      evidence: z
        .object({ kind: z.enum(['claim', 'annotation']), id })
        .strict()
        .optional(),
      relevance: z.enum(RELEVANCE_LEVELS).optional(),
    })
    .strict(),
  removeAchRow: z.object({ analysisId: id, id }).strict(),
  rateAchCell: z
    .object({
      analysisId: id,
      rowId: id,
      hypothesisId: id,
      rating: z.enum(ACH_RATINGS).nullable(),
      note: shortText.optional(),
    })
    .strict(),
} satisfies { [K in keyof EvidenceContract]: z.ZodType<Parameters<EvidenceContract[K]>[0]> };
