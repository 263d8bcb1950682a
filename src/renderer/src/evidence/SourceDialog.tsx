// New source / Edit source: its name, kind, reliability on the library's scheme (each level
// with its meaning), the reason for that reliability, and notes. A new source made from a
// document's list becomes one of that document's default sources.
import { useId, useState } from 'react';
import type { EvidenceSource, SourceKind } from '../../../shared/evidence';
import { SOURCE_KINDS } from '../../../shared/evidence';
import { useClient } from '../app/stores';
import { dialogStyles, FormFooter, Modal } from '../ui/Dialogs';
import { LevelChoice } from './LevelChoice';
import { useEvidence, useEvidenceStore } from './use-evidence';
import styles from './Evidence.module.css';

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  outlet: 'Outlet',
  official: 'Official',
  person: 'Person',
  group: 'Group',
  document: 'Document',
  other: 'Other',
};

interface SourceDialogProps {
  source: EvidenceSource | null;
  /** A new source becomes a default source of this document. */
  documentId: string | null;
  onClose: () => void;
  onSaved: (source: EvidenceSource) => void;
}

export function SourceDialog({ source, documentId, onClose, onSaved }: SourceDialogProps) {
  const ids = useId();
  const client = useClient();
  const store = useEvidenceStore();
  const scheme = useEvidence((state) => state.scheme);
  const documentSourceIds = useEvidence((state) => state.documentSourceIds);
  const [name, setName] = useState(source?.name ?? '');
  const [kind, setKind] = useState<SourceKind>(source?.kind ?? 'outlet');
  const [reliability, setReliability] = useState(source?.reliability ?? '');
  const [reason, setReason] = useState(source?.reliabilityReason ?? '');
  const [notes, setNotes] = useState(source?.notes ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const save = async () => {
    setBusy(true);
    const fields = { name: name.trim(), kind, reliability, reliabilityReason: reason, notes };
    const result = await client.saveSource(source ? { id: source.id, ...fields } : fields);
    if (result.ok && !source && documentId) {
      const sourceIds = [...documentSourceIds, result.value.id];
      const set = await client.setDocumentSources({ documentId, sourceIds });
      if (!set.ok) setError(set.error.message);
    }
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    await store.refreshAfter(['sources', 'claims']);
    onSaved(result.value);
  };
  const title = source ? 'Edit source' : 'New source';
  return (
    <Modal labelledBy={`${ids}-title`} onCancel={onClose} busy={busy} wide>
      <form
        className={dialogStyles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 id={`${ids}-title`}>{title}</h2>
        {!source && documentId && <p className={dialogStyles.hint}>It becomes one of the open document's sources.</p>}
        <label className={dialogStyles.field}>
          Name
          <input
            autoFocus
            maxLength={300}
            value={name}
            placeholder="Libya's Channel"
            onChange={(event) => setName(event.currentTarget.value)}
          />
        </label>
        <label className={dialogStyles.field}>
          Kind
          <select value={kind} onChange={(event) => setKind(event.currentTarget.value as SourceKind)}>
            {SOURCE_KINDS.map((option) => (
              <option key={option} value={option}>
                {SOURCE_KIND_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
        <LevelChoice legend="Reliability" levels={scheme.reliability} value={reliability} onChange={setReliability} />
        <label className={dialogStyles.field}>
          Why this reliability
          <textarea
            className={styles.statement}
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
          />
        </label>
        <label className={dialogStyles.field}>
          Notes
          <textarea
            className={styles.statement}
            rows={3}
            maxLength={20000}
            value={notes}
            onChange={(event) => setNotes(event.currentTarget.value)}
          />
        </label>
        <FormFooter
          error={error}
          busy={busy}
          canSubmit={name.trim() !== ''}
          submitLabel={source ? 'Save' : 'Add source'}
          busyLabel="Saving…"
          onCancel={onClose}
        />
      </form>
    </Modal>
  );
}
