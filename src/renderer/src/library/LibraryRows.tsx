// One library row: a document (open it, delete it), or an e-mail thread shown as a
// disclosure ("Subject — 5 messages", newest date) that expands to its messages in date order.
import { useId, useState } from 'react';
import type { DocumentSummary } from '../../../shared/model';
import { formatDate } from '../../../shared/dates';
import { OWN_DATE_TIME_ZONE, originLine, rowDateZone } from '../../../shared/document-labels';
import { countOf, groupedCountOf } from '../../../shared/plural';
import { useStores } from '../app/stores';
import { confirmDeletion } from './deletion';
import type { ThreadRow } from './library-rows';
import { rowDate } from './library-rows';
import styles from './Library.module.css';

const formatDay = (iso: string) => formatDate(iso, 'day');

/** The row's lines: source, then date (a message's own) and length, then origin and version; each short enough to read whole in the default panel width. */
function rowLines(doc: DocumentSummary): [string, string, string] {
  return [
    doc.siteName || doc.sourceName,
    `${formatDate(rowDate(doc), 'day', rowDateZone(doc))} · ${groupedCountOf(doc.wordCount, 'word')}`,
    originLine(doc, formatDay),
  ];
}

export function DocumentRow({ doc, currentId }: { doc: DocumentSummary; currentId: string | null }) {
  const stores = useStores();
  return (
    <li className={doc.id === currentId ? `${styles.item} ${styles.current}` : styles.item}>
      <button
        type="button"
        className={styles.open}
        aria-current={doc.id === currentId ? 'true' : undefined}
        title={[doc.title, ...rowLines(doc)].join('\n')}
        onClick={() => void stores.session.openDocument(doc.id)}
      >
        <span className={styles.title} data-testid="library-title">
          {doc.title}
        </span>
        {rowLines(doc).map((line, index) => (
          <span key={index} className={styles.meta} data-testid="library-meta">
            {line}
          </span>
        ))}
      </button>
      <button
        type="button"
        className={styles.delete}
        aria-label={`Delete ${doc.title}`}
        title="Delete"
        onClick={() => confirmDeletion(stores, doc)}
      >
        ✕
      </button>
    </li>
  );
}

/** A thread folded by default; the one holding the open message unfolds, and stays so until the person folds it. */
export function ThreadGroup({ thread, currentId }: { thread: ThreadRow; currentId: string | null }) {
  const listId = useId();
  const holdsCurrent = thread.messages.some((doc) => doc.id === currentId);
  const [expanded, setExpanded] = useState(holdsCurrent);
  // Opening one of its messages (from search, say) unfolds the thread; moving elsewhere leaves it as it was.
  const [sawCurrent, setSawCurrent] = useState(holdsCurrent);
  if (holdsCurrent !== sawCurrent) {
    setSawCurrent(holdsCurrent);
    if (holdsCurrent) setExpanded(true);
  }
  const label = `${thread.subject} — ${countOf(thread.messages.length, 'message')}`;
  return (
    <li className={holdsCurrent && !expanded ? `${styles.thread} ${styles.current}` : styles.thread}>
      <button
        type="button"
        className={styles.threadToggle}
        aria-expanded={expanded}
        aria-controls={listId}
        onClick={() => setExpanded(!expanded)}
      >
        <span className={styles.chevron} aria-hidden="true">
          {expanded ? '▾' : '▸'}
        </span>
        <span className={styles.threadText}>
          <span className={styles.title} data-testid="library-thread">
            {label}
          </span>
          <span className={styles.meta}>
            Latest {formatDate(thread.newest, 'day', { timeZone: OWN_DATE_TIME_ZONE })}
          </span>
        </span>
      </button>
      <ul id={listId} className={styles.threadMessages} aria-label={`Messages in ${thread.subject}`} hidden={!expanded}>
        {thread.messages.map((doc) => (
          <DocumentRow key={doc.id} doc={doc} currentId={currentId} />
        ))}
      </ul>
    </li>
  );
}
