import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RetentionDue, RetentionDueLive } from '@/components/dashboard/sections/retention-due';
import { summarise } from '@/lib/retention/run-check';
import { lastRetentionRun } from '@/lib/retention/settings';
import { retentionPresets } from '@/lib/retention/presets';
import type { DueItem } from '@/lib/retention/types';
import { NOW } from './register-helper';

afterEach(cleanup);

const item = (tool: string, toolId: string, extra: Partial<DueItem> = {}): DueItem => ({
  tool,
  kind: 'conversation',
  toolKind: 'ticket',
  toolId,
  customerId: 'c1',
  policyId: 'closed-conversations',
  dueAt: NOW - 1,
  state: 'due',
  held: false,
  confirmed: true,
  ...extra,
});

const summary = summarise(
  [
    item('zendesk', '1'),
    item('zendesk', '2', { state: 'overdue' }),
    item('zendesk', '3', { held: true }),
    item('zendesk', '4', { confirmed: false }),
    item('intercom', 'c9', { policyId: 'chat-transcripts-intercom' }),
  ],
  retentionPresets,
  NOW,
);

describe('<RetentionDue>', () => {
  it('groups due items by tool and policy, counting held items as kept', () => {
    render(<RetentionDue summary={summary} onCleanUp={vi.fn()} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].slice(0, 5).map((c) => c.textContent))).toEqual([
      ['Intercom', 'Chat transcripts: 12 months', '1', '0', '0'],
      ['Zendesk', 'Closed tickets and conversations: 24 months', '2', '1', '1'],
    ]);
    expect(rows[1]!.getAttribute('data-retention-state')).toBe('overdue');
    expect(screen.getByText(/1 items are due by the register only/)).toBeTruthy();
  });

  it('"Clean up" hands over only confirmed, unheld items and reports the jobs started', async () => {
    const onCleanUp = vi.fn(async (items: DueItem[]) => items.length);
    render(<RetentionDue summary={summary} onCleanUp={onCleanUp} />);
    await userEvent.click(screen.getByRole('button', { name: 'Clean up' }));
    const handed = onCleanUp.mock.calls[0]![0];
    expect(handed.map((i) => i.toolId).sort()).toEqual(['1', '2', 'c9']);
    expect(screen.getByRole('status').textContent).toBe('Cleanup started: 3 erasure jobs. Held items stay.');

    const zendeskRow = screen.getAllByRole('row')[2]!;
    await userEvent.click(within(zendeskRow).getByRole('button'));
    expect(onCleanUp.mock.calls[1]![0].map((i) => i.toolId).sort()).toEqual(['1', '2']);
  });

  it('says when nothing is due, and when no check has run yet', () => {
    const { unmount } = render(<RetentionDue summary={summarise([], [], NOW)} onCleanUp={vi.fn()} />);
    expect(screen.getByText('Nothing is due for cleanup.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Clean up' })).toBeNull();
    unmount();
    render(<RetentionDue summary={null} onCleanUp={vi.fn()} />);
    expect(screen.getByText('Retention has not been checked yet.')).toBeTruthy();
  });

  it('the live section follows the summary the background stores', async () => {
    render(<RetentionDueLive onCleanUp={vi.fn()} />);
    expect(await screen.findByText('Retention has not been checked yet.')).toBeTruthy();
    await lastRetentionRun.setValue(summary);
    expect(await screen.findByRole('button', { name: 'Clean up' })).toBeTruthy();
  });
});
