// The list of library documents with a checkbox each, used by the dialogs that act on
// several documents at once (PDF export, sharing notes).
import { useEffect, useRef } from 'react';
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
  const list = useFirstTickedInView(documents.length);
  return (
    <ul className={styles.list} ref={list}>
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

/**
 * Scrolls the list, once, to its first ticked document when that stands below the list's fold:
 * the open document, ticked, may be the tenth of a long library, and the rows in view were all
 * unticked (trial). Tried after the next frame, once the dialog holding the list is shown and
 * laid out, and again while the documents are still arriving.
 */
function useFirstTickedInView(documentCount: number) {
  const list = useRef<HTMLUListElement>(null);
  const done = useRef(false);
  useEffect(() => {
    if (done.current) return undefined;
    const frame = requestAnimationFrame(() => {
      done.current = scrollToFirstTicked(list.current);
    });
    return () => cancelAnimationFrame(frame);
  }, [documentCount]);
  return list;
}

/** Whether the list is laid out with a ticked document, which is now in view. */
function scrollToFirstTicked(list: HTMLUListElement | null): boolean {
  const item = list?.querySelector('input:checked')?.closest('li');
  if (!list || !item || list.clientHeight === 0) return false;
  const offset = item.getBoundingClientRect().top - list.getBoundingClientRect().top;
  if (offset < 0 || offset + item.offsetHeight > list.clientHeight) list.scrollTop += offset;
  return true;
}
