import Dexie from 'dexie';
import type { RegisterDb } from './db';
import type { Item } from './schemas';

/**
 * Items whose retention date has passed and that no hold keeps: the count and the first page, the
 * oldest due first. Served by the `[held+retentionDueAt]` index; call releaseExpiredHolds() first
 * when holds may have run out.
 */
export async function retentionDue(
  db: RegisterDb,
  now = Date.now(),
  pageSize = 50,
): Promise<{ count: number; first: Item[] }> {
  const range = () => db.items.where('[held+retentionDueAt]').between([0, Dexie.minKey], [0, now], true, true);
  const [count, first] = await Promise.all([range().count(), range().limit(pageSize).toArray()]);
  return { count, first };
}
