// Search results grouped by document, each hit a button that opens it, with "Show more"
// while more remain; and the syntax help shown under an empty or unreadable query.
import type { SearchGroup, SearchHit, SearchResults } from '../../../shared/search-results';
import { clipText } from '../../../shared/clip-text';
import { searchHitLabel } from '../../../shared/search-results';
import { EVIDENCE_SEARCH_HELP } from '../../../shared/search-evidence-filters';
import { SEARCH_SYNTAX_HELP } from '../../../shared/search-query';
import { HIGHLIGHT_PALETTE } from '../../../shared/palette';
import { groupedCountOf } from '../../../shared/plural';
import { GradeBadge } from '../evidence/GradeBadge';
import { PageTag } from '../pages/PageTag';
import { shownCount } from './search-pages';
import styles from './Search.module.css';

interface SearchResultsListProps {
  results: SearchResults;
  distinguish: ReadonlyMap<string, string>;
  loadingMore: boolean;
  onMore: () => void;
  onChoose: (documentId: string, hit: SearchHit) => void;
}

export function SearchResultsList({ results, distinguish, loadingMore, onMore, onChoose }: SearchResultsListProps) {
  const shown = shownCount(results);
  return (
    <div className={styles.results}>
      {results.groups.map((group) => (
        <ResultGroup
          key={group.documentId}
          group={group}
          distinction={distinguish.get(group.documentId)}
          onChoose={onChoose}
        />
      ))}
      {shown < results.total && (
        <button type="button" className={styles.more} disabled={loadingMore} onClick={onMore}>
          Show more ({shown.toLocaleString()} of {results.total.toLocaleString()} shown)
        </button>
      )}
    </div>
  );
}

export function SearchHelp() {
  return (
    <section id="search-help" className={styles.help} aria-label="Search syntax">
      <h3>Search syntax</h3>
      <dl>
        {[...SEARCH_SYNTAX_HELP, ...EVIDENCE_SEARCH_HELP].map((entry) => (
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
      <h3 className={styles.title}>
        {group.title} <span className={styles.total}>{groupedCountOf(group.total, 'result')}</span>
        {distinction && <span className={styles.origin}>{distinction}</span>}
      </h3>
      <ul aria-label={`Results in ${name}`}>
        {group.hits.map((hit, index) => (
          <li key={`${hit.kind}-${hit.annotationId ?? hit.start}-${index}`}>
            <HitButton hit={hit} onChoose={() => onChoose(group.documentId, hit)} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function HitButton({ hit, onChoose }: { hit: SearchHit; onChoose: () => void }) {
  return (
    <button type="button" className={styles.hit} onClick={onChoose}>
      <span
        className={styles.kind}
        style={hit.color ? { borderColor: HIGHLIGHT_PALETTE[hit.color].swatch } : undefined}
      >
        {searchHitLabel(hit)}
        {/* The section the hit falls under, beside its page when it has one, as the CLI says it. */}
        {hit.section && ` · in “${clipText(hit.section, 60)}”`}
      </span>
      {hit.page && <PageTag text={hit.page.text} />}
      {hit.grade && <GradeBadge reliability={hit.grade.reliability} credibility={hit.grade.credibility} />}
      <span>
        {hit.snippet.map((part, partIndex) =>
          part.match ? <mark key={partIndex}>{part.text}</mark> : <span key={partIndex}>{part.text}</span>,
        )}
      </span>
      {hit.tags && hit.tags.length > 0 && <span className={styles.tags}>{hit.tags.join(' · ')}</span>}
    </button>
  );
}
