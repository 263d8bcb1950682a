// Show problem: a failure in full (what failed, why, the error code, when, and a thrown
// error's trace), as text a person can read, select and pass on in a bug report.
import { useId } from 'react';
import { formatDate } from '../../../../shared/dates';
import { Modal, dialogStyles } from '../../ui/Dialogs';
import type { Problem } from './problem';
import styles from './ProblemDialog.module.css';

export function ProblemDialog({ problem, onClose }: { problem: Problem; onClose: () => void }) {
  const ids = useId();
  return (
    <Modal labelledBy={`${ids}-title`} describedBy={`${ids}-message`} onCancel={onClose}>
      <h2 id={`${ids}-title`}>{problem.what}</h2>
      <p id={`${ids}-message`} className={dialogStyles.body}>
        {problem.message}
      </p>
      <dl className={styles.facts}>
        {problem.code && (
          <>
            <dt>Error code</dt>
            <dd>
              <code>{problem.code}</code>
            </dd>
          </>
        )}
        <dt>When</dt>
        <dd>{formatDate(problem.at, 'day-time')}</dd>
      </dl>
      {problem.trace && (
        <details className={styles.trace}>
          <summary>Technical detail</summary>
          <pre>{problem.trace}</pre>
        </details>
      )}
      <div className={dialogStyles.actions}>
        <button type="button" className="button button--primary" autoFocus onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
