// Whether the Analyses view stands in the reader's place, and which analysis it shows (null:
// the list of questions). One per window, opened by "Show Analyses".
import { FullViewFocus } from '../app/full-view-focus';
import { Store } from '../app/store';

export interface AnalysesState {
  open: boolean;
  analysisId: string | null;
}

export class AnalysesStore extends Store<AnalysesState> {
  private readonly focus = new FullViewFocus();

  constructor() {
    super({ open: false, analysisId: null });
  }

  /** Shows the list of analyses, or one analysis. */
  show(analysisId: string | null = null): void {
    if (!this.get().open) this.focus.opened();
    this.set({ open: true, analysisId });
  }

  /** Closes the view; focus goes back where it was when the view opened, else to the reader. */
  close(): void {
    if (!this.get().open) return;
    this.set({ open: false, analysisId: null });
    this.focus.closed();
  }
}

export const analyses = new AnalysesStore();
