import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '@/components/dashboard/dashboard-app';
import { registerSections } from '@/components/dashboard/sections/register-sections';
import type { RegisterDb } from '@/lib/register/db';
import { observeConversation } from '@/lib/register/observe-conversation';
import { createRequest } from '@/lib/register/requests';
import { conversation, DAY, freshRegister } from '../../unit/register/fresh-register';

let db: RegisterDb;
beforeEach(() => {
  db = freshRegister();
});
afterEach(() => {
  cleanup();
  db.close();
});

async function seed() {
  const now = Date.now();
  const anna = await observeConversation(
    db,
    conversation(
      '101',
      [
        { kind: 'email', value: 'anna@example.nl' },
        { kind: 'phone', value: '0612345678' },
      ],
      {
        name: 'Anna de Vries',
        messages: ['m1'],
      },
    ),
    now,
  );
  const anna2 = await observeConversation(
    db,
    conversation('g-1', [{ kind: 'email', value: 'anna.private@example.com' }], { name: 'Anna V.', tool: 'gmail' }),
    now,
  );
  return { anna: anna.customerId, anna2: anna2.customerId };
}

function renderDashboard() {
  render(<DashboardApp sections={registerSections(db)} />);
  return screen.getByRole('region', { name: 'Customers' });
}

describe('dashboard on the register', () => {
  it('keeps the contract headings and searches customers by email, phone and name', async () => {
    await seed();
    const customers = renderDashboard();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Customers',
      'Retention due',
      'Jobs',
      'Audit log',
      'Transfers',
      'Connections',
    ]);
    const user = userEvent.setup();
    const search = within(customers).getByRole('searchbox', { name: /Search customers/ });
    await user.type(search, '06 1234');
    expect(await within(customers).findByRole('button', { name: /Anna de Vries/ })).toBeTruthy();
    await user.clear(search);
    await user.type(search, 'anna');
    await waitFor(() => expect(within(customers).getAllByRole('checkbox')).toHaveLength(2));
    await user.clear(search);
    await user.type(search, 'nobody@');
    expect(await within(customers).findByText('No customers found.')).toBeTruthy();
  });

  it('opens a customer with tools, items, a hold and a new request with its deadline', async () => {
    await seed();
    const customers = renderDashboard();
    const user = userEvent.setup();
    await user.type(within(customers).getByRole('searchbox', { name: /Search customers/ }), 'anna@');
    await user.click(await within(customers).findByRole('button', { name: /Anna de Vries/ }));
    const detail = await within(customers).findByRole('article', { name: 'Customer detail' });
    expect(within(detail).getByRole('list', { name: 'Tools' }).textContent).toContain('Zendesk: 1 conversations');
    const items = within(detail).getByRole('list', { name: 'Items' });
    expect(within(items).getAllByRole('listitem')).toHaveLength(2);

    await user.click(within(items).getAllByRole('button', { name: 'Keep' })[0]!);
    await waitFor(() => expect(within(items).getAllByRole('button', { name: 'Release' })).toHaveLength(1));
    expect(await db.holds.count()).toBe(1);

    await user.selectOptions(within(detail).getByRole('combobox', { name: 'Kind of request' }), 'erasure');
    await user.click(within(detail).getByRole('button', { name: 'Record a request' }));
    const requests = within(detail).getByRole('list', { name: 'Data-subject requests' });
    await waitFor(() => expect(within(requests).getByText(/Erasure request, received/)).toBeTruthy());
    expect(within(detail).getByRole('list', { name: 'Timeline' }).textContent).toContain('Erasure request received');
  });

  it('badges open requests due within 7 days, and merges selected customers', async () => {
    const { anna, anna2 } = await seed();
    await createRequest(db, anna, 'access', Date.now() - 27 * DAY);
    await createRequest(db, anna2, 'portability', Date.now() - 2 * DAY);
    const customers = renderDashboard();
    const open = await within(customers).findByRole('list', { name: 'Open data-subject requests' });
    await waitFor(() => expect(within(open).getAllByRole('listitem')).toHaveLength(2));
    const [first, second] = within(open).getAllByRole('listitem');
    expect(first!.querySelector('[data-deadline-state="soon"]')?.textContent).toBe('Due within 7 days');
    expect(second!.querySelector('[data-deadline-state]')).toBeNull();

    const user = userEvent.setup();
    await user.type(within(customers).getByRole('searchbox', { name: /Search customers/ }), 'anna');
    await waitFor(() => expect(within(customers).getAllByRole('checkbox')).toHaveLength(2));
    for (const box of within(customers).getAllByRole('checkbox')) await user.click(box);
    await user.click(within(customers).getByRole('button', { name: 'Merge selected' }));
    expect(await within(customers).findByText('Customers merged.')).toBeTruthy();
    expect(await db.customers.count()).toBe(1);
  });

  it('shows the audit log, exports it as CSV, and lists what the register holds per tool', async () => {
    const { anna, anna2 } = await seed();
    await createRequest(db, anna, 'access');
    const { mergeCustomers } = await import('@/lib/register/merge-customers');
    await mergeCustomers(db, [anna, anna2]);
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:audit';
    });
    renderDashboard();
    const audit = screen.getByRole('region', { name: 'Audit log' });
    await waitFor(() => expect(within(audit).getAllByRole('row')).toHaveLength(3));
    expect(audit.textContent).not.toContain('anna');
    await userEvent.setup().click(within(audit).getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const csv = await blobs[0]!.text();
    expect(csv.split('\r\n')[0]).toBe('at,action,customerHash,tool,count,result,detail');
    expect(csv).toContain('request.access.received');
    expect(csv).not.toContain('anna');

    const connections = screen.getByRole('region', { name: 'Connections' });
    await waitFor(() => expect(connections.textContent).toContain('Zendesk: 2 items in the register'));
    expect(connections.textContent).toContain('Gmail: 1 items in the register');
  });

  it('refuses an import with the wrong passphrase and changes nothing', async () => {
    await seed();
    const { exportRegister } = await import('@/lib/register/register-file');
    const file = await exportRegister(db, 'right passphrase', { iterations: 100_000 });
    await observeConversation(db, conversation('later', [{ kind: 'email', value: 'later@x.nl' }]));
    renderDashboard();
    const user = userEvent.setup();
    const form = screen.getByRole('group', { name: 'Move the register to another browser' });
    await user.type(within(form).getByLabelText('Passphrase'), 'wrong passphrase');
    await user.upload(
      within(form).getByLabelText('Register file'),
      new File([file], 'register.json', { type: 'application/json' }),
    );
    await user.click(within(form).getByRole('button', { name: 'Import register' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('Wrong passphrase');
    expect(await db.customers.count()).toBe(3);

    await user.clear(within(form).getByLabelText('Passphrase'));
    await user.type(within(form).getByLabelText('Passphrase'), 'right passphrase');
    await user.click(within(form).getByRole('button', { name: 'Import register' }));
    expect((await within(form).findByRole('status')).textContent).toBe('Imported 2 customers and 3 items.');
    expect(await db.customers.count()).toBe(2);
  });
});
