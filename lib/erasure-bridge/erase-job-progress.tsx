/**
 * Per-tool progress of an erasure job for the dashboard's Jobs list: one line per tool (erased,
 * left, kept) from the job's register row. Rows of other kinds, or that do not parse, show nothing.
 * Wire it in components/dashboard/sections/jobs-section.tsx inside each job's <li>:
 * `<EraseJobProgress row={job} />`.
 */
import { i18n } from '#i18n';
import { connectors } from '../connectors/registry';
import type { Job as JobRow } from '../register/schemas';
import { ERASE_JOB_KIND, jobFromRow } from './register-job-store';
import { progressView } from './views';

export function EraseJobProgress({ row }: { row: JobRow }) {
  if (row.kind !== ERASE_JOB_KIND) return null;
  let progress;
  try {
    progress = progressView(jobFromRow(row), connectors);
  } catch {
    return null;
  }
  return (
    <ul className="pd-job-tools" aria-label={i18n.t('erasure.perToolLabel')}>
      {progress.perTool.map((t) => (
        <li key={t.tool} data-tool={t.tool}>
          {i18n.t('erasure.toolProgress', [t.label, String(t.erased), String(t.left), String(t.kept)])}
          {t.failed > 0 && ` — ${i18n.t('erasure.toolFailed', [String(t.failed)])}`}
        </li>
      ))}
    </ul>
  );
}
