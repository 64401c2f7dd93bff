import { useLiveQuery } from 'dexie-react-hooks';
import { i18n } from '#i18n';
import type { RegisterDb } from '@/lib/register/db';
import type { Customer } from '@/lib/register/schemas';

/** A search hit: a checkbox for merging and a button that opens the customer's detail. */
export function CustomerResult({
  db,
  customer,
  selected,
  onToggle,
  onOpen,
}: {
  db: RegisterDb;
  customer: Customer;
  selected: boolean;
  onToggle: () => void;
  onOpen: () => void;
}) {
  const identity = useLiveQuery(() => db.identities.where('customerId').equals(customer.id).first(), [db, customer.id]);
  const label = [customer.name, identity?.value].filter(Boolean).join(' · ') || i18n.t('register.unnamed');
  return (
    <li>
      <input type="checkbox" checked={selected} onChange={onToggle} aria-label={i18n.t('register.select', [label])} />{' '}
      <button type="button" className="pd-link" onClick={onOpen}>
        {label}
      </button>
    </li>
  );
}
