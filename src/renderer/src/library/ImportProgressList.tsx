// The imports in progress as cards in the notification area: each a progress bar named
// “Importing NAME” with its stage line (“Reading page 3 of 40”) and Cancel import. The bars
// are not read out as they move (a live region would say every page); their start and end are.
import { useStore } from '../app/store';
import { useClient } from '../app/stores';
import type { ImportJobView } from './import-progress';
import { cancelImportJob, importProgress, stageLine } from './import-progress';
import styles from './ImportProgress.module.css';

/** At most this many cards; the rest are counted on one line, so the area never covers the page. */
const MAX_CARDS = 3;

function ImportCard({ job, onCancel }: { job: ImportJobView; onCancel: () => void }) {
  const line = stageLine(job);
  const known = job.state === 'running' && job.total > 0;
  const percent = known ? Math.round((100 * Math.min(job.done, job.total)) / job.total) : 0;
  // Only work under way travels; a file waiting its turn or for its password shows an empty bar.
  const moving = !known && job.state === 'running' && job.stage !== 'password';
  return (
    // A group per file, so each Cancel import is found by the file it stops.
    <div
      className={styles.card}
      role="group"
      aria-labelledby={`${job.jobId}-name`}
      data-kind="progress"
      data-import-job={job.jobId}
    >
      <p className={styles.name} id={`${job.jobId}-name`}>
        Importing {job.name}
      </p>
      <div
        className={moving ? `${styles.track} ${styles.indeterminate}` : styles.track}
        role="progressbar"
        aria-label={`Importing ${job.name}`}
        aria-valuemin={0}
        aria-valuemax={known ? job.total : 1}
        aria-valuenow={known ? Math.min(job.done, job.total) : 0}
        aria-valuetext={line}
      >
        <div className={styles.fill} style={moving ? undefined : { width: `${percent}%` }} />
      </div>
      <div className={styles.footer}>
        <span className={styles.stage}>{line}</span>
        <button type="button" className={styles.cancel} onClick={onCancel}>
          Cancel import
        </button>
      </div>
    </div>
  );
}

export function ImportProgressList() {
  const client = useClient();
  const jobs = useStore(importProgress, (state) => state.jobs);
  const onCancel = (jobId: string) => cancelImportJob(client, jobId);
  if (jobs.length === 0) return null;
  const shown = jobs.slice(0, MAX_CARDS);
  const more = jobs.length - shown.length;
  return (
    <div className={styles.list} aria-live="off">
      {shown.map((job) => (
        <ImportCard key={job.jobId} job={job} onCancel={() => onCancel(job.jobId)} />
      ))}
      {more > 0 && <p className={styles.more}>{more === 1 ? '1 more file waits' : `${more} more files wait`}</p>}
    </div>
  );
}
