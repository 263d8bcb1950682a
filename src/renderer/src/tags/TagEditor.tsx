// The editor under a tag in the Tags panel: rename or move it, merge it into another,
// recolor it, describe it or delete it.
import { useState } from 'react';
import { HIGHLIGHT_COLORS } from '../../../shared/annotations';
import type { TagInfo } from '../../../shared/annotations';
import { ColorSwatches, colorName } from '../annotations/ColorSwatches';
import type { SwatchColor } from '../annotations/ColorSwatches';
import type { TreeRow } from './tag-tree';
import type { tagActions } from './useTagActions';
import styles from './Tags.module.css';

const TAG_COLORS: readonly SwatchColor[] = ['', ...HIGHLIGHT_COLORS];

interface TagEditorProps {
  row: TreeRow;
  tags: readonly TagInfo[];
  actions: ReturnType<typeof tagActions>;
}

export function TagEditor({ row, tags, actions }: TagEditorProps) {
  const [name, setName] = useState(row.path);
  const [mergeInto, setMergeInto] = useState('');
  const [description, setDescription] = useState(row.tag?.description ?? '');
  return (
    <form className={styles.editor} aria-label={`Edit ${row.path}`} onSubmit={(event) => event.preventDefault()}>
      <label>
        Name
        <input value={name} onChange={(event) => setName(event.currentTarget.value)} />
      </label>
      <button type="button" className="button" onClick={() => void actions.rename(name)}>
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
        {tags.map((tag) => (
          <option key={tag.id} value={tag.path} />
        ))}
      </datalist>
      <button
        type="button"
        className="button"
        disabled={mergeInto.trim() === ''}
        onClick={() => void actions.merge(mergeInto)}
      >
        Merge
      </button>
      <label>
        Description
        <input value={description} onChange={(event) => setDescription(event.currentTarget.value)} />
      </label>
      <ColorSwatches
        label="Tag color"
        colors={TAG_COLORS}
        nameFor={colorName}
        pressed={(color) => (row.tag?.color ?? '') === color}
        onPick={(color) => void actions.save({ color, description })}
      />
      <div className={styles.editorActions}>
        <button type="button" className="button" onClick={() => void actions.save({ description })}>
          Save description
        </button>
        <button type="button" className="button button--danger" onClick={() => void actions.remove()}>
          Delete…
        </button>
      </div>
    </form>
  );
}
