// A polite live region in the reader: when the caret enters an annotation, its tags and note.
import { useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/annotations';
import { announcementFor } from './caret-announcement';
import styles from './Reader.module.css';

export function CaretAnnouncer({ annotations, offset }: { annotations: readonly Annotation[]; offset: number | null }) {
  const [text, setText] = useState('');
  const insideRef = useRef<string | null>(null);
  useEffect(() => {
    const next = announcementFor(annotations, offset, insideRef.current);
    const entered = next.id !== insideRef.current;
    insideRef.current = next.id;
    // Staying inside keeps the last words (nothing new is read); leaving clears them quietly.
    if (entered) setText(next.text);
  }, [annotations, offset]);
  return (
    <div className={styles.announcer} aria-live="polite" data-testid="reader-announcer">
      {text}
    </div>
  );
}
