/**
 * The register's customer for the identities the panel saw: found by any of them once normalised (the
 * oldest customer when several match), or added when the panel's own report has not arrived yet, so
 * the export's request and audit entry have a customer to belong to.
 */
import type { ExportIdentity } from '@/lib/messaging/export-messages';
import type { RegisterDb } from '@/lib/register/db';
import { identityKey, normaliseIdentity, type NormalisedIdentity } from '@/lib/register/normalise-identity';

export async function resolveCustomer(db: RegisterDb, identities: ExportIdentity[], now = Date.now()): Promise<string> {
  const unique = new Map<string, NormalisedIdentity>();
  for (const raw of identities) {
    const normalised = normaliseIdentity(raw);
    if (normalised) unique.set(identityKey(normalised), normalised);
  }
  if (unique.size === 0) throw new Error('No usable identity');
  const wanted = [...unique.values()];
  return db.transaction('rw', [db.customers, db.identities], async () => {
    const known = await db.identities
      .where('[kind+value]')
      .anyOf(wanted.map((i) => [i.kind, i.value]))
      .toArray();
    const owners = await db.customers.bulkGet([...new Set(known.map((k) => k.customerId))]);
    const oldest = owners.flatMap((c) => (c ? [c] : [])).sort((a, b) => a.createdAt - b.createdAt)[0];
    if (oldest) return oldest.id;
    const customerId = crypto.randomUUID();
    await db.customers.add({ id: customerId, createdAt: now, updatedAt: now });
    await db.identities.bulkAdd(
      wanted.map((i) => ({ id: crypto.randomUUID(), customerId, kind: i.kind, value: i.value, firstSeen: now })),
    );
    return customerId;
  });
}
