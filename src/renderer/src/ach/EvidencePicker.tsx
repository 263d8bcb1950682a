// "Add evidence": one search box over the claims register and the library's annotations;
// each result adds a row to the matrix, and the dialog stays open to add more.
import type { KeyboardEvent } from 'react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AchRow, ClaimSummary } from '../../../shared/evidence';
import { useStores } from '../app/stores';
import { whereFound } from './ach-labels';
import { Modal, dialogStyles } from '../ui/Dialogs';
import { moveAmongResults } from '../ui/dialog-keys';
import styles from './Ach.module.css';

type Evidence = AchRow['evidence'];

interface Candidate {
  evidence: Evidence;
  kind: 'Claim' | 'Annotation';
  text: string;
  where: string;
}

const MAX_RESULTS = 30;
const SEARCH_DELAY_MS = 200;

function useClaims(): ClaimSummary[] {
  const { client } = useStores();
  const [claims, setClaims] = useState<ClaimSummary[]>([]);
  useEffect(() => {
    void client.listClaims({}).then((result) => result.ok && setClaims(result.value));
  }, [client]);
  return claims;
}

function useAnnotationHits(query: string): { hits: Candidate[]; problem: string | null } {
  const { client } = useStores();
  const [found, setFound] = useState<{ hits: Candidate[]; problem: string | null }>({ hits: [], problem: null });
  useEffect(() => {
    if (query.trim() === '') {
      setFound({ hits: [], problem: null });
      return;
    }
    let stale = false;
    const timer = setTimeout(() => {
      void client.search({ query, limit: 100 }).then((result) => {
        if (stale) return;
        if (!result.ok) return setFound({ hits: [], problem: result.error.message });
        const hits = result.value.groups.flatMap((group) =>
          group.hits
            .filter((hit) => hit.kind === 'annotation' && hit.annotationId)
            .map((hit) => ({
              evidence: { kind: 'annotation' as const, id: hit.annotationId! },
              kind: 'Annotation' as const,
              text: hit.snippet.map((part) => part.text).join('') || hit.note || '',
              where: whereFound(group.title, hit),
            })),
        );
        setFound({ hits: hits.slice(0, MAX_RESULTS), problem: null });
      });
    }, SEARCH_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [client, query]);
  return found;
}

function matchingClaims(claims: readonly ClaimSummary[], query: string): Candidate[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return claims
    .filter((claim) => words.every((word) => claim.statement.toLowerCase().includes(word)))
    .slice(0, MAX_RESULTS)
    .map((claim) => ({
      evidence: { kind: 'claim', id: claim.id },
      kind: 'Claim',
      text: claim.statement,
      where: claim.status,
    }));
}

interface EvidencePickerProps {
  /** Evidence already in the matrix, shown as such. */
  present: readonly Evidence[];
  /** Adds a row; resolves to whether it worked. */
  onAdd: (evidence: Evidence, label: string) => Promise<boolean>;
  onClose: () => void;
}

export function EvidencePicker({ present, onAdd, onClose }: EvidencePickerProps) {
  const ids = useId();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('');
  const claims = useClaims();
  const { hits, problem } = useAnnotationHits(query);
  const candidates = useMemo(() => [...matchingClaims(claims, query), ...hits], [claims, query, hits]);
  const search = useRef<HTMLInputElement>(null);
  // ArrowDown from the box into the evidence found, Up and Down along it, Up from the first back.
  const results = useRef<HTMLUListElement>(null);
  const arrows = (event: KeyboardEvent) => void moveAmongResults(event, search.current, results.current, 'button');
  const inMatrix = new Set(present.map((evidence) => `${evidence.kind}:${evidence.id}`));
  const add = async (candidate: Candidate) => {
    if (await onAdd(candidate.evidence, candidate.text)) setStatus(`Added “${candidate.text.slice(0, 80)}”.`);
    // The button just used is now disabled: back to the box, ready for the next search.
    search.current?.focus();
    search.current?.select();
  };
  return (
    <Modal labelledBy={`${ids}-title`} onCancel={onClose} wide>
      <h2 id={`${ids}-title`}>Add evidence</h2>
      <label className={dialogStyles.field}>
        Search claims and annotations
        <input
          ref={search}
          type="search"
          autoFocus
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={arrows}
        />
      </label>
      {problem && <p className={dialogStyles.error}>{problem}</p>}
      <ul ref={results} className={styles.candidates} aria-label="Evidence found" onKeyDown={arrows}>
        {candidates.map((candidate) => {
          const added = inMatrix.has(`${candidate.evidence.kind}:${candidate.evidence.id}`);
          return (
            <li key={`${candidate.evidence.kind}:${candidate.evidence.id}`}>
              <button type="button" className={styles.candidate} disabled={added} onClick={() => void add(candidate)}>
                <span className={styles.candidateKind}>{candidate.kind}</span> {candidate.text}
                <span className={styles.muted}>
                  {' '}
                  — {candidate.where}
                  {added && ' (in the matrix)'}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {candidates.length === 0 && (
        <p className={dialogStyles.hint}>
          {query.trim() === '' ? 'Type to search your annotations; claims are listed here.' : 'Nothing found.'}
        </p>
      )}
      <p role="status" className={dialogStyles.hint}>
        {status}
      </p>
      <div className={dialogStyles.actions}>
        <button type="button" className="button button--primary" onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  );
}
