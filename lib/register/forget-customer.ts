import type { RegisterDb } from './db';
import { DAY_MS } from './calendar';
import { getSalt, hashCustomer, hashIdentity } from './identity-hash';
import type { ErasureReceipt } from './schemas';

/**
 * Removes a customer from the register: identities, items, their holds and requests. What stays is
 * an erasure receipt and an audit entry, both without personal data (salted hashes, counts, tools,
 * dates), so a returning identity can be recognised as "forgotten on <date>".
 */
export async function forgetCustomer(
  db: RegisterDb,
  customerId: string,
  options: { backupHorizonDays?: number } = {},
  now = Date.now(),
): Promise<ErasureReceipt> {
  const salt = await getSalt(db);
  const identities = await db.identities.where('customerId').equals(customerId).toArray();
  const identityHashes = [...new Set(await Promise.all(identities.map((i) => hashIdentity(salt, i))))];
  const customerHash = await hashCustomer(salt, customerId);

  return db.transaction(
    'rw',
    [db.customers, db.identities, db.items, db.holds, db.requests, db.receipts, db.audit],
    async () => {
      if (!(await db.customers.get(customerId))) throw new Error('No such customer');
      const current = await db.identities.where('customerId').equals(customerId).primaryKeys();
      if (current.length !== identities.length) throw new Error('The customer changed while forgetting; try again');
      const items = await db.items.where('customerId').equals(customerId).toArray();
      const itemIds = items.map((i) => i.id);
      await db.holds.where('itemId').anyOf(itemIds).delete();
      await db.items.bulkDelete(itemIds);
      await db.identities.bulkDelete(current);
      await db.requests.where('customerId').equals(customerId).delete();
      await db.customers.delete(customerId);
      const receipt: ErasureReceipt = {
        id: crypto.randomUUID(),
        customerHash,
        identityHashes,
        forgottenAt: now,
        tools: [...new Set(items.map((i) => i.tool))].sort(),
        itemCount: items.length,
        ...(options.backupHorizonDays !== undefined
          ? { backupsClearBy: now + options.backupHorizonDays * DAY_MS }
          : {}),
      };
      await db.receipts.add(receipt);
      await db.audit.add({
        at: now,
        action: 'customer.forgotten',
        customerHash,
        count: items.length,
        result: 'ok',
        detail: receipt.tools.join(','),
      });
      return receipt;
    },
  );
}
