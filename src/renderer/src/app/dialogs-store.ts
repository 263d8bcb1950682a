// Which dialog is open (settings, export, share notes, the import-notes preview), the
// confirmation waiting for an answer, and the choices of the last export.
import type { PdfExportOptions } from '../../../shared/export-options';
import { Store } from './store';

/** The dialogs that open from a command; at most one at a time. */
export type DialogName = 'settings' | 'export' | 'share';

export interface Confirmation {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm: () => void;
  /** A destructive action's button is drawn as such; true unless said otherwise. */
  destructive?: boolean;
}

/** A note bundle read from disk, waiting in the import-notes preview. */
export interface IncomingBundle {
  fileName: string;
  dataBase64: string;
}

/** Everything the export dialog lets a person choose. */
export interface ExportChoices {
  documentIds: readonly string[];
  options: PdfExportOptions;
}

export interface DialogsState {
  open: DialogName | null;
  incomingBundle: IncomingBundle | null;
  confirmation: Confirmation | null;
  /**
   * The choices of the last export that went through, offered again at the next opening (this
   * window only); a cancelled dialog leaves them as they were.
   */
  lastExport: ExportChoices | null;
}

const CLOSED = { open: null, incomingBundle: null, confirmation: null } satisfies Partial<DialogsState>;

export class DialogsStore extends Store<DialogsState> {
  constructor() {
    super({ ...CLOSED, lastExport: null });
  }

  rememberExport(choices: ExportChoices): void {
    this.set({ lastExport: choices });
  }

  show(name: DialogName): void {
    this.set({ open: name });
  }

  /** Closes the named dialog (if it is the one open), or whichever is open. */
  close(name?: DialogName): void {
    this.set((state) => (name === undefined || state.open === name ? { open: null } : {}));
  }

  previewBundle(bundle: IncomingBundle | null): void {
    this.set({ incomingBundle: bundle });
  }

  confirm(confirmation: Confirmation): void {
    this.set({ confirmation });
  }

  /** Answers the waiting confirmation: it closes either way, and its action runs only on yes. */
  answer(confirmed: boolean): void {
    const { confirmation } = this.get();
    if (!confirmation) return;
    this.set({ confirmation: null });
    if (confirmed) confirmation.onConfirm();
  }

  /** After a dialog failed to draw: everything closes, so the window is usable again. */
  closeAll(): void {
    this.set(CLOSED);
  }
}
