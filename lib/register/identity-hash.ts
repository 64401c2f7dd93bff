/**
 * Salted SHA-256 of identities and customers, for the audit log and erasure receipts, which hold no
 * personal data. The salt is generated once per register and never leaves the browser except inside
 * the encrypted register export (so a restored register still recognises its own receipts).
 */
import type { RegisterDb } from './db';
import { identityKey, type NormalisedIdentity } from './normalise-identity';

const SALT_KEY = 'identity-salt';

function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function getSalt(db: RegisterDb): Promise<string> {
  // Read first: the salt exists after the first call, and a read-only transaction does not queue
  // behind the register's writes (the panel asks on every conversation it opens).
  const stored = await db.meta.get(SALT_KEY);
  if (stored) return stored.value;
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get(SALT_KEY);
    if (existing) return existing.value;
    const value = toHex(crypto.getRandomValues(new Uint8Array(32)));
    await db.meta.add({ key: SALT_KEY, value });
    return value;
  });
}

export async function saltedHash(salt: string, text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}\u0000${text}`));
  return toHex(digest);
}

export async function hashIdentity(salt: string, identity: NormalisedIdentity): Promise<string> {
  return saltedHash(salt, identityKey(identity));
}

export async function hashCustomer(salt: string, customerId: string): Promise<string> {
  return saltedHash(salt, `customer:${customerId}`);
}
