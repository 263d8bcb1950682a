// The Sources panel: the library's sources with their reliability (add, edit, delete after a
// confirmation) and the open document's default sources, chosen from the list or made here.
import type { EvidenceSource, GradingScheme } from '../../../shared/evidence';
import { DELETE_ANYWAY } from '../../../shared/evidence';
import { reportFailure } from '../app/notifications/store';
import { useClient, useSession, useStores } from '../app/stores';
import panel from '../ui/Panel.module.css';
import { evidenceDialogs } from './dialogs';
import { levelOf } from './grades';
import type { Ownership } from './ownership';
import { useOwnership } from './ownership';
import { SOURCE_KIND_LABELS } from './SourceDialog';
import { TheirsNote } from './TheirsNote';
import { useEvidence, useEvidenceStore } from './use-evidence';
import styles from './Evidence.module.css';

function SourceActions({ source, onDelete }: { source: EvidenceSource; onDelete: () => void }) {
  return (
    <div className={styles.rowActions}>
      <button
        type="button"
        className={styles.action}
        aria-label={`Edit ${source.name}`}
        onClick={() => evidenceDialogs.show({ kind: 'source', source, documentId: null })}
      >
        Edit
      </button>
      <button type="button" className={styles.danger} aria-label={`Delete ${source.name}`} onClick={onDelete}>
        Delete
      </button>
    </div>
  );
}

function SourceRow({
  source,
  scheme,
  ownership,
}: {
  source: EvidenceSource;
  scheme: GradingScheme;
  ownership: Ownership;
}) {
  const { dialogs } = useStores();
  const client = useClient();
  const store = useEvidenceStore();
  const level = levelOf(scheme.reliability, source.reliability);
  const remove = async (force: boolean) => {
    const result = await client.deleteSource({ id: source.id, force });
    // Grades and documents still name it: ask again, naming them, before re-grading their passages.
    if (!result.ok && result.error.code === 'IN_USE')
      dialogs.confirm({
        title: `Delete “${source.name}” anyway?`,
        body: `${result.error.message.replace(DELETE_ANYWAY, '.')} Deleting it takes it off them, which changes their grades.`,
        confirmLabel: 'Delete anyway',
        onConfirm: () => void remove(true),
      });
    else if (!result.ok) reportFailure(`Couldn't delete “${source.name}”`, result.error.message);
    await store.refreshAfter(['sources', 'grades', 'claims']);
  };
  const confirmDelete = () =>
    dialogs.confirm({
      title: `Delete the source “${source.name}”?`,
      body: 'Documents and annotations that name it will no longer do so. Grades of other sources stay.',
      confirmLabel: 'Delete',
      onConfirm: () => void remove(false),
    });
  return (
    <li className={styles.sourceRow}>
      <div className={styles.sourceLine}>
        <span className={styles.sourceName}>{source.name}</span>
        {level ? (
          <span className={styles.grade} title={`${level.label}: ${level.description}`}>
            {level.code}
          </span>
        ) : (
          <span className={styles.ungraded}>not graded</span>
        )}
      </div>
      <p className={styles.sourceFacts}>
        {SOURCE_KIND_LABELS[source.kind]}
        {level ? ` · ${level.label}` : ''}
        {source.reliabilityReason ? ` · ${source.reliabilityReason}` : ''}
      </p>
      {source.notes && <p className={styles.sourceFacts}>{source.notes}</p>}
      {ownership.mine ? (
        <SourceActions source={source} onDelete={confirmDelete} />
      ) : (
        <TheirsNote ownership={ownership} noun="source" />
      )}
    </li>
  );
}

function DocumentSources({ documentId, title }: { documentId: string; title: string }) {
  const client = useClient();
  const store = useEvidenceStore();
  const sources = useEvidence((state) => state.sources) ?? [];
  const chosen = useEvidence((state) => state.documentSourceIds);
  const toggle = async (id: string, on: boolean) => {
    const sourceIds = on ? [...chosen, id] : chosen.filter((other) => other !== id);
    const result = await client.setDocumentSources({ documentId, sourceIds });
    if (!result.ok) reportFailure("Couldn't change the document's sources", result.error.message);
    await store.refreshAfter(['sources', 'claims']);
  };
  return (
    <section className={styles.section} aria-labelledby="document-sources-heading">
      <h3 id="document-sources-heading">Sources of this document</h3>
      <p className={panel.hint}>
        What “{title}” says comes from these unless an annotation names its own (Grade… on its card).
      </p>
      <fieldset className={styles.documentSources}>
        <legend className={styles.hidden}>Default sources of “{title}”</legend>
        {sources.map((source) => (
          <label key={source.id} className={styles.checkRow}>
            <input
              type="checkbox"
              checked={chosen.includes(source.id)}
              onChange={(event) => void toggle(source.id, event.currentTarget.checked)}
            />
            {source.name}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        className="button"
        onClick={() => evidenceDialogs.show({ kind: 'source', source: null, documentId })}
      >
        New source for this document…
      </button>
    </section>
  );
}

export function SourcesPanel() {
  const sources = useEvidence((state) => state.sources);
  const scheme = useEvidence((state) => state.scheme);
  const failure = useEvidence((state) => state.failures.sources ?? null);
  const current = useSession((state) => state.current);
  const ownershipOf = useOwnership();
  return (
    <section className={panel.panel} aria-labelledby="sources-heading">
      <div className={panel.header}>
        <h2 id="sources-heading">Sources</h2>
        <span className={panel.count}>{sources?.length ?? ''}</span>
      </div>
      <div className={styles.panelActions}>
        <button
          type="button"
          className="button"
          onClick={() => evidenceDialogs.show({ kind: 'source', source: null, documentId: null })}
        >
          New source…
        </button>
      </div>
      {failure !== null && sources === null && <p className={panel.empty}>Couldn't load the sources: {failure}</p>}
      {sources?.length === 0 && (
        <p className={panel.empty}>
          Who said it: an outlet, an official, “residents”. Sources are graded for reliability ({scheme.name} scheme)
          and reused across documents.
        </p>
      )}
      <ul className={styles.rows} aria-label="Sources">
        {(sources ?? []).map((source) => (
          <SourceRow key={source.id} source={source} scheme={scheme} ownership={ownershipOf(source.authorId)} />
        ))}
      </ul>
      {current && <DocumentSources documentId={current.id} title={current.title} />}
    </section>
  );
}
