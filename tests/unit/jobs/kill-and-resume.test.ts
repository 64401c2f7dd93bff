import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../lib/connectors/clock';
import { MemoryJobStore } from '../../../lib/jobs/job-store';
import { MemoryRegister } from '../../../lib/jobs/register-port';
import { FakeToolServer } from './fake-tool';
import { customer, rng, service } from './harness';

class Killed extends Error {}

describe('an erasure job killed at random step boundaries and resumed by a fresh runner', () => {
  it.each(Array.from({ length: 60 }, (_, seed) => seed))(
    'seed %i: nothing missed, nothing deleted twice, no held item deleted',
    async (seed) => {
      const random = rng(seed + 1);
      const count = 5 + Math.floor(random() * 40);
      const held = new Set(Array.from({ length: count }, (_, i) => i).filter(() => random() < 0.15));
      const server = new FakeToolServer(count, held);
      const store = new MemoryJobStore();
      const register = new MemoryRegister();
      const clock = new VirtualClock();

      const planner = service({ fetch: server.fetch, store, register, clock });
      const plan = await planner.planErasure(customer, ['fake']);
      // An agent marks one more item keep after the plan was shown: the runner must re-read it.
      const lateHold = [...server.live.keys()].find((id) => !server.live.get(id)!.held && random() < 0.5);
      if (lateHold) server.live.get(lateHold)!.held = true;
      const jobId = await planner.startErasure(plan);

      let kills = 0;
      let job = await store.get(jobId);
      for (let run = 0; run < 500 && job && job.status !== 'erased' && job.status !== 'partial'; run += 1) {
        const fresh = service({
          fetch: server.fetch,
          store,
          register,
          clock,
          onBoundary: () => {
            if (kills === 0 || random() < 0.2) {
              kills += 1;
              throw new Killed();
            }
          },
        });
        try {
          job = await fresh.runJobSlice(jobId, { maxSteps: 1 + Math.floor(random() * 5) });
        } catch (error) {
          if (!(error instanceof Killed)) throw error;
          job = await store.get(jobId);
        }
        await clock.sleep(20_000);
      }

      expect(kills).toBeGreaterThan(0);
      expect(job!.status).toBe('erased');
      expect(server.leftNonHeld()).toEqual([]);
      for (const id of [...held].map((i) => `t${i}`).concat(lateHold ? [lateHold] : []))
        expect(server.live.has(id)).toBe(true);
      for (const n of [...server.deletions.values(), ...server.purges.values()]) expect(n).toBe(1);
      expect(server.contactDeletions).toBe(server.heldIds().length === 0 ? 1 : 0);
      expect(register.receipts).toHaveLength(1);
      expect(register.receipts[0]!.perTool[0]).toMatchObject({
        tool: 'fake',
        kept: server.heldIds().length + (server.contact ? 1 : 0),
      });
      expect([...register.requests.values()][0]!.closed?.outcome).toBe('completed');
    },
  );
});
