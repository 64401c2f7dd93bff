import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportFromHash } from '@/components/dashboard/export/export-from-hash';
import type { DossierExportDeps } from '@/components/dashboard/export/run-dossier-export';
import { JobsSection } from '@/components/dashboard/sections/jobs-section';
import { VirtualClock } from '@/lib/connectors/clock';
import { helpscout } from '@/lib/connectors/helpscout';
import type { ExportJob } from '@/lib/dossier/export-job-schema';
import { RegisterExportStore } from '@/lib/dossier/export-store';
import { createRequest } from '@/lib/register/requests';
import { createDesk, type SeedData } from '../../../demo/desk';
import { deskConnection } from '../../../scripts/erase/desk-connections';
import { freshRegister } from '../../unit/register/fresh-register';

const NOW = Date.UTC(2026, 10, 28, 12);
const EMAIL = 'lotte@example.nl';
const seed: SeedData = {
  now: NOW,
  customers: [{ name: 'Lotte Visser', email: EMAIL, lang: 'nl' }],
  conversations: [
    {
      tool: 'helpscout',
      customerEmail: EMAIL,
      ccEmails: [],
      subject: 'vraag',
      status: 'closed',
      createdAt: NOW - 86_400_000,
      updatedAt: NOW - 86_400_000,
      held: false,
      messages: [
        { fromCustomer: true, authorName: 'Lotte', authorEmail: EMAIL, body: 'hallo', at: NOW, attachments: [] },
      ],
    },
  ],
};

afterEach(cleanup);

describe('an export whose tab was closed', () => {
  it('continues when the dashboard opens again, shows in Jobs, and ends saved with the request fulfilled', async () => {
    const db = freshRegister();
    await db.customers.add({ id: 'c1', name: 'Lotte Visser', createdAt: NOW, updatedAt: NOW });
    await db.identities.add({ id: 'i1', customerId: 'c1', kind: 'email', value: EMAIL, firstSeen: NOW });
    const request = await createRequest(db, 'c1', 'access', NOW, NOW);
    // What a closed tab leaves behind: the job persisted mid-way, the request open.
    const interrupted: ExportJob = {
      id: 'job-left-behind',
      kind: 'export',
      customerId: 'c1',
      requestId: request.id,
      scope: 'access',
      language: 'en',
      mask: false,
      status: 'writing',
      tools: [{ tool: 'helpscout', status: 'done', attempts: 1, records: 2 }],
      resumed: 0,
      createdAt: NOW - 60_000,
      updatedAt: NOW - 30_000,
    };
    await new RegisterExportStore(db).put(interrupted);
    await new RegisterExportStore(db).put({ ...interrupted, id: 'job-done', status: 'done' });

    const desk = createDesk({ seed, now: () => NOW });
    const save = vi.fn<DossierExportDeps['save']>(async () => ({ state: 'complete' }));
    const deps: DossierExportDeps = {
      db,
      connectedTools: async () => ['helpscout'],
      tools: {
        connectors: { helpscout },
        connection: deskConnection,
        fetch: desk.deskFetch,
        clock: new VirtualClock(NOW),
      },
      save,
    };
    render(
      <>
        <ExportFromHash db={db} deps={deps} take={async () => []} />
        <JobsSection db={db} />
      </>,
    );
    const jobs = await screen.findByRole('list', { name: 'Jobs' });
    await waitFor(
      () =>
        expect(
          within(jobs)
            .getAllByRole('listitem')
            .map((li) => li.dataset.jobStatus),
        ).toEqual(['done', 'done']),
      {
        timeout: 10_000,
      },
    );
    expect(save).toHaveBeenCalledOnce();
    expect(save.mock.calls[0]![1]).toMatch(/^privacydesk-dossier-access-2026-11-28-jobleftb\.zip$/);
    expect((await db.requests.get(request.id))?.status).toBe('closed');
    expect((await db.jobs.get('job-left-behind'))?.payload).toMatchObject({ status: 'done', resumed: 1 });
    expect(desk.violations).toEqual([]);
  });
});
