import type { RegisterDb } from './db';
import type { AuditEntry } from './schemas';

/** Appends an entry; call inside the transaction of the change it records so both land or neither. */
export async function appendAudit(db: RegisterDb, entry: Omit<AuditEntry, 'id'>): Promise<void> {
  await db.audit.add(entry);
}

export async function recentAudit(db: RegisterDb, limit = 200): Promise<AuditEntry[]> {
  return db.audit.orderBy('at').reverse().limit(limit).toArray();
}
