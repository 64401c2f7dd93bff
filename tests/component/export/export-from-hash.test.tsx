import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ExportFromHash } from '@/components/dashboard/export/export-from-hash';
import { resolveCustomer } from '@/components/dashboard/export/resolve-customer';
import type { DossierExportDeps } from '@/components/dashboard/export/run-dossier-export';
import { realClock } from '@/lib/connectors/clock';
import type { ExportIdentity } from '@/lib/messaging/export-messages';
import type { RegisterDb } from '@/lib/register/db';
import { openExport, takeExport } from '../../../entrypoints/background/export';
import { freshRegister } from '../../unit/register/fresh-register';

const TOKEN = '0b7f6c1e-2d3a-4f5b-8c9d-0e1f2a3b4c5d';
const deps = (db: RegisterDb): DossierExportDeps => ({
  db,
  connectedTools: async () => [],
  tools: {
    connectors: {},
    connection: () => undefined,
    fetch: () => Promise.reject(new Error('offline')),
    clock: realClock,
  },
  save: async () => ({ state: 'complete' }),
});

afterEach(() => {
  cleanup();
  history.replaceState(null, '', '#');
});

describe('the panel’s export request in the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens the dashboard with a token only, and hands the identities out once', async () => {
    const identities: ExportIdentity[] = [{ kind: 'email', value: 'Emma.Visser@kpnmail.nl' }];
    const token = await openExport(identities);
    const tabs = await fakeBrowser.tabs.query({});
    const url = tabs.at(-1)?.url ?? '';
    expect(url).toMatch(new RegExp(`/dashboard\\.html#export/${token}$`));
    expect(url).not.toContain('kpnmail');
    expect(await takeExport(token)).toEqual(identities);
    expect(await takeExport(token)).toEqual([]);
  });
});

describe('the dashboard at #export/<token>', () => {
  it('finds the customer by a normalised identity and opens the export dialog for them', async () => {
    const db = freshRegister();
    await db.customers.add({ id: 'c1', name: 'Emma Visser', createdAt: 1, updatedAt: 1 });
    await db.identities.add({ id: 'i1', customerId: 'c1', kind: 'email', value: 'emma@kpnmail.nl', firstSeen: 1 });
    history.replaceState(null, '', `#export/${TOKEN}`);
    const asked: string[] = [];
    const take = async (token: string): Promise<ExportIdentity[]> => {
      asked.push(token);
      return [{ kind: 'email', value: ' EMMA@kpnmail.nl ' }];
    };
    render(<ExportFromHash db={db} deps={deps(db)} take={take} />);
    expect(await screen.findByRole('dialog', { name: 'Export dossier — Emma Visser' })).toBeTruthy();
    expect(asked).toEqual([TOKEN]);
    expect(await db.customers.count()).toBe(1);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(location.hash).toBe('#customers');
  });

  it('adds the customer when the panel’s report has not reached the register yet', async () => {
    const db = freshRegister();
    const id = await resolveCustomer(db, [
      { kind: 'email', value: 'New@Example.nl' },
      { kind: 'phone', value: '06 12345678' },
    ]);
    expect((await db.identities.where('customerId').equals(id).toArray()).map((i) => i.value).sort()).toEqual([
      '+31612345678',
      'new@example.nl',
    ]);
    // Found again by either identity, not added twice.
    expect(await resolveCustomer(db, [{ kind: 'phone', value: '+31 6 1234 5678' }])).toBe(id);
    expect(await db.customers.count()).toBe(1);
  });

  it('says the link is no longer valid when the identities were taken already', async () => {
    const db = freshRegister();
    history.replaceState(null, '', `#export/${TOKEN.replace('0b', '1b')}`);
    render(<ExportFromHash db={db} deps={deps(db)} take={async () => []} />);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('no longer valid'));
  });

  it('shows nothing on other sections', () => {
    const db = freshRegister();
    history.replaceState(null, '', '#customers');
    render(<ExportFromHash db={db} deps={deps(db)} take={async () => []} />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
