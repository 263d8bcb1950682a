// The evidence feature's entry point: handlers for the grading scheme, sources, grades,
// links between annotations, the claims register and analyses of competing hypotheses.
// Every change goes through one service with its change source and is announced as
// `evidenceChanged {kinds, documentIds}`.
import type { EvidenceContract } from '../../shared/evidence-contract';
import { AchRepository } from './ach-repository';
import { AchService } from './ach-service';
import { ClaimRepository } from './claim-repository';
import { ClaimService } from './claim-service';
import type { EvidenceDeps } from './context';
import { EvidenceContext } from './context';
import { EvidenceExport } from './evidence-export';
import { GradingRepository } from './grading-repository';
import { GradingService } from './grading-service';
import { LinkRepository } from './link-repository';
import { LinkService } from './link-service';

export type { EvidenceDeps } from './context';
export { EvidenceExport } from './evidence-export';
export { EvidenceSearch } from './evidence-search';
export type { SavedEvidence } from './annotation-evidence';
export { cascadeOfDeletion, evidenceOfAnnotation, restoreEvidence } from './annotation-evidence';
// The workspace sync reads and merges grades and links (with their tombstones) in the sidecars.
export { GradingRepository } from './grading-repository';
export { LinkRepository } from './link-repository';
export { SharedEvidenceReader } from './shared-evidence-reader';

export type EvidenceHandlers = {
  [M in keyof EvidenceContract]: (
    input: Parameters<EvidenceContract[M]>[0],
  ) => ReturnType<EvidenceContract[M]> | Promise<ReturnType<EvidenceContract[M]>>;
};

/** The services of the evidence feature, sharing one context and its repositories. */
export class EvidenceServices {
  readonly grading: GradingService;
  readonly links: LinkService;
  readonly claims: ClaimService;
  readonly analyses: AchService;
  readonly context: EvidenceContext;

  constructor(deps: EvidenceDeps) {
    const context = new EvidenceContext(deps);
    this.context = context;
    const grading = new GradingRepository(deps.db);
    const links = new LinkRepository(deps.db);
    this.grading = new GradingService(context, grading);
    this.links = new LinkService(context, links);
    this.claims = new ClaimService(context, new ClaimRepository(deps.db), grading, links);
    this.analyses = new AchService(context, new AchRepository(deps.db), this.claims);
  }
}

const servicesByStore = new WeakMap<EvidenceDeps['db'], EvidenceServices>();

/** The library's one set of evidence services (one claims cache per library, living as long as its store). */
export function evidenceServicesOf(deps: EvidenceDeps): EvidenceServices {
  let services = servicesByStore.get(deps.db);
  if (!services) servicesByStore.set(deps.db, (services = new EvidenceServices(deps)));
  return services;
}

/** The contract's evidence methods over the library's one set of services (one claims cache). */
export function evidenceHandlers(services: EvidenceServices): EvidenceHandlers {
  const { grading, links, claims, analyses } = services;
  const exports = new EvidenceExport(services);
  return {
    getGradingScheme: () => grading.scheme(),
    saveGradingScheme: ({ scheme }) => grading.saveScheme(scheme),
    listSources: () => grading.listSources(),
    saveSource: (input) => grading.saveSource(input),
    deleteSource: ({ id, force }) => grading.deleteSource(id, force ?? false),
    getDocumentSources: ({ documentId }) => grading.documentSources(documentId),
    setDocumentSources: ({ documentId, sourceIds }) => grading.setDocumentSources(documentId, sourceIds),
    listGrades: ({ documentId }) => grading.listGrades(documentId),
    gradeAnnotation: (input) => grading.gradeAnnotation(input),
    listLinks: ({ documentId }) => links.list(documentId),
    linkAnnotations: (input) => links.link(input),
    unlinkAnnotations: ({ id }) => links.unlink(id),
    listClaims: () => claims.list(),
    getClaim: ({ id }) => claims.detail(id),
    saveClaim: (input) => claims.save(input),
    setClaimEvidence: (input) => claims.setEvidence(input),
    deleteClaim: ({ id }) => claims.remove(id),
    listAnalyses: () => analyses.list(),
    getAnalysis: ({ id, analystId }) => analyses.view(id, undefined, analystId),
    saveAnalysis: (input) => analyses.save(input),
    deleteAnalysis: ({ id }) => analyses.remove(id),
    exportAnalysisCsv: ({ id, analystId }) => exports.analysisCsv(id, analystId),
    saveHypothesis: (input) => analyses.saveHypothesis(input),
    removeHypothesis: (input) => analyses.removeHypothesis(input),
    saveAchRow: (input) => analyses.saveRow(input),
    removeAchRow: (input) => analyses.removeRow(input),
    rateAchCell: (input) => analyses.rate(input),
  };
}
