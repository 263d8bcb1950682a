// One search box for the open document (Ctrl/Cmd+F) or the whole library
// (Ctrl/Cmd+Shift+F): the true number of results, ranked documents with their hits a page
// at a time ("Show more"), snippets with the matches marked, each result opening its
// document with the matches marked there, the operators listed, and a hint when a query
// cannot be read. Clearing or closing the search clears the marks in the reader.
import { useEffect, useMemo, useRef } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import type { DocumentSummary } from '../../../shared/model';
import { groupedCountOf } from '../../../shared/plural';
import type { SearchHit } from '../../../shared/search-results';
import { distinctions } from './search-pages';
import { SearchHelp, SearchResultsList } from './SearchResultsList';
import { useSearch } from './useSearch';
import styles from './Search.module.css';
import panel from '../ui/Panel.module.css';

export type SearchScope = 'document' | 'library';

interface SearchPanelProps {
  client: MarginaliaClient;
  /** The library, to tell same-titled documents' results apart. */
  documents: readonly DocumentSummary[];
  documentId: string | null;
  scope: SearchScope;
  focusToken: number;
  onScope: (scope: SearchScope) => void;
  onChoose: (documentId: string, hit: SearchHit) => void;
  /** The search was emptied or closed: its marks leave the reader. */
  onClear: () => void;
}

export function SearchPanel(props: SearchPanelProps) {
  const { client, documents, documentId, scope, focusToken, onChoose, onClear } = props;
  const searchIn = scope === 'document' && documentId ? { documentId } : {};
  const { query, setQuery, results, error, loadingMore, showMore } = useSearch(client, searchIn, onClear);
  const inputRef = useRef<HTMLInputElement>(null);
  const empty = query.trim() === '';
  const distinguish = useMemo(() => distinctions(documents), [documents]);

  useEffect(() => {
    // 0: no Find asked for focus (arriving on the tab by arrow keys leaves focus on the tab).
    if (focusToken === 0) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusToken]);

  return (
    <section className={panel.panel} aria-labelledby="search-heading">
      <div className={panel.header}>
        <h2 id="search-heading">Search</h2>
      </div>
      <div className={panel.controls}>
        <input
          ref={inputRef}
          type="search"
          aria-label="Search"
          aria-describedby={empty || error?.syntax ? 'search-help' : undefined}
          aria-invalid={error?.syntax ? true : undefined}
          placeholder='Words, "phrases", tag:Actor'
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
        />
        <ScopeChoice {...props} />
      </div>
      {error && (
        <p role="alert" className={error.syntax ? `${panel.hint} ${styles.syntaxError}` : undefined}>
          {error.message}
        </p>
      )}
      {(empty || error?.syntax) && <SearchHelp />}
      {results?.problems.map((problem) => (
        <p key={problem} className={panel.hint} role="status">
          {problem}
        </p>
      ))}
      {results && !error && (
        <p className={panel.count} role="status">
          {results.total > 0
            ? `${groupedCountOf(results.total, 'result')} in ${groupedCountOf(results.documents, 'document')}`
            : searchIn.documentId
              ? 'No results in this document'
              : 'No results'}
        </p>
      )}
      {results?.total === 0 && !error && searchIn.documentId && (
        // A search left on "This document" found nothing: the library is one step away (trial).
        <button
          type="button"
          className={styles.widen}
          onClick={() => {
            props.onScope('library');
            // The button goes with the empty result: focus stays where the search is typed.
            inputRef.current?.focus();
          }}
        >
          Search the library
        </button>
      )}
      {results && !error && (
        <SearchResultsList
          results={results}
          distinguish={distinguish}
          loadingMore={loadingMore}
          onMore={() => void showMore()}
          onChoose={onChoose}
        />
      )}
    </section>
  );
}

function ScopeChoice({ scope, documentId, onScope }: Pick<SearchPanelProps, 'scope' | 'documentId' | 'onScope'>) {
  return (
    <div role="radiogroup" aria-label="Search in" className={styles.scope}>
      <label>
        <input
          type="radio"
          name="scope"
          checked={scope === 'document'}
          disabled={!documentId}
          onChange={() => onScope('document')}
        />
        This document
      </label>
      <label>
        <input type="radio" name="scope" checked={scope === 'library'} onChange={() => onScope('library')} />
        Library
      </label>
    </div>
  );
}
