// Which evidence dialog is open, and for what: grading or linking an annotation, making a claim
// from a card or a selection, adding a card to a claim, a source to add or edit. One per window.
import type { EvidenceSource } from '../../../shared/evidence';
import { Store } from '../app/store';

/** The passage a claim is made from: an annotation, or a selection highlighted as the claim is saved. */
export type ClaimPassage =
  | { kind: 'annotation'; annotationId: string; quote: string }
  | { kind: 'selection'; documentId: string; start: number; end: number; quote: string };

export type EvidenceDialog =
  | { kind: 'grade'; annotationId: string; quote: string }
  | { kind: 'link'; annotationId: string; documentId: string; quote: string }
  | { kind: 'newClaim'; passage: ClaimPassage }
  | { kind: 'addToClaim'; annotationId: string; quote: string }
  /** A new source (null) or one to edit; `documentId` makes a new one a default of that document. */
  | { kind: 'source'; source: EvidenceSource | null; documentId: string | null };

export class EvidenceDialogs extends Store<{ open: EvidenceDialog | null }> {
  constructor() {
    super({ open: null });
  }

  show(dialog: EvidenceDialog): void {
    this.set({ open: dialog });
  }

  close(): void {
    this.set({ open: null });
  }
}

export const evidenceDialogs = new EvidenceDialogs();

/** The claim the Claims panel shows in full, or null for the list. */
export class ClaimView extends Store<{ claimId: string | null }> {
  constructor() {
    super({ claimId: null });
  }

  show(claimId: string | null): void {
    this.set({ claimId });
  }
}

export const claimView = new ClaimView();
