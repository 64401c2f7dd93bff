import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { i18n } from '#i18n';
import { ExportDossierButton } from '@/components/dashboard/export/export-dossier-button';
import { customerSummaryById } from '@/lib/register/customer-summary';
import type { RegisterDb } from '@/lib/register/db';
import { addHold, removeHold } from '@/lib/register/holds';
import { createRequest } from '@/lib/register/requests';
import { requestKinds, type RequestKind } from '@/lib/register/schemas';
import { splitCustomer } from '@/lib/register/split-customer';
import { formatDate, requestKindLabel, toolLabel } from './format';
import { RequestRow } from './request-row';
import { customerTimeline } from './timeline';

const MAX_ITEMS = 100;

/** One customer: identities (split off), tools, items with holds, requests and a timeline. */
export function CustomerDetail({
  db,
  customerId,
  onSplit,
  now = Date.now(),
}: {
  db: RegisterDb;
  customerId: string;
  onSplit?: (newId: string) => void;
  now?: number;
}) {
  const data = useLiveQuery(async () => {
    const [summary, identities, items, requests] = await Promise.all([
      customerSummaryById(db, customerId),
      db.identities.where('customerId').equals(customerId).toArray(),
      db.items.where('customerId').equals(customerId).limit(MAX_ITEMS).toArray(),
      db.requests.where('customerId').equals(customerId).toArray(),
    ]);
    const holds = await db.holds
      .where('itemId')
      .anyOf(items.map((i) => i.id))
      .toArray();
    return { summary, identities, items, requests, holds };
  }, [db, customerId]);
  const [kind, setKind] = useState<RequestKind>('access');
  const [error, setError] = useState('');
  if (!data) return null;
  const { summary, identities, items, requests, holds } = data;
  const run = (action: () => Promise<unknown>) => () =>
    void action().then(
      () => setError(''),
      (e: unknown) => setError(String((e as Error).message)),
    );

  return (
    <article className="pd-customer-detail" aria-label={i18n.t('register.detail')}>
      <h3>{summary.name ?? i18n.t('register.unnamed')}</h3>
      <ExportDossierButton db={db} customerId={customerId} customerLabel={summary.name} />
      {error ? <p role="alert">{error}</p> : null}
      <h4>{i18n.t('register.identities')}</h4>
      <ul aria-label={i18n.t('register.identities')}>
        {identities.map((identity) => (
          <li key={identity.id}>
            {identity.kind}: {identity.value}{' '}
            {identities.length > 1 ? (
              <button
                type="button"
                onClick={run(async () =>
                  onSplit?.(await splitCustomer(db, customerId, { identityIds: [identity.id] })),
                )}
              >
                {i18n.t('register.splitOff')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <h4>{i18n.t('register.tools')}</h4>
      <ul aria-label={i18n.t('register.tools')}>
        {summary.tools.map((t) => (
          <li key={t.tool}>{i18n.t('register.toolConversations', [toolLabel(t.tool), String(t.conversations)])}</li>
        ))}
      </ul>
      <h4>{i18n.t('register.items')}</h4>
      <ul aria-label={i18n.t('register.items')}>
        {items.map((item) => {
          const itemHolds = holds.filter((h) => h.itemId === item.id);
          return (
            <li key={item.id} data-held={item.held === 1 ? 'true' : 'false'}>
              {i18n.t('register.itemLine', [item.kind, item.toolId, toolLabel(item.tool)])}
              {item.retentionDueAt !== undefined ? ` · ${formatDate(item.retentionDueAt)}` : ''}{' '}
              {itemHolds.map((h) => (
                <span key={h.id}>
                  {i18n.t('register.holdLine', [h.reason, h.legalGround])}{' '}
                  <button type="button" onClick={run(() => removeHold(db, h.id))}>
                    {i18n.t('register.release')}
                  </button>
                </span>
              ))}
              {itemHolds.length === 0 ? (
                <button
                  type="button"
                  onClick={run(() =>
                    addHold(db, item.id, {
                      reason: i18n.t('register.defaultHoldReason'),
                      legalGround: '',
                      by: 'dashboard',
                    }),
                  )}
                >
                  {i18n.t('register.keep')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <h4>{i18n.t('register.requests')}</h4>
      <ul aria-label={i18n.t('register.requests')}>
        {requests.map((r) => (
          <RequestRow key={r.id} db={db} request={r} now={now} onError={setError} />
        ))}
      </ul>
      <label>
        {i18n.t('register.requestKind')}{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as RequestKind)}>
          {requestKinds.map((k) => (
            <option key={k} value={k}>
              {requestKindLabel(k)}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={run(() => createRequest(db, customerId, kind))}>
        {i18n.t('register.newRequest')}
      </button>
      <h4>{i18n.t('register.timeline')}</h4>
      <ol aria-label={i18n.t('register.timeline')}>
        {customerTimeline(items, requests, holds).map((event) => (
          <li key={event.key}>
            <time dateTime={new Date(event.at).toISOString()}>{formatDate(event.at)}</time> {event.text}
          </li>
        ))}
      </ol>
    </article>
  );
}
