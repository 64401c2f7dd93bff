import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../lib/connectors/clock';
import { defineConnector, type ConnectorDefinition } from '../../../lib/connectors/define-connector';
import { createErasureService } from '../../../lib/jobs/erasure-service';
import { MemoryJobStore } from '../../../lib/jobs/job-store';
import { MemoryRegister } from '../../../lib/jobs/register-port';
import { fakeConnector, FakeToolServer } from './fake-tool';
import { customer, rng } from './harness';

/** The fake tool under another id, on another host, running three steps at once (like Zendesk). */
const pipelined: ConnectorDefinition = defineConnector({
  ...fakeConnector,
  id: 'fake2',
  limits: { ...fakeConnector.limits, concurrency: 3 },
  baseUrl: () => 'https://fake2.example',
  async find(ctx, identities) {
    const found = await (fakeConnector as ConnectorDefinition).find(ctx, identities);
    return { tool: 'fake2', items: found.items.map((i) => ({ ...i, tool: 'fake2' })) };
  },
  planErasure(found) {
    const plan = fakeConnector.planErasure(found);
    return { ...plan, tool: 'fake2', steps: plan.steps.map((s) => ({ ...s, tool: 'fake2' })) };
  },
});

class Killed extends Error {}

function run(seed: number) {
  const random = rng(seed + 7);
  const servers = {
    fake: new FakeToolServer(
      20 + Math.floor(random() * 200),
      new Set([...Array(200).keys()].filter(() => random() < 0.05)),
    ),
    fake2: new FakeToolServer(
      20 + Math.floor(random() * 400),
      new Set([...Array(400).keys()].filter(() => random() < 0.05)),
    ),
  };
  const store = new MemoryJobStore();
  const register = new MemoryRegister();
  const clock = new VirtualClock();
  const fetch = (input: string, init?: RequestInit) =>
    (new URL(input).hostname === 'fake2.example' ? servers.fake2 : servers.fake).fetch(input, init);
  const make = (onBoundary?: () => void) =>
    createErasureService({
      connectors: { fake: fakeConnector, fake2: pipelined },
      connection: (tool) => ({ tool, account: 'acme', secret: { token: 't' } }),
      fetch,
      clock,
      store,
      register,
      onBoundary,
      newId: () => 'job-1',
    });
  return { random, servers, store, register, clock, make };
}

describe('tools run side by side (one lane each, a lane running several steps at once)', () => {
  it.each(Array.from({ length: 50 }, (_, seed) => seed))(
    'seed %i: killed at random boundaries in either lane: nothing missed, nothing deleted twice, nothing held deleted',
    async (seed) => {
      const { random, servers, store, register, clock, make } = run(seed);
      const planner = make();
      const plan = await planner.planErasure(customer, ['fake', 'fake2']);
      expect(plan.errors).toEqual([]);
      const jobId = await planner.startErasure(plan);
      let kills = 0;
      let job = await store.get(jobId);
      for (let round = 0; round < 2000 && job && job.status !== 'erased' && job.status !== 'partial'; round += 1) {
        const svc = make(() => {
          if (random() < 0.05) {
            kills += 1;
            throw new Killed();
          }
        });
        try {
          job = await svc.runJobSlice(jobId, { maxSteps: 1 + Math.floor(random() * 8) });
        } catch (error) {
          if (!(error instanceof Killed)) throw error;
          job = await store.get(jobId);
        }
        await clock.sleep(20_000);
      }
      expect(job!.status).toBe('erased');
      expect(kills).toBeGreaterThan(0);
      for (const server of Object.values(servers)) {
        expect(server.leftNonHeld()).toEqual([]);
        for (const n of [...server.deletions.values(), ...server.purges.values()]) expect(n).toBe(1);
      }
      expect(register.receipts).toHaveLength(1);
    },
  );

  it('a pipelined lane has several steps in flight, and never a purge before its delete', async () => {
    const { servers, make } = run(3);
    const svc = make();
    const order: string[] = [];
    let inFlight = 0;
    let most = 0;
    const inner = servers.fake2.fetch;
    servers.fake2.fetch = async (input, init) => {
      const method = init?.method ?? 'GET';
      if (method === 'DELETE') {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 2));
      }
      const url = new URL(input);
      if (method === 'DELETE') order.push(`${url.pathname}:${url.searchParams.get('ids') ?? ''}`);
      const res = await inner(input, init);
      if (method === 'DELETE') inFlight -= 1;
      return res;
    };
    const plan = await svc.planErasure(customer, ['fake', 'fake2']);
    const job = await svc.runToEnd(await svc.startErasure(plan));
    expect(job.status).toBe('erased');
    expect(most).toBeGreaterThan(1);
    for (const [i, entry] of order.entries())
      if (entry.startsWith('/trash:')) expect(order.slice(0, i)).toContain(`/items:${entry.split(':')[1]}`);
    // The contact goes only after every other step of its tool (and not at all while anything is held).
    const contactAt = order.findIndex((e) => e.startsWith('/contact'));
    if (contactAt >= 0) expect(contactAt).toBe(order.length - 1);
    else expect(servers.fake2.heldIds().length).toBeGreaterThan(0);
  });
});
