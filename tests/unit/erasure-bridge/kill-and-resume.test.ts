import { describe, expect, it } from 'vitest';
import { createDesk } from '../../../demo/desk';
import { deskConnection } from '../../../scripts/erase/desk-connections';
import { mentions, SEED_NOW, subjects } from '../../contract/desk-harness';
import { VirtualClock } from '@/lib/connectors/clock';
import type { FetchLike } from '@/lib/connectors/http';
import { connectors } from '@/lib/connectors/registry';
import { RegisterJobStore } from '@/lib/erasure-bridge/register-job-store';
import { registerErasurePort } from '@/lib/erasure-bridge/register-port';
import { createErasureService } from '@/lib/jobs/erasure-service';
import { RegisterDb } from '@/lib/register/db';
import { observeConversation } from '@/lib/register/observe-conversation';
import { conversation, freshIndexedDb } from '../register/fresh-register';

class Killed extends Error {}

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const chosen = subjects(2);

describe('an erasure over the Dexie register, the worker killed at random step boundaries', () => {
  it.each(Array.from({ length: 12 }, (_, seed) => seed))(
    'seed %i: the desk keeps only held items; the register keeps only the receipt and audit',
    async (seed) => {
      const random = rng(seed + 100);
      const subject = chosen[seed % chosen.length]!;
      const tools = [...new Set([subject.tool, 'gmail', 'zendesk'])];
      const clock = new VirtualClock(SEED_NOW);
      const desk = createDesk({ now: () => clock.now() });
      freshIndexedDb();
      let db = new RegisterDb('kill-resume');
      const { customerId } = await observeConversation(
        db,
        conversation('c-1', [{ kind: 'email', value: subject.email }], { tool: subject.tool }),
        SEED_NOW,
      );
      const make = (onBoundary?: () => void) => {
        const store = new RegisterJobStore(db);
        return createErasureService({
          connectors,
          connection: deskConnection,
          fetch: desk.deskFetch as FetchLike,
          clock,
          store,
          register: registerErasurePort(db, store),
          onBoundary,
        });
      };
      const identities = [{ kind: 'email' as const, value: subject.email }];
      const plan = await make().planErasure({ id: customerId, identities }, tools);
      expect(plan.errors).toEqual([]);
      const heldBefore = plan.tools.flatMap((t) => t.kept.filter((i) => i.held).map((i) => `${t.tool}:${i.id}`));
      const jobId = await make().startErasure(plan);

      let kills = 0;
      let status = 'planned';
      for (let run = 0; run < 400 && status !== 'erased' && status !== 'partial'; run += 1) {
        // A killed worker: a new database connection and a new service, only the store survives.
        db.close();
        db = new RegisterDb('kill-resume');
        const fresh = make(() => {
          if (kills === 0 || random() < 0.25) {
            kills += 1;
            throw new Killed();
          }
        });
        try {
          status = (await fresh.runJobSlice(jobId, { maxSteps: 1 + Math.floor(random() * 4) })).status;
        } catch (error) {
          if (!(error instanceof Killed)) throw error;
          status = (await new RegisterJobStore(db).get(jobId))!.status;
        }
        await clock.sleep(20_000);
      }

      expect(kills).toBeGreaterThan(0);
      expect(status).toBe('erased');
      expect(desk.violations).toEqual([]);

      // The tools: held items stay, nothing else of the customer.
      const after = await make().planErasure({ id: customerId, identities }, tools);
      const left = after.found.flatMap((f) =>
        f.items
          .filter((i) => i.kind !== 'contact' && i.kind !== 'user')
          .map((i) => ({ ...i, key: `${f.tool}:${i.id}` })),
      );
      expect(left.every((i) => i.held)).toBe(true);
      expect(left.map((i) => i.key).sort()).toEqual(heldBefore.filter((k) => left.some((l) => l.key === k)).sort());
      if (heldBefore.length === 0)
        for (const tool of tools) expect(mentions(desk.state(), tool, subject.email)).toBe(0);
      // Nothing deleted twice: a record's DELETE succeeds once; a repeat after a kill is answered 404.
      // (Front is left out: its DELETE of a conversation moves it to the trash and answers 204 again.)
      const okDeletes = desk.requests.filter(
        (r) => r.method === 'DELETE' && r.status < 300 && r.tool !== 'front' && !/destroy_many/.test(r.path),
      );
      const paths = okDeletes.map((r) => `${r.tool} ${r.path}`);
      expect(new Set(paths).size).toBe(paths.length);

      // The register: the customer is gone; one receipt keyed by the job, the request closed and gone.
      expect(await db.customers.get(customerId)).toBeUndefined();
      expect(await db.identities.count()).toBe(0);
      expect(await db.items.count()).toBe(0);
      expect(await db.requests.count()).toBe(0);
      const receipts = await db.receipts.toArray();
      expect(receipts.map((r) => r.id)).toEqual([`receipt-${jobId}`]);
      expect(receipts[0]!.identityHashes).toHaveLength(1);
      const job = (await new RegisterJobStore(db).get(jobId))!;
      expect(job.identities).toEqual([]);
      const actions = (await db.audit.toArray()).map((a) => a.action);
      expect(actions).toEqual(
        expect.arrayContaining(['erasure.erase-started', 'erasure.erase-completed', 'customer.forgotten']),
      );
      expect(actions.filter((a) => a === 'customer.forgotten')).toHaveLength(1);
      const kept = JSON.stringify({ audit: await db.audit.toArray(), receipts, jobs: await db.jobs.toArray() });
      expect(kept.toLowerCase()).not.toContain(subject.email.toLowerCase());
      db.close();
    },
  );
});
