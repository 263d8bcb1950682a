// A message's attachments in the Source panel: name, type, size and SHA-256 of each, and an
// Import button that makes a supported one a document of its own and opens it (an encrypted
// PDF asks for its password first, as a chosen file does); once imported, the attachment
// links to its document instead.
import { useState } from 'react';
import type { AttachmentInfo, DocumentSource } from '../../../shared/model';
import { formatSize, isImportableName } from '../../../shared/provenance-labels';
import { notifications, reportFailure } from '../app/notifications/store';
import { useStores } from '../app/stores';
import { cancelledText } from '../library/import-report';
import { withPassword } from '../library/password-prompt';
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
  const { client, session } = useStores();
  const [busy, setBusy] = useState(false);
  const name = attachment.fileName;
  if (importedAs !== undefined) {
    return (
      <button type="button" className="button" onClick={() => void session.openDocument(importedAs)}>
        Open {name}
      </button>
    );
  }
  if (!isImportableName(name)) return <p className={styles.plain}>Marginalia can't import this type of file.</p>;
  const run = async () => {
    setBusy(true);
    try {
      // An encrypted PDF asks for its password in the same dialog as a file chosen to import.
      const result = await withPassword(name, (password) =>
        client.importAttachment({
          documentId,
          index: attachment.index,
          ...(password === undefined ? {} : { password }),
        }),
      );
      if (result === 'cancelled') return notifications.notify(cancelledText(name), 'info');
      if (!result.ok) return reportFailure(`Couldn't import ${name}`, result.error);
      notifications.notify(
        result.value.created
          ? `Imported ${name}.`
          : `${name} is already in the library as “${result.value.document.title}”.`,
      );
      await session.refreshLibrary();
      await onImported();
      await session.openDocument(result.value.document.id);
    } finally {
      setBusy(false);
    }
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
