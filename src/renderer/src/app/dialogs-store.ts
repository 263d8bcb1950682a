// Which dialog is open (settings, export, share notes, the import-notes preview), the
// confirmation waiting for an answer and the message waiting to be read.
import { Store } from './store';

/** The dialogs that open from a command; at most one at a time. */
export type DialogName = 'settings' | 'export' | 'share';

export interface Message {
  title: string;
  body: string;
}

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

export interface DialogsState {
  open: DialogName | null;
  incomingBundle: IncomingBundle | null;
  confirmation: Confirmation | null;
  message: Message | null;
}

const CLOSED: DialogsState = { open: null, incomingBundle: null, confirmation: null, message: null };

export class DialogsStore extends Store<DialogsState> {
  constructor() {
    super(CLOSED);
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

  readonly showMessage = (title: string, body: string): void => {
    this.set({ message: { title, body } });
  };

  /** What a component says went wrong, where the person must read it before going on. */
  readonly report = (title: string, error: unknown): void => {
    this.showMessage(title, error instanceof Error ? error.message : String(error));
  };

  dismissMessage(): void {
    this.set({ message: null });
  }

  /** After a dialog failed to draw: everything closes, so the window is usable again. */
  closeAll(): void {
    this.set(CLOSED);
  }
}
