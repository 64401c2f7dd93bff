import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchCustomers } from '@/lib/register/customer-search';
import type { RegisterDb } from '@/lib/register/db';
import { findIdentities, findIdentity } from '@/lib/register/find-identity';
import { freshRegister, T0 } from './fresh-register';

let db: RegisterDb;
beforeEach(async () => {
  db = freshRegister();
  await db.customers.bulkAdd([
    { id: 'c1', name: 'Anna', nameKey: 'anna', createdAt: T0, updatedAt: T0 },
    { id: 'c2', name: 'Annabel', nameKey: 'annabel', createdAt: T0, updatedAt: T0 },
    { id: 'c3', name: 'Kees', nameKey: 'kees', createdAt: T0, updatedAt: T0 },
  ]);
  await db.identities.bulkAdd([
    { id: 'i1', customerId: 'c1', kind: 'email', value: 'anna@example.nl', firstSeen: T0 },
    { id: 'i2', customerId: 'c1', kind: 'phone', value: '+31612345678', firstSeen: T0 },
    // An email that starts like a name: the name match of another customer still comes after it.
    { id: 'i3', customerId: 'c3', kind: 'email', value: 'annabel.fan@example.nl', firstSeen: T0 },
  ]);
});
afterEach(() => db.close());

describe('identity lookup', () => {
  it('finds one identity by kind and normalised value, and nothing for another kind or value', async () => {
    expect((await findIdentity(db, { kind: 'phone', value: '+31612345678' }))?.id).toBe('i2');
    expect(await findIdentity(db, { kind: 'email', value: '+31612345678' })).toBeUndefined();
    expect(await findIdentity(db, { kind: 'email', value: 'anna@example.n' })).toBeUndefined();
  });

  it('finds the registered ones among several, in the order asked, inside a transaction too', async () => {
    const asked = [
      { kind: 'email' as const, value: 'nobody@example.nl' },
      { kind: 'email' as const, value: 'annabel.fan@example.nl' },
      { kind: 'phone' as const, value: '+31612345678' },
    ];
    expect((await findIdentities(db, asked)).map((i) => i.id)).toEqual(['i3', 'i2']);
    const inTx = await db.transaction('r', db.identities, () => findIdentities(db, asked));
    expect(inTx.map((i) => i.customerId)).toEqual(['c3', 'c1']);
    expect(await findIdentities(db, [])).toEqual([]);
  });
});

describe('customer search order and limit', () => {
  it('lists name matches before email-prefix matches, each customer once, at most `limit`', async () => {
    expect((await searchCustomers(db, 'anna')).map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect((await searchCustomers(db, 'anna', 2)).map((c) => c.id)).toEqual(['c1', 'c2']);
    expect((await searchCustomers(db, 'annabel.')).map((c) => c.id)).toEqual(['c3']);
    // An email query puts the email owner first; the full customer rows come back.
    expect(await searchCustomers(db, 'anna@')).toEqual([
      { id: 'c1', name: 'Anna', nameKey: 'anna', createdAt: T0, updatedAt: T0 },
    ]);
  });
});
