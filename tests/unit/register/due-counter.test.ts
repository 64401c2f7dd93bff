import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { RegisterDb } from '@/lib/register/db';
import { forgetCustomer } from '@/lib/register/forget-customer';
import { addHold, removeHold } from '@/lib/register/holds';
import { mergeCustomers } from '@/lib/register/merge-customers';
import { observeConversation } from '@/lib/register/observe-conversation';
import { exportRegister, importRegister } from '@/lib/register/register-file';
import { retentionDue, retentionDueCountByIndex } from '@/lib/register/retention-due';
import { conversation, DAY, freshRegister, T0 } from './fresh-register';

let db: RegisterDb | undefined;
afterEach(() => db?.close());

const YEAR = 365 * DAY;

async function expectCountsAgree(d: RegisterDb) {
  for (const now of [T0, T0 + 400 * DAY, T0 + 3 * YEAR, T0 - 2 * YEAR]) {
    expect((await retentionDue(d, now)).count).toBe(await retentionDueCountByIndex(d, now));
  }
}

const operation = fc.oneof(
  fc.record({
    op: fc.constant('observe' as const),
    who: fc.integer({ min: 0, max: 5 }),
    convo: fc.integer({ min: 0, max: 8 }),
    age: fc.integer({ min: 0, max: 1500 }),
    messages: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ op: fc.constant('hold' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('release' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('forget' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('merge' as const), a: fc.nat(), b: fc.nat() }),
);

describe('the retention-due counter', () => {
  it('agrees with walking the index after any sequence of observe, hold, release, forget and merge', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 25 }), async (ops) => {
        db?.close();
        db = freshRegister();
        const d = db;
        for (const step of ops) {
          if (step.op === 'observe') {
            const ids = [{ kind: 'email' as const, value: `c${step.who}@x.nl` }];
            const messages = Array.from({ length: step.messages }, (_, i) => `${step.convo}-${i}`);
            await observeConversation(
              d,
              conversation(String(step.convo), ids, { messages, closedAt: T0 - step.age * DAY }),
              T0,
            );
          } else if (step.op === 'hold') {
            const items = await d.items.toArray();
            const item = items[step.pick % Math.max(1, items.length)];
            if (item) await addHold(d, item.id, { reason: 'r', legalGround: 'g', by: 'b' }, T0);
          } else if (step.op === 'release') {
            const holds = await d.holds.toArray();
            const hold = holds[step.pick % Math.max(1, holds.length)];
            if (hold) await removeHold(d, hold.id, T0);
          } else {
            const customers = await d.customers.toArray();
            const pick = (n: number) => customers[n % Math.max(1, customers.length)]?.id;
            if (step.op === 'forget' && pick(step.pick)) await forgetCustomer(d, pick(step.pick)!, {}, T0);
            if (step.op === 'merge' && customers.length > 1 && pick(step.a) !== pick(step.b)) {
              await mergeCustomers(d, [pick(step.a)!, pick(step.b)!], T0);
            }
          }
        }
        await expectCountsAgree(d);
      }),
      { numRuns: 25 },
    );
  });

  it('stays right across a register import that replaces everything', async () => {
    db = freshRegister();
    for (let i = 0; i < 6; i++) {
      await observeConversation(
        db,
        conversation(`t${i}`, [{ kind: 'email', value: `a${i}@x.nl` }], { closedAt: T0 - i * 400 * DAY }),
        T0,
      );
    }
    const file = await exportRegister(db, 'passphrase!', { iterations: 100_000 });
    await observeConversation(
      db,
      conversation('extra', [{ kind: 'email', value: 'z@x.nl' }], { closedAt: T0 - 5 * YEAR }),
      T0,
    );
    expect((await retentionDue(db, T0)).count).toBe(5);
    await importRegister(db, file, 'passphrase!', T0);
    expect((await retentionDue(db, T0)).count).toBe(4);
    await expectCountsAgree(db);
  });
});
