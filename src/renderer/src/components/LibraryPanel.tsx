// The library: every document with its source, import date, length, origin and text version;
// filter by title, sort, open, and delete (after a confirmation the parent shows).
import { useMemo, useState } from 'react';
import type { DocumentSummary } from '../../../shared/model';

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

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

interface LibraryPanelProps {
  documents: DocumentSummary[] | null;
  currentId: string | null;
  onOpen: (id: string) => void;
  onDelete: (doc: DocumentSummary) => void;
}

/** Who a document came from, which version of its text it is and when that text last changed: tells same-titled documents apart. */
function originLine(doc: DocumentSummary): string {
  const from = doc.originName ? `From ${doc.originName}` : 'Imported here';
  const edited = doc.textUpdatedAt.slice(0, 16) !== doc.importedAt.slice(0, 16) ? ` · text edited ${dateFormat.format(new Date(doc.textUpdatedAt))}` : '';
  return `${from} · version ${doc.textVersion}${edited}`;
}

export function LibraryPanel({ documents, currentId, onOpen, onDelete }: LibraryPanelProps) {
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<SortKey>('imported');
  const visible = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase();
    const matching = (documents ?? []).filter((doc) => doc.title.toLocaleLowerCase().includes(needle));
    return sortDocuments(matching, sort);
  }, [documents, filter, sort]);

  return (
    <aside className="library" aria-labelledby="library-heading">
      <div className="library__header">
        <h2 id="library-heading">Library</h2>
        <span className="library__count">{documents ? `${documents.length} ${documents.length === 1 ? 'document' : 'documents'}` : ''}</span>
      </div>
      <div className="library__controls">
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
        <p className="library__empty">No title contains “{filter}”.</p>
      )}
      <ul className="library__list" aria-label="Documents">
        {visible.map((doc) => (
          <li key={doc.id} className={doc.id === currentId ? 'library__item library__item--current' : 'library__item'}>
            <button
              type="button"
              className="library__open"
              aria-current={doc.id === currentId ? 'true' : undefined}
              onClick={() => onOpen(doc.id)}
            >
              <span className="library__title">{doc.title}</span>
              <span className="library__meta">
                {doc.siteName || doc.sourceName} · {dateFormat.format(new Date(doc.importedAt))} ·{' '}
                {doc.wordCount.toLocaleString()} words
              </span>
              <span className="library__meta library__origin">{originLine(doc)}</span>
            </button>
            <button
              type="button"
              className="library__delete"
              aria-label={`Delete ${doc.title}`}
              title="Delete"
              onClick={() => onDelete(doc)}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
