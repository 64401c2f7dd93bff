import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { reopenForUnfinishedExports } from '@/entrypoints/background/export';
import type { ExportJob } from '@/lib/dossier/export-job-schema';
import { RegisterExportStore } from '@/lib/dossier/export-store';
import { getRegister } from '@/lib/register/db';

beforeAll(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

const job = (id: string, status: ExportJob['status']): ExportJob => ({
  id,
  kind: 'export',
  customerId: 'c1',
  scope: 'access',
  language: 'en',
  mask: false,
  status,
  tools: [],
  resumed: 0,
  createdAt: 1,
  updatedAt: 1,
});

describe('the background and unfinished exports', () => {
  let opened: string[];
  let dashboards: string[];
  beforeEach(async () => {
    fakeBrowser.reset();
    await getRegister().jobs.clear();
    opened = [];
    dashboards = [];
    vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation(async (p) => {
      opened.push(p.url!);
      return {} as Browser.tabs.Tab;
    });
    (fakeBrowser.runtime as unknown as { getContexts: unknown }).getContexts = async () =>
      dashboards.map((documentUrl) => ({ contextType: 'TAB', documentUrl }));
  });

  it('opens the dashboard at Jobs (in the background) when an export was left unfinished', async () => {
    const store = new RegisterExportStore(getRegister());
    await store.put(job('a', 'done'));
    await store.put(job('b', 'not-saved'));
    expect(await reopenForUnfinishedExports()).toBe(false);
    expect(opened).toEqual([]);

    await store.put(job('c', 'collecting'));
    expect(await reopenForUnfinishedExports()).toBe(true);
    expect(opened).toEqual([expect.stringMatching(/\/dashboard\.html#jobs$/)]);
    expect(fakeBrowser.tabs.create).toHaveBeenCalledWith(expect.objectContaining({ active: false }));
  });

  it('leaves it to a dashboard tab that is already open', async () => {
    await new RegisterExportStore(getRegister()).put(job('d', 'writing'));
    dashboards = [fakeBrowser.runtime.getURL('/dashboard.html#customers')];
    expect(await reopenForUnfinishedExports()).toBe(false);
    expect(opened).toEqual([]);
  });
});
