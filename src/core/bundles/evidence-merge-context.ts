// What merging a bundle's evidence shares with merging its annotations: the signer, where
// each bundle annotation and document landed here, the clock, and one decision rule for
// every kind of evidence item (the annotations' rule, src/shared/merge.ts). A deletion is
// one more version of its item: a tombstone competes with the item's edits by time.
import type { Database } from 'better-sqlite3';
import type { SharedEvidenceKind } from '../../shared/bundle-evidence';
import type { BundlePlan } from '../../shared/bundles';
import type { EvidenceKind } from '../../shared/evidence-contract';
import type { Signer, Version } from '../../shared/merge';
import { DELETED_CONTENT, decideEvidenceDeletion, decideEvidenceFromSigner } from '../../shared/merge';
import type { TombstoneKey } from '../evidence/tombstone-repository';
import { TombstoneRepository } from '../evidence/tombstone-repository';

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
  /** For the workspace file: the last synced state, so an item changed only in the file is taken whatever its time. */
  threeWay?: ThreeWay;
}

/** What a three-way merge knows of each item (by kind and key) at the last sync. */
export interface ThreeWay {
  /** Whether the incoming content differs from the base; undefined when the base has no such item. */
  changedSinceBase(kind: SharedEvidenceKind, key: string, content: string): boolean | undefined;
  /** Sees each incoming item's content (to record the new base). */
  record(kind: SharedEvidenceKind, key: string, content: string): void;
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
  key: string,
  local: Version | undefined,
  incoming: Version,
): boolean {
  const counts = host.plan.evidence[kind];
  const threeWay = host.threeWay && threeWayDecision(host.threeWay, kind, key, local, incoming);
  if (threeWay !== undefined) {
    if (threeWay) counts.updated += 1;
    else counts.unchanged += 1;
    return threeWay;
  }
  const signer = host.trustAuthors ? { authorId: incoming.authorId, verified: true } : host.signer;
  const decision = decideEvidenceFromSigner(local, incoming, signer);
  if (decision === 'insert') counts.added += 1;
  else if (decision === 'update') counts.updated += 1;
  else if (decision === 'refused') host.plan.refused += 1;
  else if (decision === 'unchanged') counts.unchanged += 1;
  else counts.keptLocal += 1;
  return decision === 'insert' || decision === 'update';
}

/** The item here as a version: the live one, or else its tombstone (a deletion competes like an edit). */
export function localVersion(
  host: EvidenceMergeHost,
  live: Version | undefined,
  key: TombstoneKey,
): Version | undefined {
  // Writing an item clears its tombstone, so a live item has none to look up.
  if (live) return live;
  const tombstone = new TombstoneRepository(host.db).get(key);
  return tombstone && { updatedAt: tombstone.deletedAt, authorId: tombstone.authorId, content: DELETED_CONTENT };
}

/**
 * Decides one incoming tombstone by decideEvidenceDeletion (the workspace file speaks for
 * every author): true when it is to be kept, deleting the item here if any.
 */
export function decideDeletion(
  host: EvidenceMergeHost,
  kind: SharedEvidenceKind,
  key: string,
  local: Version | undefined,
  incoming: Version,
): boolean {
  const counts = host.plan.evidence[kind];
  const live = local !== undefined && local.content !== DELETED_CONTENT;
  const threeWay = host.threeWay && threeWayDecision(host.threeWay, kind, key, local, incoming);
  if (threeWay !== undefined) {
    if (threeWay && live) counts.deleted += 1;
    return threeWay;
  }
  const signer = host.trustAuthors ? { authorId: incoming.authorId, verified: true } : host.signer;
  const decision = decideEvidenceDeletion(local, incoming, signer);
  if (decision === 'refused') host.plan.refused += 1;
  else if (decision === 'delete') counts.deleted += 1;
  else if (decision === 'keep-local' && live) counts.keptLocal += 1;
  return decision === 'delete' || decision === 'keep';
}

/** Counts an item left out because what it points at is not here. */
export function skipItem(host: EvidenceMergeHost): false {
  host.plan.evidenceSkipped += 1;
  return false;
}

export function content(...parts: unknown[]): string {
  return JSON.stringify(parts);
}

/**
 * Against the last synced state: an item the file did not change stays as it is here (false);
 * one changed only in the file is taken (true), even with an older time, as a hand edit
 * keeps its time; changed on both sides (or new), undefined: the usual rule decides.
 */
function threeWayDecision(
  threeWay: ThreeWay,
  kind: SharedEvidenceKind,
  key: string,
  local: Version | undefined,
  incoming: Version,
): boolean | undefined {
  threeWay.record(kind, key, incoming.content);
  const fileChanged = threeWay.changedSinceBase(kind, key, incoming.content);
  if (fileChanged === false) return false;
  // An item deleted here comes back only by a version later than its deletion: an old copy of
  // the file (changed since the base only because it predates the deletion) must not bring it back.
  if (local?.content === DELETED_CONTENT && incoming.content !== DELETED_CONTENT) return undefined;
  if (fileChanged && local && local.content !== incoming.content && local.authorId === incoming.authorId)
    return threeWay.changedSinceBase(kind, key, local.content) === false ? true : undefined;
  return undefined;
}
