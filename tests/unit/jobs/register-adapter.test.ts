import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../lib/connectors/clock';
import { RegisterJobStore, RegisterPortAdapter } from '../../../lib/jobs/register-adapter';
import { createErasureService } from '../../../lib/jobs/erasure-service';
import type { RegisterDb } from '../../../lib/register/db';
import { observeConversation } from '../../../lib/register/observe-conversation';
import { conversation, freshRegister, T0 } from '../register/fresh-register';
import { FakeToolServer, fakeConnector } from './fake-tool';
import { rng } from './harness';

let db: RegisterDb;
beforeEach(() => {
  db = freshRegister();
});
afterEach(() => db.close());

const ana = [{ kind: 'email' as const, value: 'ana@example.com' }];

function service(server: FakeToolServer, clock: VirtualClock, onBoundary?: () => void) {
  return createErasureService({
    connectors: { fake: fakeConnector },
    connection: (tool) => ({ tool, account: 'acme', secret: { token: 't' } }),
    fetch: server.fetch,
    clock,
    store: new RegisterJobStore(db),
    register: new RegisterPortAdapter(db),
    onBoundary,
  });
}

describe('erasure on the Dexie register', () => {
  it('persists the job in the jobs table, opens and closes the request, forgets the customer with a receipt', async () => {
    const { customerId } = await observeConversation(db, conversation('1', ana), T0);
    const clock = new VirtualClock(T0);
    const server = new FakeToolServer(12, new Set([3]));
    const svc = service(server, clock);
    const jobId = await svc.startErasure(await svc.planErasure({ id: customerId, identities: ana }, ['fake']));
    expect((await db.requests.toArray()).map((r) => r.kind)).toEqual(['erasure']);
    const job = await svc.runToEnd(jobId);
    expect(job.status).toBe('erased');
    expect(await db.customers.get(customerId)).toBeUndefined();
    expect(await db.receipts.count()).toBe(1);
    const row = (await db.jobs.get(jobId))!;
    expect(row.status).toBe('erased');
    expect(JSON.stringify(row)).not.toContain('ana@example.com');
    const audit = await db.audit.toArray();
    expect(audit.find((a) => a.action === 'erase.tool-erased')).toMatchObject({ tool: 'fake', count: 11 });
    expect(JSON.stringify(audit)).not.toContain('ana@example.com');
  });

  it.each([1, 2, 3, 4, 5])(
    'seed %i: killed and resumed from the Dexie jobs table, nothing deleted twice',
    async (seed) => {
      const { customerId } = await observeConversation(db, conversation('1', ana), T0);
      const clock = new VirtualClock(T0);
      const random = rng(seed);
      const server = new FakeToolServer(20, new Set([2, 9]));
      const jobId = await service(server, clock).startErasure(
        await service(server, clock).planErasure({ id: customerId, identities: ana }, ['fake']),
      );
      let status = 'planned';
      for (let i = 0; i < 300 && status !== 'erased' && status !== 'partial'; i += 1) {
        const fresh = service(server, clock, () => {
          if (random() < 0.25) throw new Error('killed');
        });
        status = (await fresh.runJobSlice(jobId, { maxSteps: 2 }).catch(() => undefined))?.status ?? status;
        await clock.sleep(20_000);
      }
      expect(status).toBe('erased');
      expect(server.leftNonHeld()).toEqual([]);
      for (const n of [...server.deletions.values(), ...server.purges.values()]) expect(n).toBe(1);
      expect(await db.receipts.count()).toBe(1);
    },
  );
});
