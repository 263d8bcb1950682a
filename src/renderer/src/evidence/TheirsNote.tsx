// What stands where the change and delete controls would be on another analyst's item: whose it is.
import type { Ownership } from './ownership';
import { onlyTheirs } from './ownership';
import styles from './Evidence.module.css';

export function TheirsNote({ ownership, noun }: { ownership: Ownership; noun: string }) {
  return (
    <p className={styles.theirs} role="note">
      {onlyTheirs(ownership, noun)}
    </p>
  );
}
