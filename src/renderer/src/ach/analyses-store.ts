// Whether the Analyses view stands in the reader's place, and which analysis it shows (null:
// the list of questions). One per window, opened by "Show Analyses".
import { Store } from '../app/store';

export interface AnalysesState {
  open: boolean;
  analysisId: string | null;
}

export class AnalysesStore extends Store<AnalysesState> {
  constructor() {
    super({ open: false, analysisId: null });
  }

  /** Shows the list of analyses, or one analysis. */
  show(analysisId: string | null = null): void {
    this.set({ open: true, analysisId });
  }

  close(): void {
    this.set({ open: false, analysisId: null });
  }
}

export const analyses = new AnalysesStore();
