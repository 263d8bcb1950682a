// The library's claims and their statuses kept in memory between lists: built on first use,
// then followed change by change (each evidence service tells what it wrote), and built
// again when the store moved in a way it was not told (a bundle, the sync, undo, another
// process), so a claims list after one change costs a few milliseconds, not a recompute.
import type { Claim, ClaimSummary } from '../../shared/evidence';
import { ClaimStatusIndex, type ClaimOutcome } from '../../shared/evidence-rules';
import type { ClaimRepository } from './claim-repository';
import type { EvidenceChangeObserver, EvidenceContext, EvidenceTouch } from './context';
import { evidenceRevision, watchEvidenceTables } from './evidence-revision';
import type { GradingRepository } from './grading-repository';
import type { LinkRepository } from './link-repository';
import { Weighing } from './weighing';

interface CacheState {
  revision: string;
  weighing: Weighing;
  claims: Map<string, Claim>;
  index: ClaimStatusIndex;
  /** Each claim's summary as last listed, dropped when anything it shows may have changed. */
  summaries: Map<string, ClaimSummary>;
  /** The whole list in order, until any claim changes. */
  listed: ClaimSummary[] | undefined;
}

/** Newest change first, then by id: the order the claims list has always had. */
function byNewest(a: Claim, b: Claim): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export class ClaimStatusCache implements EvidenceChangeObserver {
  private state: CacheState | undefined;
  /** How many times the cache was built from the store (tests and the benchmark read it). */
  builds = 0;

  constructor(
    private readonly context: EvidenceContext,
    private readonly claims: ClaimRepository,
    private readonly grading: GradingRepository,
    private readonly links: LinkRepository,
  ) {
    watchEvidenceTables(context.db);
  }

  revision(): string {
    return evidenceRevision(this.context.db);
  }

  /** Every claim's summary, newest change first. */
  list(): ClaimSummary[] {
    const state = this.current();
    state.listed ??= [...state.claims.values()].sort(byNewest).map((claim) => {
      let summary = state.summaries.get(claim.id);
      if (!summary)
        state.summaries.set(claim.id, (summary = state.weighing.summary(claim, state.index.outcomes.get(claim.id))));
      return summary;
    });
    return [...state.listed];
  }

  /** The weighing and a claim's outcome as held, when what is held is the store's (else undefined). */
  held(claimId: string): { weighing: Weighing; outcome: ClaimOutcome | undefined } | undefined {
    const state = this.state;
    if (!state || state.revision !== this.revision()) return undefined;
    return { weighing: state.weighing, outcome: state.index.outcomes.get(claimId) };
  }

  /** Drops what is held; the next list builds it again. */
  invalidate(): void {
    this.state = undefined;
  }

  changed(touched: EvidenceTouch | undefined, before: string, after: string, nested: boolean): void {
    const state = this.state;
    if (!state || before === after) return;
    if (nested || !touched || state.revision !== before) return this.invalidate();
    try {
      this.follow(state, touched);
      state.revision = after;
    } catch {
      // The change is committed whatever happened here; the next list builds from the store.
      this.invalidate();
    }
  }

  private current(): CacheState {
    const revision = this.revision();
    if (this.state?.revision === revision) return this.state;
    const state = this.build(revision);
    // What is read inside a transaction may yet be rolled back: it is used, not kept.
    this.state = this.context.db.inTransaction ? undefined : state;
    return state;
  }

  private build(revision: string): CacheState {
    this.builds += 1;
    const weighing = new Weighing(this.context, this.grading, this.links);
    weighing.preloadEvidenceDocuments();
    const all = this.claims.all();
    const index = new ClaimStatusIndex({
      claims: all,
      sourcesOf: (id) => weighing.originsOf(id),
      credibilityOf: (id) => weighing.credibilityOf(id),
      repeats: this.links.repeats(),
      scheme: weighing.scheme,
    });
    const claims = new Map(all.map((claim) => [claim.id, claim]));
    return { revision, weighing, claims, index, summaries: new Map(), listed: undefined };
  }

  /** Applies what one change wrote: rows read again, and only the claims it can affect recomputed. */
  private follow(state: CacheState, touched: EvidenceTouch): void {
    const { weighing, index } = state;
    const stale = (ids: Iterable<string>): void => {
      for (const id of ids) state.summaries.delete(id);
    };
    state.listed = undefined;
    // A source's reliability shows in the best grade of every claim citing it: rare, so all go.
    for (const id of touched.sources ?? []) {
      weighing.forgetSource(id);
      state.summaries.clear();
    }
    const annotations = [...(touched.annotations ?? [])];
    for (const id of annotations) weighing.reloadAnnotation(id);
    for (const documentId of touched.documents ?? []) {
      weighing.reloadDocument(documentId);
      annotations.push(...this.annotationsOf(documentId));
    }
    // The claims recomputed are those citing these annotations or what repeats them: every summary that may change.
    if (annotations.length > 0) stale(index.annotationsChanged(annotations));
    for (const link of touched.repeats?.added ?? []) stale(index.addRepeat(link));
    for (const link of touched.repeats?.removed ?? []) stale(index.removeRepeat(link));
    stale(touched.claims ?? []);
    for (const id of touched.claims ?? []) {
      const claim = this.claims.claim(id);
      if (claim) {
        state.claims.set(id, claim);
        index.setClaim(id, claim.evidence);
      } else {
        state.claims.delete(id);
        index.removeClaim(id);
      }
    }
  }

  private annotationsOf(documentId: string): string[] {
    return this.context.db
      .prepare<[string], [string]>('SELECT id FROM annotations WHERE document_id = ?')
      .raw()
      .all(documentId)
      .map(([id]) => id);
  }
}
