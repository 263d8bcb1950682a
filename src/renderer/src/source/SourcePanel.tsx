// The Source panel: where the open document came from, as getDocumentSource keeps it: the
// original file, its SHA-256, origin, dates, importer, pages, OCR and a message's headers and
// attachments, each attachment one action away from being a document of its own.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentSource, DocumentSummary } from '../../../shared/model';
import { formatDate } from '../../../shared/dates';
import { originalDateLabel } from '../../../shared/document-labels';
import { appReadAgain, lowConfidenceHint } from '../../../shared/ocr-confidence-hint';
import { formatSize, ocrText, typeName } from '../../../shared/provenance-labels';
import { useSession, useStores } from '../app/stores';
import panel from '../ui/Panel.module.css';
import { Attachments } from './Attachments';
import { AttachedToFact, Fact, Facts, Hash, OriginFact } from './facts';
import styles from './SourcePanel.module.css';

// In UTC, and saying so: the times a source carries read the same here, on the exported
// cover and on every computer, so a message's Date is never shifted unannounced.
const when = (iso: string | undefined): string | undefined =>
  iso === undefined || iso === '' ? undefined : formatDate(iso, 'day-utc-minute');

/** The source of the open document, fetched again when the document or the library changes. */
function useDocumentSource(documentId: string | null, documents: readonly DocumentSummary[] | null) {
  const { client } = useStores();
  const [source, setSource] = useState<DocumentSource | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // The document shown now: an answer for one shown before (an attachment's import opens its
  // new document while the message's reload is on its way) must not replace it.
  const shown = useRef(documentId);
  shown.current = documentId;
  const load = useCallback(async () => {
    if (documentId === null) return;
    const result = await client.getDocumentSource({ id: documentId });
    if (shown.current !== documentId) return;
    if (result.ok) {
      setSource(result.value);
      setFailed(null);
    } else setFailed(result.error.message);
  }, [client, documentId]);
  useEffect(() => {
    setSource(null);
    void load();
  }, [load, documents]);
  return { source: source?.id === documentId ? source : null, failed, reload: load };
}

function Headers({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers).filter(([, value]) => value.trim() !== '');
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="source-headers" className={styles.section}>
      <h3 id="source-headers">E-mail headers</h3>
      <dl className={styles.facts}>
        {entries.map(([name, value]) => (
          <Fact key={name} label={name} value={value} />
        ))}
      </dl>
    </section>
  );
}

function NoProvenance({ source }: { source: DocumentSource }) {
  return (
    <p className={styles.plain}>
      {source.bundle
        ? `This document came in a note bundle signed by ${source.bundle.signerName || 'an unnamed sender'}` +
          (source.bundle.fingerprint ? ` (key ${source.bundle.fingerprint})` : '') +
          '. The bundle did not say where its original came from.'
        : 'This document was imported before Marginalia kept where documents came from, so its original file, origin and import details were not recorded.'}
    </p>
  );
}

/** A scan read poorly in one language may be in the other: said once, with how to read it again (not for a bundle's copy). */
function LowConfidence({ source }: { source: DocumentSource }) {
  const ocr = source.provenance?.ocr;
  const hint = ocr && !source.bundle ? lowConfidenceHint('This document', ocr, appReadAgain) : undefined;
  return hint === undefined ? null : <p className={styles.plain}>{hint}</p>;
}

function SourceDetails({ source, onImported }: { source: DocumentSource; onImported: () => Promise<void> }) {
  const provenance = source.provenance;
  if (!provenance) return <NoProvenance source={source} />;
  const pages = provenance.pageCount;
  return (
    <>
      {source.bundle && provenance.shared && (
        <p className={styles.plain}>As the note bundle describes the original: the sender's claim, not checked here.</p>
      )}
      <Facts>
        <Fact label="File" value={provenance.fileName} />
        <Fact label="Type" value={typeName(provenance.sourceType)} />
        <Fact label="Size" value={formatSize(provenance.size)} />
        <Hash label="SHA-256" value={provenance.sha256} />
        <OriginFact origin={provenance.origin} originUrl={provenance.originUrl} bundle={source.bundle} />
        <AttachedToFact attachedTo={source.attachedTo} />
        <Fact label={originalDateLabel(provenance.sourceType)} value={when(provenance.createdAt)} />
        {/* The fetch time: which version of the page (or file at that address) the text is. */}
        <Fact label="Fetched" value={when(provenance.capturedAt)} />
        <Fact label="Imported" value={when(provenance.importedAt)} />
        <Fact label="Importer" value={provenance.importer} />
        <Fact label="Pages" value={pages === undefined ? undefined : String(pages)} />
        <Fact label="Author" value={provenance.author} />
        <Fact label="Text" value={provenance.ocr ? ocrText(provenance.ocr) : undefined} />
        <Fact
          label="Comments"
          value={
            provenance.notes?.length
              ? `${provenance.notes.length} in the file, shown as margin notes where their text was found`
              : undefined
          }
        />
      </Facts>
      <LowConfidence source={source} />
      {provenance.headers && <Headers headers={provenance.headers} />}
      {provenance.attachments && provenance.attachments.length > 0 && (
        <Attachments source={source} attachments={provenance.attachments} onImported={onImported} />
      )}
    </>
  );
}

export function SourcePanel() {
  const documentId = useSession((state) => state.current?.id ?? null);
  const documents = useSession((state) => state.documents);
  const { source, failed, reload } = useDocumentSource(documentId, documents);
  return (
    <section className={`${panel.panel} ${styles.source}`} aria-labelledby="source-heading">
      <div className={panel.header}>
        <h2 id="source-heading">Source</h2>
      </div>
      {documentId === null && <p className={panel.empty}>Open a document to see where it came from.</p>}
      {failed !== null && <p className={panel.empty}>Couldn't read this document's source: {failed}</p>}
      {source && <SourceDetails source={source} onImported={reload} />}
    </section>
  );
}
