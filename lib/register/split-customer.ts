import type { RegisterDb } from './db';
import { appendAudit } from './audit-log';
import { getSalt, hashCustomer } from './identity-hash';

/**
 * Split by hand (dashboard): the chosen identities and items of one customer become a new customer
 * (two people wrongly merged, e.g. a shared phone number). Returns the new customer's id.
 */
export async function splitCustomer(
  db: RegisterDb,
  customerId: string,
  move: { identityIds: readonly string[]; itemIds?: readonly string[]; name?: string },
  now = Date.now(),
): Promise<string> {
  if (move.identityIds.length === 0 && (move.itemIds ?? []).length === 0) throw new Error('Nothing to split off');
  const salt = await getSalt(db);
  const newId = crypto.randomUUID();
  await db.transaction('rw', [db.customers, db.identities, db.items], async () => {
    if (!(await db.customers.get(customerId))) throw new Error('No such customer');
    const identities = (await db.identities.bulkGet([...move.identityIds])).filter((i) => i !== undefined);
    const items = (await db.items.bulkGet([...(move.itemIds ?? [])])).filter((i) => i !== undefined);
    if ([...identities, ...items].some((row) => row.customerId !== customerId)) {
      throw new Error('Only this customer’s own identities and items can be split off');
    }
    const name = move.name?.trim() || undefined;
    await db.customers.add({ id: newId, name, nameKey: name?.toLowerCase(), createdAt: now, updatedAt: now });
    await db.identities.bulkUpdate(identities.map((i) => ({ key: i.id, changes: { customerId: newId } })));
    await db.items.bulkUpdate(items.map((i) => ({ key: i.id, changes: { customerId: newId } })));
    await db.customers.update(customerId, { updatedAt: now });
  });
  await appendAudit(db, {
    at: now,
    action: 'customers.split',
    customerHash: await hashCustomer(salt, customerId),
    count: move.identityIds.length + (move.itemIds ?? []).length,
    result: 'ok',
  });
  return newId;
}
