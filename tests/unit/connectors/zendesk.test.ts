import { describe, expect, it } from 'vitest';
import { ana, ANA, connectorRun, roleSeed } from './connector-harness';

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

describe('zendesk connector: what deleting the user alone would leave behind', () => {
  it('finds a ticket Ana only commented on (author), and searches every email identity of her user', async () => {
    const { connector, ctx, desk } = connectorRun('zendesk', roleSeed('zendesk'));
    const zd = desk.tools.zendesk;
    const ana1 = zd.findUser(ANA)!;
    ana1.otherEmails = ['ana.work@example.nl'];
    const bobs = [...zd.tickets.values()].find((t) => t.subject === 'Bob asks about a friend')!;
    bobs.comments.push({ id: 99_001, authorId: ana1.id, body: 'Hi', public: true, createdAt: 0, attachments: [] });
    // The panel saw her work address only: the user record leads to everything.
    const found = await connector.find(await ctx(), [{ kind: 'email', value: 'ana.work@example.nl' }]);
    const commented = found.items.find((i) => i.id === String(bobs.id))!;
    expect(commented.role).toBe('author');
    expect(found.items.filter((i) => i.kind === 'ticket')).toHaveLength(5);
    expect(found.items.find((i) => i.kind === 'user')!.title).toMatch(/^2 identities/);
    const searched = desk.requests.filter((r) => r.path.endsWith('/identities'));
    expect(searched).toHaveLength(1);
    expect(desk.violations).toEqual([]);
  });

  it('a ticket of Ana merged into Bob’s: hers is deleted, Bob’s is a step by hand to redact the copy, never deleted', async () => {
    const { connector, ctx, desk, clock } = connectorRun('zendesk', roleSeed('zendesk'));
    const zd = desk.tools.zendesk;
    const source = [...zd.tickets.values()].find((t) => t.subject === 'Ana order 2')!;
    const target = [...zd.tickets.values()].find((t) => t.subject === 'Bob asks about a friend')!;
    const c = await ctx();
    await c.http.request('POST', `/api/v2/tickets/${target.id}/merge`, { body: { ids: [source.id] } });
    const plan = connector.planErasure(await connector.find(c, ana));
    expect(plan.erase.map((i) => i.id)).toContain(String(source.id));
    expect(plan.erase.map((i) => i.id)).not.toContain(String(target.id));
    const manual = plan.steps.find((s) => s.permanence === 'manual')!;
    expect(manual).toMatchObject({ action: 'manual.redact-merged', ids: [String(target.id)] });
    expect(plan.manual!.deepLink).toMatch(new RegExp(`/agent/tickets/${target.id}$`));
    for (const step of plan.steps.filter((s) => s.permanence !== 'manual')) {
      await connector.eraseStep(c, step);
      await clock.sleep(5000);
    }
    expect(zd.tickets.has(source.id)).toBe(false);
    expect(zd.tickets.has(target.id)).toBe(true);
    expect(desk.violations).toEqual([]);
  });
});
