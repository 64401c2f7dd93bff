/**
 * Schema v2: phone identities stored as seen in v1 ("06-12345678", "+31 6 1234 5678") become E.164,
 * and customers get a lower-cased `nameKey` for the name search. Two v1 phones that turn out to be
 * the same number belong to one person: their customers are merged (the older one stays). The
 * per-day count of retention-due items is computed from the items once.
 */
import Dexie, { type Transaction } from 'dexie';
import { dueDayOf } from '../due-counter';
import { normalisePhone } from '../normalise-identity';

interface V1Identity {
  id: string;
  customerId: string;
  kind: string;
  value: string;
}
interface V1Customer {
  id: string;
  name?: string;
  createdAt: number;
}

export async function upgradeToV2(tx: Transaction): Promise<void> {
  const identities = tx.table<V1Identity, string>('identities');
  const customers = tx.table<V1Customer, string>('customers');

  await customers.toCollection().modify((c: V1Customer & { nameKey?: string }) => {
    if (c.name) c.nameKey = c.name.trim().toLowerCase();
  });

  const phones = await identities.where('[kind+value]').between(['phone', ''], ['phone', '\uffff']).toArray();
  const byNumber = new Map<string, V1Identity[]>();
  const unparseable: V1Identity[] = [];
  for (const identity of phones) {
    const e164 = normalisePhone(identity.value);
    if (!e164) unparseable.push(identity);
    else byNumber.set(e164, [...(byNumber.get(e164) ?? []), identity]);
  }
  // A value that is no phone number cannot be matched or erased reliably; v2 keeps only valid numbers.
  await identities.bulkDelete(unparseable.map((i) => i.id));

  for (const [e164, seen] of byNumber) {
    // Re-read: an earlier merge in this loop may have moved these rows to another customer.
    const group = (await identities.bulkGet(seen.map((s) => s.id))).filter((g): g is V1Identity => g !== undefined);
    const created = new Map<string, number>();
    for (const g of group) created.set(g.customerId, (await customers.get(g.customerId))?.createdAt ?? 0);
    const keep = [...group].sort((a, b) => (created.get(a.customerId) ?? 0) - (created.get(b.customerId) ?? 0))[0]!;
    const duplicates = group.filter((g) => g !== keep);
    await identities.bulkDelete(duplicates.map((d) => d.id));
    // The keeper may collide with an already-E.164 row of the same number: only rewrite when it differs.
    if (keep.value !== e164) await identities.update(keep.id, { value: e164 });
    for (const dup of duplicates) {
      if (dup.customerId === keep.customerId) continue;
      for (const table of ['identities', 'items', 'requests', 'jobs']) {
        await tx.table(table).where('customerId').equals(dup.customerId).modify({ customerId: keep.customerId });
      }
      await customers.delete(dup.customerId);
    }
  }

  const dueDays = new Map<number, number>();
  await tx
    .table('items')
    .where('[held+retentionDueAt]')
    .between([0, Dexie.minKey], [0, Dexie.maxKey])
    .each((item: { held: 0 | 1; retentionDueAt?: number }) => {
      const day = dueDayOf(item);
      if (day !== undefined) dueDays.set(day, (dueDays.get(day) ?? 0) + 1);
    });
  await tx.table('dueDays').clear();
  await tx.table('dueDays').bulkPut([...dueDays].map(([day, count]) => ({ day, count })));
}
