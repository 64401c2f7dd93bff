import { i18n } from '#i18n';
import { DAY_MS } from '@/lib/register/calendar';
import type { DataSubjectRequest } from '@/lib/register/schemas';

export type DeadlineState = 'ok' | 'soon' | 'overdue';

export function deadlineState(request: Pick<DataSubjectRequest, 'deadline' | 'status'>, now: number): DeadlineState {
  if (request.status === 'closed') return 'ok';
  if (request.deadline < now) return 'overdue';
  return request.deadline - now <= 7 * DAY_MS ? 'soon' : 'ok';
}

/** A badge on requests whose legal deadline is within 7 days or has passed. */
export function DeadlineBadge({ request, now }: { request: DataSubjectRequest; now: number }) {
  const state = deadlineState(request, now);
  if (state === 'ok') return null;
  return (
    <span className={`pd-badge pd-badge-${state}`} data-deadline-state={state}>
      {state === 'overdue' ? i18n.t('register.overdue') : i18n.t('register.dueSoon')}
    </span>
  );
}
