import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { retentionForPanel, resetAskedConversations } from '@/entrypoints/background/retention-item-dates';
import type { FoundItem } from '@/lib/connectors/types';
import { addMonths } from '@/lib/register/calendar';
import type { RegisterDb } from '@/lib/register/db';
import { setHold } from '@/lib/register/holds';
import { observeConversation } from '@/lib/register/observe-conversation';
import { conversationRetention } from '@/lib/retention/conversation-retention';
import { installPresets } from '@/lib/retention/policies-store';
import { runRetentionCheck } from '@/lib/retention/run-check';
import type { RetentionSource } from '@/lib/retention/types';
import { DAY, freshRegister, NOW, YEAR } from './register-helper';

let db: RegisterDb;
beforeEach(async () => {
  db = freshRegister();
  await installPresets(db);
  resetAskedConversations();
});
afterEach(() => db.close());

/** The panel saw the ticket today; the page showed no close date. */
async function seenToday(id: string, email: string, messages: string[] = []) {
  await observeConversation(
    db,
    {
      tool: 'zendesk',
      conversationId: id,
      url: `https://acme.zendesk.com/agent/tickets/${id}`,
      customer: { identities: [{ kind: 'email', value: email }] },
      messages: messages.map((m) => ({ id: m, piiTypes: [] })),
      piiTypes: [],
    },
    NOW,
  );
}
const item = (id: string, kind: 'conversation' | 'message' = 'conversation') =>
  db.items.where('[tool+kind+toolId]').equals(['zendesk', kind, id]).first();
const ticket = (id: string, updatedAt: number, held = false): FoundItem => ({
  tool: 'zendesk',
  kind: 'ticket',
  id,
  role: 'requester',
  held,
  updatedAt,
});
const source = (tickets: FoundItem[], calls: number[] = []): RetentionSource => ({
  tool: 'zendesk',
  async listExpired(_identities, before) {
    calls.push(before);
    return tickets.filter((t) => (t.updatedAt ?? 0) < before);
  },
});

describe('the daily check records the tools’ own dates in the register', () => {
  it('dates a ticket the panel only saw today by its close date at the tool, held or not', async () => {
    await seenToday('1', 'a@x.nl');
    await seenToday('2', 'b@x.nl');
    await setHold(
      db,
      { tool: 'zendesk', kind: 'conversation', toolId: '2' },
      { reason: 'Deal', legalGround: 'agreement', by: 'x' },
      NOW,
    );
    // Counted from today, it would stay for two more years.
    expect((await item('1'))?.retentionDueAt).toBe(addMonths(NOW, 24));
    expect((await item('1'))?.closedAt).toBeUndefined();

    const closed = NOW - 3 * YEAR;
    const summary = await runRetentionCheck({
      connectors: [source([ticket('1', closed), ticket('2', closed, true)])],
      register: db,
      now: NOW,
    });

    expect((await item('1'))?.closedAt).toBe(closed);
    expect((await item('1'))?.retentionDueAt).toBe(addMonths(closed, 24));
    expect((await item('2'))?.closedAt).toBe(closed);
    expect(summary.items.map((i) => [i.toolId, i.confirmed, i.dueAt])).toEqual([['1', true, addMonths(closed, 24)]]);
    expect(conversationRetention(await item('1'), NOW)).toEqual({
      state: 'overdue',
      dueAt: addMonths(closed, 24),
      estimated: false,
    });
  });

  it('keeps the tool’s date when the panel sees the conversation again without a close date', async () => {
    await seenToday('1', 'a@x.nl');
    const closed = NOW - 3 * YEAR;
    await runRetentionCheck({ connectors: [source([ticket('1', closed)])], register: db, now: NOW });
    await seenToday('1', 'a@x.nl');
    expect((await item('1'))?.retentionDueAt).toBe(addMonths(closed, 24));
  });
});

describe('the panel’s badge for the open conversation', () => {
  it('is an estimate while only the panel’s sighting dates it', async () => {
    await seenToday('1', 'a@x.nl');
    expect(conversationRetention(await item('1'), NOW)).toEqual({
      state: 'ok',
      dueAt: addMonths(NOW, 24),
      estimated: true,
    });
  });

  it('asks the connected tool once for the dates and answers from them', async () => {
    await seenToday('1', 'a@x.nl');
    const calls: number[] = [];
    const closed = NOW - 3 * YEAR;
    const deps = {
      sources: async () => [source([ticket('1', closed), ticket('9', NOW - DAY)], calls)],
      now: () => NOW,
    };
    expect(await retentionForPanel(db, await item('1'), deps)).toEqual({
      state: 'overdue',
      dueAt: addMonths(closed, 24),
      estimated: false,
    });
    // Everything of the customer up to now was asked for, in one query.
    expect(calls).toEqual([NOW + DAY]);
    expect(await retentionForPanel(db, await item('1'), deps)).toMatchObject({ estimated: false });
    expect(calls).toHaveLength(1);
  });

  it('stays an honest estimate when no tool is connected, the tool fails or is slow, and asks again only later', async () => {
    await seenToday('1', 'a@x.nl');
    const estimate = { state: 'ok', dueAt: addMonths(NOW, 24), estimated: true };
    expect(await retentionForPanel(db, await item('1'), { sources: async () => [], now: () => NOW })).toEqual(estimate);

    await seenToday('2', 'b@x.nl');
    const failing: RetentionSource = {
      tool: 'zendesk',
      listExpired: vi.fn(async () => Promise.reject(new Error('401'))),
    };
    expect(
      await retentionForPanel(db, await item('2'), { sources: async () => [failing], now: () => NOW }),
    ).toMatchObject({
      estimated: true,
    });
    // Asked at most once per conversation in a while, whatever happened.
    await retentionForPanel(db, await item('2'), { sources: async () => [failing], now: () => NOW + 60_000 });
    expect(failing.listExpired).toHaveBeenCalledTimes(1);

    await seenToday('3', 'c@x.nl');
    const slow: RetentionSource = { tool: 'zendesk', listExpired: () => new Promise(() => {}) };
    const started = performance.now();
    expect(
      await retentionForPanel(db, await item('3'), { sources: async () => [slow], now: () => NOW, waitMs: 50 }),
    ).toMatchObject({ estimated: true });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('shows no badge for a held conversation', async () => {
    await seenToday('1', 'a@x.nl');
    await setHold(
      db,
      { tool: 'zendesk', kind: 'conversation', toolId: '1' },
      { reason: 'Deal', legalGround: 'agreement', by: 'x' },
      NOW,
    );
    expect(await retentionForPanel(db, await item('1'), { sources: async () => [], now: () => NOW })).toBeNull();
  });
});
