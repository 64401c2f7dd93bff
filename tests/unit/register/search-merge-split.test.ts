import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerSearch } from './search-helper';
import { customerSummary } from '@/lib/register/customer-summary';
import type { RegisterDb } from '@/lib/register/db';
import { mergeCustomers } from '@/lib/register/merge-customers';
import { observeConversation } from '@/lib/register/observe-conversation';
import { splitCustomer } from '@/lib/register/split-customer';
import { conversation, freshRegister, T0 } from './fresh-register';

let db: RegisterDb;
beforeEach(() => {
  db = freshRegister();
});
afterEach(() => db.close());

async function seed() {
  const anna = await observeConversation(
    db,
    conversation(
      '1',
      [
        { kind: 'email', value: 'anna@example.nl' },
        { kind: 'phone', value: '0612345678' },
      ],
      { name: 'Anna de Vries' },
    ),
    T0,
  );
  const bob = await observeConversation(
    db,
    conversation('2', [{ kind: 'handle', value: '@bobbie', channel: 'instagram' }], {
      name: 'Bob Bakker',
      tool: 'meta',
    }),
    T0,
  );
  return { anna: anna.customerId, bob: bob.customerId };
}

describe('customer search', () => {
  it('finds customers by email, phone in any notation, handle or name prefix', async () => {
    const { anna, bob } = await seed();
    expect(await customerSearch(db, 'anna@ex')).toEqual([anna]);
    expect(await customerSearch(db, '06 1234 5678')).toEqual([anna]);
    expect(await customerSearch(db, '+3161234')).toEqual([anna]);
    expect(await customerSearch(db, '061234')).toEqual([anna]);
    expect(await customerSearch(db, 'de vr')).toEqual([]);
    expect(await customerSearch(db, 'Anna')).toEqual([anna]);
    expect(await customerSearch(db, 'bob')).toEqual([bob]);
    expect(await customerSearch(db, '@bobb')).toEqual([bob]);
    expect(await customerSearch(db, 'x')).toEqual([]);
  });
});

describe('merge and split by hand', () => {
  it('merges two customers into the older one and splits an identity back off', async () => {
    const { anna, bob } = await seed();
    const kept = await mergeCustomers(db, [bob, anna], T0 + 1);
    expect([anna, bob]).toContain(kept);
    const gone = kept === anna ? bob : anna;
    expect(await db.customers.get(gone)).toBeUndefined();
    const merged = await customerSummary(db, [{ kind: 'email', value: 'anna@example.nl' }]);
    expect(merged.tools).toEqual([
      { tool: 'meta', conversations: 1 },
      { tool: 'zendesk', conversations: 1 },
    ]);
    expect(merged.identities).toHaveLength(3);

    const handle = (await db.identities.where('customerId').equals(kept).toArray()).find((i) => i.kind === 'handle')!;
    const metaItem = (await db.items.where('customerId').equals(kept).toArray()).find((i) => i.tool === 'meta')!;
    const split = await splitCustomer(
      db,
      kept,
      { identityIds: [handle.id], itemIds: [metaItem.id], name: 'Bob Bakker' },
      T0 + 2,
    );
    const bobAgain = await customerSummary(db, [{ kind: 'handle', value: 'bobbie', channel: 'instagram' }]);
    expect(bobAgain).toMatchObject({ customerId: split, name: 'Bob Bakker', conversations: 1 });
    expect((await customerSummary(db, [{ kind: 'phone', value: '+31612345678' }])).conversations).toBe(1);
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(['customers.merged', 'customers.split']);
  });

  it('refuses to split off rows of another customer', async () => {
    const { anna, bob } = await seed();
    const bobsHandle = (await db.identities.where('customerId').equals(bob).first())!;
    await expect(splitCustomer(db, anna, { identityIds: [bobsHandle.id] }, T0)).rejects.toThrow(/own identities/);
    expect(await db.customers.count()).toBe(2);
  });

  it('summarises an unknown customer as empty', async () => {
    await seed();
    expect(await customerSummary(db, [{ kind: 'email', value: 'nobody@x.nl' }])).toEqual({
      identities: [],
      tools: [],
      conversations: 0,
    });
  });
});
