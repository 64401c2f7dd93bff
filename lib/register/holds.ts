import type { RegisterDb } from './db';
import { getSalt, hashCustomer } from './identity-hash';
import type { Hold, Item, ItemKind } from './schemas';

export interface NewHold {
  reason: string;
  /** e.g. "fiscale bewaarplicht 7 jaar" (Dutch fiscal retention duty, 7 years). */
  legalGround: string;
  by: string;
  until?: number;
}

function isActive(hold: Hold, now: number): boolean {
  return hold.until === undefined || hold.until > now;
}

/** Keeps the item's `held` flag (what the retention-due index filters on) in step with its holds. */
async function syncHeldFlag(db: RegisterDb, itemId: string, now: number): Promise<void> {
  const holds = await db.holds.where('itemId').equals(itemId).toArray();
  await db.items.update(itemId, { held: holds.some((h) => isActive(h, now)) ? 1 : 0 });
}

async function itemAndHash(db: RegisterDb, itemId: string): Promise<{ item: Item; customerHash: string }> {
  const item = await db.items.get(itemId);
  if (!item) throw new Error('No such item');
  return { item, customerHash: await hashCustomer(await getSalt(db), item.customerId) };
}

export async function addHold(db: RegisterDb, itemId: string, hold: NewHold, now = Date.now()): Promise<Hold> {
  if (!hold.reason.trim()) throw new Error('A hold needs a reason');
  const { item, customerHash } = await itemAndHash(db, itemId);
  return db.transaction('rw', [db.items, db.holds, db.audit], async () => {
    const row: Hold = { id: crypto.randomUUID(), itemId, ...hold, since: now };
    await db.holds.add(row);
    await syncHeldFlag(db, itemId, now);
    await db.audit.add({ at: now, action: 'hold.added', customerHash, tool: item.tool, count: 1, result: 'ok' });
    return row;
  });
}

export async function removeHold(db: RegisterDb, holdId: string, now = Date.now()): Promise<void> {
  const hold = await db.holds.get(holdId);
  if (!hold) return;
  const { item, customerHash } = await itemAndHash(db, hold.itemId);
  await db.transaction('rw', [db.items, db.holds, db.audit], async () => {
    await db.holds.delete(holdId);
    await syncHeldFlag(db, hold.itemId, now);
    await db.audit.add({ at: now, action: 'hold.removed', customerHash, tool: item.tool, count: 1, result: 'ok' });
  });
}

export async function holdsFor(db: RegisterDb, itemId: string): Promise<Hold[]> {
  return db.holds.where('itemId').equals(itemId).sortBy('since');
}

export async function findItem(
  db: RegisterDb,
  tool: string,
  kind: ItemKind,
  toolId: string,
): Promise<Item | undefined> {
  return db.items.where('[tool+kind+toolId]').equals([tool, kind, toolId]).first();
}

/**
 * The panel's "Keep this message" toggle: holds or releases an item named by the tool's own id.
 * Releasing removes every hold on it. Returns the holds left.
 */
export async function setHold(
  db: RegisterDb,
  ref: { tool: string; kind: ItemKind; toolId: string },
  keep: NewHold | false,
  now = Date.now(),
): Promise<Hold[]> {
  const item = await findItem(db, ref.tool, ref.kind, ref.toolId);
  if (!item) throw new Error('This item is not in the register yet');
  if (keep) {
    const active = (await holdsFor(db, item.id)).filter((h) => isActive(h, now));
    if (active.length === 0) await addHold(db, item.id, keep, now);
  } else {
    for (const h of await holdsFor(db, item.id)) await removeHold(db, h.id, now);
  }
  return holdsFor(db, item.id);
}

/** Holds whose `until` has passed stop holding: clear the items' flags so they count as due again. */
export async function releaseExpiredHolds(db: RegisterDb, now = Date.now()): Promise<number> {
  return db.transaction('rw', [db.items, db.holds], async () => {
    const expired = await db.holds.where('until').belowOrEqual(now).toArray();
    const itemIds = [...new Set(expired.map((h) => h.itemId))];
    const flagged = (await db.items.bulkGet(itemIds)).filter((i) => i?.held === 1);
    for (const item of flagged) if (item) await syncHeldFlag(db, item.id, now);
    return flagged.length;
  });
}
