import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ForgetDialog, type ErasureClient, type PlanRequest } from '@/components/panel/forget-dialog';
import type { ErasurePlanView, ErasureProgressView } from '@/lib/messaging/erasure-messages';

afterEach(cleanup);

const request: PlanRequest = {
  identities: [{ kind: 'email', value: 'emma.visser@kpnmail.nl' }],
  conversation: { tool: 'zendesk', conversationId: '4821' },
};

const plan: ErasurePlanView = {
  planId: 'plan-1',
  tools: [
    {
      tool: 'zendesk',
      label: 'Zendesk',
      permanence: 'permanent',
      permanenceNote: 'Tickets are deleted permanently.',
      eraseCount: 3,
      erase: [
        { kind: 'ticket', id: '11', role: 'requester', title: 'Return of order 5521' },
        { kind: 'ticket', id: '12', role: 'cc', title: 'Invoice question' },
      ],
      keptCount: 1,
      kept: [{ kind: 'ticket', id: '13', role: 'requester', title: 'Signed agreement' }],
    },
    {
      tool: 'freshdesk',
      label: 'Freshdesk',
      permanence: 'soft',
      permanenceNote: 'Tickets go to Freshdesk’s trash until it is emptied.',
      eraseCount: 1,
      erase: [{ kind: 'ticket', id: '7', role: 'requester', title: 'Delivery' }],
      keptCount: 0,
      kept: [],
    },
    {
      tool: 'meta',
      label: 'Meta business inbox',
      permanence: 'manual',
      permanenceNote: 'Done by hand and recorded.',
      eraseCount: 1,
      erase: [{ kind: 'manual', id: 'inbox', role: 'contact' }],
      keptCount: 0,
      kept: [],
      manual: {
        deepLink: 'https://business.facebook.com/latest/inbox/all',
        checklist: ['Open the inbox', 'Delete it'],
      },
    },
  ],
  errors: [{ tool: 'outlook', label: 'Outlook', message: 'Outlook: sign-in expired or was refused.' }],
  notConnected: [{ tool: 'gmail', label: 'Gmail' }],
};

function progress(
  status: ErasureProgressView['status'],
  extra: Partial<ErasureProgressView> = {},
): ErasureProgressView {
  const done = status === 'erased';
  return {
    jobId: 'job-1',
    status,
    stepsDone: done ? 5 : 2,
    stepsTotal: 5,
    perTool: [
      {
        tool: 'zendesk',
        label: 'Zendesk',
        permanence: 'permanent',
        erased: done ? 2 : 1,
        left: done ? 0 : 1,
        failed: 0,
        kept: 2,
      },
      {
        tool: 'freshdesk',
        label: 'Freshdesk',
        permanence: 'soft',
        erased: done ? 1 : 0,
        left: done ? 0 : 1,
        failed: 0,
        kept: 0,
      },
    ],
    manual: [],
    errors: [],
    ...(done ? { backupsClearBy: Date.UTC(2027, 1, 1), finishedAt: Date.UTC(2026, 10, 28) } : {}),
    ...extra,
  };
}

function fakeClient(sequence: ErasureProgressView[]): ErasureClient & Record<string, ReturnType<typeof vi.fn>> {
  let i = 0;
  return {
    plan: vi.fn(async () => plan),
    start: vi.fn(async () => ({ jobId: 'job-1' })),
    progress: vi.fn(async () => sequence[Math.min(i++, sequence.length - 1)]!),
    retry: vi.fn(async () => ({ ok: true })),
    confirmManual: vi.fn(async () => ({ ok: true })),
  };
}

const formatDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('the Forget dialog', () => {
  it('shows the plan per tool: what goes, what stays because held, what is done by hand, what is not covered', async () => {
    const client = fakeClient([]);
    render(<ForgetDialog request={request} onClose={() => {}} formatDate={formatDate} client={client} />);
    const dialog = screen.getByRole('dialog', { name: 'Forget this customer' });
    expect(client.plan).toHaveBeenCalledWith(request);
    const zendesk = await within(dialog).findByRole('region', { name: 'Zendesk' });
    expect(zendesk.textContent).toContain('Will be deleted: 3');
    const toDelete = within(zendesk).getByRole('list', { name: 'To be deleted in Zendesk' });
    expect(
      within(toDelete)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Return of order 5521', 'Invoice question', 'and 1 more']);
    expect(zendesk.textContent).toContain('Stays because it is kept: 1');
    expect(within(zendesk).getByRole('list', { name: 'Kept in Zendesk' }).textContent).toContain('Signed agreement');
    const meta = within(dialog).getByRole('region', { name: 'Meta business inbox' });
    expect(within(meta).getByRole('link', { name: 'Open Meta business inbox' }).getAttribute('href')).toBe(
      'https://business.facebook.com/latest/inbox/all',
    );
    expect(meta.textContent).toContain('Delete it');
    expect(dialog.textContent).toContain('Outlook could not be searched');
    expect(dialog.textContent).toContain('Not connected in this browser (nothing is erased there): Gmail');
    expect(client.start).not.toHaveBeenCalled();
  });

  it('Forget permanently starts the job, shows live progress, then a summary per tool', async () => {
    const client = fakeClient([progress('running'), progress('erased')]);
    render(<ForgetDialog request={request} onClose={() => {}} formatDate={formatDate} client={client} pollMs={10} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Forget permanently' }));
    expect(client.start).toHaveBeenCalledWith('plan-1');
    const dialog = screen.getByRole('dialog', { name: 'Forget this customer' });
    // The confirm button is gone: focus stays in the dialog, on its heading.
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByRole('heading', { level: 2 })));
    await waitFor(() => expect(dialog.textContent).toContain('Customer forgotten'));
    expect(client.progress).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('erasure-summary').textContent).toBe(
      '2 items erased in Zendesk; 1 items erased in Freshdesk',
    );
    expect(dialog.textContent).toContain('Zendesk: 2 erased, 0 left, 2 kept');
    expect(dialog.textContent).toContain('Not permanent at once: Tickets go to Freshdesk’s trash');
    expect(dialog.textContent).toContain("Gone from the tools' backups by 2027-02-01.");
    await new Promise((r) => setTimeout(r, 50));
    expect(client.progress).toHaveBeenCalledTimes(2); // polling stops at the end
  });

  it('a manual step waits for the agent’s confirmation', async () => {
    const waiting = progress('awaiting-agent', {
      manual: [
        {
          stepId: 4,
          tool: 'meta',
          label: 'Meta business inbox',
          deepLink: 'https://business.facebook.com/latest/inbox/all',
          checklist: ['Open the inbox'],
        },
      ],
    });
    const client = fakeClient([waiting, waiting, progress('erased')]);
    render(<ForgetDialog request={request} onClose={() => {}} formatDate={formatDate} client={client} pollMs={10} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Forget permanently' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Done: I deleted it in Meta business inbox' }));
    expect(client.confirmManual).toHaveBeenCalledWith('job-1', 4);
    await waitFor(() => expect(screen.getByRole('dialog').textContent).toContain('Customer forgotten'));
  });

  it('a partial end lists what failed and retries', async () => {
    const partial = progress('partial', {
      errors: [{ tool: 'zendesk', message: 'Zendesk had a server error (500); we will try again.', retryable: true }],
    });
    partial.perTool[0] = { ...partial.perTool[0]!, failed: 1, left: 1 };
    const client = fakeClient([partial, progress('running'), progress('erased')]);
    render(<ForgetDialog request={request} onClose={() => {}} formatDate={formatDate} client={client} pollMs={10} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Forget permanently' }));
    const dialog = screen.getByRole('dialog');
    await waitFor(() => expect(dialog.textContent).toContain('Not everything could be erased'));
    expect(dialog.textContent).toContain('Zendesk had a server error (500)');
    expect(dialog.textContent).toContain('1 steps failed');
    await userEvent.click(screen.getByRole('button', { name: 'Retry failed steps' }));
    expect(client.retry).toHaveBeenCalledWith('job-1');
    await waitFor(() => expect(dialog.textContent).toContain('Customer forgotten'));
  });

  it('says so when planning fails', async () => {
    const client = { ...fakeClient([]), plan: vi.fn(async () => Promise.reject(new Error('No answer'))) };
    render(<ForgetDialog request={request} onClose={() => {}} formatDate={formatDate} client={client} />);
    expect((await screen.findByRole('alert')).textContent).toContain('No answer');
  });

  it('takes focus, keeps Tab inside, closes on Escape without it reaching the panel, and gives focus back', async () => {
    const onClose = vi.fn();
    const panelKeys = vi.fn();
    function Host({ open }: { open: boolean }) {
      return (
        <aside ref={(el) => el?.addEventListener('keydown', panelKeys)}>
          <button type="button">Forget this customer</button>
          {open && <ForgetDialog request={request} onClose={onClose} formatDate={formatDate} client={fakeClient([])} />}
        </aside>
      );
    }
    const { rerender } = render(<Host open={false} />);
    const opener = screen.getByRole('button', { name: 'Forget this customer' });
    opener.focus();
    rerender(<Host open />);
    const dialog = screen.getByRole('dialog', { name: 'Forget this customer' });
    expect(document.activeElement).toBe(within(dialog).getByRole('heading', { name: 'Forget this customer' }));
    const confirm = await within(dialog).findByRole('button', { name: 'Forget permanently' });
    confirm.focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Close' }));
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(confirm);
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(panelKeys.mock.calls.filter(([e]) => (e as KeyboardEvent).key === 'Escape')).toHaveLength(0);
    act(() => rerender(<Host open={false} />));
    expect(document.activeElement).toBe(opener);
  });
});
