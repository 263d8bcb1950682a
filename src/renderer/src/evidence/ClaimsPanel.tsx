// The Claims panel: every claim with its status, evidence counts and best supporting grade, and one
// claim's view, its evidence grouped by stance with quotes, sources and grades, each opening
// its passage.
import { useStore } from '../app/store';
import panel from '../ui/Panel.module.css';
import { ClaimDetailView } from './ClaimDetailView';
import { evidenceCounts, STATUS_LABELS } from './claim-labels';
import { claimView } from './dialogs';
import { ownedBy, useOwnership } from './ownership';
import { useEvidence } from './use-evidence';
import styles from './Evidence.module.css';

function ClaimList() {
  const claims = useEvidence((state) => state.claims);
  const failure = useEvidence((state) => state.failures.claims ?? null);
  const ownershipOf = useOwnership();
  return (
    <>
      <div className={panel.header}>
        <h2 id="claims-heading">Claims</h2>
        <span className={panel.count}>{claims?.length ?? ''}</span>
      </div>
      {failure !== null && claims === null && <p className={panel.empty}>Couldn't load the claims: {failure}</p>}
      {claims?.length === 0 && (
        <p className={panel.empty}>
          A claim is a short statement weighed by its evidence. Make one from a selection or a card (Make claim…).
        </p>
      )}
      <ul className={styles.rows} aria-label="Claims">
        {(claims ?? []).map((claim) => (
          <li key={claim.id} className={styles.claimRow}>
            <button type="button" className={styles.claimButton} onClick={() => claimView.show(claim.id)}>
              <span className={styles.claimStatement}>{claim.statement}</span>
              <span className={styles.claimFacts}>
                <span className={`${styles.status} ${styles[`status-${claim.status}`] ?? ''}`}>
                  {STATUS_LABELS[claim.status]}
                </span>
                <span>{evidenceCounts(claim.counts)}</span>
                {claim.bestGrade && (
                  <span title="The best grade among the evidence that supports the claim">
                    best support {claim.bestGrade}
                  </span>
                )}
                {!ownershipOf(claim.authorId).mine && <span>{ownedBy(ownershipOf(claim.authorId), 'claim')}</span>}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ClaimsPanel() {
  const claimId = useStore(claimView, (state) => state.claimId);
  return (
    <section className={panel.panel} aria-labelledby="claims-heading">
      {claimId === null ? <ClaimList /> : <ClaimDetailView claimId={claimId} />}
    </section>
  );
}
