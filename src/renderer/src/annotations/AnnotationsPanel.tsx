// The document's annotations as a list (reading order, newest, by tag or by color) with
// bulk selection for tagging, recoloring and deleting, and the orphaned annotations
// whose text is gone, each ready to be re-attached.
import { useMemo, useState } from 'react';
import type { Annotation, HighlightColor } from '../../../shared/annotations';
import { HIGHLIGHT_COLORS, annotationLabel, compareByPosition } from '../../../shared/annotations';
import { HIGHLIGHT_PALETTE } from '../../../shared/palette';
import type { AnnotationController } from './controller';
import { TagInput } from '../tags/TagInput';

type Order = 'position' | 'time' | 'tag' | 'color';

const ORDER_LABELS: Record<Order, string> = {
  position: 'Reading order',
  time: 'Newest first',
  tag: 'By tag',
  color: 'By color',
};

function ordered(annotations: readonly Annotation[], order: Order): Annotation[] {
  const list = [...annotations];
  switch (order) {
    case 'position':
      return list.sort(compareByPosition);
    case 'time':
      return list.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    case 'tag':
      return list.sort(
        (a, b) => (a.tags[0] ?? '\uffff').localeCompare(b.tags[0] ?? '\uffff') || compareByPosition(a, b),
      );
    case 'color':
      return list.sort(
        (a, b) => HIGHLIGHT_COLORS.indexOf(a.color) - HIGHLIGHT_COLORS.indexOf(b.color) || compareByPosition(a, b),
      );
  }
}

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
    <section className="panel" aria-labelledby="annotations-heading">
      <div className="panel__header">
        <h2 id="annotations-heading">Annotations</h2>
        <span className="panel__count">{anchored.length}</span>
      </div>
      {controller.tagFilter && (
        <p className="panel__filter">
          Showing tag <strong>{controller.tagFilter}</strong>{' '}
          <button type="button" className="link-button" onClick={() => controller.setTagFilter(null)}>
            Show all
          </button>
        </p>
      )}
      <div className="panel__controls">
        <label>
          Order
          <select value={order} onChange={(event) => setOrder(event.currentTarget.value as Order)}>
            {(Object.keys(ORDER_LABELS) as Order[]).map((key) => (
              <option key={key} value={key}>
                {ORDER_LABELS[key]}
              </option>
            ))}
          </select>
        </label>
        {controller.authors.length > 1 && (
          <label>
            Author
            <select
              value={controller.authorFilter ?? ''}
              onChange={(event) => controller.setAuthorFilter(event.currentTarget.value || null)}
            >
              <option value="">Everyone</option>
              {controller.authors.map((author) => (
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
      {checkedIds.length > 0 && (
        <div className="bulk-bar" role="region" aria-label="Selected annotations">
          <p>{checkedIds.length} selected</p>
          <TagInput
            tags={controller.tags}
            exclude={[]}
            label="Tag selected annotations"
            onAdd={(path) => void controller.bulk(checkedIds, { addTags: [path] })}
            onInvalid={(message) => report("Couldn't add the tag", message)}
          />
          <span role="group" aria-label="Recolor selected annotations" className="bulk-bar__colors">
            {HIGHLIGHT_COLORS.map((color) => (
              <button
                key={color}
                type="button"
                className="note-card__color"
                aria-label={`Recolor ${HIGHLIGHT_PALETTE[color].label.toLowerCase()}`}
                style={{ background: HIGHLIGHT_PALETTE[color].swatch }}
                onClick={() => void controller.bulk(checkedIds, { color: color as HighlightColor })}
              />
            ))}
          </span>
          <button
            type="button"
            className="button button--danger"
            onClick={() =>
              onConfirmDelete(checkedIds.length, () => {
                void controller.remove(checkedIds);
                setChecked(new Set());
              })
            }
          >
            Delete selected
          </button>
        </div>
      )}
      {list.length === 0 && <p className="panel__empty">Select text in the reader and press h to highlight it.</p>}
      <ul className="annotation-list" aria-label="Annotations in this document">
        {list.map((annotation) => (
          <li
            key={annotation.id}
            className={
              annotation.id === controller.selectedId ? 'annotation-item annotation-item--selected' : 'annotation-item'
            }
          >
            <input
              type="checkbox"
              aria-label={`Select “${annotationLabel(annotation, 40)}”`}
              checked={checked.has(annotation.id)}
              onChange={() => toggle(annotation.id)}
            />
            <button
              type="button"
              className="annotation-item__open"
              onClick={() => {
                controller.select(annotation.id);
                if (annotation.target)
                  controller.scrollTo(annotation.target.position.start, annotation.target.position.end);
              }}
            >
              <span
                className="annotation-item__quote"
                style={{ borderColor: HIGHLIGHT_PALETTE[annotation.color].swatch }}
              >
                {annotationLabel(annotation, 400)}
              </span>
              {annotation.tags.length > 0 && (
                <span className="annotation-item__tags">{annotation.tags.join(' · ')}</span>
              )}
              {annotation.note.text && <span className="annotation-item__note">{annotation.note.text}</span>}
            </button>
          </li>
        ))}
      </ul>
      {orphans.length > 0 && (
        <section className="orphans" aria-labelledby="orphans-heading">
          <h3 id="orphans-heading">Orphaned annotations</h3>
          <p className="panel__hint">
            Their text changed or was removed. Re-attach one to a new selection, or delete it.
          </p>
          <ul aria-label="Orphaned annotations">
            {orphans.map((annotation) => (
              <li key={annotation.id} className="orphan">
                <blockquote>{annotationLabel(annotation, 400)}</blockquote>
                {annotation.note.text && <p className="annotation-item__note">{annotation.note.text}</p>}
                <div className="orphan__actions">
                  <button
                    type="button"
                    className="button"
                    aria-pressed={controller.reattachId === annotation.id}
                    onClick={() =>
                      controller.setReattachId(controller.reattachId === annotation.id ? null : annotation.id)
                    }
                  >
                    Re-attach
                  </button>
                  <button type="button" className="button" onClick={() => void controller.remove([annotation.id])}>
                    Delete
                  </button>
                </div>
                {controller.reattachId === annotation.id && (
                  <p role="status" className="panel__hint">
                    Select the text in the reader, then choose “Attach here”.
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
