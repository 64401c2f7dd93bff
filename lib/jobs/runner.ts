/**
 * Runs an erasure job in slices. Every step is persisted before it runs (running, attempts + 1)
 * and after (done / failed / skipped), so a service worker killed anywhere resumes from the store:
 * a step found `running` is simply run again, which is safe because deletes are idempotent (an id
 * already gone counts as gone once the tool confirms it). Holds are re-read at the tool right
 * before each delete step; a held id is dropped from that step and every later one. Each tool has its
 * own lane (tools run side by side, each behind its own limiter); a lane may run a few steps at once
 * (`limits.concurrency`, e.g. Zendesk's background delete jobs overlap), never a step before the one it
 * depends on, and never a "no holds" step (the user record) before every earlier step of its tool.
 */
import { toErrorShape } from '../connectors/errors';
import type { FoundItem, StepSpec } from '../connectors/types';
import { finalizeJob } from './finalize';
import type { JobStore } from './job-store';
import type { RegisterPort } from './register-port';
import type { ToolContexts } from './tool-contexts';
import type { Job, JobStep } from './types';
import { isTerminal } from './types';
import { verifyTool } from './verify';

export type BoundaryPoint = 'before-step' | 'step-marked-running' | 'step-executed' | 'step-persisted' | 'verified';

export interface RunnerDeps {
  store: JobStore;
  register: RegisterPort;
  contexts: ToolContexts;
  now: () => number;
  /** Test hook: a throw here is a service worker killed at that boundary. */
  onBoundary?: (point: BoundaryPoint, job: Job) => void;
}

export interface SliceBudget {
  maxSteps?: number;
  /** Stop starting new steps after this time (ms since epoch, on the runner's clock). */
  deadline?: number;
}

export async function runJobSlice(deps: RunnerDeps, jobId: string, budget: SliceBudget = {}): Promise<Job> {
  const job = await load(deps, jobId);
  if (isTerminal(job.status)) return job;
  if (job.status === 'planned') {
    job.status = 'running';
    await save(deps, job);
  }
  const slice: Slice = { steps: 0, stopped: undefined };
  const withinBudget = () =>
    slice.stopped === undefined &&
    (budget.maxSteps === undefined || slice.steps < budget.maxSteps) &&
    (budget.deadline === undefined || deps.now() < budget.deadline);
  const lanes = await Promise.allSettled(
    job.tools.map((tool) => runLane(guard(deps, slice), job, tool, slice, withinBudget)),
  );
  const failed = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
  if (failed) throw slice.stopped ?? failed.reason;

  if (job.steps.some((s) => s.status === 'pending' || s.status === 'running')) return job;
  if (job.steps.some((s) => s.status === 'waiting')) {
    job.status = 'awaiting-agent';
    await save(deps, job);
    return job;
  }
  if (job.status !== 'verifying') {
    job.status = 'verifying';
    await save(deps, job);
  }
  if (Object.values(job.verification).some((v) => v.status === 'pending')) return job;
  return finalizeJob(deps, job);
}

interface Slice {
  steps: number;
  /** Set when a lane stopped (the worker was killed, or the store failed): every other lane stops too. */
  stopped: unknown;
}

/**
 * The runner's dependencies for one slice: once any lane stops (a killed worker, a store that failed),
 * no other lane persists anything more, exactly as if the whole worker had stopped at that moment.
 */
function guard(deps: RunnerDeps, slice: Slice): RunnerDeps {
  const check = () => {
    if (slice.stopped !== undefined) throw slice.stopped;
  };
  const stop = (error: unknown) => {
    slice.stopped ??= error;
    throw error;
  };
  return {
    ...deps,
    store: {
      get: (id) => deps.store.get(id),
      list: () => deps.store.list(),
      put: async (job) => {
        check();
        await deps.store.put(job).catch(stop);
      },
    },
    onBoundary: (point, job) => {
      check();
      try {
        deps.onBoundary?.(point, job);
      } catch (error) {
        stop(error);
      }
    },
  };
}

/**
 * One tool's lane: its steps in plan order, up to the tool's `concurrency` at once (a step waits for the
 * step it depends on; a step that needs no holds waits for every earlier step of its tool), then its
 * verification. Lanes of different tools run side by side, each behind its own rate limiter.
 */
async function runLane(deps: RunnerDeps, job: Job, tool: string, slice: Slice, withinBudget: () => boolean) {
  const concurrency = Math.max(1, deps.contexts.connector(tool).limits.concurrency ?? 1);
  const inFlight = new Map<number, Promise<unknown>>();
  for (;;) {
    while (inFlight.size < concurrency && withinBudget()) {
      const step = nextRunnable(job, tool, inFlight);
      if (!step) break;
      slice.steps += 1;
      deps.onBoundary?.('before-step', job);
      const run = runStep(deps, job, step.id).finally(() => inFlight.delete(step.id));
      run.catch(() => undefined);
      inFlight.set(step.id, run);
    }
    if (inFlight.size === 0) break;
    await Promise.race(inFlight.values());
  }
  const toolSteps = job.steps.filter((s) => s.spec.tool === tool);
  if (toolSteps.some((s) => s.status === 'pending' || s.status === 'running' || s.status === 'waiting')) return;
  const verification = job.verification[tool];
  if (!verification || verification.status !== 'pending' || !withinBudget()) return;
  if (verification.notBefore !== undefined && deps.now() < verification.notBefore) return;
  slice.steps += 1;
  await verifyTool(deps, job, tool);
  deps.onBoundary?.('verified', job);
}

function nextRunnable(job: Job, tool: string, inFlight: Map<number, unknown>): JobStep | undefined {
  const toolSteps = job.steps.filter((s) => s.spec.tool === tool);
  const unsettled = (s: JobStep) => inFlight.has(s.id) || s.status === 'pending' || s.status === 'running';
  return toolSteps.find((s) => {
    if (inFlight.has(s.id) || (s.status !== 'pending' && s.status !== 'running')) return false;
    const dependency = toolSteps.find((d) => d.toolIndex === s.spec.dependsOn);
    if (dependency && unsettled(dependency)) return false;
    return !s.spec.requiresNoHolds || !toolSteps.some((o) => o.toolIndex < s.toolIndex && unsettled(o));
  });
}

/** The earliest time the job wants to run again (for the background's alarm), if it is waiting. */
export function nextRunAt(job: Job): number | undefined {
  const times = Object.values(job.verification)
    .filter((v) => v.status === 'pending' && v.notBefore !== undefined)
    .map((v) => v.notBefore!);
  return times.length ? Math.min(...times) : undefined;
}

async function runStep(deps: RunnerDeps, job: Job, stepId: number): Promise<Job> {
  const step = job.steps[stepId]!;
  const tool = step.spec.tool;
  step.status = 'running';
  step.attempts += 1;
  step.startedAt = deps.now();
  step.error = undefined;
  await save(deps, job);
  deps.onBoundary?.('step-marked-running', job);

  const held = new Set(job.held[tool] ?? []);
  try {
    if (step.spec.permanence === 'manual') {
      step.status = 'waiting';
    } else if (step.spec.requiresNoHolds && held.size > 0) {
      // Kept because held items point to it (e.g. the user who requested a held ticket).
      step.status = 'skipped';
      job.held[tool] = unique([...held, ...step.spec.ids.map((id) => `${step.spec.kind}:${id}`)]);
    } else if (!dependencyDone(job, step)) {
      step.status = 'failed';
      step.error = {
        status: 0,
        retryable: true,
        userMessage: 'An earlier step for this tool has not finished; retry it first.',
      };
    } else {
      const connector = deps.contexts.connector(tool);
      const context = await deps.contexts.context(tool);
      const key = (id: string) => `${step.spec.kind}:${id}`;
      let ids = step.spec.ids.filter((id) => !held.has(key(id)));
      if (step.spec.checkHolds && ids.length > 0) {
        const heldNow = await connector.readHolds(context, { ...step.spec, ids }, job.identities);
        if (heldNow.size > 0) {
          job.held[tool] = unique([...(job.held[tool] ?? []), ...[...heldNow].map(key)]);
          step.heldSkipped = [
            ...new Set([...step.heldSkipped, ...[...heldNow].filter((id) => step.spec.ids.includes(id))]),
          ];
          ids = ids.filter((id) => !heldNow.has(id));
        }
      }
      step.heldSkipped = unique([...step.heldSkipped, ...step.spec.ids.filter((id) => held.has(key(id)))]);
      if (ids.length > 0) {
        const heldIds = step.spec.ids.filter((id) => !ids.includes(id));
        const outcome = await connector.eraseStep(context, { ...step.spec, ids, heldIds } satisfies StepSpec);
        if (outcome.kept?.length)
          job.held[tool] = unique([...(job.held[tool] ?? []), ...outcome.kept.map((k) => `${k.kind}:${k.id}`)]);
        step.erased = unique([...step.erased, ...outcome.erased]);
        step.alreadyGone = unique([
          ...step.alreadyGone,
          ...outcome.alreadyGone.filter((id) => !step.erased.includes(id)),
        ]);
        step.pending = unique(outcome.pending ?? []);
      }
      step.status = 'done';
    }
  } catch (error) {
    step.status = 'failed';
    step.error = toErrorShape(error);
    await deps.register.audit({
      at: deps.now(),
      action: 'erase-step-failed',
      jobId: job.id,
      tool,
      counts: { ids: step.spec.ids.length },
    });
  }
  deps.onBoundary?.('step-executed', job);
  step.finishedAt = deps.now();
  await save(deps, job);
  deps.onBoundary?.('step-persisted', job);
  return job;
}

function dependencyDone(job: Job, step: JobStep): boolean {
  if (step.spec.dependsOn === undefined) return true;
  const dependency = job.steps.find((s) => s.spec.tool === step.spec.tool && s.toolIndex === step.spec.dependsOn);
  return dependency === undefined || dependency.status === 'done' || dependency.status === 'skipped';
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

export async function load(deps: Pick<RunnerDeps, 'store'>, jobId: string): Promise<Job> {
  const job = await deps.store.get(jobId);
  if (!job) throw new Error('No such job');
  return job;
}

export async function save(deps: Pick<RunnerDeps, 'store' | 'now'>, job: Job): Promise<void> {
  job.updatedAt = deps.now();
  await deps.store.put(job);
}

export function itemsForVerification(job: Job, tool: string): FoundItem[] {
  const held = new Set(job.held[tool] ?? []);
  return (job.items[tool] ?? [])
    .filter((item) => !held.has(`${item.kind}:${item.id}`))
    .map((item) => ({
      tool,
      kind: item.kind as FoundItem['kind'],
      id: item.id,
      role: item.role as FoundItem['role'],
      held: false,
    }));
}
