import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RegisterDb } from '@/lib/register/db';
import { addHold, holdsFor, releaseExpiredHolds, removeHold, setHold } from '@/lib/register/holds';
import { observeConversation } from '@/lib/register/observe-conversation';
import { retentionDue } from '@/lib/register/retention-due';
import { conversation, DAY, freshRegister, T0 } from './fresh-register';

let db: RegisterDb;
beforeEach(() => {
  db = freshRegister();
});
afterEach(() => db.close());

const YEAR = 365 * DAY;
const fiscal = { reason: 'Invoice', legalGround: 'fiscale bewaarplicht 7 jaar', by: 'agent@acme.nl' };

async function seed() {
  // Closed three years ago: due (24 months). Closed last month: not due.
  await observeConversation(
    db,
    conversation('old', [{ kind: 'email', value: 'a@x.nl' }], { closedAt: T0 - 3 * YEAR, messages: ['m1'] }),
    T0,
  );
  await observeConversation(
    db,
    conversation('new', [{ kind: 'email', value: 'b@x.nl' }], { closedAt: T0 - 30 * DAY }),
    T0,
  );
}

describe('holds and the retention-due query', () => {
  it('lists due items oldest first and leaves held items out', async () => {
    await seed();
    const due = await retentionDue(db, T0);
    expect(due.count).toBe(2);
    expect(due.first.map((i) => i.toolId).sort()).toEqual(['m1', 'old']);

    const held = await setHold(db, { tool: 'zendesk', kind: 'message', toolId: 'm1' }, fiscal, T0);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ legalGround: 'fiscale bewaarplicht 7 jaar', since: T0 });
    const after = await retentionDue(db, T0);
    expect(after.count).toBe(1);
    expect(after.first.map((i) => i.toolId)).toEqual(['old']);

    // Pressing "Keep this message" again does not stack holds; releasing removes them.
    expect(await setHold(db, { tool: 'zendesk', kind: 'message', toolId: 'm1' }, fiscal, T0)).toHaveLength(1);
    expect(await setHold(db, { tool: 'zendesk', kind: 'message', toolId: 'm1' }, false, T0)).toHaveLength(0);
    expect((await retentionDue(db, T0)).count).toBe(2);
  });

  it('a hold with an end date stops holding once released after that date', async () => {
    await seed();
    const item = (await db.items.where('[tool+kind+toolId]').equals(['zendesk', 'conversation', 'old']).first())!;
    const hold = await addHold(db, item.id, { ...fiscal, until: T0 + DAY }, T0);
    expect((await retentionDue(db, T0)).count).toBe(1);
    expect(await releaseExpiredHolds(db, T0 + 2 * DAY)).toBe(1);
    expect((await retentionDue(db, T0 + 2 * DAY)).count).toBe(2);
    expect(await holdsFor(db, item.id)).toEqual([hold]);
    await removeHold(db, hold.id, T0 + 3 * DAY);
    expect(await holdsFor(db, item.id)).toEqual([]);
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(['hold.added', 'hold.removed']);
  });

  it('refuses a hold for an item the register does not know', async () => {
    await expect(setHold(db, { tool: 'zendesk', kind: 'message', toolId: 'nope' }, fiscal, T0)).rejects.toThrow(
      /not in the register/,
    );
  });
});
