// The library's tags as a tree with annotation counts. Choosing a tag filters the open
// document's annotations to it and its children. Each tag can be renamed or moved (its
// children follow), merged into another, recolored, described or deleted; every change
// is one transaction and can be undone.
import { useMemo, useState } from 'react';
import type { HighlightColor, TagInfo } from '../../../shared/annotations';
import { HIGHLIGHT_COLORS } from '../../../shared/annotations';
import { HIGHLIGHT_PALETTE } from '../../../shared/palette';
import type { MarginaliaClient } from '../../../shared/contract';
import { countOf } from '../../../shared/plural';
import type { AnnotationController } from '../annotations/controller';
import { notifications } from '../app/notifications/store';
import { commands } from '../commands';

interface TreeRow {
  path: string;
  name: string;
  depth: number;
  tag: TagInfo | undefined;
  total: number;
}

export function tagTree(tags: readonly TagInfo[]): TreeRow[] {
  const byPath = new Map<string, TreeRow>();
  for (const tag of tags) {
    const parts = tag.path.split('/');
    parts.forEach((part, index) => {
      const path = parts.slice(0, index + 1).join('/');
      const key = path.toLocaleLowerCase();
      const row = byPath.get(key) ?? { path, name: part, depth: index, tag: undefined, total: 0 };
      if (index === parts.length - 1) row.tag = tag;
      row.total += tag.count;
      byPath.set(key, row);
    });
  }
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path, undefined, { sensitivity: 'base' }));
}

interface TagsPanelProps {
  client: MarginaliaClient;
  controller: AnnotationController;
  confirm: (title: string, body: string, label: string, action: () => void) => void;
  report: (title: string, message: string) => void;
}

export function TagsPanel({ client, controller, confirm, report }: TagsPanelProps) {
  const rows = useMemo(() => tagTree(controller.tags), [controller.tags]);
  const [editing, setEditing] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [mergeInto, setMergeInto] = useState('');
  const [description, setDescription] = useState('');

  const after = async (done: boolean, message: string) => {
    if (!done) return;
    // Every tag change is one undoable step: the message offers it.
    notifications.notify(message, 'info', { action: { label: 'Undo', run: () => commands.run('undo') } });
    await controller.refreshTags();
    await controller.refresh();
  };

  const startEditing = (row: TreeRow) => {
    setEditing(row.path);
    setName(row.path);
    setMergeInto('');
    setDescription(row.tag?.description ?? '');
  };

  return (
    <section className="panel" aria-labelledby="tags-heading">
      <div className="panel__header">
        <h2 id="tags-heading">Tags</h2>
        <span className="panel__count">{controller.tags.length}</span>
      </div>
      {rows.length === 0 && <p className="panel__empty">Tags you add to highlights appear here.</p>}
      <ul className="tag-tree" aria-label="Tags">
        {rows.map((row) => (
          <li key={row.path} className="tag-tree__row" style={{ paddingLeft: 8 + row.depth * 14 }}>
            <div className="tag-tree__line">
              <span
                className="tag-tree__swatch"
                style={{ background: row.tag?.color ? HIGHLIGHT_PALETTE[row.tag.color].swatch : 'transparent' }}
                aria-hidden="true"
              />
              <button
                type="button"
                className="tag-tree__name"
                aria-pressed={controller.tagFilter?.toLocaleLowerCase() === row.path.toLocaleLowerCase()}
                title={row.tag?.description || `Show annotations tagged ${row.path}`}
                onClick={() => controller.setTagFilter(controller.tagFilter === row.path ? null : row.path)}
              >
                {row.name}
              </button>
              <span className="tag-tree__count" aria-label={countOf(row.total, 'annotation')}>
                {row.total}
              </span>
              <button
                type="button"
                className="tag-tree__edit"
                aria-label={`Edit tag ${row.path}`}
                onClick={() => (editing === row.path ? setEditing(null) : startEditing(row))}
              >
                ⋯
              </button>
            </div>
            {editing === row.path && (
              <form className="tag-editor" aria-label={`Edit ${row.path}`} onSubmit={(event) => event.preventDefault()}>
                <label>
                  Name
                  <input value={name} onChange={(event) => setName(event.currentTarget.value)} />
                </label>
                <button
                  type="button"
                  className="button"
                  onClick={async () => {
                    const result = await client.renameTag({ from: row.path, to: name });
                    if (!result.ok) report(`Couldn't rename ${row.path}`, result.error.message);
                    else setEditing(null);
                    await after(result.ok, `Renamed ${row.path} to ${name} (Ctrl+Z to undo)`);
                  }}
                >
                  Rename or move
                </button>
                <label>
                  Merge into
                  <input
                    list="tag-paths"
                    value={mergeInto}
                    onChange={(event) => setMergeInto(event.currentTarget.value)}
                    placeholder="Another tag"
                  />
                </label>
                <datalist id="tag-paths">
                  {controller.tags.map((tag) => (
                    <option key={tag.id} value={tag.path} />
                  ))}
                </datalist>
                <button
                  type="button"
                  className="button"
                  disabled={mergeInto.trim() === ''}
                  onClick={async () => {
                    const result = await client.mergeTags({ from: row.path, into: mergeInto });
                    if (!result.ok) report(`Couldn't merge ${row.path}`, result.error.message);
                    else setEditing(null);
                    await after(result.ok, `Merged ${row.path} into ${mergeInto} (Ctrl+Z to undo)`);
                  }}
                >
                  Merge
                </button>
                <label>
                  Description
                  <input value={description} onChange={(event) => setDescription(event.currentTarget.value)} />
                </label>
                <span role="group" aria-label="Tag color" className="tag-editor__colors">
                  {(['', ...HIGHLIGHT_COLORS] as Array<HighlightColor | ''>).map((color) => (
                    <button
                      key={color || 'none'}
                      type="button"
                      className="note-card__color"
                      aria-label={color ? HIGHLIGHT_PALETTE[color].label : 'No color'}
                      aria-pressed={(row.tag?.color ?? '') === color}
                      style={{ background: color ? HIGHLIGHT_PALETTE[color].swatch : 'transparent' }}
                      onClick={async () => {
                        const result = await client.saveTag({ path: row.path, color, description });
                        if (!result.ok) report(`Couldn't change ${row.path}`, result.error.message);
                        await after(result.ok, `Saved ${row.path}`);
                      }}
                    />
                  ))}
                </span>
                <div className="tag-editor__actions">
                  <button
                    type="button"
                    className="button"
                    onClick={async () => {
                      const result = await client.saveTag({ path: row.path, description });
                      if (!result.ok) report(`Couldn't change ${row.path}`, result.error.message);
                      await after(result.ok, `Saved ${row.path}`);
                    }}
                  >
                    Save description
                  </button>
                  <button
                    type="button"
                    className="button button--danger"
                    onClick={async () => {
                      const usage = await client.tagUsage({ path: row.path });
                      if (!usage.ok) {
                        report(`Couldn't delete ${row.path}`, usage.error.message);
                        return;
                      }
                      const { tags, annotations } = usage.value;
                      const removed =
                        tags === 1
                          ? 'This tag'
                          : `These ${countOf(tags, 'tag')} (“${row.path}” and everything under it)`;
                      confirm(
                        `Delete tag “${row.path}”?`,
                        `${removed} will be removed from ${countOf(annotations, 'annotation')}. The annotations themselves stay.`,
                        'Delete tag',
                        () =>
                          void client.deleteTag({ path: row.path }).then(async (result) => {
                            if (!result.ok) report(`Couldn't delete ${row.path}`, result.error.message);
                            else {
                              setEditing(null);
                              if (controller.tagFilter === row.path) controller.setTagFilter(null);
                            }
                            await after(result.ok, `Deleted ${row.path} (Ctrl+Z to undo)`);
                          }),
                      );
                    }}
                  >
                    Delete…
                  </button>
                </div>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
