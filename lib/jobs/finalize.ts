/**
 * The end of a job: what is left is computed from the tools' own answers (verification) and the
 * steps that failed, never from hope. Nothing left: the register forgets the customer, keeping the
 * hashed receipt and audit entries, and the data-subject request is closed. Anything left: the job
 * is `partial` with the exact list, the request stays open and the failed steps can be retried.
 */
import type { RunnerDeps } from './runner';
import { save } from './runner';
import { hashIdentities } from './receipt';
import type { Receipt } from './register-port';
import type { Job, Leftover } from './types';

const DAY = 86_400_000;

export function computeLeftover(job: Job): Leftover[] {
  const leftover: Leftover[] = [];
  for (const tool of job.notSearched) leftover.push({ tool, id: '*', state: 'not-searched' });
  for (const tool of job.tools) {
    const verification = job.verification[tool];
    const listed = new Set<string>();
    for (const id of verification?.remaining ?? []) {
      listed.add(id);
      leftover.push({ tool, id, state: 'present' });
    }
    for (const step of job.steps.filter((s) => s.spec.tool === tool)) {
      if (step.status === 'waiting') leftover.push({ tool, id: step.spec.ids[0] ?? '*', state: 'manual' });
      if (step.status !== 'failed') continue;
      const held = new Set(job.held[tool] ?? []);
      for (const id of step.spec.ids) {
        if (listed.has(id) || held.has(`${step.spec.kind}:${id}`)) continue;
        listed.add(id);
        leftover.push({ tool, id, state: step.spec.dependsOn === undefined ? 'unverified' : 'recoverable' });
      }
    }
    if (verification?.status === 'failed')
      for (const item of job.items[tool] ?? [])
        if (!listed.has(item.id) && !(job.held[tool] ?? []).includes(`${item.kind}:${item.id}`)) {
          listed.add(item.id);
          leftover.push({ tool, id: item.id, state: 'unverified' });
        }
  }
  return leftover;
}

export async function finalizeJob(deps: RunnerDeps, job: Job): Promise<Job> {
  job.leftover = computeLeftover(job);
  job.finishedAt = deps.now();
  if (job.leftover.length > 0) {
    job.status = 'partial';
    await save(deps, job);
    await deps.register.audit({
      at: deps.now(),
      action: 'erase-partial',
      jobId: job.id,
      counts: { left: job.leftover.length },
    });
    return job;
  }
  const perTool = job.tools.map((tool) => {
    const connector = deps.contexts.connector(tool);
    const steps = job.steps.filter((s) => s.spec.tool === tool);
    const erased = new Set(
      steps.filter((s) => s.spec.dependsOn === undefined).flatMap((s) => [...s.erased, ...s.alreadyGone, ...s.pending]),
    );
    return {
      tool,
      erased: erased.size,
      kept: (job.held[tool] ?? []).length,
      permanence: connector.capabilities.erase,
      backupHorizonDays: connector.processing.backupHorizonDays,
    };
  });
  const receipt: Receipt = {
    id: `receipt-${job.id}`,
    jobId: job.id,
    customerHash: await hashIdentities(job.identities, await deps.register.salt()),
    requestedAt: job.createdAt,
    completedAt: deps.now(),
    perTool,
    backupHorizon: deps.now() + Math.max(0, ...perTool.map((t) => t.backupHorizonDays)) * DAY,
  };
  job.status = 'erased';
  job.receiptId = receipt.id;
  if (job.requestId) await deps.register.closeRequest(job.requestId, 'completed', deps.now());
  await deps.register.forgetCustomer(job.customerId, receipt);
  await deps.register.audit({
    at: deps.now(),
    action: 'erase-completed',
    jobId: job.id,
    counts: Object.fromEntries(perTool.map((t) => [t.tool, t.erased])),
  });
  // The job no longer needs to know who it was about.
  job.identities = [];
  job.items = Object.fromEntries(Object.keys(job.items).map((tool) => [tool, []]));
  await save(deps, job);
  return job;
}
