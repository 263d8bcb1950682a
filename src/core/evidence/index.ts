// The evidence feature's entry point: handlers for sources, grades, links, claims and
// analyses of competing hypotheses. (Being built in session 12: each handler is replaced by
// the store-backed service as it lands; none of them is reachable from the UI yet.)
import type { EvidenceContract } from '../../shared/evidence-contract';
import { EVIDENCE_METHOD_NAMES } from '../../shared/evidence-contract';
import { UserFacingError } from '../../shared/result';

type EvidenceHandlers = {
  [M in keyof EvidenceContract]: (
    input: Parameters<EvidenceContract[M]>[0],
  ) => ReturnType<EvidenceContract[M]> | Promise<ReturnType<EvidenceContract[M]>>;
};

export function evidenceHandlers(): EvidenceHandlers {
  const notYet = (): never => {
    throw new UserFacingError('INVALID_INPUT', 'Evidence features are not available yet.');
  };
  return Object.fromEntries(EVIDENCE_METHOD_NAMES.map((name) => [name, notYet])) as unknown as EvidenceHandlers;
}
