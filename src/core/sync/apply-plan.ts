// Applying a merge plan: every write goes through the incoming writer (src/core/incoming),
// the one path by which annotations, replies and tombstones from outside reach the store,
// as bundles' do. Runs inside the caller's transaction; the plan (merge-plan.ts) has
// already decided what is written.
import { readWebAnnotation } from '../../shared/web-annotation';
import type { WebAnnotation } from '../../shared/web-annotation';
import { replyRowFrom } from '../annotations';
import type { IncomingBatch, LocalText } from '../incoming';
import { ALL_FIELDS } from '../incoming';
import type { SyncPlan } from './merge-plan';

/** Applies the plan's annotations, deletions, tombstones and replies to `into`, and lets the clock see every time in the file. */
export function applyPlan(
  batch: IncomingBatch,
  into: LocalText,
  plan: SyncPlan,
  theirs: readonly WebAnnotation[],
  now: () => string,
): void {
  for (const item of plan.annotations.added) batch.annotation(into, readWebAnnotation(item), ALL_FIELDS);
  for (const update of plan.annotations.updated)
    batch.annotation(into, readWebAnnotation(update.theirs), update.fields);
  for (const deletion of plan.annotations.deleted) batch.deleteAnnotation(deletion.id, deletion.deletedAt ?? now());
  for (const tombstone of plan.tombstones) batch.tombstone({ ...tombstone, documentId: into.id });
  for (const item of [...plan.replies.added, ...plan.replies.updated]) batch.reply(replyRowFrom(item, into.id));
  for (const item of theirs) batch.observe(item.modified);
  // The document is announced even when nothing of it changed, as the merge always did.
  batch.touch(into.id);
}
