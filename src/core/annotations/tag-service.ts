// Tags: hierarchical paths ("Actor/IS") with a color and a description. Renames, merges and
// deletes take a tag's children with them, each as one undoable change.
import { randomUUID } from 'node:crypto';
import type { TagInfo } from '../../shared/annotations';
import type { MarginaliaContract } from '../../shared/contract';
import { HIGHLIGHT_COLORS, isTagWithin, normalizeTagPath } from '../../shared/annotations';
import { UserFacingError } from '../../shared/result';
import type { AnnotationRepository, TagRow } from './annotation-repository';
import type { ChangeRecorder } from './changes';
import { uniqueIds } from './changes';
import type { ChangeClock } from './clock';

/** A tag's color and description as a sender defined them, keyed by lower-cased path. */
export type TagDefinitions = ReadonlyMap<string, { color: TagRow['color']; description: string }>;

export class TagService {
  constructor(
    private readonly repository: AnnotationRepository,
    private readonly changes: ChangeRecorder,
    private readonly clock: ChangeClock,
  ) {}

  list(): TagInfo[] {
    return this.repository.listTags();
  }

  /**
   * Tag ids for tag paths arriving from a bundle or a workspace file, creating the missing
   * tags (with the sender's color and description when known); invalid paths are skipped.
   * Runs inside the caller's transaction.
   */
  importTagIds(paths: readonly string[], definitions: TagDefinitions = new Map()): string[] {
    const ids: string[] = [];
    for (const raw of paths) {
      const normalized = normalizeTagPath(raw);
      if (!normalized.ok) continue;
      const existing = this.repository.tagByPath(normalized.path);
      if (existing) {
        ids.push(existing.id);
        continue;
      }
      const definition = definitions.get(normalized.path.toLocaleLowerCase());
      const now = this.clock.now();
      const tag: TagRow = {
        id: randomUUID(),
        path: normalized.path,
        color: definition?.color ?? '',
        description: definition?.description ?? '',
        created_at: now,
        updated_at: now,
      };
      this.repository.upsertTag(tag);
      ids.push(tag.id);
    }
    return [...new Set(ids)];
  }

  /** Ids for these tag paths typed here, creating the tags that don't exist yet (their ids go to `created`). */
  ensure(paths: readonly string[], created: string[]): string[] {
    const ids: string[] = [];
    for (const raw of paths) {
      const normalized = normalizeTagPath(raw);
      if (!normalized.ok) throw new UserFacingError('INVALID_INPUT', normalized.message);
      const existing = this.repository.tagByPath(normalized.path);
      if (existing) {
        ids.push(existing.id);
        continue;
      }
      const now = new Date().toISOString();
      const tag: TagRow = {
        id: randomUUID(),
        path: normalized.path,
        color: '',
        description: '',
        created_at: now,
        updated_at: now,
      };
      this.repository.upsertTag(tag);
      created.push(tag.id);
      ids.push(tag.id);
    }
    return [...new Set(ids)];
  }

  save(input: Parameters<MarginaliaContract['saveTag']>[0]): TagInfo {
    const normalized = normalizeTagPath(input.path);
    if (!normalized.ok) throw new UserFacingError('INVALID_INPUT', normalized.message);
    if (input.color && !HIGHLIGHT_COLORS.includes(input.color))
      throw new UserFacingError('INVALID_INPUT', `Unknown color ${input.color}.`);
    const existing = this.repository.tagByPath(normalized.path);
    const now = new Date().toISOString();
    return this.changes.record(
      existing ? `Edit tag ${normalized.path}` : `Create tag ${normalized.path}`,
      { tags: existing ? [existing.id] : [] },
      () => {
        const tag: TagRow = existing
          ? {
              ...existing,
              color: input.color ?? existing.color,
              description: input.description ?? existing.description,
              updated_at: now,
            }
          : {
              id: randomUUID(),
              path: normalized.path,
              color: input.color ?? '',
              description: input.description ?? '',
              created_at: now,
              updated_at: now,
            };
        this.repository.upsertTag(tag);
        return {
          result: this.list().find((info) => info.id === tag.id)!,
          createdTags: existing ? [] : [tag.id],
          documentIds: this.documentsUsing([tag.id]),
        };
      },
    );
  }

  private documentsUsing(tagIds: readonly string[]): string[] {
    return this.repository
      .annotationIdsWithTags(tagIds)
      .map((id) => this.repository.row(id)?.document_id ?? '')
      .filter(Boolean);
  }

  /** How many tags (the tag and its children) and annotations a tag operation touches. */
  usage(path: string): { tags: number; annotations: number } {
    const tags = this.repository.tagsWithin(path);
    return { tags: tags.length, annotations: this.repository.annotationIdsWithTags(tags.map((tag) => tag.id)).length };
  }

  /** Renames or moves a tag; its children follow ("Actor" → "Group" makes "Actor/IS" "Group/IS"). */
  rename(from: string, to: string): { renamed: number } {
    const target = normalizeTagPath(to);
    if (!target.ok) throw new UserFacingError('INVALID_INPUT', target.message);
    const tags = this.repository.tagsWithin(from);
    if (tags.length === 0) throw new UserFacingError('NOT_FOUND', `There is no tag “${from}”.`);
    if (isTagWithin(target.path, from) && target.path.toLocaleLowerCase() !== from.toLocaleLowerCase()) {
      throw new UserFacingError('INVALID_INPUT', `“${from}” can't be moved inside itself.`);
    }
    const renamed = tags.map((tag) => ({ tag, path: target.path + tag.path.slice(from.length) }));
    for (const { tag, path } of renamed) {
      const clash = this.repository.tagByPath(path);
      if (clash && clash.id !== tag.id && !tags.some((other) => other.id === clash.id)) {
        throw new UserFacingError(
          'INVALID_INPUT',
          `A tag “${clash.path}” already exists. Merge “${tag.path}” into it instead.`,
        );
      }
    }
    const tagIds = tags.map((tag) => tag.id);
    const annotations = this.repository.annotationIdsWithTags(tagIds);
    return this.changes.record(`Rename tag ${from} to ${target.path}`, { tags: tagIds, annotations }, () => {
      const now = new Date().toISOString();
      // Two passes, so names moving within the subtree never trip the UNIQUE index. The
      // placeholder starts with U+0001: no real tag can hold it, and unlike NUL it does
      // not end NOCASE comparisons early.
      for (const { tag } of renamed) this.repository.upsertTag({ ...tag, path: `\u0001${tag.id}`, updated_at: now });
      for (const { tag, path } of renamed) this.repository.upsertTag({ ...tag, path, updated_at: now });
      return { result: { renamed: renamed.length }, documentIds: this.documentsUsing(tagIds) };
    });
  }

  /** Merges a tag (and its children) into another: annotations keep one tag, the old ones go. */
  merge(from: string, into: string): { merged: number; annotations: number } {
    const target = normalizeTagPath(into);
    if (!target.ok) throw new UserFacingError('INVALID_INPUT', target.message);
    const sources = this.repository.tagsWithin(from);
    if (sources.length === 0) throw new UserFacingError('NOT_FOUND', `There is no tag “${from}”.`);
    if (isTagWithin(target.path, from))
      throw new UserFacingError('INVALID_INPUT', `“${from}” can't be merged into itself.`);
    const sourceIds = sources.map((tag) => tag.id);
    const annotations = this.repository.annotationIdsWithTags(sourceIds);
    const existingTargets = sources
      .map((tag) => this.repository.tagByPath(target.path + tag.path.slice(from.length)))
      .filter((tag): tag is TagRow => !!tag);
    const documentIds = annotations.map((id) => this.repository.row(id)?.document_id ?? '').filter(Boolean);
    const scope = {
      tags: uniqueIds(
        sourceIds,
        existingTargets.map((tag) => tag.id),
      ),
      annotations,
    };
    return this.changes.record(`Merge tag ${from} into ${target.path}`, scope, () => {
      for (const source of sources) this.mergeOne(source, target.path + source.path.slice(from.length));
      return { result: { merged: sources.length, annotations: annotations.length }, documentIds };
    });
  }

  /** Moves one tag to `path`, or, where a tag already has that path, retags its annotations with it. */
  private mergeOne(source: TagRow, path: string): void {
    const destination = this.repository.tagByPath(path);
    if (!destination) {
      this.repository.upsertTag({ ...source, path, updated_at: new Date().toISOString() });
      return;
    }
    for (const annotationId of this.repository.annotationIdsWithTags([source.id])) {
      const current = this.repository.record(annotationId)?.tagIds ?? [];
      this.repository.setTags(
        annotationId,
        uniqueIds(
          current.filter((id) => id !== source.id),
          [destination.id],
        ),
      );
    }
    this.repository.deleteTag(source.id);
  }

  /** Deletes a tag and its children; annotations stay, without those tags. */
  remove(path: string): { deletedTags: number; annotations: number } {
    const tags = this.repository.tagsWithin(path);
    if (tags.length === 0) throw new UserFacingError('NOT_FOUND', `There is no tag “${path}”.`);
    const tagIds = tags.map((tag) => tag.id);
    const annotations = this.repository.annotationIdsWithTags(tagIds);
    const documentIds = this.documentsUsing(tagIds);
    return this.changes.record(`Delete tag ${path}`, { tags: tagIds, annotations }, () => {
      for (const id of tagIds) this.repository.deleteTag(id);
      return { result: { deletedTags: tags.length, annotations: annotations.length }, documentIds };
    });
  }
}
