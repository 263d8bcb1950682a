// A search as it is typed: the query, its results (after a short pause), the error when the
// query cannot be read, and the next page of results on request.
import { useEffect, useRef, useState } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import type { SearchResults } from '../../../shared/search-results';
import { SEARCH_PAGE_SIZE } from '../../../shared/search-results';
import { appendPage, shownCount } from './search-pages';

/** How long typing pauses before the search runs. */
const TYPING_PAUSE_MS = 120;

export interface SearchError {
  message: string;
  /** The query could not be read (as opposed to the search failing). */
  syntax: boolean;
}

export function useSearch(
  client: MarginaliaClient,
  searchIn: { documentId?: string },
  /** The search was emptied or closed: its marks leave the reader. */
  onClear: () => void,
) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState<SearchError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const queryRef = useRef(query);
  queryRef.current = query;
  const documentId = searchIn.documentId;

  // Closing the search (another panel, or the side panel hidden) clears the reader's marks.
  useEffect(() => onClear, [onClear]);

  useEffect(() => {
    if (query.trim() === '') {
      setResults(null);
      setError(null);
      onClear();
      return;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await client.search({ query, ...(documentId ? { documentId } : {}) });
      if (cancelled) return;
      setResults(result.ok ? result.value : null);
      setError(result.ok ? null : { message: result.error.message, syntax: result.error.code === 'INVALID_QUERY' });
    }, TYPING_PAUSE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, query, documentId, onClear]);

  const showMore = async () => {
    if (!results) return;
    setLoadingMore(true);
    const scope = documentId ? { documentId } : {};
    const result = await client.search({ query, ...scope, offset: shownCount(results), limit: SEARCH_PAGE_SIZE });
    setLoadingMore(false);
    // The query changed while the page loaded: that page belongs to the old results.
    if (queryRef.current !== query) return;
    if (result.ok) setResults((shown) => (shown ? appendPage(shown, result.value) : result.value));
    else setError({ message: result.error.message, syntax: false });
  };

  return { query, setQuery, results, error, loadingMore, showMore };
}
