/**
 * The verification pass: before anything is reported erased, each tool is asked again for every
 * item that was to go. Items accepted by an asynchronous job at the tool (Help Scout above 100
 * conversations) get a few more rounds, spaced out, before they count as left behind.
 */
import { toErrorShape } from '../connectors/errors';
import type { RunnerDeps } from './runner';
import { itemsForVerification, save } from './runner';
import type { Job } from './types';

export const VERIFY_ROUNDS = 4;
const VERIFY_DELAY_MS = 15_000;

export async function verifyTool(deps: RunnerDeps, job: Job, tool: string): Promise<Job> {
  const verification = job.verification[tool]!;
  const toolSteps = job.steps.filter((s) => s.spec.tool === tool);
  if (
    verification.rounds === 0 &&
    verification.notBefore === undefined &&
    toolSteps.some((s) => s.pending.length > 0)
  ) {
    // The tool accepted a background deletion: give it time before the first check.
    verification.notBefore = deps.now() + VERIFY_DELAY_MS;
    await save(deps, job);
    return job;
  }
  verification.rounds += 1;
  const items = itemsForVerification(job, tool);
  const retryLater = () => {
    verification.status = 'pending';
    verification.notBefore = deps.now() + VERIFY_DELAY_MS * 2 ** (verification.rounds - 1);
  };
  try {
    if (toolSteps.every((s) => s.spec.permanence === 'manual')) {
      verification.remaining = [];
    } else {
      const connector = deps.contexts.connector(tool);
      const result = await connector.verify(await deps.contexts.context(tool), job.identities, items);
      verification.remaining = [...new Set(result.remaining)];
    }
    verification.error = undefined;
    const pending = new Set(toolSteps.flatMap((s) => s.pending));
    const waitingOnTool = verification.remaining.some((id) => pending.has(id));
    if (waitingOnTool && verification.rounds < VERIFY_ROUNDS) retryLater();
    else {
      verification.status = 'done';
      verification.notBefore = undefined;
    }
  } catch (error) {
    verification.error = toErrorShape(error);
    if (verification.rounds < VERIFY_ROUNDS) retryLater();
    else verification.status = 'failed';
  }
  await save(deps, job);
  if (verification.status === 'done')
    await deps.register.audit({
      at: deps.now(),
      action: 'erase-verified',
      jobId: job.id,
      tool,
      counts: { remaining: verification.remaining.length },
    });
  return job;
}
