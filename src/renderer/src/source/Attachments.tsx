// A message's attachments in the Source panel: name, type, size and SHA-256 of each, and an
// Import button that makes a supported one a document of its own and opens it, under the same
// progress bar and Cancel import as a chosen file (an encrypted PDF asks for its password
// first, as a chosen file does); once imported, the attachment links to its document instead.
import type { AttachmentInfo, DocumentSource } from '../../../shared/model';
import { formatSize, isImportableName } from '../../../shared/provenance-labels';
import { useStore } from '../app/store';
import { useStores } from '../app/stores';
import { importAttachment } from '../library/import-files';
import { importingAttachment, importProgress } from '../library/import-progress';
import { Fact, Facts, Hash } from './facts';
import styles from './SourcePanel.module.css';

function AttachmentAction({
  documentId,
  attachment,
  importedAs,
  onImported,
}: {
  documentId: string;
  attachment: AttachmentInfo;
  importedAs: string | undefined;
  onImported: () => Promise<void>;
}) {
  const stores = useStores();
  // From the window's imports, not this button's state: the panel closed and opened again
  // while the import runs still shows it running, and cannot start it twice.
  const busy = useStore(importProgress, (state) => importingAttachment(state.jobs, documentId, attachment.index));
  const name = attachment.fileName;
  if (importedAs !== undefined) {
    return (
      <button type="button" className="button" onClick={() => void stores.session.openDocument(importedAs)}>
        Open {name}
      </button>
    );
  }
  if (!isImportableName(name)) return <p className={styles.plain}>Marginalia can't import this type of file.</p>;
  const run = async () => {
    const outcome = await importAttachment(stores, { documentId, index: attachment.index, fileName: name });
    if (outcome?.outcome === 'imported' || outcome?.outcome === 'existing') await onImported();
  };
  return (
    <button type="button" className="button button--primary" disabled={busy} onClick={() => void run()}>
      {busy ? `Importing ${name}…` : `Import ${name}`}
    </button>
  );
}

export function Attachments({
  source,
  attachments,
  onImported,
}: {
  source: DocumentSource;
  attachments: readonly AttachmentInfo[];
  onImported: () => Promise<void>;
}) {
  const importedAs = (index: number) => source.importedAttachments?.find((item) => item.index === index)?.documentId;
  return (
    <section aria-labelledby="source-attachments" className={styles.section}>
      <h3 id="source-attachments">Attachments</h3>
      <ul className={styles.attachments} aria-label="Attachments">
        {attachments.map((attachment) => (
          <li key={attachment.index} className={styles.attachment}>
            <strong className={styles.name}>{attachment.fileName}</strong>
            <Facts>
              <Fact label="Type" value={attachment.mimeType} />
              <Fact label="Size" value={formatSize(attachment.size)} />
              <Hash label="SHA-256" value={attachment.sha256} name={attachment.fileName} />
            </Facts>
            <AttachmentAction
              documentId={source.id}
              attachment={attachment}
              importedAs={importedAs(attachment.index)}
              onImported={onImported}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
