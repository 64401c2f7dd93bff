import type { RegisterDb } from './db';
import { addMonths } from './calendar';
import { getSalt, hashCustomer } from './identity-hash';
import type { DataSubjectRequest, RequestKind } from './schemas';

/** GDPR Art. 12(3): answer within one month of receipt, extendable by two further months. */
export const DEADLINE_MONTHS = 1;
export const EXTENSION_MONTHS = 2;

export function deadlineFor(receivedAt: number, extended = false): number {
  return addMonths(receivedAt, DEADLINE_MONTHS + (extended ? EXTENSION_MONTHS : 0));
}

async function audit(db: RegisterDb, action: string, customerId: string, now: number): Promise<void> {
  const customerHash = await hashCustomer(await getSalt(db), customerId);
  await db.audit.add({ at: now, action, customerHash, result: 'ok' });
}

export async function createRequest(
  db: RegisterDb,
  customerId: string,
  kind: RequestKind,
  receivedAt = Date.now(),
  now = Date.now(),
): Promise<DataSubjectRequest> {
  if (!(await db.customers.get(customerId))) throw new Error('No such customer');
  const row: DataSubjectRequest = {
    id: crypto.randomUUID(),
    customerId,
    kind,
    receivedAt,
    deadline: deadlineFor(receivedAt),
    status: 'open',
  };
  await db.requests.add(row);
  await audit(db, `request.${kind}.received`, customerId, now);
  return row;
}

async function mustGet(db: RegisterDb, id: string): Promise<DataSubjectRequest> {
  const row = await db.requests.get(id);
  if (!row) throw new Error('No such request');
  return row;
}

/** Extends the deadline by two months (once); the data subject must be told why within the first month. */
export async function extendRequest(db: RegisterDb, id: string, now = Date.now()): Promise<DataSubjectRequest> {
  const row = await mustGet(db, id);
  if (row.status !== 'open') throw new Error(`A ${row.status} request cannot be extended`);
  if (now > row.deadline) throw new Error('The deadline has passed; it can no longer be extended');
  const next = { ...row, status: 'extended' as const, deadline: deadlineFor(row.receivedAt, true) };
  await db.requests.put(next);
  await audit(db, `request.${row.kind}.extended`, row.customerId, now);
  return next;
}

export async function closeRequest(db: RegisterDb, id: string, now = Date.now()): Promise<DataSubjectRequest> {
  const row = await mustGet(db, id);
  if (row.status === 'closed') return row;
  const next = { ...row, status: 'closed' as const, closedAt: now };
  await db.requests.put(next);
  await audit(db, `request.${row.kind}.closed`, row.customerId, now);
  return next;
}

/** Requests still to be answered, the nearest deadline first. */
export async function openRequests(db: RegisterDb): Promise<DataSubjectRequest[]> {
  return db.requests
    .orderBy('deadline')
    .filter((r) => r.status !== 'closed')
    .toArray();
}
