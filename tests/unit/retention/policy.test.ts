import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { VirtualClock } from '@/lib/connectors/clock';
import { addMonths, DAY_MS } from '@/lib/register/calendar';
import { defaultPolicy } from '@/lib/register/db';
import { goneFromAllBackupsAt, goneFromBackupsAt, horizonDays, isGoneFromBackups } from '@/lib/retention/backups';
import { basisTime, dueInfo, dueState, OVERDUE_AFTER_DAYS } from '@/lib/retention/due-state';
import { scanDue } from '@/lib/retention/due-scan';
import { holdFor, keepGrounds, retentionPresets, withMonths } from '@/lib/retention/presets';

const closedAt = Date.UTC(2024, 0, 31, 9);

describe('retention policy computation (fake clock)', () => {
  it('moves an item from ok to due to overdue as the clock advances', () => {
    const clock = new VirtualClock(closedAt);
    const item = { tool: 'zendesk', kind: 'conversation' as const, closedAt };
    const dueAt = addMonths(closedAt, 24);
    expect(new Date(dueAt).toISOString()).toBe('2026-01-31T09:00:00.000Z');

    expect(dueInfo(retentionPresets, item, clock.now())).toEqual({
      policyId: 'closed-conversations',
      dueAt,
      state: 'ok',
    });
    clock.advance(dueAt - clock.now() - 1);
    expect(dueInfo(retentionPresets, item, clock.now())?.state).toBe('ok');
    clock.advance(1);
    expect(dueInfo(retentionPresets, item, clock.now())?.state).toBe('due');
    clock.advance(OVERDUE_AFTER_DAYS * DAY_MS - 1);
    expect(dueInfo(retentionPresets, item, clock.now())?.state).toBe('due');
    clock.advance(1);
    expect(dueInfo(retentionPresets, item, clock.now())?.state).toBe('overdue');
  });

  it('uses the chat-transcript preset for chat tools and the general one elsewhere', () => {
    const now = addMonths(closedAt, 13);
    expect(dueInfo(retentionPresets, { tool: 'intercom', kind: 'conversation', closedAt }, now)).toMatchObject({
      policyId: 'chat-transcripts-intercom',
      state: 'due',
    });
    expect(dueInfo(retentionPresets, { tool: 'helpscout', kind: 'conversation', closedAt }, now)).toMatchObject({
      policyId: 'closed-conversations',
      state: 'ok',
    });
  });

  it("counts from the tool's own timestamps: closed, else updated, else last seen", () => {
    const closed = { basis: 'closedAt' as const };
    expect(basisTime(closed, { closedAt: 1, updatedAt: 2, lastSeen: 3 })).toBe(1);
    expect(basisTime(closed, { updatedAt: 2, lastSeen: 3 })).toBe(2);
    expect(basisTime(closed, { lastSeen: 3 })).toBe(3);
    expect(basisTime({ basis: 'lastSeen' }, { updatedAt: 5, lastSeen: 3 })).toBe(5);
    expect(basisTime(closed, {})).toBeUndefined();
  });

  it('contacts without activity are due after their inactivity period', () => {
    const lastSeen = Date.UTC(2023, 5, 1);
    const info = dueInfo(retentionPresets, { tool: 'zendesk', kind: 'contact', lastSeen }, Date.UTC(2025, 5, 2));
    expect(info).toMatchObject({ policyId: 'inactive-contacts', state: 'due' });
  });

  it('a user-edited period changes the due date; nonsense periods are refused', () => {
    const edited = retentionPresets.map((p) => (p.id === 'closed-conversations' ? withMonths(p, 6) : p));
    const item = { tool: 'zendesk', kind: 'conversation' as const, closedAt };
    expect(dueInfo(edited, item, addMonths(closedAt, 6) + DAY_MS)?.state).toBe('due');
    expect(dueInfo(retentionPresets, item, addMonths(closedAt, 6) + DAY_MS)?.state).toBe('ok');
    expect(() => withMonths(defaultPolicy, 0)).toThrow();
    expect(() => withMonths(defaultPolicy, 1.5)).toThrow();
  });

  it('clamps to the end of the month (31 Jan + 1 month = 29 Feb in a leap year)', () => {
    expect(dueState(addMonths(Date.UTC(2024, 0, 31), 1), Date.UTC(2024, 1, 29))).toBe('due');
    expect(dueState(addMonths(Date.UTC(2024, 0, 31), 1), Date.UTC(2024, 1, 28))).toBe('ok');
  });

  it('keep grounds become holds; the fiscal duty keeps seven years', () => {
    const now = Date.UTC(2026, 10, 28);
    const hold = holdFor('fiscal', 'Invoice 2023-118', 'agent@acme.nl', now);
    expect(hold.legalGround).toContain('art. 52 AWR');
    expect(hold.until).toBe(Date.UTC(2033, 10, 28));
    expect(holdFor('agreement', 'Agreed refund', 'agent@acme.nl', now).until).toBeUndefined();
    expect(keepGrounds.map((g) => g.id)).toEqual(['fiscal', 'agreement', 'legal-claim']);
  });
});

describe('scanDue over many rows', () => {
  it('counts due, overdue and held per tool and policy, and lists only unheld due rows', () => {
    const now = Date.UTC(2026, 10, 28);
    const rows = [
      { tool: 'zendesk', kind: 'conversation' as const, closedAt: addMonths(now, -25), held: false },
      { tool: 'zendesk', kind: 'conversation' as const, closedAt: addMonths(now, -24) - 10 * DAY_MS, held: false },
      { tool: 'zendesk', kind: 'conversation' as const, closedAt: addMonths(now, -30), held: true },
      { tool: 'zendesk', kind: 'conversation' as const, closedAt: addMonths(now, -3), held: false },
      { tool: 'intercom', kind: 'conversation' as const, closedAt: addMonths(now, -13), held: false },
    ];
    const result = scanDue(rows, retentionPresets, now);
    expect(result.due).toEqual([0, 1, 4]);
    expect(result.groups.get('zendesk|closed-conversations')).toEqual({
      tool: 'zendesk',
      policyId: 'closed-conversations',
      due: 1,
      overdue: 1,
      held: 1,
    });
    expect(result.groups.get('intercom|chat-transcripts-intercom')?.overdue).toBe(1);
  });
});

describe('backups', () => {
  const erasedAt = Date.UTC(2026, 10, 1);
  it("uses the user's stated horizon, else the connector's default", () => {
    expect(horizonDays('zendesk', { zendesk: 90 }, { zendesk: 30 })).toBe(90);
    expect(horizonDays('zendesk', {}, { zendesk: 30 })).toBe(30);
    expect(horizonDays('gmail', {}, {})).toBe(0);
    expect(goneFromBackupsAt(erasedAt, 'zendesk', {}, { zendesk: 30 })).toBe(erasedAt + 30 * DAY_MS);
  });

  it('data erased across tools is gone from all backups only after the longest horizon', () => {
    const at = goneFromAllBackupsAt(erasedAt, ['zendesk', 'gmail'], { gmail: 60 }, { zendesk: 30 });
    expect(at).toBe(erasedAt + 60 * DAY_MS);
    expect(isGoneFromBackups(erasedAt, ['zendesk', 'gmail'], at - 1, { gmail: 60 }, { zendesk: 30 })).toBe(false);
    expect(isGoneFromBackups(erasedAt, ['zendesk', 'gmail'], at, { gmail: 60 }, { zendesk: 30 })).toBe(true);
  });
});

describe('scanDue agrees with the per-item definition', () => {
  it('for any rows, policies and clock (property)', () => {
    const kinds = ['conversation', 'message', 'contact', 'attachment'] as const;
    const time = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2030, 0, 1) });
    const row = fc.record({
      tool: fc.constantFrom('zendesk', 'intercom', 'gmail'),
      kind: fc.constantFrom(...kinds),
      closedAt: fc.option(time, { nil: undefined }),
      updatedAt: fc.option(time, { nil: undefined }),
      lastSeen: fc.option(time, { nil: undefined }),
      held: fc.boolean(),
    });
    const months = fc.integer({ min: 1, max: 120 });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), months, months, time, (rows, m1, m2, now) => {
        const policies = retentionPresets.map((p) =>
          p.kind === 'conversation' ? withMonths(p, m1) : withMonths(p, m2),
        );
        const result = scanDue(rows, policies, now);
        const expected = rows.flatMap((r, i) => {
          const info = dueInfo(policies, r, now);
          return info && info.state !== 'ok' && !r.held ? [i] : [];
        });
        expect(result.due).toEqual(expected);
        const overdue = rows.filter((r) => !r.held && dueInfo(policies, r, now)?.state === 'overdue').length;
        expect([...result.groups.values()].reduce((n, g) => n + g.overdue, 0)).toBe(overdue);
      }),
      { numRuns: 300 },
    );
  });
});
