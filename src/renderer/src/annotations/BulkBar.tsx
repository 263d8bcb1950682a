// The bar over the Annotations panel's ticked annotations: tag, recolor or delete them together.
import { HIGHLIGHT_COLORS } from '../../../shared/annotations';
import { TagInput } from '../tags/TagInput';
import { ColorSwatches, colorName } from './ColorSwatches';
import type { AnnotationController } from './controller';
import styles from './AnnotationsPanel.module.css';

interface BulkBarProps {
  ids: string[];
  controller: AnnotationController;
  onConfirmDelete: (count: number, confirm: () => void) => void;
  report: (title: string, message: string) => void;
  /** Unticks them all (after they are deleted). */
  onCleared: () => void;
}

export function BulkBar({ ids, controller, onConfirmDelete, report, onCleared }: BulkBarProps) {
  return (
    <div className={styles.bulkBar} role="region" aria-label="Selected annotations">
      <p>{ids.length} selected</p>
      <TagInput
        tags={controller.tags}
        exclude={[]}
        label="Tag selected annotations"
        onAdd={(path) => void controller.bulk(ids, { addTags: [path] })}
        onInvalid={(message) => report("Couldn't add the tag", message)}
      />
      <ColorSwatches
        label="Recolor selected annotations"
        colors={HIGHLIGHT_COLORS}
        nameFor={(color) => `Recolor ${colorName(color).toLowerCase()}`}
        onPick={(color) => color && void controller.bulk(ids, { color })}
      />
      <button
        type="button"
        className="button button--danger"
        onClick={() =>
          onConfirmDelete(ids.length, () => {
            void controller.remove(ids);
            onCleared();
          })
        }
      >
        Delete selected
      </button>
    </div>
  );
}
