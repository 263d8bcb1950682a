// The evidence dialogs of the window (Grade annotation, Link annotation, New claim, Add to
// claim, New/Edit source), and the evidence store kept on the open document.
import { useEffect } from 'react';
import type { ClaimDetail } from '../../../shared/evidence';
import { notifications } from '../app/notifications/store';
import { useStore } from '../app/store';
import { useSession, useStores } from '../app/stores';
import { AddToClaimDialog, NewClaimDialog } from './ClaimDialogs';
import { claimView, evidenceDialogs } from './dialogs';
import { GradeDialog } from './GradeDialog';
import { LinkDialog } from './LinkDialog';
import { SourceDialog } from './SourceDialog';
import { useEvidenceStore } from './use-evidence';

/** Loads the evidence once per window and follows the open document. */
function useEvidenceLifecycle(): void {
  const store = useEvidenceStore();
  const documentId = useSession((state) => state.current?.id ?? null);
  useEffect(() => store.start(), [store]);
  useEffect(() => store.open(documentId), [store, documentId]);
}

export function EvidenceLayer() {
  useEvidenceLifecycle();
  const { panels } = useStores();
  const open = useStore(evidenceDialogs, (state) => state.open);
  const close = () => evidenceDialogs.close();
  const showClaim = (claim: ClaimDetail, message: string) => {
    close();
    window.getSelection()?.removeAllRanges();
    notifications.notify(message, 'info', {
      action: {
        label: 'Show claim',
        run: () => {
          claimView.show(claim.id);
          panels.show('claims');
        },
      },
    });
  };
  if (!open) return null;
  switch (open.kind) {
    case 'grade':
      return <GradeDialog annotationId={open.annotationId} quote={open.quote} onClose={close} />;
    case 'link':
      return (
        <LinkDialog
          annotationId={open.annotationId}
          quote={open.quote}
          onClose={close}
          onLinked={(message) => {
            close();
            notifications.notify(message);
          }}
        />
      );
    case 'newClaim':
      return (
        <NewClaimDialog
          passage={open.passage}
          onClose={close}
          onMade={(claim) => showClaim(claim, `Claim made: “${claim.statement.slice(0, 60)}”`)}
        />
      );
    case 'addToClaim':
      return (
        <AddToClaimDialog
          annotationId={open.annotationId}
          quote={open.quote}
          onClose={close}
          onAdded={(claim) => showClaim(claim, `Added to “${claim.statement.slice(0, 60)}”`)}
        />
      );
    case 'source':
      return (
        <SourceDialog
          key={open.source?.id ?? 'new'}
          source={open.source}
          documentId={open.documentId}
          onClose={close}
          onSaved={(source) => {
            close();
            notifications.notify(`Source “${source.name}” saved`);
          }}
        />
      );
  }
}
