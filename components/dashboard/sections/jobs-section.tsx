import { useLiveQuery } from 'dexie-react-hooks';
import { i18n } from '#i18n';
import { EraseJobProgress } from '@/lib/erasure-bridge/erase-job-progress';
import type { RegisterDb } from '@/lib/register/db';
import { formatDateTime } from './format';

/** The latest jobs (erase, export, cleanup) as the job runner stored them in the register. */
export function JobsSection({ db }: { db: RegisterDb }) {
  const jobs = useLiveQuery(() => db.jobs.orderBy('updatedAt').reverse().limit(50).toArray(), [db]);
  if (jobs && jobs.length === 0) return <p className="pd-muted">{i18n.t('register.noJobs')}</p>;
  return (
    <ul aria-label={i18n.t('dashboard.jobs')}>
      {(jobs ?? []).map((job) => (
        <li key={job.id} data-job-status={job.status}>
          {i18n.t('register.jobLine', [job.kind, job.status, formatDateTime(job.updatedAt)])}
          {job.error ? ` — ${i18n.t('register.jobError', [job.error])}` : ''}
          <EraseJobProgress row={job} />
        </li>
      ))}
    </ul>
  );
}
