/**
 * The behaviour every connector that finds customers by role must show, run against the demo desk:
 * find by role (never a mention), plans without held items, permanent erasure that verification
 * confirms, and holds written the tool's way. Each tool's test file runs it with its own item kind.
 */
import { describe, expect, it } from 'vitest';
import { ana, BOB, connectorRun, roleSeed } from './connector-harness';

export function describeRoleConnector(
  tool: Parameters<typeof connectorRun>[0],
  options: { kind: string; ccSupported: boolean },
): void {
  const KIND = options.kind;
  const seed = () => roleSeed(tool, { ccSupported: options.ccSupported });

  describe(`${tool} connector`, () => {
    it('finds the customer by role, never by a mention in someone else’s conversation', async () => {
      const { connector, ctx, desk } = connectorRun(tool, seed());
      const found = await connector.find(await ctx(), ana);
      const items = found.items.filter((i) => i.kind === KIND);
      expect(items.length).toBeGreaterThanOrEqual(3);
      expect(items.some((i) => i.held)).toBe(true);
      // Bob's conversations that Ana's search also returned: at most the one she is CC'd on, never the mention.
      const bob = await connector.find(await ctx(), [{ kind: 'email', value: BOB }]);
      const shared = bob.items.filter((b) => b.kind === KIND && items.some((i) => i.id === b.id));
      expect(shared.length).toBeLessThanOrEqual(1);
      expect(items.length).toBe(3 + shared.length);
      expect(desk.violations).toEqual([]);
    });

    it('plans only what is not held, and says how permanent erasure is', async () => {
      const { connector, ctx } = connectorRun(tool, seed());
      const found = await connector.find(await ctx(), ana);
      const plan = connector.planErasure(found);
      const held = found.items.filter((i) => i.held).map((i) => i.id);
      expect(held.length).toBeGreaterThan(0);
      for (const step of plan.steps) for (const id of held) expect(step.ids).not.toContain(id);
      expect(plan.permanenceNote.length).toBeGreaterThan(20);
    });

    it('erases every step, a repeated step is harmless, and verification finds only held items left', async () => {
      const { connector, ctx, desk, clock } = connectorRun(tool, seed());
      const c = await ctx();
      const found = await connector.find(c, ana);
      const plan = connector.planErasure(found);
      for (const step of plan.steps) await connector.eraseStep(c, step);
      await clock.sleep(60_000);
      for (const step of plan.steps.filter((s) => s.permanence !== 'manual'))
        await connector.eraseStep(c, step).catch((e: { status?: number }) => expect(e.status).not.toBe(401));
      const { remaining } = await connector.verify(c, ana, plan.erase);
      expect(remaining).toEqual([]);
      const again = await connector.find(c, ana);
      expect(again.items.filter((i) => i.kind === KIND).every((i) => i.held)).toBe(true);
      expect(desk.violations).toEqual([]);
    });

    it('writes a hold the tool’s way and reads it back before a delete step', async () => {
      const { connector, ctx, desk } = connectorRun(tool, seed());
      const c = await ctx();
      const plan = connector.planErasure(await connector.find(c, ana));
      const step = plan.steps.find((s) => s.kind === KIND && s.ids.length > 0)!;
      const target = plan.erase.find((i) => i.id === step.ids[0])!;
      await connector.writeHold(c, target, true);
      expect([...(await connector.readHolds(c, step, ana))]).toContain(target.id);
      expect(desk.violations).toEqual([]);
    });
  });
}
