// What merging a bundle's evidence shares with merging its annotations: the signer, where
// each bundle annotation and document landed here, the clock, and one decision rule for
// every kind of evidence item (the annotations' rule, src/shared/merge.ts).
import type { Database } from 'better-sqlite3';
import type { SharedEvidenceKind } from '../../shared/bundle-evidence';
import type { BundlePlan } from '../../shared/bundles';
import type { EvidenceKind } from '../../shared/evidence-contract';
import type { Signer, Version } from '../../shared/merge';
import { decideEvidenceFromSigner } from '../../shared/merge';

export interface EvidenceMergeHost {
  db: Database;
  signer: Signer;
  /** The workspace's own files: every author's items are taken (by the same rules), as sidecars' are. */
  trustAuthors?: boolean;
  plan: Pick<BundlePlan, 'evidence' | 'evidenceSkipped' | 'refused'>;
  /** True when writing; a preview only counts. */
  apply: boolean;
  /** The author an item is kept under: as claimed when signed, else marked unverified. */
  authorOf(claimed: { id: string; name: string }): { id: string; name: string };
  /** A time from the bundle as kept here (clamped to the clock's skew, and seen by the clock). */
  time(iso: string): string;
  /** The local id of a bundle annotation that is (or, in a preview, would be) here; undefined when not. */
  annotationHere(bundleId: string): string | undefined;
  /** The local document a bundle document's notes go to; undefined when the bundle does not hold it. */
  documentHere(bundleId: string): string | undefined;
}

/** What the evidence merge changed, for the one `evidenceChanged` event after commit. */
export interface EvidenceTouched {
  kinds: Set<EvidenceKind>;
  documentIds: Set<string>;
}

/** Decides one item by the evidence rule and counts it in the plan: true when the incoming version is to be written. */
export function decideItem(
  host: EvidenceMergeHost,
  kind: SharedEvidenceKind,
  local: Version | undefined,
  incoming: Version,
): boolean {
  const counts = host.plan.evidence[kind];
  const signer = host.trustAuthors ? { authorId: incoming.authorId, verified: true } : host.signer;
  const decision = decideEvidenceFromSigner(local, incoming, signer);
  if (decision === 'insert') counts.added += 1;
  else if (decision === 'update') counts.updated += 1;
  else if (decision === 'refused') host.plan.refused += 1;
  else if (decision === 'unchanged') counts.unchanged += 1;
  else counts.keptLocal += 1;
  return decision === 'insert' || decision === 'update';
}

/** Counts an item left out because what it points at is not here. */
export function skipItem(host: EvidenceMergeHost): false {
  host.plan.evidenceSkipped += 1;
  return false;
}

export function content(...parts: unknown[]): string {
  return JSON.stringify(parts);
}
