// One search box for the open document (Ctrl/Cmd+F) or the whole library
// (Ctrl/Cmd+Shift+F): ranked results grouped by document, snippets with the matches
// marked, and each result opening its document at that spot.
import { useEffect, useRef, useState } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import type { SearchHit, SearchResults } from '../../../shared/search-results';
import { COLOR_PAINT } from '../../../shared/annotations';

export type SearchScope = 'document' | 'library';

interface SearchPanelProps {
  client: MarginaliaClient;
  documentId: string | null;
  scope: SearchScope;
  focusToken: number;
  onScope: (scope: SearchScope) => void;
  onChoose: (documentId: string, hit: SearchHit) => void;
}

export function SearchPanel({ client, documentId, scope, focusToken, onScope, onChoose }: SearchPanelProps) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [focusToken]);

  useEffect(() => {
    if (query.trim() === '') {
      setResults(null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await client.search({ query, ...(scope === 'document' && documentId ? { documentId } : {}) });
      if (cancelled) return;
      if (result.ok) {
        setResults(result.value);
        setError(null);
      } else {
        setError(result.error.message);
      }
    }, 120);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, query, scope, documentId]);

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
          placeholder='Words, "phrases", prefix*, tag:Actor, color:red, author:Name, is:orphan'
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
        />
        <div role="radiogroup" aria-label="Search in" className="search-scope">
          <label>
            <input type="radio" name="scope" checked={scope === 'document'} disabled={!documentId} onChange={() => onScope('document')} />
            This document
          </label>
          <label>
            <input type="radio" name="scope" checked={scope === 'library'} onChange={() => onScope('library')} />
            Library
          </label>
        </div>
      </div>
      {error && <p role="alert">{error}</p>}
      {results?.problems.map((problem) => (
        <p key={problem} className="panel__hint" role="status">
          {problem}
        </p>
      ))}
      {results && (
        <p className="panel__count" role="status">
          {results.total === 0 ? 'No results' : `${results.total} result${results.total === 1 ? '' : 's'} in ${results.groups.length} document${results.groups.length === 1 ? '' : 's'}`}
        </p>
      )}
      <div className="search-results">
        {results?.groups.map((group) => (
          <section key={group.documentId} aria-label={group.title}>
            <h3 className="search-results__title">{group.title}</h3>
            <ul aria-label={`Results in ${group.title}`}>
              {group.hits.map((hit, index) => (
                <li key={`${hit.kind}-${hit.annotationId ?? hit.start}-${index}`}>
                  <button type="button" className="search-hit" onClick={() => onChoose(group.documentId, hit)}>
                    <span className="search-hit__kind" style={hit.color ? { borderColor: COLOR_PAINT[hit.color].swatch } : undefined}>
                      {hit.kind === 'annotation' ? (hit.anchorStatus === 'orphan' ? 'Orphan' : 'Highlight') : 'Text'}
                    </span>
                    <span className="search-hit__snippet">
                      {hit.snippet.map((part, partIndex) => (part.match ? <mark key={partIndex}>{part.text}</mark> : <span key={partIndex}>{part.text}</span>))}
                    </span>
                    {hit.tags && hit.tags.length > 0 && <span className="annotation-item__tags">{hit.tags.join(' · ')}</span>}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
