// One search box for the open document (Ctrl/Cmd+F) or the whole library
// (Ctrl/Cmd+Shift+F): the true number of results, ranked documents with their hits a page
// at a time ("Show more"), snippets with the matches marked, each result opening its
// document with the matches marked there, the operators listed, and a hint when a query
// cannot be read. Clearing or closing the search clears the marks in the reader.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import type { SearchGroup, SearchHit, SearchResults } from '../../../shared/search-results';
import { SEARCH_PAGE_SIZE } from '../../../shared/search-results';
import { SEARCH_SYNTAX_HELP } from '../../../shared/search-query';
import { HIGHLIGHT_PALETTE } from '../../../shared/palette';
import type { DocumentSummary } from '../../../shared/model';
import { formatDate } from '../../../shared/dates';
import { originLine, sharedTitleIds } from '../../../shared/document-labels';
import { groupedCountOf } from '../../../shared/plural';

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

/** Adds a page to the results shown; a document split across pages stays one group. */
function appendPage(shown: SearchResults, page: SearchResults): SearchResults {
  const groups = [...shown.groups];
  for (const group of page.groups) {
    const last = groups.at(-1);
    if (last?.documentId === group.documentId)
      groups[groups.length - 1] = { ...last, hits: [...last.hits, ...group.hits] };
    else groups.push(group);
  }
  return { ...page, groups, offset: 0 };
}

const shownCount = (results: SearchResults) => results.groups.reduce((sum, group) => sum + group.hits.length, 0);

const formatDay = (iso: string) => formatDate(iso, 'day');

/** Each same-titled document's distinguishing line, by id, as the library's rows show it. */
function distinctions(documents: readonly DocumentSummary[]): Map<string, string> {
  const shared = sharedTitleIds(documents);
  return new Map(documents.filter((doc) => shared.has(doc.id)).map((doc) => [doc.id, originLine(doc, formatDay)]));
}

export function SearchPanel({
  client,
  documents,
  documentId,
  scope,
  focusToken,
  onScope,
  onChoose,
  onClear,
}: SearchPanelProps) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState<{ message: string; syntax: boolean } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const queryRef = useRef(query);
  queryRef.current = query;
  const searchIn = scope === 'document' && documentId ? { documentId } : {};
  const empty = query.trim() === '';
  const distinguish = useMemo(() => distinctions(documents), [documents]);

  useEffect(() => {
    // 0: no Find asked for focus (arriving on the tab by arrow keys leaves focus on the tab).
    if (focusToken === 0) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusToken]);

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
      const result = await client.search({ query, ...(scope === 'document' && documentId ? { documentId } : {}) });
      if (cancelled) return;
      setResults(result.ok ? result.value : null);
      setError(result.ok ? null : { message: result.error.message, syntax: result.error.code === 'INVALID_QUERY' });
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, query, scope, documentId, onClear]);

  const showMore = async () => {
    if (!results) return;
    setLoadingMore(true);
    const result = await client.search({ query, ...searchIn, offset: shownCount(results), limit: SEARCH_PAGE_SIZE });
    setLoadingMore(false);
    // The query changed while the page loaded: that page belongs to the old results.
    if (queryRef.current !== query) return;
    if (result.ok) setResults((shown) => (shown ? appendPage(shown, result.value) : result.value));
    else setError({ message: result.error.message, syntax: false });
  };

  return (
    <section className="panel" aria-labelledby="search-heading">
      <div className="panel__header">
        <h2 id="search-heading">Search</h2>
      </div>
      <div className="panel__controls">
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
        <div role="radiogroup" aria-label="Search in" className="search-scope">
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
      </div>
      {error && (
        <p role="alert" className={error.syntax ? 'panel__hint search-syntax-error' : undefined}>
          {error.message}
        </p>
      )}
      {(empty || error?.syntax) && <SearchHelp />}
      {results?.problems.map((problem) => (
        <p key={problem} className="panel__hint" role="status">
          {problem}
        </p>
      ))}
      {results && !error && (
        <p className="panel__count" role="status">
          {results.total === 0
            ? 'No results'
            : `${groupedCountOf(results.total, 'result')} in ${groupedCountOf(results.documents, 'document')}`}
        </p>
      )}
      {results && !error && (
        <div className="search-results">
          {results.groups.map((group) => (
            <ResultGroup
              key={group.documentId}
              group={group}
              distinction={distinguish.get(group.documentId)}
              onChoose={onChoose}
            />
          ))}
          {shownCount(results) < results.total && (
            <button type="button" className="search-more" disabled={loadingMore} onClick={() => void showMore()}>
              Show more ({shownCount(results).toLocaleString()} of {results.total.toLocaleString()} shown)
            </button>
          )}
        </div>
      )}
    </section>
  );
}

function SearchHelp() {
  return (
    <section id="search-help" className="search-help" aria-label="Search syntax">
      <h3>Search syntax</h3>
      <dl>
        {SEARCH_SYNTAX_HELP.map((entry) => (
          <div key={entry.example}>
            <dt>
              <code>{entry.example}</code>
            </dt>
            <dd>{entry.meaning}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ResultGroup({
  group,
  distinction,
  onChoose,
}: {
  group: SearchGroup;
  /** Set when another document has the same title: its origin and version. */
  distinction: string | undefined;
  onChoose: (documentId: string, hit: SearchHit) => void;
}) {
  const name = distinction ? `${group.title} (${distinction})` : group.title;
  return (
    <section aria-label={name}>
      <h3 className="search-results__title">
        {group.title} <span className="search-results__total">{groupedCountOf(group.total, 'result')}</span>
        {distinction && <span className="search-results__origin">{distinction}</span>}
      </h3>
      <ul aria-label={`Results in ${name}`}>
        {group.hits.map((hit, index) => (
          <li key={`${hit.kind}-${hit.annotationId ?? hit.start}-${index}`}>
            <button type="button" className="search-hit" onClick={() => onChoose(group.documentId, hit)}>
              <span
                className="search-hit__kind"
                style={hit.color ? { borderColor: HIGHLIGHT_PALETTE[hit.color].swatch } : undefined}
              >
                {hit.kind === 'annotation' ? (hit.anchorStatus === 'orphan' ? 'Orphan' : 'Highlight') : 'Text'}
              </span>
              <span className="search-hit__snippet">
                {hit.snippet.map((part, partIndex) =>
                  part.match ? <mark key={partIndex}>{part.text}</mark> : <span key={partIndex}>{part.text}</span>,
                )}
              </span>
              {hit.tags && hit.tags.length > 0 && <span className="annotation-item__tags">{hit.tags.join(' · ')}</span>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
