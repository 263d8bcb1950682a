// The three-way merge of a sidecar into the library, as a plan: given the last synced base,
// what the library holds and what the file says, which annotations are added, updated,
// deleted or left in conflict, which tombstones are recorded and which replies taken, with
// counts, as a bundle's preview counts them. Pure: no files, no database; applying the plan
// is a separate step (apply-plan.ts).
import type { Version } from '../../shared/merge';
import { compareVersions, decideIncoming } from '../../shared/merge';
import type { MergeFields, SidecarTombstone } from '../../shared/sidecar';
import { mergeFieldsOf, threeWay } from '../../shared/sidecar';
import type { WebAnnotation } from '../../shared/web-annotation';
import { idFromUrn, isReply } from '../../shared/web-annotation';
import { replyParentId } from '../annotations';
import type { SidecarContent } from './sidecar-file';

export type MergeField = keyof MergeFields;
export const ALL_MERGE_FIELDS: readonly MergeField[] = ['color', 'note', 'tags', 'target'];

/**
 * A `file` is the document's own sidecar, which the base describes; a `copy` (a sync tool's
 * conflict copy, a second file naming the document) is another version: what it lacks is
 * not deleted, and where it is older than the library and differs, it is a conflict.
 */
export type MergeKind = 'file' | 'copy';

/**
 * The library as the plan sees it. Asked on demand: against a base most annotations are
 * unchanged in the file, and the plan never asks for them.
 */
export interface LocalSide {
  /** The ids of the document's annotations here. */
  ids: ReadonlySet<string>;
  /** One of the document's annotations (an id in `ids`), as a web annotation. */
  annotation(id: string): WebAnnotation;
  /** The annotation with this id in any document here: which document holds it, and who wrote it. */
  holder(id: string): { documentId: string; authorId: string } | undefined;
  /** Who deleted this id (an annotation or a reply) here, when it was deleted. */
  tombstonedBy(id: string): string | undefined;
  /** The reply with this id here, as replies are compared (time, author, text), if it is here. */
  reply(id: string): Version | undefined;
}

export interface MergeInput {
  documentId: string;
  kind: MergeKind;
  /** Each annotation's mergeable fields at the last sync (empty for a file merged for the first time). */
  base: ReadonlyMap<string, MergeFields>;
  local: LocalSide;
  theirs: SidecarContent;
}

export interface PlannedUpdate {
  theirs: WebAnnotation;
  /** The fields the file's version sets (the others stay as the library has them). */
  fields: readonly MergeField[];
}

export interface PlannedDeletion {
  id: string;
  /** When, for a deletion carried by a tombstone; undefined: now (deleted in the file, unchanged here). */
  deletedAt: string | undefined;
}

export interface SyncPlan {
  documentId: string;
  /** Why the file cannot be applied at all; when set, nothing in the plan is to be applied. */
  refusal: string | undefined;
  annotations: {
    added: WebAnnotation[];
    updated: PlannedUpdate[];
    deleted: PlannedDeletion[];
    /** The file's version of an annotation changed on both sides, kept aside for the person to choose. */
    conflicted: WebAnnotation[];
  };
  /** Tombstones of annotations this library never had (or has already deleted), recorded so they stay deleted. */
  tombstones: SidecarTombstone[];
  /** Replies taken from the file (last writer wins, as in bundles). */
  replies: { added: WebAnnotation[]; updated: WebAnnotation[] };
  counts: {
    annotations: { added: number; updated: number; deleted: number; conflicted: number; keptLocal: number };
    replies: { added: number; updated: number };
  };
}

function sameMergeFields(a: MergeFields, b: MergeFields): boolean {
  return a.color === b.color && a.note === b.note && a.tags === b.tags && a.target === b.target;
}

type Step =
  | { kind: 'keep-local' }
  | { kind: 'add' }
  | { kind: 'delete' }
  | { kind: 'refuse'; message: string }
  | { kind: 'update'; fields: readonly MergeField[]; conflict: boolean };

const KEEP_LOCAL: Step = { kind: 'keep-local' };

/** An annotation both sides have: the file's version where only it changed, a conflict where both did. */
function bothSides(input: MergeInput, id: string, b: MergeFields | undefined, t: WebAnnotation): Step {
  const theirsFields = mergeFieldsOf(t);
  // Unchanged in the file since the last sync: whatever the app has now stays.
  if (b && sameMergeFields(theirsFields, b)) return KEEP_LOCAL;
  const local = input.local.annotation(id);
  const localFields = mergeFieldsOf(local);
  if (input.kind === 'copy' && t.modified < local.modified)
    return sameMergeFields(theirsFields, localFields) ? KEEP_LOCAL : { kind: 'update', fields: [], conflict: true };
  if (!b) {
    // Merged for the first time (or against another folder's history): the later version wins.
    const decision = decideIncoming(
      { updatedAt: local.modified, authorId: idFromUrn(local.creator.id), content: JSON.stringify(localFields) },
      { updatedAt: t.modified, authorId: idFromUrn(t.creator.id), content: JSON.stringify(theirsFields) },
      undefined,
    );
    return decision === 'update' ? { kind: 'update', fields: ALL_MERGE_FIELDS, conflict: false } : KEEP_LOCAL;
  }
  const outcome = threeWay(b, localFields, theirsFields);
  if (outcome.kind === 'take-local') return KEEP_LOCAL;
  return { kind: 'update', fields: outcome.fields, conflict: outcome.kind === 'conflict' };
}

/** What to do with one annotation id, from the base, the library and the file. */
function stepFor(input: MergeInput, id: string, t: WebAnnotation | undefined): Step {
  const b = input.base.get(id);
  const hasLocal = input.local.ids.has(id);
  if (t && !hasLocal) {
    if (b || input.local.tombstonedBy(id) !== undefined) return KEEP_LOCAL; // deleted here since the last sync
    const elsewhere = input.local.holder(id);
    if (elsewhere)
      return {
        kind: 'refuse',
        message: `Annotation ${id} in this file already belongs to another document (${elsewhere.documentId}); the file is not applied.`,
      };
    return { kind: 'add' };
  }
  if (!t && hasLocal && b && input.kind === 'file') {
    // Deleted in the file: deleted here too, unless it was edited here since.
    const unchangedHere = sameMergeFields(mergeFieldsOf(input.local.annotation(id)), b);
    return unchangedHere ? { kind: 'delete' } : KEEP_LOCAL;
  }
  if (t && hasLocal) return bothSides(input, id, b, t);
  return KEEP_LOCAL;
}

function emptyPlan(documentId: string): SyncPlan {
  return {
    documentId,
    refusal: undefined,
    annotations: { added: [], updated: [], deleted: [], conflicted: [] },
    tombstones: [],
    replies: { added: [], updated: [] },
    counts: {
      annotations: { added: 0, updated: 0, deleted: 0, conflicted: 0, keptLocal: 0 },
      replies: { added: 0, updated: 0 },
    },
  };
}

/** The annotations' part of the plan; the first id the file may not hold refuses it whole. */
function planAnnotations(input: MergeInput, plan: SyncPlan): void {
  const theirs = new Map(input.theirs.items.filter((item) => !isReply(item)).map((item) => [idFromUrn(item.id), item]));
  const ids = new Set([...input.base.keys(), ...input.local.ids, ...theirs.keys()]);
  for (const id of ids) {
    const t = theirs.get(id);
    const step = stepFor(input, id, t);
    if (step.kind === 'refuse') {
      plan.refusal = step.message;
      return;
    }
    if (step.kind === 'add' && t) plan.annotations.added.push(t);
    else if (step.kind === 'delete') plan.annotations.deleted.push({ id, deletedAt: undefined });
    else if (step.kind === 'update' && t) {
      if (step.fields.length > 0) plan.annotations.updated.push({ theirs: t, fields: step.fields });
      if (step.conflict) plan.annotations.conflicted.push(t);
    } else if (input.local.ids.has(id) && t) plan.counts.annotations.keptLocal++;
  }
}

/**
 * Tombstones delete their author's annotation wherever it is; one this library has no
 * annotation for is recorded, so an older file cannot bring it back. Seen after the
 * annotations' steps, as the store would be by then.
 */
function planTombstones(input: MergeInput, plan: SyncPlan): void {
  const added = new Map(plan.annotations.added.map((item) => [idFromUrn(item.id), idFromUrn(item.creator.id)]));
  const deleted = new Set(plan.annotations.deleted.map((deletion) => deletion.id));
  for (const tombstone of input.theirs.marginalia.tombstones) {
    const authorId =
      added.get(tombstone.id) ?? (deleted.has(tombstone.id) ? undefined : input.local.holder(tombstone.id)?.authorId);
    if (authorId === undefined) plan.tombstones.push(tombstone);
    else if (authorId === tombstone.authorId) {
      plan.annotations.deleted.push({ id: tombstone.id, deletedAt: tombstone.deletedAt });
      deleted.add(tombstone.id);
      added.delete(tombstone.id);
    }
  }
}

/** A reply as replies are compared, as the incoming writer compares them: time, then author, then text. */
export function replyVersion(item: WebAnnotation): Version {
  const markdown = item.body.find((body) => body.purpose === 'replying')?.value ?? '';
  return { updatedAt: item.modified, authorId: idFromUrn(item.creator.id), content: JSON.stringify([markdown.trim()]) };
}

/**
 * Replies: last writer wins, as in bundles. One whose annotation is not here, or that its
 * author deleted (a tombstone here or in the file), is not taken.
 */
function planReplies(input: MergeInput, plan: SyncPlan): void {
  const deleted = new Set(plan.annotations.deleted.map((deletion) => deletion.id));
  const added = new Set(plan.annotations.added.map((item) => idFromUrn(item.id)));
  const recorded = new Map(plan.tombstones.map((tombstone) => [tombstone.id, tombstone.authorId]));
  const annotationThere = (id: string) => !deleted.has(id) && (added.has(id) || input.local.holder(id) !== undefined);
  const latest = new Map<string, Version>();
  for (const item of input.theirs.items.filter(isReply)) {
    const id = idFromUrn(item.id);
    const incoming = replyVersion(item);
    const deletedBy = input.local.tombstonedBy(id) ?? recorded.get(id);
    if (!annotationThere(replyParentId(item)) || deletedBy === incoming.authorId) continue;
    const existing = latest.get(id) ?? input.local.reply(id);
    if (existing !== undefined && compareVersions(incoming, existing) <= 0) continue;
    if (existing === undefined) plan.replies.added.push(item);
    else plan.replies.updated.push(item);
    latest.set(id, incoming);
  }
}

/** The plan for merging `input.theirs` into the library. */
export function planMerge(input: MergeInput): SyncPlan {
  const plan = emptyPlan(input.documentId);
  planAnnotations(input, plan);
  if (plan.refusal !== undefined) return { ...emptyPlan(input.documentId), refusal: plan.refusal };
  planTombstones(input, plan);
  planReplies(input, plan);
  const { annotations, replies } = plan;
  Object.assign(plan.counts.annotations, {
    added: annotations.added.length,
    updated: annotations.updated.length,
    deleted: annotations.deleted.length,
    conflicted: annotations.conflicted.length,
  });
  plan.counts.replies = { added: replies.added.length, updated: replies.updated.length };
  return plan;
}

/** Whether applying the plan changes any annotation (replies and recorded tombstones aside). */
export function changesAnnotations(plan: SyncPlan): boolean {
  const { added, updated, deleted } = plan.annotations;
  return added.length > 0 || updated.length > 0 || deleted.length > 0;
}
