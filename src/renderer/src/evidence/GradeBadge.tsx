// A grade as a compact badge outside a card ("B2" beside a search hit), its meaning on hover
// and in its accessible name, read in the library's grading scheme.
import { gradeText } from './grades';
import { useEvidence } from './use-evidence';
import styles from './Evidence.module.css';

export function GradeBadge({ reliability, credibility }: { reliability: string; credibility: string }) {
  const scheme = useEvidence((state) => state.scheme);
  const text = gradeText(scheme, reliability, credibility);
  if (!text) return null;
  return (
    <span className={styles.grade} role="img" aria-label={text.name} title={text.meaning}>
      {text.code}
    </span>
  );
}
