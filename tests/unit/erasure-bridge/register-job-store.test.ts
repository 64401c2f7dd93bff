import { beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '@/lib/jobs/types';
import type { RegisterDb } from '@/lib/register/db';
import { RegisterJobStore } from '@/lib/erasure-bridge/register-job-store';
import { freshRegister, T0 } from '../register/fresh-register';

function job(id: string, extra: Partial<Job> = {}): Job {
  return {
    id,
    kind: 'erase',
    customerId: 'cust-1',
    identities: [{ kind: 'email', value: 'ana@example.com' }],
    status: 'planned',
    createdAt: T0,
    updatedAt: T0,
    tools: ['zendesk'],
    notSearched: [],
    items: { zendesk: [{ kind: 'ticket', id: '7', role: 'requester' }] },
    held: { zendesk: [] },
    steps: [
      {
        id: 0,
        toolIndex: 0,
        spec: {
          tool: 'zendesk',
          action: 'tickets.destroy_many',
          ids: ['7'],
          checkHolds: true,
          requiresNoHolds: false,
          permanence: 'permanent',
          kind: 'ticket',
        },
        status: 'pending',
        attempts: 0,
        erased: [],
        alreadyGone: [],
        pending: [],
        heldSkipped: [],
      },
    ],
    verification: { zendesk: { status: 'pending', rounds: 0, remaining: [] } },
    leftover: [],
    ...extra,
  };
}

describe('the erasure JobStore on the register’s jobs table', () => {
  let db: RegisterDb;
  let store: RegisterJobStore;
  beforeEach(() => {
    db = freshRegister();
    store = new RegisterJobStore(db);
  });

  it('round-trips a job and stores its status, customer and steps as columns the dashboard reads', async () => {
    await store.put(job('j1'));
    expect(await store.get('j1')).toEqual(job('j1'));
    const row = await db.jobs.get('j1');
    expect(row).toMatchObject({ kind: 'erase', status: 'planned', customerId: 'cust-1', createdAt: T0 });
    expect(row!.steps).toHaveLength(1);
    expect(row!.payload).not.toHaveProperty('steps');
  });

  it('names the first failed step’s user message as the row’s error', async () => {
    const failed = job('j2', { status: 'partial' });
    failed.steps[0]!.status = 'failed';
    failed.steps[0]!.error = { status: 500, retryable: true, userMessage: 'Zendesk had a server error (500)' };
    await store.put(failed);
    expect((await db.jobs.get('j2'))!.error).toBe('Zendesk had a server error (500)');
  });

  it('never lists or reads other runners’ jobs sharing the table', async () => {
    await store.put(job('mine'));
    await db.jobs.put({
      id: 'exp',
      kind: 'export',
      status: 'done',
      payload: {},
      steps: [],
      createdAt: T0,
      updatedAt: T0,
    });
    const cleanup = new RegisterJobStore(db, 'retention-cleanup');
    await cleanup.put(job('clean'));
    expect((await store.list()).map((j) => j.id)).toEqual(['mine']);
    expect(await store.get('exp')).toBeUndefined();
    expect(await store.get('clean')).toBeUndefined();
    expect((await cleanup.list()).map((j) => j.id)).toEqual(['clean']);
  });

  it('lists unfinished jobs oldest first and leaves erased and partial ones out', async () => {
    await store.put(job('b', { createdAt: T0 + 2 }));
    await store.put(job('a', { createdAt: T0 + 1, status: 'running' }));
    await store.put(job('done', { status: 'erased' }));
    await store.put(job('part', { status: 'partial' }));
    expect((await store.unfinished()).map((j) => j.id)).toEqual(['a', 'b']);
  });

  it('follows a customer merge: the row’s customerId column wins', async () => {
    await store.put(job('j3'));
    await db.jobs.update('j3', { customerId: 'cust-kept' });
    expect((await store.get('j3'))!.customerId).toBe('cust-kept');
  });

  it('refuses a damaged row instead of running it', async () => {
    await db.jobs.put({
      id: 'bad',
      kind: 'erase',
      status: 'running',
      payload: { id: 'bad' },
      steps: [{}],
      createdAt: T0,
      updatedAt: T0,
    });
    await expect(store.get('bad')).rejects.toThrow();
    // …and it does not keep the other jobs from resuming.
    await store.put(job('good', { status: 'running' }));
    expect((await store.unfinished()).map((j) => j.id)).toEqual(['good']);
  });

  it('refuses to store a job that does not match the schema', async () => {
    await expect(store.put({ ...job('j4'), status: 'nonsense' as Job['status'] })).rejects.toThrow();
    expect(await db.jobs.get('j4')).toBeUndefined();
  });
});
