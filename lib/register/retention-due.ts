import Dexie from 'dexie';
import { DAY_MS } from './calendar';
import type { RegisterDb } from './db';
import type { Item } from './schemas';

/**
 * Items whose retention date has passed and that no hold keeps: the count and the first page, the
 * oldest due first. The count sums the per-day counters (due-counter.ts) for whole past days plus
 * an index count for today; the page is served by the `[held+retentionDueAt]` index. Call
 * releaseExpiredHolds() first when holds may have run out.
 */
export async function retentionDue(
  db: RegisterDb,
  now = Date.now(),
  pageSize = 50,
): Promise<{ count: number; first: Item[] }> {
  const today = Math.floor(now / DAY_MS);
  return db.transaction('r', db.items, db.dueDays, async () => {
    const [pastDays, todayCount, first] = await Promise.all([
      db.dueDays.where('day').below(today).toArray(),
      db.items
        .where('[held+retentionDueAt]')
        .between([0, today * DAY_MS], [0, now], true, true)
        .count(),
      db.items
        .where('[held+retentionDueAt]')
        .between([0, Dexie.minKey], [0, now], true, true)
        .limit(pageSize)
        .toArray(),
    ]);
    return { count: pastDays.reduce((sum, d) => sum + d.count, 0) + todayCount, first };
  });
}

/** The same count the slow way (walking the index): the reference the counter is tested against. */
export async function retentionDueCountByIndex(db: RegisterDb, now = Date.now()): Promise<number> {
  return db.items.where('[held+retentionDueAt]').between([0, Dexie.minKey], [0, now], true, true).count();
}
