// New source / Edit source: its name, kind, reliability on the library's scheme (each level
// with its meaning), the reason for that reliability, and notes. A new source made from a
// document's list becomes one of that document's default sources.
import { useState } from 'react';
import type { EvidenceSource, SourceKind } from '../../../shared/evidence';
import { SOURCE_KINDS } from '../../../shared/evidence';
import type { SaveSourceRequest } from '../../../shared/evidence-contract';
import type { Result } from '../../../shared/result';
import { notifyFailure } from '../app/notifications/store';
import { useClient } from '../app/stores';
import { dialogStyles } from '../ui/Dialogs';
import { EvidenceFormDialog } from './EvidenceFormDialog';
import { LevelChoice } from './LevelChoice';
import { useEvidence } from './use-evidence';
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

type Client = ReturnType<typeof useClient>;

/**
 * Saves the source and, when it is new and made from a document's list, adds it to that
 * document's sources. The source is kept when that second step is refused: it is said then.
 */
async function saveSource(
  client: Client,
  fields: Omit<SaveSourceRequest, 'id'>,
  target: { source: EvidenceSource | null; documentId: string | null; documentSourceIds: string[] },
): Promise<Result<EvidenceSource>> {
  const { source, documentId, documentSourceIds } = target;
  const saved = await client.saveSource(source ? { id: source.id, ...fields } : fields);
  if (saved.ok && !source && documentId) {
    const sourceIds = [...documentSourceIds, saved.value.id];
    const set = await client.setDocumentSources({ documentId, sourceIds });
    if (!set.ok) notifyFailure(`Couldn't make “${saved.value.name}” a source of the document`, set.error.message);
  }
  return saved;
}

export function SourceDialog({ source, documentId, onClose, onSaved }: SourceDialogProps) {
  const client = useClient();
  const scheme = useEvidence((state) => state.scheme);
  const documentSourceIds = useEvidence((state) => state.documentSourceIds);
  const [name, setName] = useState(source?.name ?? '');
  const [kind, setKind] = useState<SourceKind>(source?.kind ?? 'outlet');
  const [reliability, setReliability] = useState(source?.reliability ?? '');
  const [reason, setReason] = useState(source?.reliabilityReason ?? '');
  const [notes, setNotes] = useState(source?.notes ?? '');
  const fields = { name: name.trim(), kind, reliability, reliabilityReason: reason, notes };
  return (
    <EvidenceFormDialog
      title={source ? 'Edit source' : 'New source'}
      wide
      submitLabel={source ? 'Save' : 'Add source'}
      busyLabel="Saving…"
      canSubmit={name.trim() !== ''}
      send={() => saveSource(client, fields, { source, documentId, documentSourceIds })}
      touches={['sources', 'claims']}
      onDone={onSaved}
      onClose={onClose}
    >
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
    </EvidenceFormDialog>
  );
}
