// The rows of the Source panel: a label and its value, a hash one can copy, and where the
// document came from, with the message it came in one click away.
import type { ReactNode } from 'react';
import type { DocumentOrigin, DocumentSource } from '../../../shared/model';
import { originText } from '../../../shared/provenance-labels';
import { useSession, useStores } from '../app/stores';
import { notifications, reportFailure } from '../app/notifications/store';
import styles from './SourcePanel.module.css';

export function Facts({ children }: { children: ReactNode }) {
  return <dl className={styles.facts}>{children}</dl>;
}

/** One fact; nothing at all when the file did not say. */
export function Fact({ label, value, children }: { label: string; value?: string | undefined; children?: ReactNode }) {
  if (value === undefined && children === undefined) return null;
  return (
    <div className={styles.fact}>
      <dt>{label}</dt>
      <dd>{children ?? value}</dd>
    </div>
  );
}

/** A SHA-256 in monospace, broken in groups so it wraps evenly, with a Copy button. */
export function Hash({ label, value, name }: { label: string; value: string; name?: string }) {
  const groups = value.match(/.{1,8}/g) ?? [value];
  return (
    <Fact label={label}>
      <span className={styles.hash} data-testid="sha256">
        {groups.map((group, index) => (
          <span key={index}>{group}</span>
        ))}
      </span>
      <button
        type="button"
        className={`button ${styles.copy}`}
        aria-label={`Copy ${label}${name ? ` of ${name}` : ''}`}
        onClick={() => void copyText(value, label)}
      >
        Copy
      </button>
    </Fact>
  );
}

function MessageLink({ origin }: { origin: Extract<DocumentOrigin, { kind: 'attachment' }> }) {
  const { session } = useStores();
  const message = useSession((state) => state.documents?.find((doc) => doc.id === origin.documentId));
  const text = originText(origin, message?.title);
  if (!message) return <>{text}</>;
  return (
    <>
      {text}{' '}
      <button type="button" className="link-button" onClick={() => void session.openDocument(message.id)}>
        Open the e-mail
      </button>
    </>
  );
}

/** The other messages this same file came in, each one click away. */
export function AttachedToFact({ attachedTo }: { attachedTo: DocumentSource['attachedTo'] }) {
  const { session } = useStores();
  const documents = useSession((state) => state.documents);
  if (!attachedTo || attachedTo.length === 0) return null;
  return (
    <Fact label="Also attached to">
      <ul className={styles.links}>
        {attachedTo.map(({ documentId, attachmentName }) => {
          const message = documents?.find((doc) => doc.id === documentId);
          return (
            <li key={`${documentId}/${attachmentName}`}>
              {`The e-mail “${message?.title ?? documentId}”, as “${attachmentName}”`}{' '}
              {message && (
                <button type="button" className="link-button" onClick={() => void session.openDocument(documentId)}>
                  Open the e-mail
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </Fact>
  );
}

export function OriginFact({
  origin,
  originUrl,
  bundle,
}: {
  origin: DocumentOrigin;
  originUrl: string | undefined;
  bundle: DocumentSource['bundle'];
}) {
  return (
    <>
      <Fact label="Came from">
        {origin.kind === 'attachment' ? <MessageLink origin={origin} /> : originText(origin)}
        {bundle &&
          ` signed by ${bundle.signerName || 'an unnamed sender'} (key ${bundle.fingerprint || 'none: unsigned'})`}
      </Fact>
      {origin.kind === 'url' ? (
        // "Came from" names the address asked for; a redirect's end is the only other one worth a row.
        <Fact label="Redirected to" value={originUrl === origin.url ? undefined : originUrl} />
      ) : (
        <Fact label="Address" value={originUrl} />
      )}
    </>
  );
}

/** Copies a value and says so, or says why it could not. */
async function copyText(value: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(value);
    notifications.notify(`${what} copied.`);
  } catch (error) {
    reportFailure(`Couldn't copy the ${what}`, error);
  }
}
