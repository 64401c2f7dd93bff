import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  RetentionSettingsLive,
  RetentionSettingsView,
  type RetentionSettingsActions,
} from '@/components/dashboard/retention-settings';
import type { RegisterDb } from '@/lib/register/db';
import { installPresets } from '@/lib/retention/policies-store';
import { retentionPresets } from '@/lib/retention/presets';
import { summarise } from '@/lib/retention/run-check';
import { defaultRetentionSettings, readSettings, type RetentionSettings } from '@/lib/retention/settings';
import { freshRegister, NOW, seedTicket, YEAR } from '../../unit/retention/register-helper';

afterEach(cleanup);

function actions() {
  return {
    setMonths: vi.fn(async (_id: string, _months: number) => {}),
    setToolPolicy: vi.fn(async (_tool: string, _kind: string, _months: number) => {}),
    removeToolPolicy: vi.fn(async (_id: string) => {}),
    enableAuto: vi.fn(async (_id: string) => {}),
    disableAuto: vi.fn(async (_id: string) => {}),
    setDigest: vi.fn(async (on: boolean) => on),
    setBackupHorizon: vi.fn(async (_tool: string, _days: number) => {}),
  } satisfies RetentionSettingsActions;
}

const dueSummary = summarise(
  [1, 2, 3].map((n) => ({
    tool: 'zendesk',
    kind: 'conversation' as const,
    toolKind: 'ticket',
    toolId: String(n),
    customerId: 'c1',
    policyId: 'closed-conversations',
    dueAt: NOW - 1,
    state: 'due' as const,
    held: n === 3,
    confirmed: true,
  })),
  retentionPresets,
  NOW,
);

function view(a = actions(), settings: RetentionSettings = defaultRetentionSettings) {
  render(
    <RetentionSettingsView
      policies={retentionPresets}
      settings={settings}
      summary={dueSummary}
      tools={['zendesk', 'gmail']}
      backupDefaults={{ zendesk: 30, gmail: 60 }}
      actions={a}
    />,
  );
  return a;
}

const closedAll = 'Keep Closed tickets and conversations in All tools for';

describe('<RetentionSettingsView>', () => {
  it('shows every policy with its period and saves a preset period', async () => {
    const a = view();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(retentionPresets.length);
    const select = screen.getByRole('combobox', { name: closedAll });
    expect((select as HTMLSelectElement).value).toBe('24');
    await userEvent.selectOptions(select, '12');
    expect(a.setMonths).toHaveBeenCalledWith('closed-conversations', 12);
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Closed tickets and conversations in All tools are now kept for 12 months.',
      ),
    );
  });

  it('takes a custom number of months and refuses one out of range', async () => {
    const a = view();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: closedAll }), 'Other period…');
    const months = screen.getByRole('spinbutton', { name: 'Months for Closed tickets and conversations in All tools' });
    await userEvent.clear(months);
    await userEvent.type(months, '1300');
    const row = months.closest('tr')!;
    await userEvent.click(within(row as HTMLElement).getByRole('button', { name: 'Save' }));
    expect(within(row as HTMLElement).getByRole('alert').textContent).toContain('1 to 1200 whole months');
    expect(a.setMonths).not.toHaveBeenCalled();
    await userEvent.clear(months);
    await userEvent.type(months, '18');
    await userEvent.click(within(row as HTMLElement).getByRole('button', { name: 'Save' }));
    expect(a.setMonths).toHaveBeenCalledWith('closed-conversations', 18);
  });

  it('adds a different period for one tool', async () => {
    const a = view();
    const add = screen.getByRole('group', { name: 'A different period for one tool' });
    await userEvent.selectOptions(within(add).getByRole('combobox', { name: 'Tool' }), 'gmail');
    await userEvent.selectOptions(within(add).getByRole('combobox', { name: 'Items' }), 'attachment');
    const months = within(add).getByRole('spinbutton', { name: 'Months' });
    await userEvent.clear(months);
    await userEvent.type(months, '6');
    await userEvent.click(within(add).getByRole('button', { name: 'Add period' }));
    expect(a.setToolPolicy).toHaveBeenCalledWith('gmail', 'attachment', 6);
  });

  it('keeps automatic cleanup off until the dialog saying what goes is confirmed', async () => {
    const a = view();
    const toggle = screen.getByRole('switch', {
      name: 'Automatic cleanup of Closed tickets and conversations in All tools',
    });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    for (const s of screen.getAllByRole('switch', { name: /^Automatic cleanup/ }))
      expect((s as HTMLInputElement).checked).toBe(false);

    await userEvent.click(toggle);
    const dialog = screen.getByRole('dialog', { name: 'Switch on automatic cleanup?' });
    expect(dialog.textContent).toContain(
      'permanently erase closed tickets and conversations in All tools once 24 months have passed',
    );
    // Two of the three are due; the held one is not counted and never erased.
    expect(dialog.textContent).toContain('at the last check: 2 items');
    expect(dialog.textContent).toContain('never erased');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(a.enableAuto).not.toHaveBeenCalled();

    await userEvent.click(toggle);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(a.enableAuto).not.toHaveBeenCalled();

    await userEvent.click(toggle);
    await userEvent.click(screen.getByRole('button', { name: 'Switch on automatic cleanup' }));
    expect(a.enableAuto).toHaveBeenCalledWith('closed-conversations');
  });

  it('switches automatic cleanup off without a dialog', async () => {
    const a = actions();
    view(a, { ...defaultRetentionSettings, autoCleanup: { messages: { confirmedAt: NOW, by: 'dashboard' } } });
    const toggle = screen.getByRole('switch', { name: 'Automatic cleanup of Messages in All tools' });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    await userEvent.click(toggle);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(a.disableAuto).toHaveBeenCalledWith('messages');
  });

  it('says so when the browser does not allow notifications for the digest', async () => {
    const a = actions();
    a.setDigest.mockResolvedValueOnce(false);
    view(a);
    await userEvent.click(screen.getByRole('switch', { name: /Weekly digest/ }));
    expect(a.setDigest).toHaveBeenCalledWith(true);
    expect((await screen.findByRole('alert')).textContent).toContain('Notifications were not allowed');
  });

  it('saves a backup horizon per tool, the tool’s own statement as placeholder', async () => {
    const a = view();
    const zendesk = screen.getByRole('spinbutton', { name: 'Zendesk: days in backups' });
    expect(zendesk.getAttribute('placeholder')).toBe('30');
    await userEvent.type(zendesk, '45{Enter}');
    expect(a.setBackupHorizon).toHaveBeenCalledWith('zendesk', 45);
  });
});

describe('<RetentionSettingsLive> on the register and the stored settings', () => {
  let db: RegisterDb;
  const ticket77 = () => db.items.where('[tool+kind+toolId]').equals(['zendesk', 'conversation', '77']).first();
  beforeEach(async () => {
    fakeBrowser.reset();
    db = freshRegister();
    await installPresets(db);
  });
  afterEach(() => db.close());

  it('re-dates the register when a period changes, and stores a confirmed automatic cleanup', async () => {
    await seedTicket(db, '77', 'anna@example.nl', NOW - YEAR);
    const before = (await ticket77())?.retentionDueAt;
    render(<RetentionSettingsLive db={db} />);
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: closedAll }), '6');
    await waitFor(async () => expect((await db.policies.get('closed-conversations'))?.months).toBe(6));
    await waitFor(async () => expect((await ticket77())?.retentionDueAt).toBeLessThan(before!));
    expect((await db.policies.get('closed-conversations'))?.label).toBe('Closed tickets and conversations: 6 months');

    await userEvent.click(
      screen.getByRole('switch', { name: 'Automatic cleanup of Closed tickets and conversations in All tools' }),
    );
    expect((await readSettings()).autoCleanup).toEqual({});
    await userEvent.click(screen.getByRole('button', { name: 'Switch on automatic cleanup' }));
    await waitFor(async () => expect((await readSettings()).autoCleanup['closed-conversations']?.by).toBe('dashboard'));
    await waitFor(() =>
      expect(
        (
          screen.getByRole('switch', {
            name: 'Automatic cleanup of Closed tickets and conversations in All tools',
          }) as HTMLInputElement
        ).checked,
      ).toBe(true),
    );
  });

  it('asks for the notifications permission when the digest is switched on', async () => {
    const request = vi.spyOn(browser.permissions, 'request').mockResolvedValue(true as never);
    render(<RetentionSettingsLive db={db} />);
    await userEvent.click(await screen.findByRole('switch', { name: /Weekly digest/ }));
    expect(request).toHaveBeenCalledWith({ permissions: ['notifications'] });
    await waitFor(async () => expect((await readSettings()).digest).toBe(true));
  });
});
