import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportDialog } from '@/components/dashboard/export/export-dialog';
import { ExportDossierButton } from '@/components/dashboard/export/export-dossier-button';
import type { DossierExportDeps } from '@/components/dashboard/export/run-dossier-export';
import { VirtualClock } from '@/lib/connectors/clock';
import { front } from '@/lib/connectors/front';
import { zendesk } from '@/lib/connectors/zendesk';
import type { Dossier } from '@/lib/dossier/dossier-schema';
import type { RegisterDb } from '@/lib/register/db';
import { createDesk, type SeedConversation, type SeedData } from '../../../demo/desk';
import { freshRegister } from '../../unit/register/fresh-register';

const NOW = Date.UTC(2026, 10, 28, 12);
const EMAIL = 'lotte@example.nl';

function conversation(tool: SeedConversation['tool']): SeedConversation {
  return {
    tool,
    customerEmail: EMAIL,
    ccEmails: [],
    subject: `${tool} vraag`,
    status: 'open',
    createdAt: NOW - 86_400_000,
    updatedAt: NOW - 80_000_000,
    held: false,
    messages: [
      {
        fromCustomer: true,
        authorName: 'Lotte Visser',
        authorEmail: EMAIL,
        body: `${tool}: waar blijft mijn order?`,
        at: NOW - 86_400_000,
        attachments: [{ name: `${tool}-bon.txt`, contentType: 'text/plain', content: `bon ${tool}` }],
      },
      {
        fromCustomer: false,
        authorName: 'Sanne de Vries',
        authorEmail: 'support@acme.example',
        body: `${tool}: onderweg.`,
        at: NOW - 80_000_000,
        attachments: [],
      },
    ],
  };
}

const seed: SeedData = {
  now: NOW,
  customers: [{ name: 'Lotte Visser', email: EMAIL, lang: 'nl' }],
  conversations: [conversation('zendesk'), conversation('front')],
};

const secrets: Record<string, Record<string, string>> = {
  zendesk: { email: 'agent@acme.example', token: 'demo-zendesk-token' },
  front: { token: 'demo-front-token' },
};

interface Saved {
  name: string;
  files: Record<string, Uint8Array>;
}

async function setUp(options: { failFront?: boolean; cancelDownload?: boolean } = {}) {
  const desk = createDesk({ seed, now: () => NOW });
  const db = freshRegister();
  await db.customers.add({ id: 'c1', name: 'Lotte Visser', createdAt: NOW, updatedAt: NOW });
  await db.identities.add({ id: 'i1', customerId: 'c1', kind: 'email', value: EMAIL, firstSeen: NOW });
  const saved: Saved[] = [];
  const deps: DossierExportDeps = {
    db,
    connectedTools: async () => ['front', 'zendesk', 'not-a-tool'],
    tools: {
      connectors: { zendesk, front },
      connection: (tool) => ({ tool, account: 'acme', secret: secrets[tool]! }),
      fetch: (url, init) =>
        options.failFront && String(url).includes('frontapp')
          ? Promise.reject(new TypeError('network down'))
          : desk.deskFetch(url, init),
      clock: new VirtualClock(NOW),
      maxAttempts: 1,
    },
    save: async (blob, name, onStarted) => {
      await onStarted?.(41);
      if (options.cancelDownload)
        return { state: 'interrupted', reason: 'The download was cancelled: the dossier was not saved.' };
      saved.push({ name, files: unzipSync(new Uint8Array(await blob.arrayBuffer())) });
      return { state: 'complete' };
    },
  };
  return { db, deps, saved, desk };
}

const dossierOf = (saved: Saved) => JSON.parse(new TextDecoder().decode(saved.files['dossier.json'])) as Dossier;

async function requestsOf(db: RegisterDb) {
  return (await db.requests.toArray()).map((r) => [r.customerId, r.kind, r.status]);
}

afterEach(cleanup);

describe('the Export dossier dialog', () => {
  it('makes a portability dossier from every connected tool, saves it and records the request as fulfilled', async () => {
    const { db, deps, saved, desk } = await setUp();
    const user = userEvent.setup();
    render(<ExportDialog customerId="c1" customerLabel="Lotte Visser" deps={deps} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Export dossier — Lotte Visser' });
    await waitFor(() => expect(dialog.textContent).toContain('from Zendesk, Front and the register'));

    await user.click(within(dialog).getByLabelText('Only what the customer provided (GDPR Art. 20)'));
    await user.click(within(dialog).getByLabelText('Mask other people’s personal data (GDPR Art. 15(4))'));
    await user.selectOptions(within(dialog).getByLabelText('Language of the readable copy'), 'nl');
    await user.click(within(dialog).getByRole('button', { name: 'Make dossier' }));

    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 10_000 });
    const status = within(dialog).getByRole('status');
    await waitFor(() => expect(status.textContent).toContain(`Dossier saved: ${saved[0]!.name}`));
    expect(status.textContent).toContain('The request is recorded as fulfilled in the register.');
    expect(saved[0]!.name).toMatch(/^privacydesk-dossier-portability-2026-11-28-[a-z0-9]{8}\.zip$/);
    expect(saved[0]!.name).not.toContain('lotte');

    const items = within(dialog).getByRole('list', { name: 'Tools read for this dossier' }).querySelectorAll('li');
    expect([...items].map((li) => [li.dataset.exportTool, li.dataset.status])).toEqual([
      ['zendesk', 'done'],
      ['front', 'done'],
    ]);
    expect(items[0]!.textContent).toMatch(/^Zendesk: \d+ records read$/);

    const dossier = dossierOf(saved[0]!);
    expect(dossier.scope).toBe('portability');
    expect(dossier.language).toBe('nl');
    expect(dossier.masking.applied).toBe(true);
    // Portability: only what the customer provided, not the agent's replies.
    expect(dossier.messages.map((m) => m.text).sort()).toEqual([
      'front: waar blijft mijn order?',
      'zendesk: waar blijft mijn order?',
    ]);
    expect(desk.violations).toEqual([]);
    await waitFor(async () => expect(await requestsOf(db)).toEqual([['c1', 'portability', 'closed']]));
    const job = (await db.jobs.toArray())[0]!;
    expect([job.kind, job.status, job.customerId]).toEqual(['export', 'done', 'c1']);
    // The job holds ids, statuses and counts: never the collected messages.
    expect(JSON.stringify(job)).not.toContain('waar blijft');
  });

  it('names a tool that could not be read and still saves what the others hold', async () => {
    const { db, deps, saved } = await setUp({ failFront: true });
    const user = userEvent.setup();
    render(<ExportDialog customerId="c1" deps={deps} onClose={() => undefined} />);
    const dialog = screen.getByRole('dialog', { name: 'Export dossier' });
    await user.click(await within(dialog).findByRole('button', { name: 'Make dossier' }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 10_000 });
    const front = dialog.querySelector('[data-export-tool="front"]') as HTMLElement;
    await waitFor(() => expect(front.dataset.status).toBe('failed'));
    expect(front.textContent).toMatch(/^Front: ./);
    expect(within(dialog).getByRole('status').textContent).toContain('Not every tool could be read: Front');
    const dossier = dossierOf(saved[0]!);
    expect(dossier.scope).toBe('access');
    expect(dossier.tools.map((t) => [t.tool, t.status])).toEqual([
      ['zendesk', 'complete'],
      ['front', 'failed'],
    ]);
    // The request is closed once the saved download is confirmed, after the save itself.
    await waitFor(async () => expect(await requestsOf(db)).toEqual([['c1', 'access', 'closed']]));
  });

  it('leaves the request open and says so when the download is cancelled instead of saved', async () => {
    const { db, deps, saved } = await setUp({ cancelDownload: true });
    const user = userEvent.setup();
    render(<ExportDialog customerId="c1" deps={deps} onClose={() => undefined} />);
    await user.click(await screen.findByRole('button', { name: 'Make dossier' }));
    expect((await screen.findByRole('alert', {}, { timeout: 10_000 })).textContent).toContain(
      'The download was cancelled: the dossier was not saved.',
    );
    expect(saved).toEqual([]);
    expect(await db.requests.toArray()).toHaveLength(1);
    expect(await requestsOf(db)).toEqual([['c1', 'access', 'open']]);
    const job = (await db.jobs.toArray())[0]!;
    expect([job.kind, job.status]).toEqual(['export', 'not-saved']);
    expect(await db.audit.filter((a) => a.action.startsWith('dossier.')).count()).toBe(0);
  });

  it('says when the dossier could not be made, and saves nothing', async () => {
    const { deps, saved } = await setUp();
    const user = userEvent.setup();
    render(<ExportDialog customerId="no-such-customer" deps={deps} onClose={() => undefined} />);
    await user.click(await screen.findByRole('button', { name: 'Make dossier' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^The dossier could not be made: /);
    expect(saved).toEqual([]);
  });

  it('with no tool connected, says the dossier holds what the register knows', async () => {
    const { deps } = await setUp();
    render(
      <ExportDialog customerId="c1" deps={{ ...deps, connectedTools: async () => [] }} onClose={() => undefined} />,
    );
    expect(await screen.findByText(/No tool is connected yet/)).toBeTruthy();
  });

  it('closes with Close and with Escape', async () => {
    const { deps } = await setUp();
    const user = userEvent.setup();
    let closed = 0;
    render(<ExportDialog customerId="c1" deps={deps} onClose={() => closed++} />);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await user.keyboard('{Escape}');
    expect(closed).toBe(2);
  });

  it('opens from the customer’s "Export dossier" button in the dashboard', async () => {
    const { db, deps } = await setUp();
    const user = userEvent.setup();
    render(<ExportDossierButton db={db} customerId="c1" customerLabel="Lotte Visser" deps={deps} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Export dossier' }));
    expect(screen.getByRole('dialog', { name: 'Export dossier — Lotte Visser' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
