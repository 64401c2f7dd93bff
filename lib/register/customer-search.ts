import type { RegisterDb } from './db';
import { getCountryCallingCode } from 'libphonenumber-js';
import { DEFAULT_PHONE_REGION, normaliseEmail, normalisePhone } from './normalise-identity';
import type { Customer } from './schemas';

const MAX = '\uffff';
/** Channels searched when a handle is typed without one (`@name`); `channel:name` searches any. */
const HANDLE_CHANNELS = ['instagram', 'facebook', 'whatsapp', 'x', 'telegram', 'handle'];

/** A partly typed number as an E.164 prefix: `+3161…`, `003161…` or national `061…`. */
function phonePrefix(digits: string): string | undefined {
  if (digits.startsWith('+')) return digits;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `+${getCountryCallingCode(DEFAULT_PHONE_REGION)}${digits.slice(1)}`;
  return undefined;
}

/**
 * The dashboard's customer search: a prefix of an email address, a phone number (any notation that
 * normalises, or E.164 digits), a handle, or a name. Served by the identity and name indexes.
 */
export async function searchCustomers(db: RegisterDb, query: string, limit = 20): Promise<Customer[]> {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  const ids = new Set<string>();
  const add = (rows: { customerId?: string; id?: string }[], key: 'customerId' | 'id') => {
    for (const r of rows) if (ids.size < limit && r[key]) ids.add(r[key]!);
  };
  const prefix = (kind: string, p: string) =>
    db.identities
      .where('[kind+value]')
      .between([kind, p], [kind, p + MAX], true, true)
      .limit(limit)
      .toArray();

  if (q.includes('@')) add(await prefix('email', normaliseEmail(q) ?? q), 'customerId');
  const digits = q.replace(/[\s().-]/g, '');
  if (/^\+?\d{3,}$/.test(digits)) {
    const phone = normalisePhone(digits) ?? phonePrefix(digits);
    if (phone) add(await prefix('phone', phone), 'customerId');
  }
  if (ids.size < limit) add(await db.customers.where('nameKey').startsWith(q).limit(limit).toArray(), 'id');
  if (ids.size < limit && !q.includes('@')) add(await prefix('email', q), 'customerId');
  const handle = q.replace(/^@/, '');
  const channels = handle.includes(':') ? [''] : HANDLE_CHANNELS.map((c) => `${c}:`);
  for (const channel of channels) if (ids.size < limit) add(await prefix('handle', channel + handle), 'customerId');
  return (await db.customers.bulkGet([...ids])).filter((c): c is Customer => c !== undefined);
}
