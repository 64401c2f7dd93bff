/**
 * The API the panel dialog and the background use:
 * `planErasure(customer, tools)` (dry run), `startErasure(plan)`, `runJobSlice(jobId, budget)`
 * (the background calls it from `browser.alarms`), `progress(jobId)`, `retryFailed(jobId)` and
 * `confirmManual(jobId, stepId)` for guided manual steps.
 */
import type { Identity } from '../connectors/types';
import type { JobStore } from './job-store';
import { buildPlan, type Plan } from './plan';
import type { RegisterPort } from './register-port';
import { load, runJobSlice as runSlice, save, type BoundaryPoint, type SliceBudget } from './runner';
import { ToolContexts, type ToolDeps } from './tool-contexts';
import type { Job, JobProgress } from './types';

export interface ErasureServiceDeps extends ToolDeps {
  store: JobStore;
  register: RegisterPort;
  newId?: () => string;
  onBoundary?: (point: BoundaryPoint, job: Job) => void;
}

export function createErasureService(deps: ErasureServiceDeps) {
  const contexts = new ToolContexts(deps);
  const now = () => deps.clock.now();
  const runnerDeps = { store: deps.store, register: deps.register, contexts, now, onBoundary: deps.onBoundary };
  const newId = deps.newId ?? (() => crypto.randomUUID());

  return {
    contexts,

    planErasure(customer: { id: string; identities: Identity[] }, tools: string[]): Promise<Plan> {
      return buildPlan(contexts, customer, tools, now());
    },

    async startErasure(plan: Plan): Promise<string> {
      const steps: Job['steps'] = [];
      for (const toolPlan of plan.tools)
        toolPlan.steps.forEach((spec, toolIndex) =>
          steps.push({
            id: steps.length,
            toolIndex,
            spec,
            status: 'pending',
            attempts: 0,
            erased: [],
            alreadyGone: [],
            pending: [],
            heldSkipped: [],
          }),
        );
      const tools = plan.tools.map((t) => t.tool);
      const job: Job = {
        id: newId(),
        kind: 'erase',
        customerId: plan.customerId,
        identities: plan.identities,
        status: 'planned',
        createdAt: now(),
        updatedAt: now(),
        tools,
        notSearched: plan.errors.map((e) => e.tool),
        items: Object.fromEntries(
          plan.found.map((f) => [f.tool, f.items.map((i) => ({ kind: i.kind, id: i.id, role: i.role }))]),
        ),
        held: Object.fromEntries(plan.tools.map((t) => [t.tool, t.kept.map((i) => `${i.kind}:${i.id}`)])),
        steps,
        verification: Object.fromEntries(
          tools.map((tool) => [tool, { status: 'pending' as const, rounds: 0, remaining: [] }]),
        ),
        leftover: [],
      };
      job.requestId = await deps.register.openErasureRequest(plan.customerId, now());
      await deps.store.put(job);
      await deps.register.audit({
        at: now(),
        action: 'erase-started',
        jobId: job.id,
        counts: Object.fromEntries(
          steps.length ? tools.map((t) => [t, steps.filter((s) => s.spec.tool === t).length]) : [],
        ),
      });
      return job.id;
    },

    runJobSlice(jobId: string, budget?: SliceBudget): Promise<Job> {
      return runSlice(runnerDeps, jobId, budget);
    },

    /** Runs slices until the job ends or waits on the agent; waits out verification delays on the clock. */
    async runToEnd(jobId: string, maxSlices = 1000): Promise<Job> {
      let job = await load(runnerDeps, jobId);
      for (let i = 0; i < maxSlices; i += 1) {
        job = await runSlice(runnerDeps, jobId);
        if (job.status === 'erased' || job.status === 'partial' || job.status === 'awaiting-agent') return job;
        const next = Object.values(job.verification)
          .filter((v) => v.status === 'pending' && v.notBefore !== undefined)
          .map((v) => v.notBefore!);
        if (next.length) await deps.clock.sleep(Math.max(0, Math.min(...next) - now()));
      }
      return job;
    },

    async progress(jobId: string): Promise<JobProgress> {
      return progressOf(await load(runnerDeps, jobId));
    },

    /** Failed steps go back to pending and every tool is verified again. */
    async retryFailed(jobId: string): Promise<void> {
      const job = await load(runnerDeps, jobId);
      for (const step of job.steps) if (step.status === 'failed') step.status = 'pending';
      for (const v of Object.values(job.verification))
        Object.assign(v, { status: 'pending', rounds: 0, notBefore: undefined, remaining: [] });
      job.status = 'running';
      job.leftover = [];
      await save(runnerDeps, job);
    },

    /** The agent did the guided manual step (e.g. Meta inbox) and says so; it is recorded. */
    async confirmManual(jobId: string, stepId: number): Promise<void> {
      const job = await load(runnerDeps, jobId);
      const step = job.steps[stepId];
      if (!step || step.status !== 'waiting') return;
      step.status = 'done';
      step.erased = step.spec.ids;
      step.finishedAt = now();
      job.status = 'running';
      await save(runnerDeps, job);
      await deps.register.audit({ at: now(), action: 'manual-confirmed', jobId, tool: step.spec.tool });
    },
  };
}

export type ErasureService = ReturnType<typeof createErasureService>;

/** Ids erased in a tool; ids handed to a background deletion count once verification found them gone. */
export function erasedIds(job: Job, tool: string): Set<string> {
  const verification = job.verification[tool];
  const confirmed = (id: string) => verification?.status === 'done' && !verification.remaining.includes(id);
  const first = job.steps.filter((s) => s.spec.tool === tool && s.spec.dependsOn === undefined);
  return new Set(first.flatMap((s) => [...s.erased, ...s.alreadyGone, ...s.pending.filter(confirmed)]));
}

export function progressOf(job: Job): JobProgress {
  const doneish = job.steps.filter((s) => s.status === 'done' || s.status === 'skipped').length;
  return {
    jobId: job.id,
    status: job.status,
    stepsDone: doneish,
    stepsTotal: job.steps.length,
    perTool: job.tools.map((tool) => {
      const steps = job.steps.filter((s) => s.spec.tool === tool);
      return {
        tool,
        erased: erasedIds(job, tool).size,
        kept: (job.held[tool] ?? []).length,
        failed: steps.filter((s) => s.status === 'failed').length,
        remaining: job.leftover.filter((l) => l.tool === tool).length,
      };
    }),
    leftover: job.leftover,
    errors: job.steps
      .filter((s) => s.error)
      .map((s) => ({ tool: s.spec.tool, userMessage: s.error!.userMessage, retryable: s.error!.retryable })),
  };
}
