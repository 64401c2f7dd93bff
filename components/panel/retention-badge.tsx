import { i18n } from '#i18n';

export type RetentionState = 'ok' | 'due' | 'overdue';

export interface RetentionBadgeProps {
  state: RetentionState | null;
  /** ISO date: keep-until (ok) or due-since (due, overdue). */
  date: string | null;
  formatDate: (iso: string) => string;
}

/** The open conversation's retention badge (UI contract: data-retention-state="ok|due|overdue"). */
export function RetentionBadge({ state, date, formatDate }: RetentionBadgeProps) {
  if (!state || !date) return <p className="pd-badge pd-badge-none">{i18n.t('panel.retentionUnknown')}</p>;
  const text =
    state === 'ok'
      ? i18n.t('panel.retentionOk', [formatDate(date)])
      : state === 'due'
        ? i18n.t('panel.retentionDue', [formatDate(date)])
        : i18n.t('panel.retentionOverdue', [formatDate(date)]);
  return (
    <p className={`pd-badge pd-badge-${state}`} data-retention-state={state}>
      {text}
    </p>
  );
}
