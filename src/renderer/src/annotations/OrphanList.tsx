// The Annotations panel's orphans: annotations whose text is gone, with their old quote,
// each ready to be re-attached to a new selection or deleted.
import type { Annotation } from '../../../shared/annotations';
import { annotationLabel } from '../../../shared/annotations';
import type { AnnotationController } from './controller';
import styles from './AnnotationsPanel.module.css';
import panel from '../ui/Panel.module.css';

export function OrphanList({ orphans, controller }: { orphans: Annotation[]; controller: AnnotationController }) {
  if (orphans.length === 0) return null;
  return (
    <section className={styles.orphans} aria-labelledby="orphans-heading">
      <h3 id="orphans-heading">Orphaned annotations</h3>
      <p className={panel.hint}>Their text changed or was removed. Re-attach one to a new selection, or delete it.</p>
      <ul aria-label="Orphaned annotations">
        {orphans.map((annotation) => {
          const reattaching = controller.reattachId === annotation.id;
          return (
            <li key={annotation.id} className={styles.orphan}>
              <blockquote>{annotationLabel(annotation, 400)}</blockquote>
              {annotation.note.text && <p className={styles.note}>{annotation.note.text}</p>}
              <div className={styles.orphanActions}>
                <button
                  type="button"
                  className="button"
                  aria-pressed={reattaching}
                  onClick={() => controller.setReattachId(reattaching ? null : annotation.id)}
                >
                  Re-attach
                </button>
                <button type="button" className="button" onClick={() => void controller.remove([annotation.id])}>
                  Delete
                </button>
              </div>
              {reattaching && (
                <p role="status" className={panel.hint}>
                  Select the text in the reader, then choose “Attach here”.
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
