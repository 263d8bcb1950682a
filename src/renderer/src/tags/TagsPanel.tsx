// The library's tags as a tree with annotation counts. Choosing a tag filters the open
// document's annotations to it and its children. Each tag can be renamed or moved (its
// children follow), merged into another, recolored, described or deleted; every change
// is one transaction and can be undone.
import { useMemo, useState } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import { countOf } from '../../../shared/plural';
import { HIGHLIGHT_PALETTE } from '../../../shared/palette';
import type { AnnotationController } from '../annotations/controller';
import type { TreeRow } from './tag-tree';
import { tagTree } from './tag-tree';
import { TagEditor } from './TagEditor';
import type { TagActionDependencies } from './useTagActions';
import { tagActions } from './useTagActions';
import styles from './Tags.module.css';
import panel from '../ui/Panel.module.css';

interface TagsPanelProps {
  client: MarginaliaClient;
  controller: AnnotationController;
  confirm: (title: string, body: string, label: string, action: () => void) => void;
  report: (title: string, message: string) => void;
}

export function TagsPanel({ client, controller, confirm, report }: TagsPanelProps) {
  const rows = useMemo(() => tagTree(controller.tags), [controller.tags]);
  const [editing, setEditing] = useState<string | null>(null);
  const deps: TagActionDependencies = { client, controller, confirm, report, close: () => setEditing(null) };
  return (
    <section className={panel.panel} aria-labelledby="tags-heading">
      <div className={panel.header}>
        <h2 id="tags-heading">Tags</h2>
        <span className={panel.count}>{controller.tags.length}</span>
      </div>
      {rows.length === 0 && <p className={panel.empty}>Tags you add to highlights appear here.</p>}
      <ul className={styles.tree} aria-label="Tags">
        {rows.map((row) => (
          <TagRow
            key={row.path}
            row={row}
            controller={controller}
            editing={editing === row.path}
            onEdit={() => setEditing(editing === row.path ? null : row.path)}
            deps={deps}
          />
        ))}
      </ul>
    </section>
  );
}

interface TagRowProps {
  row: TreeRow;
  controller: AnnotationController;
  editing: boolean;
  onEdit: () => void;
  deps: TagActionDependencies;
}

function TagRow({ row, controller, editing, onEdit, deps }: TagRowProps) {
  const filtered = controller.tagFilter?.toLocaleLowerCase() === row.path.toLocaleLowerCase();
  return (
    <li className={styles.row} style={{ paddingLeft: `calc(var(--space-4) + ${row.depth} * 14px)` }}>
      <div className={styles.line}>
        <span
          className={styles.swatch}
          style={{ background: row.tag?.color ? HIGHLIGHT_PALETTE[row.tag.color].swatch : 'transparent' }}
          aria-hidden="true"
        />
        <button
          type="button"
          className={styles.name}
          aria-pressed={filtered}
          title={row.tag?.description || `Show annotations tagged ${row.path}`}
          onClick={() => controller.setTagFilter(controller.tagFilter === row.path ? null : row.path)}
        >
          {row.name}
        </button>
        <span className={styles.count} aria-label={countOf(row.total, 'annotation')}>
          {row.total}
        </span>
        <button type="button" className={styles.edit} aria-label={`Edit tag ${row.path}`} onClick={onEdit}>
          ⋯
        </button>
      </div>
      {editing && <TagEditor row={row} tags={controller.tags} actions={tagActions(row.path, deps)} />}
    </li>
  );
}
