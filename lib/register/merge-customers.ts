import type { RegisterDb } from './db';
import { appendAudit } from './audit-log';
import { getSalt, hashCustomer } from './identity-hash';

/** Tables a merge touches; callers that merge inside their own transaction must include them. */
export const mergeTables = (db: RegisterDb) => [db.customers, db.identities, db.items, db.requests, db.jobs];

/**
 * Moves everything of `others` to `keepId` and deletes them. Must run inside a rw transaction
 * over `mergeTables(db)`.
 */
export async function mergeInto(db: RegisterDb, keepId: string, others: readonly string[], now: number): Promise<void> {
  const keep = await db.customers.get(keepId);
  if (!keep) throw new Error(`No customer ${keepId}`);
  let name = keep.name;
  for (const otherId of others) {
    if (otherId === keepId) continue;
    const other = await db.customers.get(otherId);
    if (!other) continue;
    name ??= other.name;
    for (const table of ['identities', 'items', 'requests', 'jobs'] as const) {
      await db.table(table).where('customerId').equals(otherId).modify({ customerId: keepId });
    }
    await db.customers.delete(otherId);
  }
  await db.customers.update(keepId, { name, nameKey: name?.trim().toLowerCase(), updatedAt: now });
}

/** Picks the customer seen first as the one that stays. */
export async function oldestCustomer(db: RegisterDb, ids: readonly string[]): Promise<string | undefined> {
  const rows = (await db.customers.bulkGet([...ids])).filter((c) => c !== undefined);
  return rows.sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))[0]?.id;
}

/** Merge by hand (dashboard): the oldest of `ids` stays; returns its id. */
export async function mergeCustomers(db: RegisterDb, ids: readonly string[], now = Date.now()): Promise<string> {
  if (new Set(ids).size < 2) throw new Error('Choose at least two customers to merge');
  const salt = await getSalt(db);
  const keepId = await db.transaction('rw', [...mergeTables(db), db.audit], async () => {
    const keep = await oldestCustomer(db, ids);
    if (!keep) throw new Error('None of these customers exist');
    await mergeInto(db, keep, ids, now);
    return keep;
  });
  await appendAudit(db, {
    at: now,
    action: 'customers.merged',
    customerHash: await hashCustomer(salt, keepId),
    count: new Set(ids).size,
    result: 'ok',
  });
  return keepId;
}
