import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addMonths } from '@/lib/register/calendar';
import type { RegisterDb } from '@/lib/register/db';
import { LAST_SEEN_STEP_MS, observeConversation } from '@/lib/register/observe-conversation';
import { conversation, DAY, freshRegister, T0 } from './fresh-register';

let db: RegisterDb;
beforeEach(() => {
  db = freshRegister();
});
afterEach(() => db.close());

describe('observeConversation', () => {
  it('creates a customer with normalised identities and the conversation and message items', async () => {
    const result = await observeConversation(
      db,
      conversation(
        '101',
        [
          { kind: 'email', value: ' Jan.Jansen@Example.NL ' },
          { kind: 'phone', value: '06 1234 5678' },
          { kind: 'handle', value: '@JanJ', channel: 'Instagram' },
          { kind: 'email', value: 'not an email' },
        ],
        { name: 'Jan Jansen', messages: ['m1', 'm2'], closedAt: T0 },
      ),
      T0,
    );
    expect(result.created).toBe(true);
    const identities = await db.identities.where('customerId').equals(result.customerId).toArray();
    expect(identities.map((i) => `${i.kind}:${i.value}`).sort()).toEqual([
      'email:jan.jansen@example.nl',
      'handle:instagram:janj',
      'phone:+31612345678',
    ]);
    const items = await db.items.where('customerId').equals(result.customerId).toArray();
    expect(items.map((i) => `${i.kind}:${i.toolId}`).sort()).toEqual(['conversation:101', 'message:m1', 'message:m2']);
    const convo = items.find((i) => i.kind === 'conversation')!;
    // Default policy: 24 months after closing; 31 Jan 2026 + 24 months = 31 Jan 2028.
    expect(convo.retentionDueAt).toBe(addMonths(T0, 24));
    expect(new Date(convo.retentionDueAt!).toISOString()).toBe('2028-01-31T12:00:00.000Z');
    expect((await db.customers.get(result.customerId))?.nameKey).toBe('jan jansen');
  });

  it('finds the same customer again by any identity in another notation, and updates items in place', async () => {
    const first = await observeConversation(db, conversation('1', [{ kind: 'email', value: 'a@x.nl' }]), T0);
    const again = await observeConversation(
      db,
      conversation('1', [{ kind: 'email', value: 'A@X.NL' }], { messages: ['m9'] }),
      T0 + DAY,
    );
    expect(again.created).toBe(false);
    expect(again.customerId).toBe(first.customerId);
    expect(await db.customers.count()).toBe(1);
    const convo = (await db.items.where('[tool+kind+toolId]').equals(['zendesk', 'conversation', '1']).first())!;
    expect(convo.firstSeen).toBe(T0);
    expect(convo.lastSeen).toBe(T0 + DAY);
    expect(await db.items.count()).toBe(2);
  });

  it('leaves unchanged items as they are when the conversation is seen again within the hour', async () => {
    const ids = [{ kind: 'email' as const, value: 'a@x.nl' }];
    await observeConversation(db, conversation('1', ids, { messages: ['m1', 'm2'] }), T0);
    const before = await db.items.toArray();
    const writes: string[] = [];
    db.items.hook('updating', (_mods, key) => void writes.push(String(key)));
    db.items.hook('creating', (key) => void writes.push(String(key)));

    await observeConversation(db, conversation('1', ids, { messages: ['m1', 'm2'] }), T0 + LAST_SEEN_STEP_MS - 1);
    expect(writes).toEqual([]);
    expect(await db.items.toArray()).toEqual(before);

    // Something new (here a type found in one message) is written at once, with the new last-seen time.
    const withPhone = conversation('1', ids, { messages: ['m1', 'm2'] });
    withPhone.messages[1]!.piiTypes = ['EMAIL', 'PHONE'];
    await observeConversation(db, withPhone, T0 + 60_000);
    const m2 = (await db.items.where('[tool+kind+toolId]').equals(['zendesk', 'message', 'm2']).first())!;
    expect(m2.piiTypes).toEqual(['EMAIL', 'PHONE']);
    expect(m2.lastSeen).toBe(T0 + 60_000);
    const m1 = (await db.items.where('[tool+kind+toolId]').equals(['zendesk', 'message', 'm1']).first())!;
    expect(m1.lastSeen).toBe(T0);

    // An hour on, a sighting moves the last-seen time (and a due date counted from it) again.
    await observeConversation(db, conversation('1', ids, { messages: ['m1', 'm2'] }), T0 + LAST_SEEN_STEP_MS);
    const again = (await db.items.where('[tool+kind+toolId]').equals(['zendesk', 'message', 'm1']).first())!;
    expect(again.lastSeen).toBe(T0 + LAST_SEEN_STEP_MS);
  });

  it('merges customers when one conversation shows identities of both', async () => {
    const a = await observeConversation(db, conversation('1', [{ kind: 'email', value: 'a@x.nl' }]), T0);
    const b = await observeConversation(db, conversation('2', [{ kind: 'phone', value: '+31 6 11112222' }]), T0 + 1);
    expect(b.customerId).not.toBe(a.customerId);
    const both = await observeConversation(
      db,
      conversation('3', [
        { kind: 'email', value: 'a@x.nl' },
        { kind: 'phone', value: '0611112222' },
        { kind: 'email', value: 'new@x.nl' },
      ]),
      T0 + 2,
    );
    expect(both.customerId).toBe(a.customerId);
    expect(both.mergedCustomerIds).toEqual([b.customerId]);
    expect(await db.customers.count()).toBe(1);
    expect(await db.identities.where('customerId').equals(a.customerId).count()).toBe(3);
    expect(await db.items.where('customerId').equals(a.customerId).count()).toBe(3);
    expect((await db.audit.toArray()).map((e) => e.action)).toContain('customers.merged');
  });

  it('uses the most specific retention policy and keeps a held flag across re-observation', async () => {
    await db.policies.add({
      id: 'gmail',
      tool: 'gmail',
      kind: '*',
      months: 6,
      basis: 'lastSeen',
      label: 'Mail 6 months',
    });
    const r = await observeConversation(
      db,
      conversation('t1', [{ kind: 'email', value: 'b@x.nl' }], { tool: 'gmail' }),
      T0,
    );
    const item = (await db.items.where('customerId').equals(r.customerId).first())!;
    expect(item.retentionDueAt).toBe(addMonths(T0, 6));
    await db.items.update(item.id, { held: 1 });
    await observeConversation(
      db,
      conversation('t1', [{ kind: 'email', value: 'b@x.nl' }], { tool: 'gmail' }),
      T0 + DAY,
    );
    expect((await db.items.get(item.id))?.held).toBe(1);
  });

  it('refuses message text and other unknown fields', async () => {
    const input = { ...conversation('1', []), messages: [{ id: 'm', piiTypes: [], text: 'Hello, my IBAN is …' }] };
    await expect(observeConversation(db, input as never, T0)).rejects.toThrow();
    expect(await db.items.count()).toBe(0);
  });
});
