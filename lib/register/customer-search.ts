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
 * normalises, or E.164 digits), a handle, or a name. Every candidate is a prefix range on the
 * `[kind+value]` or `nameKey` index with a limit; they are issued together (one round trip, not one
 * per kind) and merged in order of preference: email, phone, name, handle.
 */
export async function searchCustomers(db: RegisterDb, query: string, limit = 20): Promise<Customer[]> {
  const q = query.trim().toLowerCase();
  if (q.length < 2) return [];
  const byIdentity = (kind: string, p: string) =>
    db.identities
      .where('[kind+value]')
      .between([kind, p], [kind, p + MAX], true, true)
      .limit(limit)
      .toArray()
      .then((rows) => rows.map((r) => r.customerId));

  const lookups: Promise<string[]>[] = [];
  if (q.includes('@')) lookups.push(byIdentity('email', normaliseEmail(q) ?? q));
  const digits = q.replace(/[\s().-]/g, '');
  if (/^\+?\d{3,}$/.test(digits)) {
    const phone = normalisePhone(digits) ?? phonePrefix(digits);
    if (phone) lookups.push(byIdentity('phone', phone));
  }
  const names = db.customers.where('nameKey').startsWith(q).limit(limit).toArray();
  lookups.push(names.then((rows) => rows.map((r) => r.id)));
  if (!q.includes('@')) lookups.push(byIdentity('email', q));
  const handle = q.replace(/^@/, '');
  const channels = handle.includes(':') ? [''] : HANDLE_CHANNELS.map((c) => `${c}:`);
  for (const channel of channels) lookups.push(byIdentity('handle', channel + handle));

  const ids = new Set<string>();
  for (const found of await Promise.all(lookups)) for (const id of found) if (ids.size < limit) ids.add(id);
  const named = new Map((await names).map((c) => [c.id, c]));
  const rest = [...ids].filter((id) => !named.has(id));
  const fetched = new Map((await db.customers.bulkGet(rest)).flatMap((c) => (c ? [[c.id, c] as const] : [])));
  return [...ids].flatMap((id) => {
    const c = named.get(id) ?? fetched.get(id);
    return c ? [c] : [];
  });
}
