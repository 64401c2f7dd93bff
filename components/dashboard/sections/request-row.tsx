import { i18n } from '#i18n';
import type { RegisterDb } from '@/lib/register/db';
import { closeRequest, extendRequest } from '@/lib/register/requests';
import type { DataSubjectRequest } from '@/lib/register/schemas';
import { DeadlineBadge } from './deadline-badge';
import { formatDate, requestKindLabel, requestStatusLabel } from './format';

/** One data-subject request: kind, dates, deadline badge, extend and close. */
export function RequestRow({
  db,
  request,
  now,
  onError,
}: {
  db: RegisterDb;
  request: DataSubjectRequest;
  now: number;
  onError: (message: string) => void;
}) {
  const run = (action: () => Promise<unknown>) => () =>
    void action().catch((e: unknown) => onError(String((e as Error).message)));
  return (
    <li data-request-id={request.id} data-request-status={request.status}>
      {i18n.t('register.requestLine', [
        requestKindLabel(request.kind),
        formatDate(request.receivedAt),
        formatDate(request.deadline),
        requestStatusLabel(request.status),
      ])}{' '}
      <DeadlineBadge request={request} now={now} />
      {request.status === 'open' ? (
        <button type="button" onClick={run(() => extendRequest(db, request.id))}>
          {i18n.t('register.extend')}
        </button>
      ) : null}
      {request.status !== 'closed' ? (
        <button type="button" onClick={run(() => closeRequest(db, request.id))}>
          {i18n.t('register.close')}
        </button>
      ) : null}
    </li>
  );
}
