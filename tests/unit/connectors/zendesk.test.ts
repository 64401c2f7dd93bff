import { describe, expect, it } from 'vitest';
import { ana, connectorRun, roleSeed } from './connector-harness';

describe('zendesk connector', () => {
  it('finds requested and CC’d tickets and the user, not a ticket that only mentions the address', async () => {
    const { connector, ctx, desk } = connectorRun('zendesk', roleSeed('zendesk'));
    const found = await connector.find(await ctx(), ana);
    const tickets = found.items.filter((i) => i.kind === 'ticket');
    expect(tickets.map((t) => t.title).sort()).toEqual([
      'Ana invoice',
      'Ana order 1',
      'Ana order 2',
      'Bob with Ana in copy',
    ]);
    expect(tickets.find((t) => t.title === 'Bob with Ana in copy')!.role).toBe('cc');
    expect(tickets.find((t) => t.title === 'Ana invoice')!.held).toBe(true);
    expect(found.items.filter((i) => i.kind === 'user')).toHaveLength(1);
    expect(desk.violations).toEqual([]);
  });

  it('plans destroy_many then deleted_tickets destroy_many per 100, the user last, and keeps the user when a ticket is held', async () => {
    const { connector, ctx } = connectorRun('zendesk', roleSeed('zendesk'));
    const plan = connector.planErasure(await connector.find(await ctx(), ana));
    expect(plan.steps.map((s) => s.action)).toEqual([
      'tickets.destroy_many',
      'deleted_tickets.destroy_many',
      'users.delete',
      'deleted_users.delete',
    ]);
    expect(plan.steps[1]!.dependsOn).toBe(0);
    expect(plan.steps[2]!.requiresNoHolds).toBe(true);
    expect(plan.steps[0]!.ids).toHaveLength(3);
  });

  it('erases permanently (soft then permanent) and a repeated step counts the tickets as already gone', async () => {
    const { connector, ctx, desk } = connectorRun('zendesk', roleSeed('zendesk'));
    const c = await ctx();
    const found = await connector.find(c, ana);
    const plan = connector.planErasure(found);
    const soft = await connector.eraseStep(c, plan.steps[0]!);
    expect(soft.erased).toHaveLength(3);
    await connector.eraseStep(c, plan.steps[1]!);
    const again = await connector.eraseStep(c, plan.steps[0]!);
    expect(again.erased).toEqual([]);
    expect(again.alreadyGone).toHaveLength(3);
    const { remaining } = await connector.verify(
      c,
      ana,
      found.items.filter((i) => !i.held && i.kind === 'ticket'),
    );
    expect(remaining).toEqual([]);
    expect(desk.violations).toEqual([]);
  });

  it('re-reads holds at the tool: a tag added after planning protects the ticket', async () => {
    const { connector, ctx } = connectorRun('zendesk', roleSeed('zendesk'));
    const c = await ctx();
    const plan = connector.planErasure(await connector.find(c, ana));
    const target = plan.erase.find((i) => i.kind === 'ticket')!;
    await connector.writeHold(c, target, true);
    expect([...(await connector.readHolds(c, plan.steps[0]!, ana))]).toEqual([target.id]);
    await connector.writeHold(c, target, false);
    expect(await connector.readHolds(c, plan.steps[0]!, ana)).toEqual(new Set());
  });
});
