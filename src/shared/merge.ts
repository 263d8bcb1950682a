// Merge rules for annotations arriving from elsewhere (a reviewer's bundle): each one
// resolves by last writer wins, ordered by its modification time (the hybrid logical
// clock: local time never runs behind a time already seen), then author id, then content,
// so the order is total and merging is idempotent and commutative. An annotation's author
// never changes: a version claiming another author is refused. A deletion travels as a
// tombstone and is final, but only its author's tombstone deletes an annotation.
// An author is a signing key: a signed bundle creates, changes or deletes only its signer's
// items, and an unsigned one (admitted by explicit choice) only adds new ones.

export interface Version {
  updatedAt: string;
  authorId: string;
  /** Everything else that makes up the version, serialized the same way on every side. */
  content: string;
}

/**
 * The content of an evidence item's tombstone: a deletion is one more version of the item,
 * ordered by its time like an edit (no item's own content serializes to this).
 */
export const DELETED_CONTENT = '\u0000deleted';

export function compareVersions(a: Version, b: Version): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? -1 : 1;
  if (a.authorId !== b.authorId) return a.authorId < b.authorId ? -1 : 1;
  if (a.content !== b.content) return a.content < b.content ? -1 : 1;
  return 0;
}

export type IncomingDecision = 'insert' | 'update' | 'unchanged' | 'keep-local' | 'deleted' | 'refused';

/** Who vouches for a bundle's items: its signer's author id, or nobody for an unsigned bundle. */
export interface Signer {
  authorId: string;
  verified: boolean;
}

export function decideIncoming(
  local: Version | undefined,
  incoming: Version,
  tombstone: { authorId: string } | undefined,
): IncomingDecision {
  if (tombstone && tombstone.authorId === incoming.authorId) return 'deleted';
  if (!local) return 'insert';
  if (local.authorId !== incoming.authorId) return 'keep-local';
  const order = compareVersions(incoming, local);
  if (order === 0) return 'unchanged';
  return order > 0 ? 'update' : 'keep-local';
}

/**
 * decideIncoming for an item from a bundle: what the item would do is allowed only when its
 * author is the bundle's verified signer; an unsigned bundle may only insert new items.
 */
export function decideFromSigner(
  local: Version | undefined,
  incoming: Version,
  tombstone: { authorId: string } | undefined,
  signer: Signer,
): IncomingDecision {
  const deleted = tombstone !== undefined && tombstone.authorId === incoming.authorId;
  if (!signer.verified && local && !deleted) return local.content === incoming.content ? 'unchanged' : 'refused';
  const decision = decideIncoming(local, incoming, tombstone);
  if (decision === 'insert') return !signer.verified || incoming.authorId === signer.authorId ? 'insert' : 'refused';
  if (decision === 'update') return signer.verified && incoming.authorId === signer.authorId ? 'update' : 'refused';
  return decision;
}

/**
 * decideFromSigner for an evidence item (a source, grade, link, claim, analysis, hypothesis,
 * row or one analyst's cell): the same rules, except that an item
 * whose content is already here is unchanged whatever its time when someone other than its
 * author carries it. An analysis is touched by every rating and a claim by every piece of
 * evidence; that alone is not a change, and must not read as a refused one when someone
 * else's bundle carries it back. Its author's own later time is still taken (as an update),
 * so one author's versions converge in any order. An evidence item's deletion is one more of
 * its author's versions (content DELETED_CONTENT, time of deletion): unlike an annotation's
 * tombstone it is not final, since an item's key can be written again (a cell re-rated, a
 * document given sources again), so an edit later than the deletion brings the item back.
 */
export function decideEvidenceFromSigner(
  local: Version | undefined,
  incoming: Version,
  signer: Signer,
): IncomingDecision {
  if (local && local.content === incoming.content) {
    const ownLater = signer.verified && incoming.authorId === signer.authorId && compareVersions(incoming, local) > 0;
    return ownLater ? 'update' : 'unchanged';
  }
  return decideFromSigner(local, incoming, undefined, signer);
}

/**
 * What an evidence item's incoming deletion does (`incoming` carries DELETED_CONTENT and the
 * deletion's time): only the item's author deletes it, and only in a bundle that author
 * signed; among that author's versions the latest wins, as for an edit. A deletion kept
 * with nothing here ('keep') still stays, so an older copy arriving later stays out.
 */
export function decideEvidenceDeletion(
  local: Version | undefined,
  incoming: Version,
  signer: Signer,
): 'delete' | 'keep' | 'unchanged' | 'keep-local' | 'refused' | 'ignore' {
  const live = local !== undefined && local.content !== DELETED_CONTENT;
  if (!signer.verified || incoming.authorId !== signer.authorId) return live ? 'refused' : 'ignore';
  if (!local) return 'keep';
  // Another author's item under the same key: this deletion is not of it.
  if (local.authorId !== incoming.authorId) return 'ignore';
  const order = compareVersions(incoming, local);
  if (order === 0) return 'unchanged';
  if (order < 0) return 'keep-local';
  return live ? 'delete' : 'keep';
}

/** decideTombstone for a bundle's tombstone: only the verified signer's own tombstones count. */
export function decideTombstoneFromSigner(
  local: { authorId: string } | undefined,
  tombstone: { authorId: string },
  signer: Signer,
): 'delete' | 'ignore' | 'refused' {
  if (signer.verified && tombstone.authorId === signer.authorId) return decideTombstone(local, tombstone);
  return local ? 'refused' : 'ignore';
}

export function decideTombstone(
  local: { authorId: string } | undefined,
  tombstone: { authorId: string },
): 'delete' | 'ignore' {
  return local && local.authorId === tombstone.authorId ? 'delete' : 'ignore';
}

/**
 * The state one id ends in after its author's versions and any tombstones arrive, in any
 * order: what the rules above converge to. Property tests check the store against it.
 */
export function convergedState(
  versions: readonly Version[],
  tombstones: ReadonlyArray<{ authorId: string }>,
): Version | undefined {
  let winner: Version | undefined;
  for (const version of versions) if (!winner || compareVersions(version, winner) > 0) winner = version;
  if (!winner || tombstones.some((tombstone) => tombstone.authorId === winner.authorId)) return undefined;
  return winner;
}

/**
 * How far ahead of this computer's clock a time from outside may be (a day): a time further
 * ahead is taken as the time it arrives, so it cannot push the clock out of range.
 */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;

/** A time from outside as it is kept: itself, or `now` when it lies more than the skew ahead (or is unreadable). */
export function acceptedTime(iso: string, nowMs: number): string {
  const ms = Date.parse(iso);
  return Number.isFinite(ms) && ms <= nowMs + MAX_CLOCK_SKEW_MS ? iso : new Date(nowMs).toISOString();
}

/** Moves a clock reading forward past every time already seen, so local edits sort after them. */
export function nextClockReading(now: number, latestSeen: number): number {
  return now > latestSeen ? now : latestSeen + 1;
}
