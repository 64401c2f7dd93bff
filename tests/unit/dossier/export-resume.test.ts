import { unzipSync } from 'fflate';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesk, type DemoDesk, type SeedData } from '../../../demo/desk';
import { VirtualClock } from '../../../lib/connectors/clock';
import { helpscout } from '../../../lib/connectors/helpscout';
import type { Dossier } from '../../../lib/dossier/dossier-schema';
import { planExport, resumeExport, runExport, type ExportDeps } from '../../../lib/dossier/export-job';
import type { ExportJob } from '../../../lib/dossier/export-job-schema';
import { RegisterExportStore, type ExportJobStore } from '../../../lib/dossier/export-store';
import type { RegisterDb } from '../../../lib/register/db';
import { deskConnection } from '../../../scripts/erase/desk-connections';
import { freshRegister } from '../register/fresh-register';

const NOW = Date.UTC(2026, 10, 28, 12);
const EMAIL = 'lotte@example.nl';
const seed: SeedData = {
  now: NOW,
  customers: [{ name: 'Lotte Visser', email: EMAIL, lang: 'nl' }],
  conversations: [1, 2, 3].map((n) => ({
    tool: 'helpscout' as const,
    customerEmail: EMAIL,
    ccEmails: [],
    subject: `vraag ${n}`,
    status: 'closed' as const,
    createdAt: NOW - n * 86_400_000,
    updatedAt: NOW - n * 86_400_000,
    held: false,
    messages: [
      {
        fromCustomer: true,
        authorName: 'Lotte Visser',
        authorEmail: EMAIL,
        body: `bericht ${n}`,
        at: NOW - n * 86_400_000,
        attachments: [{ name: `bon-${n}.txt`, contentType: 'text/plain', content: `bon ${n}` }],
      },
    ],
  })),
};

/** The tab (or browser) stops the moment the job has persisted `status`: nothing after it is written. */
class Killed extends Error {}
function dyingAt(store: ExportJobStore, status: ExportJob['status']): ExportJobStore {
  let dead = false;
  return {
    get: (id) => store.get(id),
    async put(job) {
      if (dead) throw new Killed('the tab is gone');
      await store.put(job);
      if (job.status === status) {
        dead = true;
        throw new Killed(`killed while ${status}`);
      }
    },
  };
}

let desk: DemoDesk;
let db: RegisterDb;
let clock: VirtualClock;

function deps(store: ExportJobStore, chunks: Uint8Array[], extra: Partial<ExportDeps> = {}): ExportDeps {
  return {
    db,
    store,
    tools: { connectors: { helpscout }, connection: deskConnection, fetch: desk.deskFetch, clock },
    sink: () => {
      chunks.length = 0;
      return { write: (c) => void chunks.push(c), close: () => undefined };
    },
    newId: () => 'export-r',
    ...extra,
  };
}

const dossierOf = (chunks: Uint8Array[]) =>
  JSON.parse(new TextDecoder().decode(unzipSync(Buffer.concat(chunks))['dossier.json'])) as Dossier;
const exported = async () => (await db.audit.toArray()).filter((a) => a.action === 'dossier.access.exported');

describe('an interrupted export resumes', () => {
  beforeEach(async () => {
    clock = new VirtualClock(NOW);
    desk = createDesk({ seed, now: () => clock.now() });
    db = freshRegister();
    await db.customers.add({ id: 'c1', name: 'Lotte Visser', createdAt: NOW, updatedAt: NOW });
    await db.identities.add({ id: 'i1', customerId: 'c1', kind: 'email', value: EMAIL, firstSeen: NOW });
  });

  it.each(['collecting', 'writing'] as const)(
    'killed while %s: the restart reads the tools again and ends with the whole dossier saved and recorded once',
    async (status) => {
      const store = new RegisterExportStore(db);
      const first: Uint8Array[] = [];
      await planExport(deps(store, first), {
        customerId: 'c1',
        scope: 'access',
        language: 'en',
        mask: false,
        tools: ['helpscout'],
      });
      await expect(runExport(deps(dyingAt(store, status), first), 'export-r')).rejects.toThrow(Killed);
      // What the register holds after the tab died: the job unfinished, the request open.
      expect((await db.jobs.get('export-r'))?.status).toBe(status);
      expect((await db.requests.toArray()).map((r) => r.status)).toEqual(['open']);

      const chunks: Uint8Array[] = [];
      const deliver = vi.fn(async () => ({ state: 'complete' as const }));
      const job = await resumeExport(deps(store, chunks, { deliver }), 'export-r');
      expect(job).toMatchObject({ status: 'done', resumed: 1 });
      expect(deliver).toHaveBeenCalledOnce();
      expect(
        dossierOf(chunks)
          .messages.map((m) => m.text)
          .sort(),
      ).toEqual(['bericht 1', 'bericht 2', 'bericht 3']);
      expect(dossierOf(chunks).attachments).toHaveLength(3);
      expect((await db.requests.toArray()).map((r) => r.status)).toEqual(['closed']);
      expect(await exported()).toHaveLength(1);
      expect(desk.violations).toEqual([]);
    },
  );

  it('killed after the download completed: the restart only records, without reading the tools again', async () => {
    const store = new RegisterExportStore(db);
    await planExport(deps(store, []), {
      customerId: 'c1',
      scope: 'access',
      language: 'en',
      mask: false,
      tools: ['helpscout'],
    });
    // The download completed, then the tab closed before the register was written.
    const dying = deps(dyingAtSecondSaving(store), [], {
      deliver: async (_job, started) => {
        await started(77);
        return { state: 'complete' };
      },
    });
    await expect(runExport(dying, 'export-r')).rejects.toThrow(Killed);
    expect(await db.jobs.get('export-r')).toMatchObject({ status: 'saving', payload: { downloadId: 77 } });

    const before = desk.requests.length;
    const downloadState = vi.fn(async () => 'complete' as const);
    const deliver = vi.fn();
    const job = await resumeExport(deps(store, [], { downloadState, deliver }), 'export-r');
    expect(job?.status).toBe('done');
    expect(downloadState).toHaveBeenCalledWith(77);
    expect(deliver).not.toHaveBeenCalled();
    expect(desk.requests.length).toBe(before);
    expect((await db.requests.toArray()).map((r) => r.status)).toEqual(['closed']);
    expect(await exported()).toHaveLength(1);
  });

  it('a download that never completed is made again; a cancelled one ends not saved with the request open', async () => {
    const store = new RegisterExportStore(db);
    await planExport(deps(store, []), {
      customerId: 'c1',
      scope: 'access',
      language: 'en',
      mask: false,
      tools: ['helpscout'],
    });
    await store.put({ ...(await store.get('export-r'))!, status: 'saving', downloadId: 5 });
    const cancelled = vi.fn(async () => ({ state: 'interrupted' as const, reason: 'The download was cancelled.' }));
    const job = await resumeExport(
      deps(store, [], { downloadState: async () => 'interrupted', deliver: cancelled }),
      'export-r',
    );
    expect(cancelled).toHaveBeenCalledOnce();
    expect(job).toMatchObject({ status: 'not-saved', error: 'The download was cancelled.' });
    expect((await db.requests.toArray()).map((r) => r.status)).toEqual(['open']);
    expect(await exported()).toHaveLength(0);
    // Not resumed again by itself: the user starts a new export.
    expect(await resumeExport(deps(store, []), 'export-r')).toMatchObject({ status: 'not-saved', resumed: 1 });
  });
});

/** Dies at the point between a completed download and the register's record (the second put after `saving`). */
function dyingAtSecondSaving(store: ExportJobStore): ExportJobStore {
  let sawDownload = false;
  return {
    get: (id) => store.get(id),
    async put(job) {
      if (sawDownload) throw new Killed('killed after the download');
      await store.put(job);
      if (job.status === 'saving' && job.downloadId !== undefined) sawDownload = true;
    },
  };
}
