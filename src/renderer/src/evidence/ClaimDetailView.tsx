// One claim in full: its statement and status, how many supporting sources are independent,
// and its evidence grouped by stance, each piece with its quote (opening the passage), its
// document, sources and grade; a piece can leave the claim, and the claim can be deleted.
import { useEffect, useState } from 'react';
import type { ClaimDetail, ClaimEvidenceView, Stance } from '../../../shared/evidence';
import { STANCES } from '../../../shared/evidence';
import { countOf } from '../../../shared/plural';
import { reportFailure } from '../app/notifications/store';
import { useClient, useStores } from '../app/stores';
import panel from '../ui/Panel.module.css';
import { STANCE_HEADINGS, STANCE_OPTIONS, STATUS_LABELS } from './claim-labels';
import { claimView } from './dialogs';
import { gradeText } from './grades';
import { usePassageOpener } from './open-passage';
import type { Ownership } from './ownership';
import { useOwnership } from './ownership';
import { TheirsNote } from './TheirsNote';
import { useEvidence, useEvidenceStore } from './use-evidence';
import styles from './Evidence.module.css';

function useClaim(claimId: string) {
  const client = useClient();
  const version = useEvidence((state) => state.claimsVersion);
  const claims = useEvidence((state) => state.claims);
  const [claim, setClaim] = useState<ClaimDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void client.getClaim({ id: claimId }).then((result) => {
      if (!current) return;
      setClaim(result.ok ? result.value : null);
      setFailure(result.ok ? null : result.error.message);
    });
    return () => {
      current = false;
    };
  }, [client, claimId, version, claims]);
  return { claim: claim?.id === claimId ? claim : null, failure };
}

/** The stance of a piece as a choice and Remove on one's own claim; as words on another analyst's. */
function PieceControls({
  piece,
  mine,
  onStance,
}: {
  piece: ClaimEvidenceView;
  mine: boolean;
  onStance: (stance: Stance | null) => void;
}) {
  if (!mine) return <span className={styles.sourceFacts}>{STANCE_OPTIONS[piece.stance]}</span>;
  return (
    <>
      <select
        className={styles.stance}
        aria-label={`Stance of “${piece.passage.quote}”`}
        value={piece.stance}
        onChange={(event) => onStance(event.currentTarget.value as Stance)}
      >
        {STANCES.map((stance) => (
          <option key={stance} value={stance}>
            {STANCE_OPTIONS[stance]}
          </option>
        ))}
      </select>
      <button
        type="button"
        className={styles.action}
        aria-label={`Remove “${piece.passage.quote}” from the claim`}
        onClick={() => onStance(null)}
      >
        Remove
      </button>
    </>
  );
}

function EvidenceItem({ claimId, piece, mine }: { claimId: string; piece: ClaimEvidenceView; mine: boolean }) {
  const client = useClient();
  const store = useEvidenceStore();
  const scheme = useEvidence((state) => state.scheme);
  const open = usePassageOpener();
  // The grade is reliability then credibility: what is left once the credibility is cut off.
  const reliability = piece.grade.slice(
    0,
    piece.grade.length - (piece.grade.endsWith(piece.credibility) ? piece.credibility.length : 0),
  );
  const grade = piece.grade ? gradeText(scheme, reliability, piece.credibility) : null;
  const setStance = async (stance: Stance | null) => {
    const result = await client.setClaimEvidence({ claimId, annotationId: piece.annotationId, stance });
    if (!result.ok) reportFailure("Couldn't change the claim's evidence", result.error.message);
    await store.refreshAfter(['claims']);
  };
  const where = [piece.passage.documentTitle, piece.passage.page].filter(Boolean).join(', ');
  return (
    <li className={styles.evidence}>
      <button type="button" className={styles.quote} onClick={() => void open(piece.passage)}>
        “{piece.passage.quote}”
      </button>
      <p className={styles.sourceFacts}>
        {where}
        {piece.sources.length > 0 && ` · ${piece.sources.map((source) => source.name).join('; ')}`}
      </p>
      <div className={styles.rowActions}>
        {piece.grade && (
          <span
            className={styles.grade}
            role="img"
            aria-label={grade?.name ?? `Grade ${piece.grade}`}
            title={grade?.meaning}
          >
            {piece.grade}
          </span>
        )}
        <PieceControls piece={piece} mine={mine} onStance={(stance) => void setStance(stance)} />
      </div>
    </li>
  );
}

function ClaimBody({ claim, mine }: { claim: ClaimDetail; mine: boolean }) {
  return (
    <>
      <p className={styles.claimStatusLine}>
        <span className={`${styles.status} ${styles[`status-${claim.status}`] ?? ''}`}>
          {STATUS_LABELS[claim.status]}
        </span>
        {` · ${countOf(claim.independentSupport, 'independent supporting source')}`}
        {claim.bestGrade && `, best supporting grade ${claim.bestGrade}`}
      </p>
      {claim.singleSourceReasons.length > 0 && (
        <p className={styles.claimStatusLine}>Single source: {claim.singleSourceReasons.join('; ')}</p>
      )}
      {STANCES.map((stance) => {
        const pieces = claim.evidence.filter((piece) => piece.stance === stance);
        if (pieces.length === 0) return null;
        return (
          <section key={stance} className={styles.section} aria-label={STANCE_HEADINGS[stance]}>
            <h3>
              {STANCE_HEADINGS[stance]} ({pieces.length})
            </h3>
            <ul className={styles.rows}>
              {pieces.map((piece) => (
                <EvidenceItem key={piece.annotationId} claimId={claim.id} piece={piece} mine={mine} />
              ))}
            </ul>
          </section>
        );
      })}
      {claim.evidence.length === 0 && <p className={panel.empty}>No evidence yet: Add to claim… on a card.</p>}
    </>
  );
}

function Reword({ claim, onDone }: { claim: ClaimDetail; onDone: () => void }) {
  const client = useClient();
  const store = useEvidenceStore();
  const [statement, setStatement] = useState(claim.statement);
  const save = async () => {
    const result = await client.saveClaim({ id: claim.id, statement: statement.trim() });
    if (!result.ok) return reportFailure("Couldn't reword the claim", result.error.message);
    await store.refreshAfter(['claims']);
    onDone();
  };
  return (
    <form
      className={styles.reword}
      onSubmit={(event) => {
        event.preventDefault();
        if (statement.trim() !== '') void save();
      }}
    >
      <label>
        Statement
        <textarea
          className={styles.statement}
          autoFocus
          rows={3}
          maxLength={2000}
          value={statement}
          onChange={(event) => setStatement(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              onDone();
            }
          }}
        />
      </label>
      <div className={styles.rowActions}>
        <button type="submit" className="button button--primary" disabled={statement.trim() === ''}>
          Save
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** One's own claim: Reword…, its evidence with each piece's stance and Remove, and Delete claim…. */
function OwnClaim({ claim }: { claim: ClaimDetail }) {
  const { dialogs } = useStores();
  const client = useClient();
  const store = useEvidenceStore();
  const [rewording, setRewording] = useState(false);
  const remove = async () => {
    const result = await client.deleteClaim({ id: claim.id });
    if (!result.ok) return reportFailure("Couldn't delete the claim", result.error.message);
    claimView.show(null);
    await store.refreshAfter(['claims']);
  };
  return (
    <div className={styles.claimDetail}>
      {rewording ? (
        <Reword claim={claim} onDone={() => setRewording(false)} />
      ) : (
        <button type="button" className={styles.rewordButton} onClick={() => setRewording(true)}>
          Reword…
        </button>
      )}
      <ClaimBody claim={claim} mine />
      <button
        type="button"
        className={styles.danger}
        onClick={() =>
          dialogs.confirm({
            title: 'Delete this claim?',
            body: `“${claim.statement}” and its list of evidence go; the annotations stay.`,
            confirmLabel: 'Delete claim',
            onConfirm: () => void remove(),
          })
        }
      >
        Delete claim…
      </button>
    </div>
  );
}

/** Another analyst's claim: whose it is, and its evidence to read, with nothing to change. */
function TheirClaim({ claim, ownership }: { claim: ClaimDetail; ownership: Ownership }) {
  return (
    <div className={styles.claimDetail}>
      <TheirsNote ownership={ownership} noun="claim" />
      <ClaimBody claim={claim} mine={false} />
    </div>
  );
}

export function ClaimDetailView({ claimId }: { claimId: string }) {
  const { claim, failure } = useClaim(claimId);
  const ownershipOf = useOwnership();
  const ownership = claim ? ownershipOf(claim.authorId) : null;
  return (
    <>
      <div className={panel.header}>
        <button type="button" className={styles.back} onClick={() => claimView.show(null)}>
          ← All claims
        </button>
      </div>
      <h2 id="claims-heading" className={styles.claimHeading}>
        {claim?.statement ?? 'Claim'}
      </h2>
      {failure !== null && <p className={panel.empty}>Couldn't read the claim: {failure}</p>}
      {claim &&
        ownership &&
        (ownership.mine ? <OwnClaim claim={claim} /> : <TheirClaim claim={claim} ownership={ownership} />)}
    </>
  );
}
