// Grade annotation: the annotation's own sources (none: its document's apply) and the
// credibility of what it says, on the library's scheme with each level's meaning.
import { useState } from 'react';
import { useClient } from '../app/stores';
import { dialogStyles } from '../ui/Dialogs';
import { EvidenceFormDialog } from './EvidenceFormDialog';
import { LevelChoice } from './LevelChoice';
import { sourcesOf } from './grades';
import { useEvidence } from './use-evidence';
import styles from './Evidence.module.css';

interface GradeDialogProps {
  annotationId: string;
  quote: string;
  onClose: () => void;
}

export function GradeDialog({ annotationId, quote, onClose }: GradeDialogProps) {
  const client = useClient();
  const scheme = useEvidence((state) => state.scheme);
  const sources = useEvidence((state) => state.sources) ?? [];
  const documentSourceIds = useEvidence((state) => state.documentSourceIds);
  const grade = useEvidence((state) => state.grades.get(annotationId));
  const [sourceIds, setSourceIds] = useState<string[]>(grade?.sourceIds ?? []);
  const [credibility, setCredibility] = useState(grade?.credibility ?? '');
  const defaults = sourcesOf(undefined, documentSourceIds, sources);
  const toggle = (id: string, on: boolean) =>
    setSourceIds((current) => (on ? [...current, id] : current.filter((other) => other !== id)));
  return (
    <EvidenceFormDialog
      title="Grade annotation"
      about={`“${quote}”`}
      wide
      submitLabel="Save grade"
      busyLabel="Saving…"
      canSubmit
      send={() => client.gradeAnnotation({ annotationId, sourceIds, credibility })}
      touches={['grades', 'claims']}
      onDone={onClose}
      onClose={onClose}
    >
      <fieldset>
        <legend>Its own sources</legend>
        <p className={dialogStyles.hint}>
          {defaults.length > 0
            ? `None checked: the document's sources apply (${defaults.map((source) => source.name).join('; ')}).`
            : 'None checked: the document’s sources apply (it has none yet; set them in the Sources panel).'}
        </p>
        {sources.length === 0 && <p className={dialogStyles.hint}>The library has no sources yet.</p>}
        <div className={styles.checks}>
          {sources.map((source) => (
            <label key={source.id} className={styles.choice}>
              <input
                type="checkbox"
                checked={sourceIds.includes(source.id)}
                onChange={(event) => toggle(source.id, event.currentTarget.checked)}
              />
              <span>
                {source.name}
                {source.reliability && <span className={styles.code}> {source.reliability}</span>}
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <LevelChoice legend="Credibility" levels={scheme.credibility} value={credibility} onChange={setCredibility} />
    </EvidenceFormDialog>
  );
}
