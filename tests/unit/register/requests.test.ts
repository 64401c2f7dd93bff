import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegisterDb } from '@/lib/register/db';
import { observeConversation } from '@/lib/register/observe-conversation';
import { closeRequest, createRequest, extendRequest, openRequests } from '@/lib/register/requests';
import { conversation, freshRegister, T0 } from './fresh-register';

let db: RegisterDb;
let customerId: string;
beforeEach(async () => {
  db = freshRegister();
  ({ customerId } = await observeConversation(db, conversation('1', [{ kind: 'email', value: 'a@x.nl' }]), T0));
});
afterEach(() => db.close());

const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

describe('data-subject requests', () => {
  it('has a deadline one calendar month after receipt, clamped to the end of the month', async () => {
    const r = await createRequest(db, customerId, 'access', T0, T0); // 31 Jan 2026
    expect(iso(r.deadline)).toBe('2026-02-28');
    const r2 = await createRequest(db, customerId, 'erasure', Date.UTC(2026, 2, 15), T0);
    expect(iso(r2.deadline)).toBe('2026-04-15');
  });

  it('extends by two months once, and not after the deadline', async () => {
    const r = await createRequest(db, customerId, 'portability', Date.UTC(2026, 2, 15), T0);
    const extended = await extendRequest(db, r.id, Date.UTC(2026, 3, 1));
    expect(extended.status).toBe('extended');
    expect(iso(extended.deadline)).toBe('2026-06-15');
    await expect(extendRequest(db, r.id, Date.UTC(2026, 3, 2))).rejects.toThrow(/extended request/);
    const late = await createRequest(db, customerId, 'access', Date.UTC(2026, 0, 1), T0);
    await expect(extendRequest(db, late.id, Date.UTC(2026, 1, 2))).rejects.toThrow(/deadline has passed/);
  });

  it('lists open requests by deadline and drops closed ones', async () => {
    const later = await createRequest(db, customerId, 'access', Date.UTC(2026, 5, 1), T0);
    const sooner = await createRequest(db, customerId, 'erasure', Date.UTC(2026, 4, 1), T0);
    expect((await openRequests(db)).map((r) => r.id)).toEqual([sooner.id, later.id]);
    const closed = await closeRequest(db, sooner.id, T0 + 5);
    expect(closed).toMatchObject({ status: 'closed', closedAt: T0 + 5 });
    expect((await openRequests(db)).map((r) => r.id)).toEqual([later.id]);
  });
});
