// One claim in full: its statement and status, how many supporting sources are independent,
// and its evidence grouped by stance, each piece with its quote (opening the passage), its
// document, sources and grade; a piece can leave the claim, and the claim can be deleted.
import { useEffect, useState } from 'react';
import type { ClaimDetail, ClaimEvidenceView } from '../../../shared/evidence';
import { STANCES } from '../../../shared/evidence';
import { countOf } from '../../../shared/plural';
import { reportFailure } from '../app/notifications/store';
import { useClient, useStores } from '../app/stores';
import panel from '../ui/Panel.module.css';
import { STANCE_HEADINGS, STATUS_LABELS } from './claim-labels';
import { claimView } from './dialogs';
import { gradeText } from './grades';
import { usePassageOpener } from './open-passage';
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

function EvidenceItem({ claimId, piece }: { claimId: string; piece: ClaimEvidenceView }) {
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
  const remove = async () => {
    const result = await client.setClaimEvidence({ claimId, annotationId: piece.annotationId, stance: null });
    if (!result.ok) reportFailure("Couldn't remove the evidence", result.error.message);
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
        <button
          type="button"
          className={styles.action}
          aria-label={`Remove “${piece.passage.quote}” from the claim`}
          onClick={() => void remove()}
        >
          Remove
        </button>
      </div>
    </li>
  );
}

function ClaimBody({ claim }: { claim: ClaimDetail }) {
  return (
    <>
      <p className={styles.claimStatusLine}>
        <span className={`${styles.status} ${styles[`status-${claim.status}`] ?? ''}`}>
          {STATUS_LABELS[claim.status]}
        </span>{' '}
        {countOf(claim.independentSupport, 'independent supporting source')}
        {claim.bestGrade && `, best grade ${claim.bestGrade}`}
      </p>
      {STANCES.map((stance) => {
        const pieces = claim.evidence.filter((piece) => piece.stance === stance);
        if (pieces.length === 0) return null;
        return (
          <section key={stance} className={styles.section} aria-label={STANCE_HEADINGS[stance]}>
            <h4>
              {STANCE_HEADINGS[stance]} ({pieces.length})
            </h4>
            <ul className={styles.rows}>
              {pieces.map((piece) => (
                <EvidenceItem key={piece.annotationId} claimId={claim.id} piece={piece} />
              ))}
            </ul>
          </section>
        );
      })}
      {claim.evidence.length === 0 && <p className={panel.empty}>No evidence yet: Add to claim… on a card.</p>}
    </>
  );
}

export function ClaimDetailView({ claimId }: { claimId: string }) {
  const { dialogs } = useStores();
  const client = useClient();
  const store = useEvidenceStore();
  const { claim, failure } = useClaim(claimId);
  const remove = async () => {
    const result = await client.deleteClaim({ id: claimId });
    if (!result.ok) return reportFailure("Couldn't delete the claim", result.error.message);
    claimView.show(null);
    await store.refreshAfter(['claims']);
  };
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
      {claim && (
        <div className={styles.claimDetail}>
          <ClaimBody claim={claim} />
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
      )}
    </>
  );
}
