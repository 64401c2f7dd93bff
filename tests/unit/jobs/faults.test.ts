import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../lib/connectors/clock';
import { MemoryJobStore } from '../../../lib/jobs/job-store';
import { MemoryRegister } from '../../../lib/jobs/register-port';
import { FakeToolServer } from './fake-tool';
import { customer, rng, service } from './harness';

/** Injects 429 (Retry-After), 500, timeouts and malformed JSON into 20% of calls; some faults happen after the tool acted. */
function faulty(inner: (input: string, init?: RequestInit) => Promise<Response>, random: () => number, rate = 0.2) {
  const stats = { faults: 0, calls: 0 };
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    stats.calls += 1;
    if (random() >= rate) return inner(input, init);
    stats.faults += 1;
    const kind = Math.floor(random() * 4);
    if (kind === 0) return new Response('{}', { status: 429, headers: { 'retry-after': '3' } });
    if (kind === 1) return new Response('oops', { status: 500 });
    if (kind === 2) {
      if (random() < 0.5) await inner(input, init);
      throw new DOMException('The operation timed out.', 'TimeoutError');
    }
    await inner(input, init);
    return new Response('{"items": [', { status: 200 });
  };
  return { fetch, stats };
}

const runs = { withFaults: 0, partial: 0, erased: 0 };

describe('erasure under faults at 20% of calls', () => {
  it.each(Array.from({ length: 30 }, (_, seed) => seed))(
    'seed %i: ends erased or with the exact list of what is left, never a false done',
    async (seed) => {
      const random = rng(1000 + seed);
      const count = 10 + Math.floor(random() * 30);
      const held = new Set(Array.from({ length: count }, (_, i) => i).filter(() => random() < 0.1));
      const server = new FakeToolServer(count, held);
      const store = new MemoryJobStore();
      const register = new MemoryRegister();
      const clock = new VirtualClock();
      const { fetch, stats } = faulty(server.fetch, random);
      // Few attempts per request so that some steps really fail and the job must say so.
      const svc = service({ fetch, store, register, clock, maxAttempts: 2 });
      const plan = await svc.planErasure(customer, ['fake']);
      if (plan.errors.length > 0) {
        expect(plan.errors[0]!.error).toMatchObject({ retryable: true });
        return;
      }
      const jobId = await svc.startErasure(plan);
      let job = await svc.runToEnd(jobId);
      if (stats.faults > 0) runs.withFaults += 1;
      expect(['erased', 'partial']).toContain(job.status);
      runs[job.status as 'erased' | 'partial'] += 1;

      const actuallyLeft = new Set(server.leftNonHeld());
      if (job.status === 'erased') {
        expect([...actuallyLeft]).toEqual([]);
      } else {
        const listed = new Set(job.leftover.map((l) => l.id));
        for (const id of actuallyLeft) expect(listed).toContain(id);
        for (const l of job.leftover.filter((l) => l.state === 'present')) expect(actuallyLeft).toContain(l.id);
        expect(register.receipts).toHaveLength(0);
        // Partial failures are retryable: without faults the retry finishes the job.
        await svc.retryFailed(jobId);
        const calm = service({ fetch: server.fetch, store, register, clock });
        job = await calm.runToEnd(jobId);
        if (job.status === 'partial') {
          // What is left can only be what the first run left untouched and the retry reports.
          for (const id of server.leftNonHeld()) expect(job.leftover.map((l) => l.id)).toContain(id);
        }
      }
      for (const id of [...held].map((i) => `t${i}`)) expect(server.live.has(id)).toBe(true);
      for (const n of [...server.deletions.values(), ...server.purges.values()]) expect(n).toBe(1);
    },
  );

  it('injected faults into most runs, and some runs ended partial (the list was exercised)', () => {
    expect(runs.withFaults).toBeGreaterThanOrEqual(25);
    expect(runs.partial).toBeGreaterThan(0);
    expect(runs.erased).toBeGreaterThan(0);
  });
});
