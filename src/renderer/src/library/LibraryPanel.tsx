// The library: every document with its source, import date, length, origin and text version;
// filter by title, sort, open, and delete (after a confirmation the parent shows).
import { useMemo, useState } from 'react';
import type { DocumentSummary } from '../../../shared/model';
import { formatDate } from '../../../shared/dates';
import { originLine } from '../../../shared/document-labels';
import { countOf, groupedCountOf } from '../../../shared/plural';

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

interface LibraryPanelProps {
  documents: DocumentSummary[] | null;
  currentId: string | null;
  onOpen: (id: string) => void;
  onDelete: (doc: DocumentSummary) => void;
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
        <span className="library__count">{documents ? countOf(documents.length, 'document') : ''}</span>
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
              title={[doc.title, ...rowLines(doc)].join('\n')}
              onClick={() => onOpen(doc.id)}
            >
              <span className="library__title">{doc.title}</span>
              {rowLines(doc).map((line, index) => (
                <span key={index} className={index === 0 ? 'library__meta library__source' : 'library__meta'}>
                  {line}
                </span>
              ))}
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
