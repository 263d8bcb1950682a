// A card's review thread: the replies to an annotation, and while the card is selected a
// box to post one.
import { useState } from 'react';
import type { Annotation, Reply } from '../../../shared/annotations';
import { annotationLabel } from '../../../shared/annotations';
import { formatDate } from '../../../shared/dates';
import type { MarginActions } from './MarginNotes';
import styles from './Margin.module.css';

// Today's times as a clock time, older ones as a date; the full time is in the tooltip.
export const shortTime = (iso: string) => formatDate(iso, 'recent');
export const fullTime = (iso: string) => formatDate(iso, 'day-time');

interface ThreadProps {
  annotation: Annotation;
  replies: readonly Reply[];
  selected: boolean;
  myAuthorId: string | null;
  actions: MarginActions;
}

export function Thread({ annotation, replies, selected, myAuthorId, actions }: ThreadProps) {
  if (replies.length === 0 && !selected) return null;
  return (
    <div className={styles.thread}>
      {replies.length > 0 && (
        <ul className={styles.replies} aria-label={`Replies to “${annotationLabel(annotation)}”`}>
          {replies.map((reply) => (
            <li key={reply.id} className={styles.reply} aria-label={`Reply by ${reply.author.name}`}>
              <header className={styles.replyHeader}>
                <span className={styles.author}>{reply.author.name}</span>
                <time dateTime={reply.createdAt} title={fullTime(reply.createdAt)}>
                  {shortTime(reply.createdAt)}
                </time>
                {reply.author.id === myAuthorId && selected && (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Delete reply by ${reply.author.name}`}
                    onClick={() => actions.deleteReply(reply.id)}
                  >
                    Delete
                  </button>
                )}
              </header>
              <p className={styles.replyText}>{reply.text}</p>
            </li>
          ))}
        </ul>
      )}
      {selected && <ReplyForm annotation={annotation} actions={actions} />}
    </div>
  );
}

function ReplyForm({ annotation, actions }: { annotation: Annotation; actions: MarginActions }) {
  const [draft, setDraft] = useState('');
  const [posting, setPosting] = useState(false);
  return (
    <form
      className={styles.replyForm}
      onSubmit={(event) => {
        event.preventDefault();
        if (draft.trim() === '' || posting) return;
        setPosting(true);
        void actions.reply(annotation.id, draft).then((posted) => {
          setPosting(false);
          if (posted) setDraft('');
        });
      }}
    >
      <textarea
        className={styles.replyInput}
        aria-label={`Reply to “${annotationLabel(annotation)}”`}
        placeholder="Reply…"
        rows={2}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
      />
      <button type="submit" className="button" disabled={draft.trim() === '' || posting}>
        Reply
      </button>
    </form>
  );
}
