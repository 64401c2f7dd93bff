import { describe, expect, it } from 'vitest';
import { createDesk } from '../../../demo/desk';
import { deskConnection } from '../../../scripts/erase/desk-connections';
import { SEED_NOW, subjects } from '../../contract/desk-harness';
import { VirtualClock } from '@/lib/connectors/clock';
import type { FetchLike } from '@/lib/connectors/http';
import { connectors } from '@/lib/connectors/registry';
import { createErasureApi, type PlanInput } from '@/lib/erasure-bridge/erasure-api';
import { JOBS_ALARM, JobDriver } from '@/lib/erasure-bridge/job-driver';
import { RegisterJobStore } from '@/lib/erasure-bridge/register-job-store';
import { registerErasurePort } from '@/lib/erasure-bridge/register-port';
import { createErasureService } from '@/lib/jobs/erasure-service';
import { observeConversation } from '@/lib/register/observe-conversation';
import { conversation, freshRegister } from '../register/fresh-register';

const subject = subjects(1).find((s) => s.tool === 'zendesk' && s.held > 0)!;

function setUp(connected = ['zendesk', 'gmail']) {
  const clock = new VirtualClock(SEED_NOW);
  const desk = createDesk({ now: () => clock.now() });
  const db = freshRegister();
  const store = new RegisterJobStore(db);
  const service = createErasureService({
    connectors,
    connection: (tool) =>
      deskConnection(tool) ?? (tool === 'meta' || tool === 'outlook' ? { tool, account: 'x', secret: {} } : undefined),
    fetch: desk.deskFetch as FetchLike,
    clock,
    store,
    register: registerErasurePort(db, store),
  });
  const alarms = new Map<string, number>();
  const driver = new JobDriver({
    service,
    store,
    alarms: { create: (name, { when }) => void alarms.set(name, when), clear: (name) => alarms.delete(name) },
    now: () => clock.now(),
    sleep: (ms) => clock.sleep(ms),
  });
  const inputs = new Map<string, PlanInput>();
  let n = 0;
  const api = createErasureApi({
    db,
    service,
    store,
    driver,
    connectors,
    connectedTools: async () => connected,
    inputs: {
      get: async (id) => inputs.get(id),
      set: async (id, input) => void inputs.set(id, input),
      remove: async (id) => void inputs.delete(id),
    },
    newId: () => `plan-${++n}`,
  });
  return { clock, desk, db, store, service, driver, alarms, api, inputs };
}

const input = (tool = 'zendesk'): PlanInput => ({
  identities: [{ kind: 'email', value: subject.email.toUpperCase() }],
  conversation: { tool, conversationId: '1' },
});

describe('the background’s Forget flow over the demo desk', () => {
  it('plans per tool: counts, titles, what stays because held, and the tools not connected', async () => {
    const { api } = setUp();
    const plan = await api.plan(input());
    expect(plan.planId).toBe('plan-1');
    const zendesk = plan.tools.find((t) => t.tool === 'zendesk')!;
    expect(zendesk.label).toBe('Zendesk');
    expect(zendesk.eraseCount).toBeGreaterThan(0);
    expect(zendesk.erase.some((i) => i.kind === 'ticket' && i.title)).toBe(true);
    expect(zendesk.keptCount).toBeGreaterThanOrEqual(subject.held);
    const keptIds = new Set(zendesk.kept.map((i) => i.id));
    expect(zendesk.erase.some((i) => keptIds.has(i.id))).toBe(false);
    expect(plan.tools.map((t) => t.tool)).toEqual(['zendesk', 'gmail']);
    expect(plan.notConnected.map((t) => t.tool)).toEqual(
      expect.arrayContaining(['freshdesk', 'helpscout', 'outlook', 'front', 'intercom']),
    );
    expect(plan.notConnected.map((t) => t.tool)).not.toContain('meta');
  });

  it('names a connected tool that cannot be searched instead of leaving it out silently', async () => {
    const { api } = setUp(['zendesk', 'outlook']);
    const plan = await api.plan(input());
    expect(plan.errors.map((e) => e.tool)).toEqual(['outlook']);
    expect(plan.errors[0]!.message).toMatch(/Outlook/);
  });

  it('runs the confirmed plan to the end: erased per tool, held items kept, the customer forgotten', async () => {
    const { api, db, desk, alarms } = setUp();
    const { customerId } = await observeConversation(
      db,
      conversation('1', [{ kind: 'email', value: subject.email }]),
      SEED_NOW,
    );
    const plan = await api.plan(input());
    const { jobId, replanned } = await api.start(plan.planId);
    expect(replanned).toBe(false);
    await expect.poll(async () => (await api.progress(jobId)).status, { timeout: 10_000 }).toBe('erased');
    const progress = await api.progress(jobId);
    const zendesk = progress.perTool.find((t) => t.tool === 'zendesk')!;
    // Everything planned went, except records kept because held items point to them (the Zendesk user).
    const planned = plan.tools[0]!;
    expect(zendesk.erased + (zendesk.kept - planned.keptCount)).toBe(planned.eraseCount);
    expect(zendesk.erased).toBeGreaterThan(0);
    expect(zendesk).toMatchObject({ left: 0, failed: 0 });
    expect(zendesk.kept).toBeGreaterThanOrEqual(subject.held);
    expect(progress.backupsClearBy).toBeGreaterThan(SEED_NOW);
    expect(await db.customers.get(customerId)).toBeUndefined();
    expect(desk.violations).toEqual([]);
    expect(alarms.has(JOBS_ALARM)).toBe(false);
  });

  it('a worker restarted between plan and confirmation re-plans from the stored input', async () => {
    const first = setUp();
    const plan = await first.api.plan(input());
    // A new worker: empty memory, same session storage.
    const second = setUp();
    for (const [id, value] of first.inputs) second.inputs.set(id, value);
    const started = await second.api.start(plan.planId);
    expect(started.replanned).toBe(true);
    await expect
      .poll(async () => (await second.api.progress(started.jobId)).status, { timeout: 10_000 })
      .toBe('erased');
    await expect(second.api.start('plan-unknown')).rejects.toThrow(/no longer available/);
  });

  it('the Meta inbox is a guided manual step: the job waits for the agent, then ends when confirmed', async () => {
    const { api } = setUp(['zendesk']);
    const plan = await api.plan({ ...input('meta'), identities: [{ kind: 'email', value: subject.email }] });
    const meta = plan.tools.find((t) => t.tool === 'meta')!;
    expect(meta.permanence).toBe('manual');
    expect(meta.manual?.deepLink).toMatch(/^https:\/\/business\.facebook\.com\//);
    const { jobId } = await api.start(plan.planId);
    await expect.poll(async () => (await api.progress(jobId)).status, { timeout: 10_000 }).toBe('awaiting-agent');
    const waiting = await api.progress(jobId);
    expect(waiting.manual).toHaveLength(1);
    expect(waiting.manual[0]!.checklist.length).toBeGreaterThan(1);
    await api.confirmManual(jobId, waiting.manual[0]!.stepId);
    await expect.poll(async () => (await api.progress(jobId)).status, { timeout: 10_000 }).toBe('erased');
  });
});

describe('the job driver', () => {
  it('resumes an unfinished job from the store when the worker starts', async () => {
    const { service, store, driver } = setUp();
    const plan = await service.planErasure({ id: 'c1', identities: [{ kind: 'email', value: subject.email }] }, [
      'zendesk',
    ]);
    const jobId = await service.startErasure(plan); // the worker died right after starting
    await service.runJobSlice(jobId, { maxSteps: 1 });
    expect((await store.get(jobId))!.status).toBe('running');
    await driver.resumeAll();
    expect((await store.get(jobId))!.status).toBe('erased');
  });

  it('never resumes another runner’s job from the shared store', async () => {
    const { service, store, clock } = setUp();
    const plan = await service.planErasure({ id: 'c1', identities: [{ kind: 'email', value: subject.email }] }, [
      'zendesk',
    ]);
    const jobId = await service.startErasure(plan);
    const job = (await store.get(jobId))!;
    await store.put({ ...job, requestId: 'retention:abc' });
    const alarms = new Map<string, number>();
    const driver = new JobDriver({
      service,
      store,
      alarms: { create: (name, { when }) => void alarms.set(name, when), clear: (name) => alarms.delete(name) },
      now: () => clock.now(),
      sleep: (ms) => clock.sleep(ms),
      owns: (j) => !j.requestId?.startsWith('retention:'),
    });
    await driver.resumeAll();
    expect((await store.get(jobId))!.status).toBe('planned');
    expect(alarms.size).toBe(0);
  });

  it('sets the one alarm at the time a waiting job wants to run, and clears it when none waits', async () => {
    const { store, driver, alarms, clock, service } = setUp();
    const plan = await service.planErasure({ id: 'c1', identities: [{ kind: 'email', value: subject.email }] }, [
      'zendesk',
    ]);
    const jobId = await service.startErasure(plan);
    const job = (await store.get(jobId))!;
    job.status = 'verifying';
    job.steps.forEach((s) => (s.status = 'done'));
    job.verification.zendesk = { status: 'pending', rounds: 1, notBefore: clock.now() + 120_000, remaining: [] };
    await store.put(job);
    await driver.resumeAll();
    expect(alarms.get(JOBS_ALARM)).toBe(clock.now() + 120_000);
    job.status = 'partial';
    await store.put(job);
    await driver.schedule();
    expect(alarms.has(JOBS_ALARM)).toBe(false);
  });
});
