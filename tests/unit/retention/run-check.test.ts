import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FoundItem, Identity } from '@/lib/connectors/types';
import { addMonths } from '@/lib/register/calendar';
import type { RegisterDb } from '@/lib/register/db';
import { setHold } from '@/lib/register/holds';
import { badgeText, showDueBadge } from '@/lib/retention/badge';
import { installPresets, setPolicyMonths } from '@/lib/retention/policies-store';
import { checkAndPublish } from '@/lib/retention/publish';
import { runRetentionCheck } from '@/lib/retention/run-check';
import { readLastRun } from '@/lib/retention/settings';
import type { RetentionSource } from '@/lib/retention/types';
import { DAY, freshRegister, NOW, seedTicket, YEAR } from './register-helper';

let db: RegisterDb;
beforeEach(async () => {
  db = freshRegister();
  await installPresets(db);
});
afterEach(() => db.close());

const fiscal = { reason: 'Invoice', legalGround: 'fiscale bewaarplicht 7 jaar (art. 52 AWR)', by: 'agent@acme.nl' };

function zendeskSource(
  byEmail: Record<string, FoundItem[]>,
  calls: { identities: Identity[]; before: number }[] = [],
): RetentionSource {
  return {
    tool: 'zendesk',
    async listExpired(identities, before) {
      calls.push({ identities, before });
      return identities.flatMap((i) => byEmail[i.value] ?? []).filter((t) => (t.updatedAt ?? 0) < before);
    },
  };
}

const ticket = (id: string, updatedAt: number, held = false): FoundItem => ({
  tool: 'zendesk',
  kind: 'ticket',
  id,
  role: 'requester',
  held,
  updatedAt,
});

describe('runRetentionCheck', () => {
  it('merges the tool’s expired items with the register and counts per tool and policy, leaving held items out', async () => {
    const alice = await seedTicket(db, 'old', 'a@x.nl', NOW - 3 * YEAR, ['m1']);
    await seedTicket(db, 'new', 'b@x.nl', NOW - 30 * DAY);
    await setHold(db, { tool: 'zendesk', kind: 'message', toolId: 'm1' }, fiscal, NOW);
    const calls: { identities: Identity[]; before: number }[] = [];
    const source = zendeskSource(
      {
        'a@x.nl': [
          ticket('old', NOW - 3 * YEAR),
          ticket('77', NOW - 30 * 30 * DAY),
          ticket('88', NOW - 4 * YEAR, true),
        ],
      },
      calls,
    );

    const summary = await runRetentionCheck({ connectors: [source], register: db, now: NOW });

    expect(summary.items.map((i) => i.toolId).sort()).toEqual(['77', 'old']);
    expect(summary.dueCount).toBe(2);
    expect(summary.items.every((i) => i.customerId === alice && i.confirmed && i.toolKind === 'ticket')).toBe(true);
    const conversations = summary.groups.find((g) => g.policyId === 'closed-conversations');
    expect(conversations).toMatchObject({ tool: 'zendesk', held: 1 });
    expect(conversations!.due + conversations!.overdue).toBe(2);
    expect(summary.groups.find((g) => g.policyId === 'messages')).toMatchObject({ held: 1, due: 0, overdue: 0 });
    // Every customer the register knows in the tool is asked, with a cutoff near the shortest period.
    expect(calls.map((c) => c.identities[0]?.value).sort()).toEqual(['a@x.nl', 'b@x.nl']);
    expect(calls[0]!.before).toBeGreaterThan(addMonths(NOW, -12));
    expect(calls[0]!.before).toBeLessThan(addMonths(NOW, -12) + 4 * DAY);
  });

  it('a tool that fails is reported; the register’s own due items still count', async () => {
    await seedTicket(db, 'old', 'a@x.nl', NOW - 3 * YEAR);
    const failing: RetentionSource = {
      tool: 'zendesk',
      listExpired: async () => {
        throw new Error('network down at https://acme.zendesk.com?token=secret');
      },
    };
    const summary = await runRetentionCheck({ connectors: [failing], register: db, now: NOW });
    expect(summary.dueCount).toBe(1);
    expect(summary.items[0]).toMatchObject({ toolId: 'old', confirmed: false });
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0]!.message).not.toContain('secret');
  });

  it('an edited period re-dates the register: a shorter period makes a recent ticket due', async () => {
    await seedTicket(db, 'recent', 'a@x.nl', NOW - 100 * DAY);
    expect((await runRetentionCheck({ connectors: [], register: db, now: NOW })).dueCount).toBe(0);
    await setPolicyMonths(db, 'closed-conversations', 3);
    const summary = await runRetentionCheck({ connectors: [], register: db, now: NOW });
    expect(summary.items.map((i) => i.toolId)).toEqual(['recent']);
  });
});

describe('the action badge', () => {
  it('shows the number due, and nothing when none is due', async () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(12)).toBe('12');
    await showDueBadge(3);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
    await showDueBadge(0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('a run sets the badge from the merged count and stores the summary for the dashboard', async () => {
    await seedTicket(db, 'old', 'a@x.nl', NOW - 3 * YEAR);
    await seedTicket(db, 'older', 'c@x.nl', NOW - 5 * YEAR);
    const { summary, startedJobs } = await checkAndPublish({
      connectors: [zendeskSource({ 'a@x.nl': [ticket('old', NOW - 3 * YEAR)] })],
      register: db,
      now: NOW,
    });
    expect(summary.dueCount).toBe(2);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');
    expect((await readLastRun())?.dueCount).toBe(2);
    expect(startedJobs).toEqual([]);

    await setHold(db, { tool: 'zendesk', kind: 'conversation', toolId: 'older' }, fiscal, NOW);
    await checkAndPublish({ connectors: [], register: db, now: NOW });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
  });
});
