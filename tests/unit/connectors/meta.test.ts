import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../lib/connectors/clock';
import { meta } from '../../../lib/connectors/meta';
import { connectors } from '../../../lib/connectors/registry';
import { createErasureService } from '../../../lib/jobs/erasure-service';
import { MemoryJobStore } from '../../../lib/jobs/job-store';
import { MemoryRegister } from '../../../lib/jobs/register-port';

describe('meta business inbox (guided manual step)', () => {
  it('plans a deep link and a checklist, with no API call', async () => {
    const calls: string[] = [];
    const service = createErasureService({
      connectors,
      connection: (tool) => ({ tool, account: 'page', secret: {} }),
      fetch: async (url) => {
        calls.push(url);
        return new Response('{}');
      },
      clock: new VirtualClock(),
      store: new MemoryJobStore(),
      register: new MemoryRegister(),
    });
    const plan = await service.planErasure({ id: 'c', identities: [{ kind: 'handle', value: '@ana' }] }, ['meta']);
    expect(plan.tools[0]!.manual!.deepLink).toMatch(/^https:\/\/business\.facebook\.com\//);
    expect(plan.tools[0]!.manual!.checklist.length).toBeGreaterThanOrEqual(3);
    expect(plan.tools[0]!.permanence).toBe('manual');
    expect(calls).toEqual([]);
  });

  it('waits for the agent, records the confirmation, and only then finishes', async () => {
    const register = new MemoryRegister();
    const service = createErasureService({
      connectors: { meta },
      connection: (tool) => ({ tool, account: 'page', secret: {} }),
      fetch: async () => new Response('{}'),
      clock: new VirtualClock(),
      store: new MemoryJobStore(),
      register,
    });
    const plan = await service.planErasure({ id: 'c', identities: [{ kind: 'handle', value: '@ana' }] }, ['meta']);
    const jobId = await service.startErasure(plan);
    expect((await service.runToEnd(jobId)).status).toBe('awaiting-agent');
    expect(register.receipts).toHaveLength(0);
    await service.confirmManual(jobId, 0);
    expect((await service.runToEnd(jobId)).status).toBe('erased');
    expect(register.auditLog.map((a) => a.action)).toContain('manual-confirmed');
    expect(register.receipts[0]!.perTool[0]).toMatchObject({ tool: 'meta', permanence: 'manual' });
  });
});
