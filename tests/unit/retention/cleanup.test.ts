import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VirtualClock } from '@/lib/connectors/clock';
import type { ConnectorContext } from '@/lib/connectors/define-connector';
import { zendesk } from '@/lib/connectors/zendesk';
import { createErasureService } from '@/lib/jobs/erasure-service';
import { MemoryJobStore } from '@/lib/jobs/job-store';
import type { RegisterDb } from '@/lib/register/db';
import { findItem } from '@/lib/register/holds';
import { observeConversation } from '@/lib/register/observe-conversation';
import { planCleanup, plannedKeys, startCleanup, type CleanupDeps } from '@/lib/retention/cleanup';
import { retentionRegisterPort } from '@/lib/retention/retention-port';
import type { DueItem } from '@/lib/retention/types';
import { fakeConnector, FakeToolServer } from '../jobs/fake-tool';
import { DAY, freshRegister, NOW, YEAR } from './register-helper';

const dueItemArb = fc.record({
  tool: fc.constant('zendesk'),
  kind: fc.constant('conversation' as const),
  toolKind: fc.constant('ticket'),
  toolId: fc.integer({ min: 1, max: 40 }).map(String),
  customerId: fc.constantFrom('c1', 'c2', 'c3'),
  policyId: fc.constant('closed-conversations'),
  dueAt: fc.integer({ min: 0, max: NOW }),
  state: fc.constantFrom('due' as const, 'overdue' as const),
  held: fc.boolean(),
  confirmed: fc.boolean(),
});

function depsWithToolHolds(heldAtTool: Set<string>): CleanupDeps {
  const connector = {
    ...zendesk,
    readHolds: async (_ctx: ConnectorContext, step: { ids: string[] }) =>
      new Set(step.ids.filter((id) => heldAtTool.has(id))),
  };
  return {
    contexts: { connector: () => connector, context: async () => ({}) as ConnectorContext },
    identitiesOf: async (customerId) => [{ kind: 'email', value: `${customerId}@x.nl` }],
    now: NOW,
  };
}

describe('planCleanup', () => {
  it('never includes a held item: held in the register, in another entry, or at the tool when re-read', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(dueItemArb, { maxLength: 60 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 40 }).map(String)),
        async (items, toolHeld) => {
          const heldAtTool = new Set(toolHeld);
          const plan = await planCleanup(items, depsWithToolHolds(heldAtTool));
          const planned = plannedKeys(plan);
          const heldIds = new Set([...items.filter((i) => i.held).map((i) => i.toolId), ...heldAtTool]);
          for (const key of planned) expect(heldIds.has(key.split('|')[2]!)).toBe(false);
          // Everything planned was due, confirmed by the tool and not held; everything else is kept or skipped.
          const eligible = new Set(
            items.filter((i) => i.confirmed && !heldIds.has(i.toolId)).map((i) => `zendesk|ticket|${i.toolId}`),
          );
          expect([...planned].sort()).toEqual([...eligible].sort());
          for (const p of plan.plans)
            for (const t of p.tools) expect(t.steps.every((s) => s.checkHolds || s.dependsOn !== undefined)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('skips a tool whose holds cannot be read, rather than erasing blind', async () => {
    const deps = depsWithToolHolds(new Set());
    const broken = { ...zendesk, readHolds: async () => Promise.reject(new Error('Zendesk did not answer in time')) };
    const plan = await planCleanup(
      [
        {
          tool: 'zendesk',
          kind: 'conversation',
          toolKind: 'ticket',
          toolId: '1',
          customerId: 'c1',
          policyId: 'p',
          dueAt: 0,
          state: 'due',
          held: false,
          confirmed: true,
        },
      ],
      { ...deps, contexts: { ...deps.contexts, connector: () => broken } },
    );
    expect(plan.plans).toEqual([]);
    expect(plan.skipped).toHaveLength(1);
    expect(plan.errors[0]?.tool).toBe('zendesk');
  });
});

describe('cleanup through the erasure job runner', () => {
  let db: RegisterDb;
  beforeEach(() => {
    db = freshRegister();
  });
  afterEach(() => db.close());

  it('erases the due items, leaves the one held at the tool in place, and keeps the customer', async () => {
    const server = new FakeToolServer(5, new Set([1]));
    let customerId = '';
    for (const id of ['t0', 't1', 't2', 't3']) {
      const result = await observeConversation(
        db,
        {
          tool: 'fake',
          conversationId: id,
          url: `https://fake.example/${id}`,
          closedAt: NOW - 3 * YEAR,
          customer: { identities: [{ kind: 'email', value: 'ana@example.com' }] },
          messages: [],
          piiTypes: ['EMAIL'],
        },
        NOW,
      );
      customerId = result.customerId;
    }
    const store = new MemoryJobStore();
    const clock = new VirtualClock(NOW);
    const service = createErasureService({
      connectors: { fake: fakeConnector },
      connection: (tool) => ({ tool, account: 'acme', secret: { token: 'x' } }),
      fetch: server.fetch,
      clock,
      store,
      register: retentionRegisterPort(db, store, async () => ({ fake: 30 })),
    });
    const due = (toolId: string): DueItem => ({
      tool: 'fake',
      kind: 'conversation',
      toolKind: 'ticket',
      toolId,
      customerId,
      policyId: 'default',
      dueAt: NOW - YEAR,
      state: 'overdue',
      held: false,
      confirmed: true,
    });
    // t1 was marked keep at the tool after the check ran: the re-read catches it.
    const plan = await planCleanup([due('t0'), due('t1'), due('t2')], {
      contexts: service.contexts,
      identitiesOf: async () => [{ kind: 'email', value: 'ana@example.com' }],
      now: NOW,
    });
    expect(plan.kept.map((i) => i.toolId)).toEqual(['t1']);
    const [jobId] = await startCleanup(plan, service);
    const job = await service.runToEnd(jobId!);

    expect(job.status).toBe('erased');
    expect(server.live.has('t1')).toBe(true);
    expect([...server.purges.keys()].sort()).toEqual(['t0', 't2']);
    expect(server.contactDeletions).toBe(0);
    expect(server.live.has('t3')).toBe(true);
    // The register drops only what went; the customer and the kept item stay.
    expect(await findItem(db, 'fake', 'conversation', 't0')).toBeUndefined();
    expect(await findItem(db, 'fake', 'conversation', 't1')).toBeDefined();
    expect(await findItem(db, 'fake', 'conversation', 't3')).toBeDefined();
    expect(await db.customers.get(customerId)).toBeDefined();
    const receipt = (await db.receipts.toArray())[0]!;
    expect(receipt.itemCount).toBe(2);
    expect(receipt.backupsClearBy).toBe(receipt.forgottenAt + 30 * DAY);
    expect(await db.requests.count()).toBe(0);
  });
});
