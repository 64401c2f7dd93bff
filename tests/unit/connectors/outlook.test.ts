import { describe, expect, it } from 'vitest';
import { outlook } from '../../../lib/connectors/outlook';
import { outlookRun } from './graph-fake';

const ana = [{ kind: 'email' as const, value: 'ana.jansen@example.nl' }];

describe('outlook connector (Microsoft Graph)', () => {
  it('finds messages the customer sent, received or was copied on, not one that mentions the address', async () => {
    const { ctx } = outlookRun();
    const found = await outlook.find(await ctx(), ana);
    const ids = found.items.map((i) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['AAM1', 'AAM2', 'AAM3', 'AAM4']));
    expect(ids).not.toContain('AAM5');
    expect(found.items.find((i) => i.id === 'AAM3')!.held).toBe(true);
  });

  it('deletes permanently in JSON batches of at most 20, never the held message, and a repeat is already gone', async () => {
    const { graph, ctx } = outlookRun();
    const c = await ctx();
    const found = await outlook.find(c, ana);
    const plan = outlook.planErasure(found);
    expect(plan.steps.every((s) => s.ids.length <= 20 && s.action === 'messages.permanentDelete')).toBe(true);
    for (const step of plan.steps) await outlook.eraseStep(c, step);
    expect(graph.deleted).not.toContain('AAM3');
    expect(graph.deleted).toHaveLength(found.items.length - 1);
    const again = await outlook.eraseStep(c, plan.steps[0]!);
    expect(again.alreadyGone).toEqual(plan.steps[0]!.ids);
    expect((await outlook.verify(c, ana, plan.erase)).remaining).toEqual([]);
    // Never the plain DELETE, which only moves a message to Deleted Items.
    expect(graph.recorded.some((r) => r.method === 'DELETE')).toBe(false);
  });

  it('writes the privacy-keep category and reads it back before a delete step', async () => {
    const { ctx } = outlookRun();
    const c = await ctx();
    const plan = outlook.planErasure(await outlook.find(c, ana));
    const target = plan.erase[0]!;
    await outlook.writeHold(c, target, true);
    expect([...(await outlook.readHolds(c, plan.steps[0]!))]).toEqual([target.id]);
  });

  it('throttled batch entries (429 with their own Retry-After) are sent again after the wait, each deleted once', async () => {
    const { graph, clock, ctx } = outlookRun();
    for (let i = 0; i < 37; i += 1)
      graph.messages.set(`BULK${i}`, {
        id: `BULK${i}`,
        from: 'ana.jansen@example.nl',
        to: ['support@acme.example'],
        cc: [],
        subject: `Bulk ${i}`,
        categories: [],
        receivedDateTime: '2026-10-02T10:00:00Z',
      });
    graph.throttle = { perBatch: 4, retryAfterS: 3 };
    const c = await ctx();
    const found = await outlook.find(c, ana);
    const plan = outlook.planErasure(found);
    const start = clock.now();
    const erased: string[] = [];
    for (const step of plan.steps) erased.push(...(await outlook.eraseStep(c, step)).erased);
    expect(erased.sort()).toEqual(plan.erase.map((i) => i.id).sort());
    expect(new Set(graph.deleted).size).toBe(graph.deleted.length);
    expect(graph.messages.has('AAM3')).toBe(true);
    // 20 entries, 4 answered per round: 5 rounds per full batch, each after the 3 s the mailbox asked for.
    expect(clock.now() - start).toBeGreaterThanOrEqual(4 * 3000);
  });

  it('a batch that stays throttled fails the step as retryable, with nothing reported erased', async () => {
    const { graph, ctx } = outlookRun();
    graph.throttle = { perBatch: 0, retryAfterS: 1 };
    const c = await ctx();
    const plan = outlook.planErasure(await outlook.find(c, ana));
    await expect(outlook.eraseStep(c, plan.steps[0]!)).rejects.toMatchObject({ status: 429, retryable: true });
    expect(graph.deleted).toEqual([]);
  });
});
