import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { zendesk } from '@/lib/connectors/zendesk';
import { RETENTION_ALARM, runRetentionNow, sendDigest, setUpRetention } from '@/entrypoints/background/retention';
import { getRegister } from '@/lib/register/db';
import { checkAndPublish } from '@/lib/retention/publish';
import { enableAutoCleanup, readLastRun, updateSettings } from '@/lib/retention/settings';
import type { RetentionSource } from '@/lib/retention/types';
import { NOW, seedTicket, YEAR } from './register-helper';

beforeAll(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

const source: RetentionSource = {
  tool: 'zendesk',
  listExpired: async (identities) =>
    identities.some((i) => i.value === 'a@x.nl')
      ? [{ tool: 'zendesk', kind: 'ticket', id: 'old', role: 'requester', held: false, updatedAt: NOW - 3 * YEAR }]
      : [],
};

describe('retention in the background', () => {
  it("creates the daily 'retention-daily' alarm and, when it fires, runs the check and sets the badge", async () => {
    await seedTicket(getRegister(), 'old', 'a@x.nl', NOW - 3 * YEAR);
    setUpRetention({ sources: async () => [source], now: () => NOW });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(RETENTION_ALARM)).toBeDefined());
    expect((await fakeBrowser.alarms.get(RETENTION_ALARM))?.periodInMinutes).toBe(24 * 60);

    await fakeBrowser.alarms.onAlarm.trigger({
      name: RETENTION_ALARM,
      scheduledTime: NOW,
      periodInMinutes: 24 * 60,
      persistAcrossSessions: true,
    });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'));
    expect((await readLastRun())?.items[0]).toMatchObject({ toolId: 'old', confirmed: true });
  });

  it('sends the digest only when the user switched it on', async () => {
    await runRetentionNow({ sources: async () => [source], now: () => NOW });
    expect(await sendDigest(NOW)).toBe(false);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
    await updateSettings((s) => ({ ...s, digest: true }));
    expect(await sendDigest(NOW)).toBe(true);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['retention-digest']);
  });

  it('cleans up automatically only for a policy switched on with confirmation', async () => {
    const startErasure = vi.fn(async () => 'job-1');
    const cleanup = {
      service: { startErasure },
      identitiesOf: async () => [{ kind: 'email' as const, value: 'a@x.nl' }],
      contexts: {
        connector: () => ({ ...zendesk, readHolds: async () => new Set<string>() }),
        context: async () => ({}) as never,
      },
    };
    const off = await checkAndPublish({ connectors: [source], register: getRegister(), now: NOW, cleanup });
    expect(off.startedJobs).toEqual([]);
    expect(startErasure).not.toHaveBeenCalled();

    // The policy that applies (the presets installed on start outrank the helper's catch-all 'default').
    await enableAutoCleanup(off.summary.items[0]!.policyId, { confirmed: true, by: 'lead@acme.nl', at: NOW });
    const on = await checkAndPublish({ connectors: [source], register: getRegister(), now: NOW, cleanup });
    expect(on.startedJobs).toEqual(['job-1']);
    const plan = (startErasure.mock.calls[0] as unknown as [{ tools: { steps: { ids: string[] }[] }[] }])[0];
    expect(plan.tools[0]!.steps[0]!.ids).toEqual(['old']);
  });
});
