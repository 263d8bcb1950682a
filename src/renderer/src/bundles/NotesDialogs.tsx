// Sharing notes as a signed bundle, and importing someone else's: the share dialog picks
// documents and what to include; the import dialog shows who signed the bundle and what
// it would change before anything is written.
import { useEffect, useId, useState } from 'react';
import type { BundlePlan, BundlePlanDocument, DocumentChoice } from '../../../shared/bundles';
import { DOCUMENT_CHOICE_TEXT, differingVersions, refusedSummary } from '../../../shared/bundles';
import type { MarginaliaClient } from '../../../shared/contract';
import type { DocumentSummary } from '../../../shared/model';
import { countOf } from '../../../shared/plural';
import { downloadBase64 } from '../ui/files';
import { FormFooter, useModal } from '../ui/Dialogs';
import { DocumentPicker } from '../ui/DocumentPicker';

interface ShareNotesDialogProps {
  client: MarginaliaClient;
  documents: readonly DocumentSummary[];
  currentId: string | null;
  onClose: () => void;
  onShared: (summary: string) => void;
}

export function ShareNotesDialog({ client, documents, currentId, onClose, onShared }: ShareNotesDialogProps) {
  const ids = useId();
  const [selected, setSelected] = useState<string[]>(currentId ? [currentId] : []);
  const [tag, setTag] = useState('');
  const [includeSources, setIncludeSources] = useState(true);
  const [reviewOnly, setReviewOnly] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const ref = useModal(onClose, busy);

  useEffect(() => {
    void client.getIdentity({}).then((result) => {
      if (result.ok) setFingerprint(result.value.fingerprint);
    });
  }, [client]);

  const ordered = documents.filter((doc) => selected.includes(doc.id)).map((doc) => doc.id);
  return (
    <dialog ref={ref} className="dialog dialog--wide export-dialog" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Share notes</h2>
      <form
        className="export-dialog__form"
        onSubmit={(event) => {
          event.preventDefault();
          if (ordered.length === 0) return;
          setBusy(true);
          setError('');
          void client
            .exportBundle({
              documentIds: ordered,
              ...(tag.trim() ? { tag: tag.trim() } : {}),
              includeSources,
              reviewOnly,
            })
            .then((result) => {
              setBusy(false);
              if (!result.ok) {
                setError(result.error.message);
                return;
              }
              downloadBase64(result.value.fileName, result.value.dataBase64, 'application/zip');
              const { counts } = result.value;
              onShared(
                `Shared “${result.value.fileName}”: ${countOf(counts.annotations, 'annotation')}, ${countOf(counts.replies, 'reply', 'replies')}.`,
              );
            });
        }}
      >
        <p className="export-dialog__hint">
          The bundle is signed with your key{fingerprint ? ` (${fingerprint})` : ''}, so whoever imports it can check it
          came from you.
        </p>
        <fieldset disabled={busy}>
          <legend>Documents</legend>
          <DocumentPicker documents={documents} selected={selected} onChange={setSelected} />
        </fieldset>
        <fieldset disabled={busy}>
          <legend>What to include</legend>
          <label>
            <input
              type="checkbox"
              checked={includeSources}
              onChange={(event) => setIncludeSources(event.target.checked)}
            />{' '}
            The original files
          </label>
          <label>
            <input type="checkbox" checked={reviewOnly} onChange={(event) => setReviewOnly(event.target.checked)} />{' '}
            Only my review (my annotations and replies)
          </label>
          <label className="export-dialog__field">
            Only annotations tagged (with the tags below it)
            <input type="text" value={tag} placeholder="All tags" onChange={(event) => setTag(event.target.value)} />
          </label>
        </fieldset>
        <FormFooter
          error={error || undefined}
          busy={busy}
          canSubmit={ordered.length > 0}
          submitLabel="Save bundle"
          busyLabel="Sharing…"
          onCancel={onClose}
        />
      </form>
    </dialog>
  );
}

interface ImportNotesDialogProps {
  client: MarginaliaClient;
  fileName: string;
  dataBase64: string;
  onClose: () => void;
  onImported: (plan: BundlePlan) => void;
}

function planLines(plan: BundlePlan): string[] {
  const { annotations, replies } = plan;
  return [
    ...plan.documents.map((document) =>
      document.status === 'text differs'
        ? `Document (your text differs; ${differingVersions(document)}): ${document.title}`
        : `${document.status === 'new' ? 'New document' : 'Document'}: ${document.title}`,
    ),
    [
      `Annotations: ${annotations.added} new, ${annotations.updated} updated, ${annotations.unchanged} unchanged`,
      annotations.keptLocal ? `, ${annotations.keptLocal} kept as yours are` : '',
      annotations.deleted ? `, ${annotations.deleted} deleted` : '',
      annotations.orphaned ? `, ${annotations.orphaned} without a place in your text (orphaned)` : '',
    ].join(''),
    `Replies: ${replies.added} new, ${replies.updated} updated, ${replies.unchanged} unchanged`,
    ...plan.byAuthor.map(
      (author) =>
        `By ${author.name}: ${countOf(author.annotations, 'annotation')}, ${countOf(author.replies, 'reply', 'replies')}`,
    ),
    ...(plan.refused > 0 ? [refusedSummary(plan)] : []),
  ];
}

/** For a document whose text differs from mine: apply its notes to my copy, or add it beside mine. */
function DocumentChoiceField({
  document,
  choice,
  onChoose,
}: {
  document: BundlePlanDocument;
  choice: DocumentChoice;
  onChoose: (choice: DocumentChoice) => void;
}) {
  const name = useId();
  return (
    <fieldset className="bundle-choice">
      <legend>
        “{document.title}” differs from your copy
        {document.localTitle && document.localTitle !== document.title ? ` (“${document.localTitle}”)` : ''} (
        {differingVersions(document)})
      </legend>
      <p className="bundle-choice__hint">{DOCUMENT_CHOICE_TEXT.explanation}</p>
      <label>
        <input type="radio" name={name} checked={choice === 'merge'} onChange={() => onChoose('merge')} />{' '}
        {DOCUMENT_CHOICE_TEXT.merge}
      </label>
      <label>
        <input type="radio" name={name} checked={choice === 'copy'} onChange={() => onChoose('copy')} />{' '}
        {DOCUMENT_CHOICE_TEXT.copy}
      </label>
    </fieldset>
  );
}

export function ImportNotesDialog({ client, fileName, dataBase64, onClose, onImported }: ImportNotesDialogProps) {
  const ids = useId();
  const [plan, setPlan] = useState<BundlePlan | null>(null);
  const [error, setError] = useState('');
  const [unsigned, setUnsigned] = useState(false);
  const [allowUnsigned, setAllowUnsigned] = useState(false);
  const [busy, setBusy] = useState(true);
  const [choices, setChoices] = useState<Record<string, DocumentChoice>>({});
  const ref = useModal(onClose, busy && plan !== null);
  const copies = Object.entries(choices).flatMap(([id, choice]) => (choice === 'copy' ? [id] : []));

  useEffect(() => {
    setBusy(true);
    void client.previewBundle({ dataBase64, allowUnsigned }).then((result) => {
      setBusy(false);
      if (result.ok) {
        setPlan(result.value);
        setError('');
      } else {
        setPlan(null);
        setError(result.error.message);
        setUnsigned(result.error.message.startsWith('This bundle is not signed'));
      }
    });
  }, [client, dataBase64, allowUnsigned]);

  const signer = plan?.signer;
  return (
    <dialog ref={ref} className="dialog dialog--wide" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>Import notes</h2>
      <p className="dialog__body">{fileName}</p>
      {signer && (
        <p className={signer.signed ? 'bundle-signer' : 'bundle-signer bundle-signer--unsigned'} role="status">
          {signer.signed
            ? `Signed by ${signer.name} (${signer.fingerprint})`
            : `Not signed; it says it is from ${signer.name}`}
          {signer.signed &&
            (signer.known ? ' — a key you have imported from before.' : ' — the first time you see this key.')}
          {signer.claim && `. ${signer.claim}`}
        </p>
      )}
      {plan && (
        <ul className="bundle-plan" aria-label="What importing changes">
          {planLines(plan).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {plan?.documents
        .filter((document) => document.status === 'text differs')
        .map((document) => (
          <DocumentChoiceField
            key={document.bundleDocumentId}
            document={document}
            choice={choices[document.bundleDocumentId] ?? 'merge'}
            onChoose={(choice) => setChoices((current) => ({ ...current, [document.bundleDocumentId]: choice }))}
          />
        ))}
      {error && (
        <p className="export-dialog__error" role="alert">
          {error}
        </p>
      )}
      {unsigned && (
        <label className="bundle-trust">
          <input type="checkbox" checked={allowUnsigned} onChange={(event) => setAllowUnsigned(event.target.checked)} />{' '}
          Import it anyway: I trust where this unsigned bundle came from
        </label>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!plan || busy}
          onClick={() => {
            setBusy(true);
            void client
              .importBundle({ dataBase64, allowUnsigned, ...(copies.length > 0 ? { copies } : {}) })
              .then((result) => {
                setBusy(false);
                if (result.ok) onImported(result.value);
                else setError(result.error.message);
              });
          }}
        >
          Import
        </button>
      </div>
    </dialog>
  );
}
