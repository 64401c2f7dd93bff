/**
 * Policies live in the register's `policies` table. Presets are added once (never overwriting the
 * user's edits); editing a period re-dates the register's items so the due index stays right.
 */
import type { RegisterDb } from '../register/db';
import { retentionDueAt } from '../register/retention-due-date';
import type { RetentionPolicy } from '../register/schemas';
import { retentionPresets, TOOL_POLICY_PREFIX, toolPolicy, withMonths } from './presets';

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

/** Adds (or replaces) a period for one tool and kind; it wins over the all-tools preset. */
export async function setToolPolicy(
  db: RegisterDb,
  tool: string,
  kind: RetentionPolicy['kind'],
  months: number,
): Promise<RetentionPolicy> {
  const policy = toolPolicy(tool, kind, months);
  await db.policies.put(policy);
  await redateItems(db);
  return policy;
}

/** Removes a period the user added for one tool (presets stay: edit their period instead). */
export async function removeToolPolicy(db: RegisterDb, policyId: string): Promise<void> {
  if (!policyId.startsWith(TOOL_POLICY_PREFIX)) throw new Error('Only a period added for one tool can be removed');
  await db.policies.delete(policyId);
  await redateItems(db);
}
