// The evidence feature's entry point: handlers for the grading scheme, sources, grades,
// links between annotations, the claims register and analyses of competing hypotheses.
// Every change goes through one service with its change source and is announced as
// `evidenceChanged {kinds, documentIds}`.
import type { EvidenceContract } from '../../shared/evidence-contract';
import { ClaimRepository } from './claim-repository';
import { ClaimService } from './claim-service';
import type { EvidenceDeps } from './context';
import { EvidenceContext } from './context';
import { GradingRepository } from './grading-repository';
import { GradingService } from './grading-service';
import { LinkRepository } from './link-repository';
import { LinkService } from './link-service';
import { UserFacingError } from '../../shared/result';

export type { EvidenceDeps } from './context';

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

  constructor(deps: EvidenceDeps) {
    const context = new EvidenceContext(deps);
    const grading = new GradingRepository(deps.db);
    const links = new LinkRepository(deps.db);
    this.grading = new GradingService(context, grading);
    this.links = new LinkService(context, links);
    this.claims = new ClaimService(context, new ClaimRepository(deps.db), grading, links);
  }
}

export function evidenceHandlers(deps: EvidenceDeps): EvidenceHandlers {
  const { grading, links, claims } = new EvidenceServices(deps);
  return {
    getGradingScheme: () => grading.scheme(),
    saveGradingScheme: ({ scheme }) => grading.saveScheme(scheme),
    listSources: () => grading.listSources(),
    saveSource: (input) => grading.saveSource(input),
    deleteSource: ({ id }) => grading.deleteSource(id),
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
    ...achHandlers(),
  };
}

type AchMethod =
  | 'listAnalyses'
  | 'getAnalysis'
  | 'saveAnalysis'
  | 'deleteAnalysis'
  | 'saveHypothesis'
  | 'removeHypothesis'
  | 'saveAchRow'
  | 'removeAchRow'
  | 'rateAchCell';

/** Analyses are next: until they land, their methods refuse. */
function achHandlers(): Pick<EvidenceHandlers, AchMethod> {
  const notYet = (): never => {
    throw new UserFacingError('INVALID_INPUT', 'Analyses of competing hypotheses are not available yet.');
  };
  return {
    listAnalyses: notYet,
    getAnalysis: notYet,
    saveAnalysis: notYet,
    deleteAnalysis: notYet,
    saveHypothesis: notYet,
    removeHypothesis: notYet,
    saveAchRow: notYet,
    removeAchRow: notYet,
    rateAchCell: notYet,
  };
}
