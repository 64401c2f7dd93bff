import { describe, expect, it } from 'vitest';
import { validateRequest } from '../../demo/openapi';
import { outlook } from '../../lib/connectors/outlook';
import { outlookRun } from '../unit/connectors/graph-fake';

/**
 * The demo desk has no Graph stand-in: the Outlook connector's requests are recorded on a fake mailbox and each
 * (JSON-batch entries included) is validated against Microsoft's own description (the trimmed mail file).
 * That file is an old revision without `/$batch` and `…/messages/{id}/permanentDelete` (see SOURCES.md: they are
 * in msgraph-sdk-powershell's current Users.Actions.yml); those two are checked against their documented shape.
 */
const UNDESCRIBED = [
  /^POST https:\/\/graph\.microsoft\.com\/v1\.0\/\$batch$/,
  /^POST https:\/\/graph\.microsoft\.com\/v1\.0\/users\/[^/]+\/messages\/[^/]+\/permanentDelete$/,
];

describe('Outlook requests against the Microsoft Graph description', () => {
  it('every recorded request validates (or is one of the two documented endpoints the old file lacks)', async () => {
    const { graph, ctx } = outlookRun();
    const c = await ctx();
    const ana = [{ kind: 'email' as const, value: 'ana.jansen@example.nl' }];
    const found = await outlook.find(c, ana);
    const plan = outlook.planErasure(found);
    await outlook.writeHold(c, plan.erase[0]!, true);
    for (const step of plan.steps) {
      await outlook.readHolds(c, step);
      await outlook.eraseStep(c, step);
    }
    await outlook.verify(c, ana, plan.erase);
    await outlook.collect(c, { tool: 'outlook', items: found.items.filter((i) => i.held) });

    expect(graph.recorded.length).toBeGreaterThan(10);
    const violations: string[] = [];
    let validated = 0;
    for (const r of graph.recorded) {
      const line = `${r.method} ${r.url.split('?')[0]}`;
      if (UNDESCRIBED.some((re) => re.test(line))) {
        if (line.endsWith('/permanentDelete')) expect(r.body).toBeUndefined();
        continue;
      }
      const result = validateRequest('graph', {
        method: r.method,
        url: r.url,
        headers: { 'content-type': 'application/json' },
        body: r.body,
      });
      if (!result.ok) violations.push(`${line}: ${result.errors.join('; ')}`);
      else validated += 1;
    }
    expect(violations).toEqual([]);
    expect(validated).toBeGreaterThan(5);
  });
});
