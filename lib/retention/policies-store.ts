/**
 * Policies live in the register's `policies` table. Presets are added once (never overwriting the
 * user's edits); editing a period re-dates the register's items so the due index stays right.
 */
import type { RegisterDb } from '../register/db';
import { retentionDueAt } from '../register/retention-due-date';
import type { RetentionPolicy } from '../register/schemas';
import { retentionPresets, withMonths } from './presets';

export async function installPresets(
  db: RegisterDb,
  presets: readonly RetentionPolicy[] = retentionPresets,
): Promise<number> {
  return db.transaction('rw', db.policies, async () => {
    const existing = new Set((await db.policies.toArray()).map((p) => p.id));
    const missing = presets.filter((p) => !existing.has(p.id));
    await db.policies.bulkAdd(missing);
    return missing.length;
  });
}

/** Recomputes every item's due date from the current policies (contacts have none in the register). */
export async function redateItems(db: RegisterDb): Promise<void> {
  await db.transaction('rw', [db.items, db.policies], async () => {
    const policies = await db.policies.toArray();
    await db.items.toCollection().modify((item) => {
      if (item.kind !== 'contact') item.retentionDueAt = retentionDueAt(policies, item);
    });
  });
}

export async function setPolicyMonths(db: RegisterDb, policyId: string, months: number): Promise<RetentionPolicy> {
  const policy = await db.policies.get(policyId);
  if (!policy) throw new Error('No such policy');
  const next = withMonths(policy, months);
  await db.policies.put(next);
  await redateItems(db);
  return next;
}
