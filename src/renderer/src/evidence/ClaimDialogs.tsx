// New claim (a statement and how this passage stands to it, in one step from a card or a
// selection, which is highlighted as the claim is saved) and Add to claim (a card's passage as
// evidence for a claim already made).
import { useId, useState } from 'react';
import type { ClaimDetail, ClaimSummary, Stance } from '../../../shared/evidence';
import { STANCES } from '../../../shared/evidence';
import type { Result } from '../../../shared/result';
import { useClient } from '../app/stores';
import { dialogStyles } from '../ui/Dialogs';
import { submitOnModEnter } from '../ui/dialog-keys';
import type { ClaimPassage } from './dialogs';
import { STATUS_LABELS } from './claim-labels';
import { EvidenceFormDialog } from './EvidenceFormDialog';
import type { Ownership } from './ownership';
import { ownedBy, useOwnership } from './ownership';
import { useEvidence } from './use-evidence';
import styles from './Evidence.module.css';

const STANCE_LABELS: Record<Stance, string> = {
  supports: 'Supports it',
  contradicts: 'Contradicts it',
  context: 'Context',
};

function StanceChoice({ value, onChange }: { value: Stance; onChange: (stance: Stance) => void }) {
  const name = useId();
  return (
    <fieldset className={styles.checks}>
      <legend>This passage</legend>
      {STANCES.map((stance) => (
        <label key={stance} className={styles.choice}>
          <input type="radio" name={name} checked={value === stance} onChange={() => onChange(stance)} />
          <span>{STANCE_LABELS[stance]}</span>
        </label>
      ))}
    </fieldset>
  );
}

type Client = ReturnType<typeof useClient>;

/** The passage's annotation: a selection is highlighted first. */
async function passageAnnotation(client: Client, passage: ClaimPassage): Promise<Result<string>> {
  if (passage.kind === 'annotation') return { ok: true, value: passage.annotationId };
  const { documentId, start, end } = passage;
  const created = await client.createAnnotation({ documentId, kind: 'highlight', start, end });
  return created.ok ? { ok: true, value: created.value.id } : created;
}

async function makeClaim(
  client: Client,
  passage: ClaimPassage,
  statement: string,
  stance: Stance,
): Promise<Result<ClaimDetail>> {
  const annotation = await passageAnnotation(client, passage);
  if (!annotation.ok) return annotation;
  const saved = await client.saveClaim({ statement, evidence: [{ annotationId: annotation.value, stance }] });
  // Nothing half-made: a highlight made for a claim that was refused goes again.
  if (!saved.ok && passage.kind === 'selection') await client.deleteAnnotations({ ids: [annotation.value] });
  return saved;
}

interface NewClaimDialogProps {
  passage: ClaimPassage;
  onClose: () => void;
  onMade: (claim: ClaimDetail) => void;
}

export function NewClaimDialog({ passage, onClose, onMade }: NewClaimDialogProps) {
  const client = useClient();
  const [statement, setStatement] = useState('');
  const [stance, setStance] = useState<Stance>('supports');
  return (
    <EvidenceFormDialog
      title="New claim"
      about={`From “${passage.quote}”`}
      wide
      submitLabel="Make claim"
      busyLabel="Saving…"
      canSubmit={statement.trim() !== ''}
      send={() => makeClaim(client, passage, statement.trim(), stance)}
      touches={['claims']}
      onDone={onMade}
      onClose={onClose}
    >
      <label className={dialogStyles.field}>
        Statement
        <textarea
          className={styles.statement}
          autoFocus
          rows={3}
          maxLength={2000}
          value={statement}
          placeholder="One sentence the evidence can support or contradict"
          onChange={(event) => setStatement(event.currentTarget.value)}
          onKeyDown={submitOnModEnter}
        />
      </label>
      <StanceChoice value={stance} onChange={setStance} />
    </EvidenceFormDialog>
  );
}

interface AddToClaimDialogProps {
  annotationId: string;
  quote: string;
  onClose: () => void;
  onAdded: (claim: ClaimDetail) => void;
}

interface ClaimCandidateProps {
  claim: ClaimSummary;
  ownership: Ownership;
  name: string;
  checked: boolean;
  onChoose: () => void;
}

/** A claim to add the passage to; another analyst's is shown, named as theirs, and cannot be chosen. */
function ClaimCandidate({ claim, ownership, name, checked, onChoose }: ClaimCandidateProps) {
  const facts = ownership.mine
    ? STATUS_LABELS[claim.status]
    : `${STATUS_LABELS[claim.status]} · ${ownedBy(ownership, 'claim')}: only they can add to it`;
  return (
    <label className={styles.candidate}>
      <input type="radio" name={name} checked={checked} disabled={!ownership.mine} onChange={onChoose} />
      <span>
        <span className={styles.candidateText}>{claim.statement}</span>
        <span className={styles.candidateDocument}>{facts}</span>
      </span>
    </label>
  );
}

export function AddToClaimDialog({ annotationId, quote, onClose, onAdded }: AddToClaimDialogProps) {
  const claimName = useId();
  const client = useClient();
  const claims = useEvidence((state) => state.claims);
  const ownershipOf = useOwnership();
  const mine = (claims ?? []).filter((claim) => ownershipOf(claim.authorId).mine);
  const [chosen, setClaimId] = useState<string | null>(null);
  // With one claim of mine there is nothing to choose: it is taken, and Add works at once.
  const claimId = chosen ?? (mine.length === 1 ? mine[0]!.id : null);
  const [stance, setStance] = useState<Stance>('supports');
  return (
    <EvidenceFormDialog
      title="Add to claim"
      about={`“${quote}”`}
      wide
      submitLabel="Add"
      busyLabel="Adding…"
      canSubmit={claimId !== null}
      send={() => (claimId ? client.setClaimEvidence({ claimId, annotationId, stance }) : null)}
      touches={['claims']}
      onDone={onAdded}
      onClose={onClose}
    >
      <fieldset className={styles.candidates}>
        <legend>Claim</legend>
        {claims?.length === 0 && (
          <p className={dialogStyles.hint}>No claims yet: make one from a selection or a card (Make claim…).</p>
        )}
        {(claims ?? []).map((claim) => (
          <ClaimCandidate
            key={claim.id}
            claim={claim}
            ownership={ownershipOf(claim.authorId)}
            name={claimName}
            checked={claimId === claim.id}
            onChoose={() => setClaimId(claim.id)}
          />
        ))}
      </fieldset>
      <StanceChoice value={stance} onChange={setStance} />
    </EvidenceFormDialog>
  );
}
