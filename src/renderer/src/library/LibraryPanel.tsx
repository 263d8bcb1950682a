// The library: every document with its source, import date, length, origin and text version;
// filter by title, sort, open, and delete (after a confirmation).
import { useMemo, useState } from 'react';
import type { DocumentSummary } from '../../../shared/model';
import { formatDate } from '../../../shared/dates';
import { originLine } from '../../../shared/document-labels';
import { countOf, groupedCountOf } from '../../../shared/plural';
import { useSession, useStores } from '../app/stores';
import { confirmDeletion } from './deletion';
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

const formatDay = (iso: string) => formatDate(iso, 'day');

/** The row's lines: source, then date and length, then origin and version; each short enough to read whole in the default panel width. */
function rowLines(doc: DocumentSummary): [string, string, string] {
  return [
    doc.siteName || doc.sourceName,
    `${formatDay(doc.importedAt)} · ${groupedCountOf(doc.wordCount, 'word')}`,
    originLine(doc, formatDay),
  ];
}

export function LibraryPanel() {
  const stores = useStores();
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
        {visible.map((doc) => (
          <li key={doc.id} className={doc.id === currentId ? `${styles.item} ${styles.current}` : styles.item}>
            <button
              type="button"
              className={styles.open}
              aria-current={doc.id === currentId ? 'true' : undefined}
              title={[doc.title, ...rowLines(doc)].join('\n')}
              onClick={() => void stores.session.openDocument(doc.id)}
            >
              <span className={styles.title} data-testid="library-title">
                {doc.title}
              </span>
              {rowLines(doc).map((line, index) => (
                <span key={index} className={styles.meta} data-testid="library-meta">
                  {line}
                </span>
              ))}
            </button>
            <button
              type="button"
              className={styles.delete}
              aria-label={`Delete ${doc.title}`}
              title="Delete"
              onClick={() => confirmDeletion(stores, doc)}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
