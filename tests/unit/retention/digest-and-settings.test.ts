import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addMonths } from '@/lib/register/calendar';
import type { DataSubjectRequest } from '@/lib/register/schemas';
import { composeDigest, requestsNearingDeadline, setDigest, showDigest } from '@/lib/retention/digest';
import { summarise } from '@/lib/retention/run-check';
import {
  autoCleanupOn,
  disableAutoCleanup,
  enableAutoCleanup,
  readSettings,
  retentionSettings,
} from '@/lib/retention/settings';
import type { DueItem } from '@/lib/retention/types';
import { DAY, NOW } from './register-helper';

const request = (
  id: string,
  receivedAt: number,
  status: DataSubjectRequest['status'] = 'open',
): DataSubjectRequest => ({
  id,
  customerId: 'c',
  kind: 'erasure',
  receivedAt,
  deadline: addMonths(receivedAt, 1),
  status,
});

const due = (tool: string, toolId: string): DueItem => ({
  tool,
  kind: 'conversation',
  toolKind: 'ticket',
  toolId,
  customerId: 'c',
  policyId: 'closed-conversations',
  dueAt: NOW - DAY,
  state: 'due',
  held: false,
  confirmed: true,
});

describe('weekly digest', () => {
  it('lists requests within a week of their one-month deadline, and late ones, but not closed or far ones', () => {
    const requests = [
      request('soon', NOW - 26 * DAY),
      request('late', NOW - 40 * DAY),
      request('far', NOW - 2 * DAY),
      request('done', NOW - 29 * DAY, 'closed'),
    ];
    expect(requestsNearingDeadline(requests, NOW).map((r) => r.id)).toEqual(['late', 'soon']);
  });

  it('says how many items are due per tool and which requests need an answer', () => {
    const summary = summarise([due('zendesk', '1'), due('zendesk', '2'), due('gmail', 'a')], [], NOW);
    const digest = composeDigest(summary, [request('soon', NOW - 26 * DAY), request('late', NOW - 40 * DAY)], NOW);
    expect(digest?.title).toBe('PrivacyDesk weekly retention digest');
    expect(digest?.lines).toEqual([
      '1 items due for cleanup in gmail',
      '2 items due for cleanup in zendesk',
      '1 data-subject requests near their one-month deadline',
      '1 data-subject requests past their deadline',
    ]);
    expect(composeDigest(summarise([], [], NOW), [request('far', NOW - 2 * DAY)], NOW)).toBeNull();
  });

  it('shows the digest as one browser notification', async () => {
    await showDigest({ title: 'T', lines: ['a', 'b'] });
    const all = await fakeBrowser.notifications.getAll();
    expect(Object.keys(all)).toEqual(['retention-digest']);
  });

  it('is opt-in: off by default, on only when the notifications permission is granted', async () => {
    expect((await readSettings()).digest).toBe(false);
    const request = vi.fn(async () => false);
    Object.assign(fakeBrowser, { permissions: { ...fakeBrowser.permissions, request } });
    expect(await setDigest(true)).toBe(false);
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    expect((await readSettings()).digest).toBe(false);
    request.mockResolvedValue(true);
    expect(await setDigest(true)).toBe(true);
    expect((await readSettings()).digest).toBe(true);
    expect(await setDigest(false)).toBe(false);
    expect(request).toHaveBeenCalledTimes(2);
  });
});

describe('automatic cleanup', () => {
  it('is off by default and cannot be switched on without an explicit confirmation', async () => {
    const settings = await readSettings();
    expect(autoCleanupOn(settings, 'closed-conversations')).toBe(false);
    await expect(enableAutoCleanup('closed-conversations', undefined)).rejects.toThrow(/confirmation/);
    expect(autoCleanupOn(await readSettings(), 'closed-conversations')).toBe(false);

    await enableAutoCleanup('closed-conversations', { confirmed: true, by: 'lead@acme.nl', at: NOW });
    const on = await readSettings();
    expect(on.autoCleanup['closed-conversations']).toEqual({ confirmedAt: NOW, by: 'lead@acme.nl' });
    expect(autoCleanupOn(on, 'attachments')).toBe(false);

    await disableAutoCleanup('closed-conversations');
    expect(autoCleanupOn(await readSettings(), 'closed-conversations')).toBe(false);
  });

  it('falls back to safe defaults when the stored settings are damaged', async () => {
    await fakeBrowser.storage.local.set({ 'retention-settings': { digest: 'yes', autoCleanup: 3 } });
    expect(await readSettings()).toEqual({ digest: false, autoCleanup: {}, backupHorizonDays: {} });
    expect(await retentionSettings.getValue()).toBeDefined();
  });
});
