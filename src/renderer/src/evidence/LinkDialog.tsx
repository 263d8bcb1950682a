// Link annotation: find the other passage by searching the library's annotations, say how
// this one stands to it (supports, contradicts, same event, cites, repeats) and link them.
import type { KeyboardEvent } from 'react';
import { useId, useRef, useState } from 'react';
import type { LinkKind } from '../../../shared/evidence';
import { LINK_KINDS } from '../../../shared/evidence';
import { useClient } from '../app/stores';
import { dialogStyles } from '../ui/Dialogs';
import { moveAmongRadios } from '../ui/dialog-keys';
import { useAnnotationSearch } from './annotation-search';
import { EvidenceFormDialog } from './EvidenceFormDialog';
import { LINK_KIND_LABELS } from './grades';
import styles from './Evidence.module.css';

interface LinkDialogProps {
  annotationId: string;
  quote: string;
  onClose: () => void;
  onLinked: (message: string) => void;
}

export function LinkDialog({ annotationId, quote, onClose, onLinked }: LinkDialogProps) {
  const candidateName = useId();
  const client = useClient();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const [kind, setKind] = useState<LinkKind>('supports');
  const { candidates, error: searchError } = useAnnotationSearch(client, query, annotationId);
  // A search that finds one annotation has chosen it: Enter links to it.
  const picked =
    candidates?.find((candidate) => candidate.annotationId === chosen) ??
    (candidates?.length === 1 ? candidates[0] : undefined);
  // ArrowDown from the box into the annotations found, ArrowUp from the first back to it.
  const box = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLDivElement>(null);
  const arrows = (event: KeyboardEvent) => void moveAmongRadios(event, box.current, results.current);
  return (
    <EvidenceFormDialog
      title="Link annotation"
      about={`From “${quote}”`}
      wide
      submitLabel="Link"
      busyLabel="Linking…"
      canSubmit={picked !== undefined}
      send={() => (picked ? client.linkAnnotations({ fromId: annotationId, toId: picked.annotationId, kind }) : null)}
      touches={['links', 'claims']}
      onDone={() => onLinked(`Linked: this passage ${LINK_KIND_LABELS[kind]} “${picked?.text.slice(0, 40) ?? ''}”`)}
      onClose={onClose}
    >
      <label className={dialogStyles.field}>
        Find the other annotation
        <input
          ref={box}
          type="search"
          autoFocus
          value={query}
          onKeyDown={arrows}
          placeholder="Words of its quote, note or tags"
          onChange={(event) => setQuery(event.currentTarget.value)}
        />
      </label>
      <div ref={results} onKeyDown={arrows}>
        <Candidates
          candidates={candidates}
          searchError={searchError}
          chosen={picked?.annotationId ?? null}
          onChoose={setChosen}
          name={candidateName}
        />
      </div>
      <label className={dialogStyles.field}>
        This passage
        <select value={kind} onChange={(event) => setKind(event.currentTarget.value as LinkKind)}>
          {LINK_KINDS.map((option) => (
            <option key={option} value={option}>
              {LINK_KIND_LABELS[option]}
            </option>
          ))}
        </select>
      </label>
      <p className={dialogStyles.hint}>
        “Repeats” means this passage is derived from the other: the two are not independent sources.
      </p>
    </EvidenceFormDialog>
  );
}

interface CandidatesProps {
  candidates: ReturnType<typeof useAnnotationSearch>['candidates'];
  searchError: string | null;
  chosen: string | null;
  onChoose: (id: string) => void;
  name: string;
}

function Candidates({ candidates, searchError, chosen, onChoose, name }: CandidatesProps) {
  if (searchError) return <p className={dialogStyles.error}>{searchError}</p>;
  if (candidates === null) return null;
  if (candidates.length === 0) return <p className={dialogStyles.hint}>No annotation matches.</p>;
  return (
    <fieldset className={styles.candidates}>
      <legend>Annotations found</legend>
      {candidates.map((candidate) => (
        <label key={candidate.annotationId} className={styles.candidate}>
          <input
            type="radio"
            name={name}
            checked={chosen === candidate.annotationId}
            onChange={() => onChoose(candidate.annotationId)}
          />
          <span>
            <span className={styles.candidateText}>{candidate.text}</span>
            <span className={styles.candidateDocument}>{candidate.documentTitle}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
