import { i18n } from '#i18n';

export type RetentionState = 'ok' | 'due' | 'overdue';

export interface RetentionBadgeProps {
  state: RetentionState | null;
  /** ISO date: keep-until (ok) or due-since (due, overdue). */
  date: string | null;
  formatDate: (iso: string) => string;
  /** The date counts from when the panel last saw the conversation, not from the tool's own dates. */
  estimated?: boolean;
}

/** The open conversation's retention badge (UI contract: data-retention-state="ok|due|overdue"). */
export function RetentionBadge({ state, date, formatDate, estimated = false }: RetentionBadgeProps) {
  if (!state || !date) return <p className="pd-badge pd-badge-none">{i18n.t('panel.retentionUnknown')}</p>;
  const text =
    state === 'ok'
      ? i18n.t('panel.retentionOk', [formatDate(date)])
      : state === 'due'
        ? i18n.t('panel.retentionDue', [formatDate(date)])
        : i18n.t('panel.retentionOverdue', [formatDate(date)]);
  return (
    <p
      className={`pd-badge pd-badge-${state}`}
      data-retention-state={state}
      data-retention-estimated={estimated ? 'true' : undefined}
    >
      {text}
      {estimated && <span className="pd-muted"> {i18n.t('panel.retentionEstimated')}</span>}
    </p>
  );
}
