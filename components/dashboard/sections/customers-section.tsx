import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { i18n } from '#i18n';
import { searchCustomers } from '@/lib/register/customer-search';
import type { RegisterDb } from '@/lib/register/db';
import { mergeCustomers } from '@/lib/register/merge-customers';
import { CustomerDetail } from './customer-detail';
import { CustomerResult } from './customer-result';
import { OpenRequests } from './open-requests';
import { RegisterFileForm } from './register-file-form';

/** Customers: open requests, search by email/phone/name (live), merge by hand, and the detail. */
export function CustomersSection({ db }: { db: RegisterDb }) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [openId, setOpenId] = useState<string>();
  const [message, setMessage] = useState('');
  const results = useLiveQuery(() => searchCustomers(db, query), [db, query]);

  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const merge = () =>
    void mergeCustomers(db, selected).then(
      (kept) => {
        setSelected([]);
        setOpenId(kept);
        setMessage(i18n.t('register.merged'));
      },
      (e: unknown) => setMessage(String((e as Error).message)),
    );

  return (
    <div className="pd-customers">
      <OpenRequests db={db} />
      <label>
        {i18n.t('register.search')}{' '}
        <input
          type="search"
          value={query}
          placeholder={i18n.t('register.searchHint')}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {query.trim().length >= 2 && results?.length === 0 ? (
        <p className="pd-muted">{i18n.t('register.noResults')}</p>
      ) : null}
      <ul aria-label={i18n.t('register.search')}>
        {(results ?? []).map((c) => (
          <CustomerResult
            key={c.id}
            db={db}
            customer={c}
            selected={selected.includes(c.id)}
            onToggle={() => toggle(c.id)}
            onOpen={() => setOpenId(c.id)}
          />
        ))}
      </ul>
      <button type="button" disabled={selected.length < 2} onClick={merge}>
        {i18n.t('register.mergeSelected')}
      </button>
      {message ? <p role="status">{message}</p> : null}
      {openId ? <CustomerDetail db={db} customerId={openId} onSplit={setOpenId} /> : null}
      <RegisterFileForm db={db} />
    </div>
  );
}
