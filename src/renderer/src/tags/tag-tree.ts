// The library's tags as a tree: a row for every tag and every parent path (which may have
// no tag of its own), each counting the annotations under it.
import type { TagInfo } from '../../../shared/annotations';

export interface TreeRow {
  path: string;
  name: string;
  depth: number;
  /** The tag at this path; undefined for a parent that only exists through its children. */
  tag: TagInfo | undefined;
  /** The annotations tagged here or below. */
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
