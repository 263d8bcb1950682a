// The session: the library's documents, the document open in the reader (and the one being
// opened, whose annotations load while its text is on the way), and whether its text is being edited.
import type { MarginaliaClient, ReanchorCounts } from '../../../shared/contract';
import type { AppInfo, DocumentDetail, DocumentSummary } from '../../../shared/model';
import { notifyFailure } from '../app/notifications/store';
import { Store } from '../app/store';

export type SessionClient = Pick<
  MarginaliaClient,
  'listDocuments' | 'getDocument' | 'removeDocument' | 'updateDocumentText'
>;

export interface SessionState {
  info: AppInfo | null;
  /** Null until the library has loaded. */
  documents: DocumentSummary[] | null;
  current: DocumentDetail | null;
  /** The document being opened or open: its annotations load before its text arrives. */
  activeId: string | null;
  editing: boolean;
  /** Bumped when editing ends without saving: the reader is rebuilt from the stored text. */
  editEpoch: number;
}

export interface SessionOptions {
  /** Told of each document opened, so the next start opens it again. */
  onOpened?: (id: string) => void;
  failed?: (what: string, message: string) => void;
}

export class SessionStore extends Store<SessionState> {
  private readonly failed: (what: string, message: string) => void;

  constructor(
    private readonly client: SessionClient,
    private readonly options: SessionOptions = {},
  ) {
    super({ info: null, documents: null, current: null, activeId: null, editing: false, editEpoch: 0 });
    this.failed = options.failed ?? notifyFailure;
  }

  loaded(info: AppInfo, documents: DocumentSummary[]): void {
    this.set({ info, documents });
  }

  /** The id of the document shown in the reader. */
  currentId(): string | null {
    return this.get().current?.id ?? null;
  }

  /** Opens a document; if it cannot be read, the one open before stays. */
  readonly openDocument = async (id: string): Promise<void> => {
    this.set({ activeId: id });
    const result = await this.client.getDocument({ id });
    if (!result.ok) {
      this.set({ activeId: this.currentId() });
      this.failed("Couldn't open the document", result.error.message);
      return;
    }
    this.set({ current: result.value, activeId: id, editing: false });
    this.options.onOpened?.(id);
  };

  /** Lists the library again; when the open document is gone, the first one left opens. */
  readonly refreshLibrary = async (): Promise<DocumentSummary[] | null> => {
    const result = await this.client.listDocuments({});
    if (!result.ok) {
      this.failed("Couldn't refresh the library", result.error.message);
      return null;
    }
    const list = result.value;
    this.set({ documents: list });
    const openId = this.currentId();
    if (openId && !list.some((doc) => doc.id === openId)) {
      this.set({ current: null, activeId: null, editing: false });
      if (list[0]) await this.openDocument(list[0].id);
    }
    return list;
  };

  async removeDocument(doc: Pick<DocumentSummary, 'id' | 'title'>): Promise<void> {
    const result = await this.client.removeDocument({ id: doc.id });
    if (!result.ok) this.failed(`Couldn't delete “${doc.title}”`, result.error.message);
    await this.refreshLibrary();
  }

  /** Starts editing the open document's text. */
  startEditing(): void {
    this.set((state) => ({ editing: state.current !== null }));
  }

  /** Leaves editing and drops what was not saved: the reader is rebuilt from the stored text. */
  cancelEditing(): void {
    this.set((state) => (state.editing ? { editing: false, editEpoch: state.editEpoch + 1 } : {}));
  }

  /** Saves the edited text; returns how the annotations re-anchored, or null if it was not saved. */
  async saveEdit(lexicalJson: string): Promise<ReanchorCounts | null> {
    const id = this.currentId();
    if (!id) return null;
    const result = await this.client.updateDocumentText({ id, lexicalJson });
    if (!result.ok) {
      this.failed("Couldn't save the corrected text", result.error.message);
      return null;
    }
    this.set({ editing: false, current: result.value.document });
    return result.value.counts;
  }
}
