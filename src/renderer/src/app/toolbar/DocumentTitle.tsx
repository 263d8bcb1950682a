// The open document's title in the toolbar: one line, cut with an ellipsis when the window is
// narrow, and the whole title in a tooltip while it is cut.
import { useLayoutEffect, useRef, useState } from 'react';
import { Tooltip } from '../../ui/Tooltip';
import styles from './Toolbar.module.css';

export function DocumentTitle({ title }: { title: string | null }) {
  const element = useRef<HTMLSpanElement>(null);
  const [cut, setCut] = useState(false);
  useLayoutEffect(() => {
    const node = element.current;
    if (!node) return;
    const measure = () => setCut(node.scrollWidth > node.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, [title]);
  return (
    <Tooltip text={title ?? ''} suppressed={!cut || !title} className={styles.titleSlot}>
      {() => (
        <span
          ref={element}
          className={title ? styles.title : `${styles.title} ${styles.brand}`}
          data-testid="document-title"
        >
          {title ?? 'Marginalia'}
        </span>
      )}
    </Tooltip>
  );
}
