import { i18n } from '#i18n';
import type { ExportJob } from '@/lib/dossier/export-job-schema';

/** Per tool: waiting, being read, read (with its record count) or failed (with the tool's reason). */
export function ExportProgress({ job, labelOf }: { job: ExportJob; labelOf: (tool: string) => string }) {
  const current = job.status === 'collecting' ? job.tools.find((t) => t.status === 'pending')?.tool : undefined;
  return (
    <ul aria-label={i18n.t('dossier.toolsTitle')} data-export-status={job.status}>
      {job.tools.map((t) => (
        <li key={t.tool} data-export-tool={t.tool} data-status={t.status}>
          {t.status === 'done'
            ? i18n.t('dossier.toolDone', [labelOf(t.tool), String(t.records)])
            : t.status === 'failed'
              ? i18n.t('dossier.toolFailed', [labelOf(t.tool), t.error ?? ''])
              : t.tool === current
                ? i18n.t('dossier.progress', [labelOf(t.tool)])
                : i18n.t('dossier.toolPending', [labelOf(t.tool)])}
        </li>
      ))}
    </ul>
  );
}
