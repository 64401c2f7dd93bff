import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_VERSION, RegisterDb, schemaV1, schemaV2 } from '@/lib/register/db';
import { retentionDue } from '@/lib/register/retention-due';
import { freshIndexedDb, T0 } from './fresh-register';

const NAME = 'test-register';
let db: RegisterDb | undefined;

/** A version-1 database written with Dexie directly, as the v1 code stored it. */
async function seedV1(): Promise<void> {
  const v1 = new Dexie(NAME);
  v1.version(1).stores(schemaV1);
  await v1.open();
  await v1.table('customers').bulkAdd([
    { id: 'c-old', name: 'Anna de Vries', createdAt: T0, updatedAt: T0 },
    { id: 'c-new', name: 'A. de Vries', createdAt: T0 + 10, updatedAt: T0 + 10 },
    { id: 'c-other', createdAt: T0 + 20, updatedAt: T0 + 20 },
  ]);
  await v1.table('identities').bulkAdd([
    { id: 'i1', customerId: 'c-old', kind: 'phone', value: '06-12345678', firstSeen: T0 },
    { id: 'i2', customerId: 'c-new', kind: 'phone', value: '+31 6 1234 5678', firstSeen: T0 },
    { id: 'i3', customerId: 'c-new', kind: 'email', value: 'anna@example.nl', firstSeen: T0 },
    { id: 'i4', customerId: 'c-other', kind: 'phone', value: '(020) 555 1234', firstSeen: T0 },
    { id: 'i5', customerId: 'c-other', kind: 'phone', value: 'call me', firstSeen: T0 },
  ]);
  const item = { tool: 'zendesk', kind: 'conversation', firstSeen: T0, lastSeen: T0, piiTypes: [], held: 0 };
  await v1.table('items').bulkAdd([
    { ...item, id: 'it1', customerId: 'c-old', toolId: '1', retentionDueAt: T0 - 86_400_000 },
    { ...item, id: 'it2', customerId: 'c-new', toolId: '2', retentionDueAt: T0 - 10 * 86_400_000 },
    { ...item, id: 'it3', customerId: 'c-new', toolId: '3', retentionDueAt: T0 - 86_400_000, held: 1 },
  ]);
  await v1.table('requests').add({
    id: 'r1',
    customerId: 'c-new',
    kind: 'access',
    receivedAt: T0,
    deadline: T0 + 1,
    status: 'open',
  });
  v1.close();
}

/** A version-2 database as the v2 code left it: E.164 phones, name keys, due counters, jobs. */
async function seedV2(): Promise<void> {
  const v2 = new Dexie(NAME);
  v2.version(2).stores(schemaV2);
  await v2.open();
  await v2.table('customers').add({ id: 'c1', name: 'Bram', nameKey: 'bram', createdAt: T0, updatedAt: T0 });
  await v2
    .table('identities')
    .add({ id: 'i1', customerId: 'c1', kind: 'email', value: 'bram@example.nl', firstSeen: T0 });
  await v2.table('items').add({
    id: 'it1',
    customerId: 'c1',
    tool: 'zendesk',
    kind: 'conversation',
    toolId: '7',
    firstSeen: T0,
    lastSeen: T0,
    piiTypes: ['EMAIL'],
    retentionDueAt: T0 - 86_400_000,
    held: 0,
  });
  await v2.table('dueDays').add({ day: Math.floor((T0 - 86_400_000) / 86_400_000), count: 1 });
  const job = { kind: 'erasure', payload: {}, steps: [], createdAt: T0 };
  await v2.table('jobs').bulkAdd([
    { ...job, id: 'j1', status: 'running', customerId: 'c1', updatedAt: T0 + 2 },
    { ...job, id: 'j2', status: 'done', updatedAt: T0 + 1 },
  ]);
  v2.close();
}

beforeEach(freshIndexedDb);
afterEach(() => db?.close());

describe('register migrations', () => {
  it('v1 → v2: phones become E.164, same-number customers merge, names get a search key', async () => {
    await seedV1();
    db = new RegisterDb(NAME);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);

    const phones = await db.identities.where('[kind+value]').between(['phone', ''], ['phone', '\uffff']).toArray();
    expect(phones.map((p) => [p.id, p.customerId, p.value]).sort()).toEqual([
      ['i1', 'c-old', '+31612345678'],
      ['i4', 'c-other', '+31205551234'],
    ]);
    // "06-12345678" and "+31 6 1234 5678" are one number: the newer customer merged into the older one.
    expect(await db.customers.get('c-new')).toBeUndefined();
    expect((await db.identities.get('i3'))?.customerId).toBe('c-old');
    expect((await db.items.get('it2'))?.customerId).toBe('c-old');
    expect((await db.requests.get('r1'))?.customerId).toBe('c-old');
    // A value that is no phone number is dropped.
    expect(await db.identities.get('i5')).toBeUndefined();
    expect((await db.customers.get('c-old'))?.nameKey).toBe('anna de vries');
    expect((await db.customers.where('nameKey').startsWith('anna').toArray()).map((c) => c.id)).toEqual(['c-old']);
    // The per-day due counter is built from the v1 items (the held one is not counted).
    expect((await retentionDue(db, T0)).count).toBe(2);
    expect(await db.dueDays.count()).toBe(2);
  });

  it('v2 → v3: the unqueried jobs.status index is dropped, every row stays as it was', async () => {
    await seedV2();
    db = new RegisterDb(NAME);
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.jobs.schema.indexes.map((i) => i.name).sort()).toEqual(['customerId', 'updatedAt']);
    expect(db.jobs.schema.idxByName.status).toBeUndefined();
    // Listing by updatedAt and moving by customerId (a merge) still use their indexes.
    expect((await db.jobs.orderBy('updatedAt').reverse().toArray()).map((j) => [j.id, j.status])).toEqual([
      ['j1', 'running'],
      ['j2', 'done'],
    ]);
    expect(await db.jobs.where('customerId').equals('c1').primaryKeys()).toEqual(['j1']);
    expect(await db.customers.get('c1')).toEqual({
      id: 'c1',
      name: 'Bram',
      nameKey: 'bram',
      createdAt: T0,
      updatedAt: T0,
    });
    expect((await db.identities.where('[kind+value]').equals(['email', 'bram@example.nl']).first())?.id).toBe('i1');
    expect((await retentionDue(db, T0)).count).toBe(1);
  });

  it('a fresh database starts at the current version with the default retention policy', async () => {
    db = new RegisterDb(NAME);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    expect((await db.policies.toArray()).map((p) => p.id)).toEqual(['default']);
  });
});
