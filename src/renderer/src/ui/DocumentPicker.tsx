// The list of library documents with a checkbox each, used by the dialogs that act on
// several documents at once (PDF export, sharing notes).
import type { DocumentSummary } from '../../../shared/model';
import { countOf } from '../../../shared/plural';
import styles from './DocumentPicker.module.css';
import { distinguishingLabels } from './picker-labels';

export function DocumentPicker({
  documents,
  selected,
  onChange,
  annotationCounts,
}: {
  documents: readonly DocumentSummary[];
  selected: readonly string[];
  onChange: (update: (previous: string[]) => string[]) => void;
  /** Each document's annotation count, by id, said after its title (“Field notes — 12 annotations”). */
  annotationCounts?: Readonly<Record<string, number>>;
}) {
  // Two documents of one title are told apart by their files (and import dates).
  const labels = distinguishingLabels(documents);
  return (
    <ul className={styles.list}>
      {documents.map((doc) => (
        <li key={doc.id}>
          <label>
            <input
              type="checkbox"
              checked={selected.includes(doc.id)}
              onChange={(event) => {
                const checked = event.target.checked;
                onChange((previous) => (checked ? [...previous, doc.id] : previous.filter((id) => id !== doc.id)));
              }}
            />{' '}
            <span className={styles.title}>
              {doc.title}
              {labels.has(doc.id) && <span className={styles.detail}> ({labels.get(doc.id)})</span>}
            </span>
            {annotationCounts && (
              <span className={styles.count}> — {countOf(annotationCounts[doc.id] ?? 0, 'annotation')}</span>
            )}
          </label>
        </li>
      ))}
    </ul>
  );
}
