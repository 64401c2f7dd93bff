import { describe, expect, it } from 'vitest';
import { ana, connectorRun, roleSeed } from './connector-harness';
import { describeRoleConnector } from './role-suite';

describeRoleConnector('freshdesk', { kind: 'ticket', ccSupported: true });

describe('freshdesk connector: tickets the customer is only CC’d on', () => {
  it('finds Bob’s ticket with Ana in copy as cc, erases it to the trash and the hard delete takes hers', async () => {
    const { connector, ctx, desk, clock } = connectorRun('freshdesk', roleSeed('freshdesk'));
    const c = await ctx();
    const found = await connector.find(c, ana);
    const cc = found.items.filter((i) => i.role === 'cc');
    expect(cc.map((i) => i.title)).toEqual(['Bob with Ana in copy']);
    const plan = connector.planErasure(found);
    expect(plan.steps[0]!.ids).toContain(cc[0]!.id);
    for (const step of plan.steps) await connector.eraseStep(c, step);
    await clock.sleep(60_000);
    const fd = desk.tools.freshdesk;
    expect(fd.tickets.get(Number(cc[0]!.id))?.deleted ?? true).toBe(true);
    expect((await connector.verify(c, ana, plan.erase)).remaining).toEqual([]);
    expect(desk.violations).toEqual([]);
  });
});
