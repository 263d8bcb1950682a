// Sharing notes as a signed bundle, and importing someone else's: the share dialog picks
// documents and what to include; the import dialog shows who signed the bundle and what
// it would change before anything is written.
import { useCallback, useEffect, useId, useState } from 'react';
import type { BundlePlan, DocumentChoice } from '../../../shared/bundles';
import type { MarginaliaClient } from '../../../shared/contract';
import type { DocumentSummary } from '../../../shared/model';
import { countOf } from '../../../shared/plural';
import { reportFailure } from '../app/notifications/store';
import { downloadBase64 } from '../ui/files';
import { FormFooter, Modal, dialogStyles } from '../ui/Dialogs';
import { DocumentPicker } from '../ui/DocumentPicker';
import { ImportPlan, SignerLine } from './ImportPlan';

interface ShareNotesDialogProps {
  client: MarginaliaClient;
  documents: readonly DocumentSummary[];
  currentId: string | null;
  onClose: () => void;
  onShared: (summary: string) => void;
}

/** The fingerprint of the key that signs bundles, said in the dialog so a reviewer can check it. */
function useFingerprint(client: MarginaliaClient): string {
  const [fingerprint, setFingerprint] = useState('');
  useEffect(() => {
    void client.getIdentity({}).then((result) => {
      if (result.ok) setFingerprint(result.value.fingerprint);
      else reportFailure("Couldn't read your signing key", result.error);
    });
  }, [client]);
  return fingerprint;
}

interface ShareRequest {
  documentIds: string[];
  tag: string;
  includeSources: boolean;
  reviewOnly: boolean;
}

/** Builds and downloads the bundle; says what it holds, or why it failed. */
function useShare(client: MarginaliaClient, onShared: (summary: string) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const share = useCallback(
    async ({ documentIds, tag, includeSources, reviewOnly }: ShareRequest) => {
      if (documentIds.length === 0) return;
      setBusy(true);
      setError('');
      const result = await client.exportBundle({ documentIds, ...(tag ? { tag } : {}), includeSources, reviewOnly });
      setBusy(false);
      if (!result.ok) return setError(result.error.message);
      const { fileName, dataBase64, counts } = result.value;
      try {
        downloadBase64(fileName, dataBase64, 'application/zip');
      } catch (failure) {
        return setError(failure instanceof Error ? failure.message : String(failure));
      }
      onShared(
        `Shared “${fileName}”: ${countOf(counts.annotations, 'annotation')}, ${countOf(counts.replies, 'reply', 'replies')}.`,
      );
    },
    [client, onShared],
  );
  return { busy, error, share };
}

export function ShareNotesDialog({ client, documents, currentId, onClose, onShared }: ShareNotesDialogProps) {
  const ids = useId();
  const [selected, setSelected] = useState<string[]>(currentId ? [currentId] : []);
  const [tag, setTag] = useState('');
  const [includeSources, setIncludeSources] = useState(true);
  const [reviewOnly, setReviewOnly] = useState(false);
  const fingerprint = useFingerprint(client);
  const { busy, error, share } = useShare(client, onShared);
  const ordered = documents.filter((doc) => selected.includes(doc.id)).map((doc) => doc.id);
  return (
    <Modal labelledBy={`${ids}-title`} onCancel={onClose} busy={busy} wide>
      <h2 id={`${ids}-title`}>Share notes</h2>
      <form
        className={dialogStyles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void share({ documentIds: ordered, tag: tag.trim(), includeSources, reviewOnly });
        }}
      >
        <p className={dialogStyles.hint}>
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
          <label className={dialogStyles.field}>
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
    </Modal>
  );
}

interface ImportNotesDialogProps {
  client: MarginaliaClient;
  fileName: string;
  dataBase64: string;
  onClose: () => void;
  onImported: (plan: BundlePlan) => void;
}

/** Reads the bundle's plan (again once the person allows an unsigned one); nothing is written yet. */
function usePreview(client: MarginaliaClient, dataBase64: string, allowUnsigned: boolean) {
  const [plan, setPlan] = useState<BundlePlan | null>(null);
  const [error, setError] = useState('');
  const [unsigned, setUnsigned] = useState(false);
  const [busy, setBusy] = useState(true);
  useEffect(() => {
    setBusy(true);
    void client.previewBundle({ dataBase64, allowUnsigned }).then((result) => {
      setBusy(false);
      setPlan(result.ok ? result.value : null);
      setError(result.ok ? '' : result.error.message);
      if (!result.ok) setUnsigned(result.error.message.startsWith('This bundle is not signed'));
    });
  }, [client, dataBase64, allowUnsigned]);
  return { plan, error, setError, unsigned, busy, setBusy };
}

export function ImportNotesDialog({ client, fileName, dataBase64, onClose, onImported }: ImportNotesDialogProps) {
  const ids = useId();
  const [allowUnsigned, setAllowUnsigned] = useState(false);
  const [choices, setChoices] = useState<Record<string, DocumentChoice>>({});
  const { plan, error, setError, unsigned, busy, setBusy } = usePreview(client, dataBase64, allowUnsigned);
  const copies = Object.entries(choices).flatMap(([id, choice]) => (choice === 'copy' ? [id] : []));
  const importNow = async () => {
    setBusy(true);
    const result = await client.importBundle({ dataBase64, allowUnsigned, ...(copies.length > 0 ? { copies } : {}) });
    setBusy(false);
    if (result.ok) onImported(result.value);
    else setError(result.error.message);
  };
  return (
    <Modal labelledBy={`${ids}-title`} onCancel={onClose} busy={busy && plan !== null} wide>
      <h2 id={`${ids}-title`}>Import notes</h2>
      <p className={dialogStyles.body}>{fileName}</p>
      {plan && <SignerLine signer={plan.signer} />}
      {plan && (
        <ImportPlan
          plan={plan}
          choices={choices}
          onChoose={(id, choice) => setChoices((current) => ({ ...current, [id]: choice }))}
        />
      )}
      {error && (
        <p className={dialogStyles.error} role="alert">
          {error}
        </p>
      )}
      {unsigned && (
        <label className={dialogStyles.check}>
          <input type="checkbox" checked={allowUnsigned} onChange={(event) => setAllowUnsigned(event.target.checked)} />{' '}
          Import it anyway: I trust where this unsigned bundle came from
        </label>
      )}
      <div className={dialogStyles.actions}>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={!plan || busy}
          onClick={() => void importNow()}
        >
          Import
        </button>
      </div>
    </Modal>
  );
}
