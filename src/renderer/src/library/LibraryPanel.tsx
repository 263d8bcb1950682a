// The library: every document with its source, import date, length, origin and text version,
// an e-mail thread's messages gathered in one group; filter by title, sort, open, and delete.
import { useMemo, useState } from 'react';
import type { DocumentSummary } from '../../../shared/model';
import { countOf } from '../../../shared/plural';
import { useSession } from '../app/stores';
import { libraryRows } from './library-rows';
import { DocumentRow, ThreadGroup } from './LibraryRows';
import styles from './Library.module.css';

type SortKey = 'imported' | 'title' | 'words' | 'source';

const SORT_LABELS: Record<SortKey, string> = {
  imported: 'Recently imported',
  title: 'Title (A–Z)',
  words: 'Longest first',
  source: 'Source file',
};

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export function sortDocuments(documents: readonly DocumentSummary[], key: SortKey): DocumentSummary[] {
  const sorted = [...documents];
  switch (key) {
    case 'imported':
      return sorted.sort((a, b) => b.importedAt.localeCompare(a.importedAt));
    case 'title':
      return sorted.sort((a, b) => collator.compare(a.title, b.title));
    case 'words':
      return sorted.sort((a, b) => b.wordCount - a.wordCount);
    case 'source':
      return sorted.sort((a, b) => collator.compare(a.sourceName, b.sourceName));
  }
}

export function LibraryPanel() {
  const documents = useSession((state) => state.documents);
  const currentId = useSession((state) => state.current?.id ?? null);
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortKey>('imported');
  const visible = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    const matching = (documents ?? []).filter((doc) => doc.title.toLocaleLowerCase().includes(needle));
    return sortDocuments(matching, sort);
  }, [documents, filter, sort]);

  return (
    <aside className={styles.library} aria-labelledby="library-heading">
      <div className={styles.header}>
        <h2 id="library-heading">Library</h2>
        <span className={styles.count}>{documents ? countOf(documents.length, 'document') : ''}</span>
      </div>
      <div className={styles.controls}>
        <input
          type="search"
          aria-label="Filter by title"
          placeholder="Filter by title"
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
        />
        <label>
          Sort
          <select value={sort} onChange={(event) => setSort(event.currentTarget.value as SortKey)}>
            {(Object.keys(SORT_LABELS) as SortKey[]).map((key) => (
              <option key={key} value={key}>
                {SORT_LABELS[key]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {documents && documents.length > 0 && visible.length === 0 && (
        <p className={styles.empty}>No title contains “{filter}”.</p>
      )}
      <ul className={styles.list} aria-label="Documents">
        {libraryRows(visible).map((row) =>
          row.kind === 'thread' ? (
            <ThreadGroup key={row.key} thread={row} currentId={currentId} />
          ) : (
            <DocumentRow key={row.document.id} doc={row.document} currentId={currentId} />
          ),
        )}
      </ul>
    </aside>
  );
}
