import { describe, expect, it } from 'vitest';
import { deskRun, mentions, subjects, unheldSubjects } from './desk-harness';

/**
 * Every request the connectors make goes through the demo desk, which validates it against the vendor's
 * own OpenAPI description (Zendesk, Front, Intercom, Gmail) or the tool's public docs (Help Scout, Freshdesk):
 * a request the description rejects is a recorded violation and fails the test.
 */
describe('erasure against the demo desk: zero contract violations', () => {
  it.each(subjects().map((s) => [s.tool, s.email, s] as const))(
    '%s: forgets %s; only held items stay',
    async (tool, email, subject) => {
      const { desk, service, register } = deskRun();
      const customer = { id: 'c1', identities: [{ kind: 'email' as const, value: email }] };
      const plan = await service.planErasure(customer, [tool]);
      expect(plan.errors).toEqual([]);
      const toolPlan = plan.tools[0]!;
      // Gmail holds are per message (a held conversation is several messages); elsewhere per conversation.
      const heldKept = toolPlan.kept.filter((i) => i.held).length;
      if (tool === 'gmail') expect(heldKept > 0).toBe(subject.held > 0);
      else expect(heldKept).toBe(subject.held);
      expect(toolPlan.erase.length).toBeGreaterThan(0);

      const job = await service.runToEnd(await service.startErasure(plan));
      expect(desk.violations).toEqual([]);
      expect(job.status).toBe('erased');
      expect(register.receipts).toHaveLength(1);

      // Re-found from scratch: nothing but the held items.
      const after = await service.planErasure(customer, [tool]);
      const left = after.found[0]!.items.filter((i) => i.kind !== 'contact' && i.kind !== 'user');
      expect(left.every((i) => i.held)).toBe(true);
      expect(left.length).toBe(heldKept);
      if (subject.held === 0) expect(mentions(desk.state(), tool, email)).toBe(0);
      expect(desk.violations).toEqual([]);
    },
  );

  it('writes and reads a hold in each tool the tool’s way, and the next plan keeps the item', async () => {
    const chosen = unheldSubjects();
    expect(chosen).toHaveLength(6);
    for (const s of chosen) {
      const { desk, service } = deskRun();
      const customer = { id: 'c1', identities: [{ kind: 'email' as const, value: s.email }] };
      const plan = await service.planErasure(customer, [s.tool]);
      const item = plan.found[0]!.items.find((i) => i.kind !== 'contact' && i.kind !== 'user')!;
      const { connectors } = await import('../../lib/connectors/registry');
      await connectors[s.tool]!.writeHold(await service.contexts.context(s.tool), item, true);
      const again = await service.planErasure(customer, [s.tool]);
      expect(
        again.tools[0]!.kept.map((i) => i.id),
        s.tool,
      ).toContain(item.id);
      expect(
        again.tools[0]!.steps.flatMap((st) => st.ids),
        s.tool,
      ).not.toContain(item.id);
      expect(desk.violations, s.tool).toEqual([]);
    }
  });
});

describe('erasure against the demo desk with faults at 20% of requests', () => {
  it.each([1, 2, 3, 4, 5, 6])('seed %i: erased, or partial with the exact list of what is left', async (seed) => {
    const { desk, service } = deskRun({ faults: { rate: 0.2, seed, timeoutMs: 1, retryAfterS: 2 } });
    const chosen = unheldSubjects();
    let erased = 0;
    for (const s of chosen) {
      const customer = { id: `c-${s.tool}`, identities: [{ kind: 'email' as const, value: s.email }] };
      const plan = await service.planErasure(customer, [s.tool]);
      if (plan.errors.length) continue;
      const job = await service.runToEnd(await service.startErasure(plan));
      expect(['erased', 'partial'], s.tool).toContain(job.status);
      if (job.status === 'erased') {
        erased += 1;
        expect(mentions(desk.state(), s.tool, s.email), s.tool).toBe(0);
      } else expect(job.leftover.length, s.tool).toBeGreaterThan(0);
    }
    expect(erased).toBeGreaterThan(0);
    expect(desk.requests.some((r) => r.fault)).toBe(true);
    expect(desk.violations).toEqual([]);
  });
});
