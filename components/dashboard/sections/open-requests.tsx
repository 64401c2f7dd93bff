import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { i18n } from '#i18n';
import type { RegisterDb } from '@/lib/register/db';
import { openRequests } from '@/lib/register/requests';
import { RequestRow } from './request-row';

/** Every open data-subject request, nearest deadline first; those due within 7 days are badged. */
export function OpenRequests({ db, now = Date.now() }: { db: RegisterDb; now?: number }) {
  const requests = useLiveQuery(() => openRequests(db), [db]);
  const [error, setError] = useState('');
  return (
    <div className="pd-open-requests">
      <h3>{i18n.t('register.openRequests')}</h3>
      {error ? <p role="alert">{error}</p> : null}
      {requests && requests.length === 0 ? <p className="pd-muted">{i18n.t('register.noRequests')}</p> : null}
      <ul aria-label={i18n.t('register.openRequests')}>
        {(requests ?? []).map((r) => (
          <RequestRow key={r.id} db={db} request={r} now={now} onError={setError} />
        ))}
      </ul>
    </div>
  );
}
