import { beforeEach, describe, expect, it } from 'vitest';
import { RegisterJobStore } from '@/lib/erasure-bridge/register-job-store';
import { registerErasurePort } from '@/lib/erasure-bridge/register-port';
import type { Receipt, RegisterPort } from '@/lib/jobs/register-port';
import type { Job } from '@/lib/jobs/types';
import type { RegisterDb } from '@/lib/register/db';
import { observeConversation } from '@/lib/register/observe-conversation';
import { conversation, freshRegister, T0 } from '../register/fresh-register';

const EMAIL = 'emma.visser@kpnmail.nl';

function job(id: string, customerId: string): Job {
  return {
    id,
    kind: 'erase',
    customerId,
    identities: [{ kind: 'email', value: EMAIL }],
    status: 'running',
    createdAt: T0,
    updatedAt: T0,
    tools: ['zendesk'],
    notSearched: [],
    items: {},
    held: {},
    steps: [],
    verification: {},
    leftover: [],
  };
}

function receipt(jobId: string): Receipt {
  return {
    id: `receipt-${jobId}`,
    jobId,
    customerHash: 'x'.repeat(64),
    requestedAt: T0,
    completedAt: T0 + 1000,
    perTool: [
      { tool: 'zendesk', erased: 4, kept: 1, permanence: 'permanent', backupHorizonDays: 30 },
      { tool: 'gmail', erased: 3, kept: 0, permanence: 'permanent', backupHorizonDays: 60 },
    ],
    backupHorizon: T0 + 60 * 86_400_000,
  };
}

describe('the erasure RegisterPort on the Dexie register', () => {
  let db: RegisterDb;
  let store: RegisterJobStore;
  let port: RegisterPort;
  let customerId: string;

  beforeEach(async () => {
    db = freshRegister();
    store = new RegisterJobStore(db);
    port = registerErasurePort(db, store);
    ({ customerId } = await observeConversation(
      db,
      conversation('4821', [{ kind: 'email', value: EMAIL }], { messages: ['m1', 'm2'] }),
      T0,
    ));
    await store.put(job('job-1', customerId));
  });

  it('opens an erasure request with a one-month deadline, or reuses the customer’s open one', async () => {
    const id = (await port.openErasureRequest(customerId, T0))!;
    const row = await db.requests.get(id);
    expect(row).toMatchObject({ kind: 'erasure', status: 'open', customerId, receivedAt: T0 });
    expect(row!.deadline).toBeGreaterThan(T0 + 27 * 86_400_000);
    expect(await port.openErasureRequest(customerId, T0 + 5)).toBe(id);
    expect(await db.requests.count()).toBe(1);
  });

  it('records a request for a customer the register has not seen, and forgets it with a receipt', async () => {
    await store.put(job('job-2', 'never-seen'));
    const id = (await port.openErasureRequest('never-seen', T0))!;
    expect((await db.requests.get(id))?.status).toBe('open');
    await port.forgetCustomer('never-seen', receipt('job-2'));
    expect(await db.requests.get(id)).toBeUndefined();
    const stored = await db.receipts.get('receipt-job-2');
    expect(stored).toMatchObject({ tools: ['gmail', 'zendesk'], itemCount: 7 });
    expect(stored!.identityHashes).toHaveLength(1);
  });

  it('writes audit entries with a salted customer hash and counts, never the address', async () => {
    await port.audit({ at: T0, action: 'erase-started', jobId: 'job-1', counts: { zendesk: 2, gmail: 1 } });
    await port.audit({ at: T0 + 1, action: 'erase-step-failed', jobId: 'job-1', tool: 'zendesk', counts: { ids: 2 } });
    const rows = await db.audit.filter((a) => a.action.startsWith('erasure.')).toArray();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ action: 'erasure.erase-started', count: 3, result: 'ok' });
    expect(rows[0]!.customerHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[1]).toMatchObject({ tool: 'zendesk', result: 'failed' });
    expect(JSON.stringify(await db.audit.toArray())).not.toContain(EMAIL);
  });

  it('forgets the customer keeping only the hashed receipt and audit entries, once', async () => {
    const requestId = (await port.openErasureRequest(customerId, T0))!;
    await port.forgetCustomer(customerId, receipt('job-1'));
    await port.closeRequest(requestId, 'completed', T0 + 2000);
    // Repeated after a killed worker: nothing doubles.
    await port.forgetCustomer(customerId, receipt('job-1'));

    expect(await db.customers.count()).toBe(0);
    expect(await db.identities.count()).toBe(0);
    expect(await db.items.count()).toBe(0);
    expect(await db.requests.count()).toBe(0);
    const receipts = await db.receipts.toArray();
    expect(receipts.map((r) => r.id)).toEqual(['receipt-job-1']);
    expect(receipts[0]).toMatchObject({
      itemCount: 7,
      tools: ['gmail', 'zendesk'],
      backupsClearBy: T0 + 60 * 86_400_000,
    });
    expect(receipts[0]!.identityHashes).toHaveLength(1);
    const actions = (await db.audit.toArray()).map((a) => a.action);
    expect(actions).toContain('request.erasure.closed');
    expect(actions.filter((a) => a === 'customer.forgotten')).toHaveLength(1);
    const everything = JSON.stringify({ r: receipts, a: await db.audit.toArray() });
    expect(everything).not.toContain(EMAIL);
  });

  it('a worker killed between forgetting and keying the receipt: the resumed call re-keys, never doubles', async () => {
    const { forgetCustomer } = await import('@/lib/register/forget-customer');
    await forgetCustomer(db, customerId, {}, T0 + 1000); // the first run got this far
    await port.forgetCustomer(customerId, receipt('job-1'));
    const receipts = await db.receipts.toArray();
    expect(receipts.map((r) => r.id)).toEqual(['receipt-job-1']);
    expect(receipts[0]!.itemCount).toBe(7);
  });

  it('a partial job leaves the request open', async () => {
    const requestId = (await port.openErasureRequest(customerId, T0))!;
    await port.closeRequest(requestId, 'partial', T0 + 1);
    expect((await db.requests.get(requestId))?.status).toBe('open');
  });
});
