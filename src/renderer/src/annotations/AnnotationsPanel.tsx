// The document's annotations as a list (reading order, newest, by tag or by color) with
// bulk selection for tagging, recoloring and deleting, and the orphaned annotations
// whose text is gone, each ready to be re-attached.
import { useMemo, useState } from 'react';
import type { Annotation } from '../../../shared/annotations';
import { annotationLabel } from '../../../shared/annotations';
import { HIGHLIGHT_PALETTE } from '../../../shared/palette';
import type { Order } from './annotation-order';
import { ORDER_LABELS, ordered } from './annotation-order';
import { BulkBar } from './BulkBar';
import type { AnnotationController } from './controller';
import { OrphanList } from './OrphanList';
import { AnnotationPageTag } from '../pages/PageTag';
import { authorsOf } from './queries';
import styles from './AnnotationsPanel.module.css';
import panel from '../ui/Panel.module.css';

interface AnnotationsPanelProps {
  controller: AnnotationController;
  onConfirmDelete: (count: number, confirm: () => void) => void;
  report: (title: string, message: string) => void;
}

export function AnnotationsPanel({ controller, onConfirmDelete, report }: AnnotationsPanelProps) {
  const [order, setOrder] = useState<Order>('position');
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const anchored = controller.visible.filter((annotation) => annotation.anchor.status !== 'orphan');
  const orphans = controller.annotations.filter((annotation) => annotation.anchor.status === 'orphan');
  const list = useMemo(() => ordered(anchored, order), [anchored, order]);
  const checkedIds = list.filter((annotation) => checked.has(annotation.id)).map((annotation) => annotation.id);

  const toggle = (id: string) =>
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className={panel.panel} aria-labelledby="annotations-heading">
      <div className={panel.header}>
        <h2 id="annotations-heading">Annotations</h2>
        <span className={panel.count}>{anchored.length}</span>
      </div>
      {controller.tagFilter && (
        <p className={panel.filter}>
          Showing tag <strong>{controller.tagFilter}</strong>{' '}
          <button type="button" className="link-button" onClick={() => controller.setTagFilter(null)}>
            Show all
          </button>
        </p>
      )}
      <ListControls controller={controller} order={order} onOrder={setOrder} />
      {checkedIds.length > 0 && (
        <BulkBar
          ids={checkedIds}
          controller={controller}
          onConfirmDelete={onConfirmDelete}
          report={report}
          onCleared={() => setChecked(new Set())}
        />
      )}
      {list.length === 0 && <p className={panel.empty}>Select text in the reader and press h to highlight it.</p>}
      <ul className={styles.list} aria-label="Annotations in this document">
        {list.map((annotation) => (
          <AnnotationItem
            key={annotation.id}
            annotation={annotation}
            controller={controller}
            checked={checked.has(annotation.id)}
            onToggle={() => toggle(annotation.id)}
          />
        ))}
      </ul>
      <OrphanList orphans={orphans} controller={controller} />
    </section>
  );
}

function ListControls({
  controller,
  order,
  onOrder,
}: {
  controller: AnnotationController;
  order: Order;
  onOrder: (order: Order) => void;
}) {
  // Worked out here, while the panel is open, not on every change to a document's annotations.
  const authors = useMemo(() => authorsOf(controller.annotations), [controller.annotations]);
  return (
    <div className={panel.controls}>
      <label>
        Order
        <select value={order} onChange={(event) => onOrder(event.currentTarget.value as Order)}>
          {(Object.keys(ORDER_LABELS) as Order[]).map((key) => (
            <option key={key} value={key}>
              {ORDER_LABELS[key]}
            </option>
          ))}
        </select>
      </label>
      {authors.length > 1 && (
        <label>
          Author
          <select
            value={controller.authorFilter ?? ''}
            onChange={(event) => controller.setAuthorFilter(event.currentTarget.value || null)}
          >
            <option value="">Everyone</option>
            {authors.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" className="button" onClick={() => void controller.createDocumentNote()}>
        Add document note
      </button>
    </div>
  );
}

function AnnotationItem({
  annotation,
  controller,
  checked,
  onToggle,
}: {
  annotation: Annotation;
  controller: AnnotationController;
  checked: boolean;
  onToggle: () => void;
}) {
  const selected = annotation.id === controller.selectedId;
  return (
    <li className={selected ? `${styles.item} ${styles.itemSelected}` : styles.item}>
      <input
        type="checkbox"
        aria-label={`Select “${annotationLabel(annotation, 40)}”`}
        checked={checked}
        onChange={onToggle}
      />
      <button
        type="button"
        className={styles.open}
        aria-current={selected ? 'true' : undefined}
        onClick={() => {
          controller.select(annotation.id);
          if (annotation.target) controller.scrollTo(annotation.target.position.start, annotation.target.position.end);
        }}
      >
        <span
          className={styles.quote}
          data-testid="annotation-quote"
          style={{ borderColor: HIGHLIGHT_PALETTE[annotation.color].swatch }}
        >
          {annotationLabel(annotation, 400)}
        </span>
        <AnnotationPageTag annotation={annotation} />
        {annotation.tags.length > 0 && <span className={styles.tags}>{annotation.tags.join(' · ')}</span>}
        {annotation.note.text && <span className={styles.note}>{annotation.note.text}</span>}
      </button>
    </li>
  );
}
