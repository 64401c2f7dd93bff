import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditCsv } from '@/lib/register/audit-csv';
import type { RegisterDb } from '@/lib/register/db';
import { forgetCustomer } from '@/lib/register/forget-customer';
import { forgottenOn } from '@/lib/register/forgotten-before';
import { addHold } from '@/lib/register/holds';
import { getSalt, hashIdentity } from '@/lib/register/identity-hash';
import { observeConversation } from '@/lib/register/observe-conversation';
import { createRequest } from '@/lib/register/requests';
import { conversation, DAY, freshRegister, T0 } from './fresh-register';

let db: RegisterDb;
beforeEach(() => {
  db = freshRegister();
});
afterEach(() => db.close());

const personal = ['anna@example.nl', '+31612345678', '0612345678', 'Anna', 'annadv'];
const annaIds = [
  { kind: 'email' as const, value: 'Anna@Example.nl' },
  { kind: 'phone' as const, value: '06 12345678' },
  { kind: 'handle' as const, value: '@annadv', channel: 'instagram' },
];

describe('forgetting a customer', () => {
  it('removes their rows and keeps a receipt and audit entries without personal data', async () => {
    const { customerId } = await observeConversation(
      db,
      conversation('1', annaIds, { name: 'Anna', messages: ['m1'] }),
      T0,
    );
    await observeConversation(db, conversation('g1', annaIds.slice(0, 1), { tool: 'gmail' }), T0);
    const other = await observeConversation(db, conversation('2', [{ kind: 'email', value: 'bob@x.nl' }]), T0);
    const item = (await db.items.where('customerId').equals(customerId).first())!;
    await addHold(db, item.id, { reason: 'Invoice', legalGround: 'fiscale bewaarplicht 7 jaar', by: 'lead' }, T0);
    await createRequest(db, customerId, 'erasure', T0, T0);

    const receipt = await forgetCustomer(db, customerId, { backupHorizonDays: 30 }, T0 + DAY);
    expect(receipt).toMatchObject({ itemCount: 3, tools: ['gmail', 'zendesk'], forgottenAt: T0 + DAY });
    expect(receipt.backupsClearBy).toBe(T0 + 31 * DAY);
    expect(receipt.identityHashes).toHaveLength(3);

    expect(await db.customers.get(customerId)).toBeUndefined();
    expect(await db.identities.where('customerId').equals(customerId).count()).toBe(0);
    expect(await db.items.where('customerId').equals(customerId).count()).toBe(0);
    expect(await db.holds.count()).toBe(0);
    expect(await db.requests.count()).toBe(0);
    // Other customers are untouched.
    expect(await db.items.where('customerId').equals(other.customerId).count()).toBe(1);

    const stored = JSON.stringify([await db.receipts.toArray(), await db.audit.toArray()]);
    const csv = auditCsv(await db.audit.toArray());
    for (const p of personal) {
      expect(stored.toLowerCase()).not.toContain(p.toLowerCase());
      expect(csv.toLowerCase()).not.toContain(p.toLowerCase());
    }
    expect((await db.audit.toArray()).map((a) => a.action)).toContain('customer.forgotten');
  });

  it('recognises a returning identity as forgotten on that date, by salted hash only', async () => {
    const { customerId } = await observeConversation(db, conversation('1', annaIds), T0);
    await forgetCustomer(db, customerId, {}, T0 + DAY);
    expect(await forgottenOn(db, [{ kind: 'email', value: 'anna@example.nl' }])).toBe(T0 + DAY);
    expect(await forgottenOn(db, [{ kind: 'email', value: 'someone@else.nl' }])).toBeUndefined();

    const back = await observeConversation(
      db,
      conversation('9', [{ kind: 'phone', value: '+31612345678' }]),
      T0 + 2 * DAY,
    );
    expect(back).toMatchObject({ created: true, forgottenOn: T0 + DAY });

    const salt = await getSalt(db);
    expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(await getSalt(db)).toBe(salt);
    const h = await hashIdentity(salt, { kind: 'email', value: 'anna@example.nl' });
    expect((await db.receipts.toArray())[0]?.identityHashes).toContain(h);
    expect(await hashIdentity('another-salt', { kind: 'email', value: 'anna@example.nl' })).not.toBe(h);
  });
});

describe('audit CSV', () => {
  it('has a header, ISO dates and escapes formula-like cells', () => {
    const csv = auditCsv([
      {
        id: 1,
        at: T0,
        action: 'customer.forgotten',
        customerHash: 'ab'.repeat(32),
        count: 3,
        result: 'ok',
        detail: '=HYPERLINK("x")',
      },
    ]);
    const [header, row] = csv.split('\r\n');
    expect(header).toBe('at,action,customerHash,tool,count,result,detail');
    expect(row).toContain('2026-01-31T12:00:00.000Z,customer.forgotten,');
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
