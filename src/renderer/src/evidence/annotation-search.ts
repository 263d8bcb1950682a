// A search over annotations as it is typed (the contract's `search`, keeping only its
// annotation hits), for picking the other end of a link.
import { useEffect, useState } from 'react';
import type { MarginaliaClient } from '../../../shared/contract';
import type { SearchResults } from '../../../shared/search-results';

const TYPING_PAUSE_MS = 150;
/** Enough hits to choose from; a longer list means the words should be sharper. */
const MAX_CANDIDATES = 40;

export interface AnnotationCandidate {
  annotationId: string;
  documentId: string;
  documentTitle: string;
  text: string;
}

/** The annotation hits of a search, leaving out the annotation being linked from. */
export function annotationCandidates(results: SearchResults, excludeId: string): AnnotationCandidate[] {
  return results.groups
    .flatMap((group) =>
      group.hits.flatMap((hit) =>
        hit.kind === 'annotation' && hit.annotationId && hit.annotationId !== excludeId
          ? [
              {
                annotationId: hit.annotationId,
                documentId: group.documentId,
                documentTitle: group.title,
                text: hit.snippet.map((part) => part.text).join(''),
              },
            ]
          : [],
      ),
    )
    .slice(0, MAX_CANDIDATES);
}

export function useAnnotationSearch(client: Pick<MarginaliaClient, 'search'>, query: string, excludeId: string) {
  const [candidates, setCandidates] = useState<AnnotationCandidate[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (query.trim() === '') {
      setCandidates(null);
      setError(null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      const result = await client.search({ query, limit: 200 });
      if (cancelled) return;
      setCandidates(result.ok ? annotationCandidates(result.value, excludeId) : null);
      setError(result.ok ? null : result.error.message);
    }, TYPING_PAUSE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [client, query, excludeId]);
  return { candidates, error };
}
